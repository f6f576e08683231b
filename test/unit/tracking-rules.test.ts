import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areasOverlap } from '../../src/domain/tracking/areas.js';
import { claimRefusal, claimablePhases, type ClaimContext, type TrackedPhase } from '../../src/domain/tracking/claim-rules.js';
import { replay, applyEvent } from '../../src/domain/tracking/replay.js';
import { timelineRefusal } from '../../src/domain/tracking/timeline.js';
import { endedClaimStatus, HOLDER_EVENTS, reportRefusal } from '../../src/domain/tracking/report-rules.js';
import { initialPhaseState, type EventType, type TrackingEvent } from '../../src/domain/tracking/events.js';

const phase = (id: string, dependencies: string[] = [], team: string | null = 'a', areas: string[] = [], plannedStart = 0): TrackedPhase => ({
  id,
  dependencies,
  team,
  areas,
  plannedStart,
});

let seq = 0;
const ev = (type: EventType, phaseId: string, sessionId = 's1', data: TrackingEvent['data'] = {}): TrackingEvent => ({
  id: ++seq,
  phaseId,
  sessionId,
  type,
  data,
  occurredAt: `2027-01-04T10:00:${String(seq % 60).padStart(2, '0')}Z`,
});

function ctx(phases: TrackedPhase[], events: TrackingEvent[]): ClaimContext {
  return { phases: new Map(phases.map((p) => [p.id, p])), states: replay(events) };
}

describe('areas', () => {
  it('overlap when equal or nested on a path boundary', () => {
    expect(areasOverlap('api/', 'api/auth/login.ts')).toBe(true);
    expect(areasOverlap('./api', 'api')).toBe(true);
    expect(areasOverlap('api', 'apiary/x')).toBe(false);
    expect(areasOverlap('web/app/', 'web/admin/')).toBe(false);
  });
});

describe('claim rules', () => {
  const plan = [phase('a'), phase('b', ['a']), phase('c', ['a'], 'other'), phase('d', [], 'a', ['api/']), phase('e', [], 'x', ['api/auth/'])];

  it('refuses a phase whose dependency is not done, naming it', () => {
    expect(claimRefusal(ctx(plan, []), 'b')).toMatchObject({ reason: 'dependency_not_done', ids: ['a'] });
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a'), ev('started', 'a')]), 'b')).toMatchObject({ reason: 'dependency_not_done' });
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a'), ev('completed', 'a')]), 'b')).toBeNull();
  });

  it('refuses a phase held by a session, and a completed one', () => {
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a')]), 'a')).toMatchObject({ reason: 'phase_taken' });
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a'), ev('completed', 'a')]), 'a')).toMatchObject({ reason: 'phase_completed' });
    // released or expired claims free the phase again
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a'), ev('released', 'a')]), 'a')).toBeNull();
    expect(claimRefusal(ctx(plan, [ev('claimed', 'a'), ev('heartbeat_lost', 'a')]), 'a')).toBeNull();
  });

  it('holds a cross-team hand-over while the upstream quality gate has failed', () => {
    const events = [ev('claimed', 'a'), ev('completed', 'a'), ev('gate_failed', 'a')];
    expect(claimRefusal(ctx(plan, events), 'c')).toMatchObject({ reason: 'sync_point_pending', ids: ['a'] });
    expect(claimRefusal(ctx(plan, events), 'b')).toMatchObject({ reason: 'dependency_not_done', ids: ['a'] });
    expect(claimRefusal(ctx(plan, [...events, ev('gate_passed', 'a')]), 'c')).toBeNull();
  });

  it('refuses a phase whose areas overlap a running phase', () => {
    const r = claimRefusal(ctx(plan, [ev('claimed', 'd', 's2')]), 'e');
    expect(r).toMatchObject({ reason: 'area_locked' });
    expect(r!.ids[0]).toBe('d');
    expect(claimRefusal(ctx(plan, [ev('claimed', 'd', 's2'), ev('completed', 'd', 's2')]), 'e')).toBeNull();
  });

  it('offers claimable phases with the session team first, then by planned start', () => {
    const p = [phase('late', [], 'a', [], 5), phase('early', [], 'b', [], 1), phase('mid', [], 'a', [], 3)];
    expect(claimablePhases(ctx(p, []), 'a')).toEqual(['mid', 'late', 'early']);
    expect(claimablePhases(ctx(p, []))).toEqual(['early', 'mid', 'late']);
  });
});

describe('replay', () => {
  it('folds events into the same state however the log is chunked', () => {
    const types: EventType[] = ['claimed', 'started', 'progress', 'blocked', 'unblocked', 'completed', 'gate_failed', 'gate_passed', 'released'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...types), fc.constantFrom('p1', 'p2', 'p3'), fc.integer({ min: 0, max: 100 })), { maxLength: 60 }),
        fc.nat(60),
        (steps, cut) => {
          const events = steps.map(([t, p, pct], i) => ({
            id: i + 1,
            phaseId: p,
            sessionId: 's',
            type: t,
            data: { percent: pct },
            occurredAt: new Date(1e12 + i * 1000).toISOString(),
          }));
          const whole = replay(events);
          // incremental application from a replayed prefix gives the same states
          const prefix = replay(events.slice(0, cut));
          for (const e of events.slice(cut)) prefix.set(e.phaseId, applyEvent(prefix.get(e.phaseId) ?? initialPhaseState(), e));
          expect(prefix).toEqual(whole);
        },
      ),
    );
  });

  it('derives timestamps and status from the events', () => {
    const s = replay([ev('claimed', 'z'), ev('started', 'z'), ev('progress', 'z', 's1', { percent: 40 }), ev('blocked', 'z', 's1', { reason: 'waiting for API keys' })]).get('z')!;
    expect(s.status).toBe('blocked');
    expect(s.percent).toBe(40);
    expect(s.blockedReason).toBe('waiting for API keys');
    expect(s.startedAt).not.toBeNull();
  });
});

describe('reported times against the event timeline', () => {
  const states = new Map([
    [
      'design',
      {
        ...initialPhaseState(),
        status: 'completed' as const,
        claimedAt: '2027-01-04T09:00:00Z',
        startedAt: '2027-01-04T10:00:00Z',
        completedAt: '2027-01-08T17:00:00Z',
        percent: 100,
      },
    ],
    ['build', { ...initialPhaseState(), status: 'claimed' as const, sessionId: 's', claimedAt: '2027-01-11T09:00:00Z' }],
  ]);
  const ctx = (dependencies: string[] = []) => ({ startDate: '2027-01-04', states, dependencies });

  it('refuses a claim dated before a dependency completed, naming it', () => {
    expect(timelineRefusal({ type: 'claimed', phaseId: 'ship', at: '2027-01-07T09:00:00Z' }, ctx(['design']))).toMatchObject({
      reason: 'before_dependency_completed',
      ids: ['design'],
    });
    expect(timelineRefusal({ type: 'claimed', phaseId: 'ship', at: '2027-01-09T09:00:00Z' }, ctx(['design']))).toBeUndefined();
  });

  it('refuses a completion or start before the phase’s own claim, and anything out of order', () => {
    expect(timelineRefusal({ type: 'completed', phaseId: 'build', at: '2027-01-10T12:00:00Z' }, ctx())).toMatchObject({ reason: 'before_claim' });
    expect(timelineRefusal({ type: 'gate_passed', phaseId: 'design', at: '2027-01-06T12:00:00Z' }, ctx())).toMatchObject({ reason: 'out_of_order' });
    expect(timelineRefusal({ type: 'started', phaseId: 'build', at: '2027-01-11T10:00:00Z' }, ctx())).toBeUndefined();
  });

  it('refuses a report dated more than a year before the project start (a wrong clock), not an early start', () => {
    expect(timelineRefusal({ type: 'claimed', phaseId: 'x', at: '1970-01-01T00:00:00Z' }, ctx())).toMatchObject({ reason: 'before_project_start' });
    expect(timelineRefusal({ type: 'claimed', phaseId: 'x', at: '2026-12-01T00:00:00Z' }, ctx())).toBeUndefined();
  });
});

describe('report rules', () => {
  const at = '2027-01-04T12:00:00Z';
  const judge = (type: EventType, events: TrackingEvent[], sessionId = 's1') => {
    const states = replay(events);
    return reportRefusal({ type, phaseId: 'a', at }, { sessionId, state: states.get('a'), states, startDate: '2027-01-04' });
  };

  it('lets only the holder report work on a phase, and names the phase', () => {
    expect(judge('started', [])).toMatchObject({ kind: 'conflict', reason: 'not_claim_holder', path: '/phaseId', ids: ['a'] });
    expect(judge('progress', [ev('claimed', 'a', 's2')])).toMatchObject({ reason: 'not_claim_holder' });
    expect(judge('started', [ev('claimed', 'a', 's1')])).toBeUndefined();
    for (const type of HOLDER_EVENTS) expect(judge(type, [ev('claimed', 'a', 's1'), ev('completed', 'a', 's1')])?.reason).toBe('not_claim_holder');
  });

  it('judges quality gates only on completed phases and unblocks only blocked ones', () => {
    expect(judge('gate_passed', [ev('claimed', 'a')])).toMatchObject({ reason: 'phase_not_completed', path: '/phaseId' });
    expect(judge('gate_failed', [ev('claimed', 'a'), ev('completed', 'a')], 's9')).toBeUndefined();
    expect(judge('unblocked', [ev('claimed', 'a'), ev('started', 'a')])).toMatchObject({ kind: 'conflict', reason: 'not_blocked', path: '/type' });
    expect(judge('unblocked', [ev('claimed', 'a'), ev('blocked', 'a', 's1', { reason: 'waiting' })])).toBeUndefined();
  });

  it('refuses a report dated before the record as unprocessable, on /at', () => {
    const states = replay([ev('claimed', 'a')]);
    const early = reportRefusal({ type: 'started', phaseId: 'a', at: '2027-01-04T09:00:00Z' }, { sessionId: 's1', state: states.get('a'), states, startDate: '2027-01-04' });
    expect(early).toMatchObject({ kind: 'unprocessable', reason: 'before_claim', path: '/at' });
  });

  it('says which reports end the claim', () => {
    expect([...HOLDER_EVENTS].map(endedClaimStatus)).toEqual([null, null, null, null, 'completed', 'released', 'failed']);
  });
});
