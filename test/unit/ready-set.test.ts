import { describe, expect, it } from 'vitest';
import { claimablePhases, claimantObstacles, type ClaimContext, type Claimant, type LiveClaim, type TrackedPhase } from '../../src/domain/tracking/claim-rules.js';
import { readySet } from '../../src/domain/tracking/ready-set.js';
import { replay } from '../../src/domain/tracking/replay.js';
import type { EventType, TrackingEvent } from '../../src/domain/tracking/events.js';

let seq = 0;
const ev = (type: EventType, phaseId: string, sessionId = 's1'): TrackingEvent => ({ id: ++seq, phaseId, sessionId, type, data: {}, occurredAt: '2027-01-04T10:00:00Z' });

/** back: api (schema → api), front: ui (design; schema → page), qa: tests (api, page → e2e, wave 3). */
const PHASES: TrackedPhase[] = [
  { id: 'schema', dependencies: [], areas: ['db/'], team: 'back', plannedStart: 0, skills: ['api'], wave: 1, slack: 0 },
  { id: 'design', dependencies: [], areas: ['web/components/'], team: 'front', plannedStart: 0, skills: ['ui'], wave: 1, slack: 3 },
  { id: 'migrate', dependencies: [], areas: ['db/migrations/'], team: 'back', plannedStart: 2, skills: ['api'], wave: 1, slack: 1 },
  { id: 'api', dependencies: ['schema'], areas: ['api/'], team: 'back', plannedStart: 2, skills: ['api'], wave: 2, slack: 0 },
  { id: 'page', dependencies: ['schema'], areas: ['web/page/'], team: 'front', plannedStart: 2, skills: ['ui'], wave: 2, slack: 2, teamSize: 2 },
  { id: 'e2e', dependencies: ['api', 'page'], areas: ['e2e/'], team: 'qa', plannedStart: 6, skills: ['tests'], wave: 3, slack: 0 },
];
const TEAMS = new Map([
  ['back', { id: 'back', skills: ['api'], capacity: 2 }],
  ['front', { id: 'front', skills: ['ui'], capacity: 2 }],
  ['qa', { id: 'qa', skills: ['tests', 'api'], capacity: 1 }],
]);

function ctx(events: TrackingEvent[], liveClaims: LiveClaim[] = [], gating: 'flow' | 'barrier' = 'flow'): ClaimContext {
  return { phases: new Map(PHASES.map((p) => [p.id, p])), states: replay(events), teams: TEAMS, liveClaims, gating };
}
const who = (team: string | null, sessionId = 'me', skills: string[] | null = null, claimLimit = 1): Claimant => ({ sessionId, team, skills, claimLimit });
const reasonsOf = (set: ReturnType<typeof readySet>, id: string) => set.notReady.find((n) => n.phaseId === id)?.reasons.map((r) => r.reason) ?? [];

describe('ready set', () => {
  it('lists what may start now in plan order (least slack, then planned start) and changes nothing', () => {
    const c = ctx([]);
    const set = readySet(c, {}, true);
    expect(set.ready.map((r) => r.phaseId)).toEqual(['schema', 'migrate', 'design']);
    expect(reasonsOf(set, 'api')).toEqual(['dependency_not_done']);
    expect(set.notReady.find((n) => n.phaseId === 'e2e')!.reasons[0]!.ids).toEqual(['api', 'page']);
    expect(c.states.size).toBe(0);
    expect(readySet(c, { limit: 1 }).ready).toHaveLength(1);
  });

  it('says a phase is taken, and which running phase holds the area another needs', () => {
    const set = readySet(ctx([ev('claimed', 'schema', 's9')], [{ phaseId: 'schema', sessionId: 's9', team: 'back' }]), {}, true);
    expect(set.notReady.find((n) => n.phaseId === 'schema')!.reasons[0]).toMatchObject({ reason: 'phase_taken', ids: ['schema', 's9'] });
    const locked = set.notReady.find((n) => n.phaseId === 'migrate')!.reasons[0]!;
    expect(locked.reason).toBe('area_locked');
    expect(locked.ids).toContain('schema');
    expect(locked.message).toContain('session s9');
  });

  it('holds a cross-team hand-over whose quality gate failed (sync point pending)', () => {
    const set = readySet(ctx([ev('claimed', 'schema'), ev('completed', 'schema'), ev('gate_failed', 'schema')]), {}, true);
    expect(reasonsOf(set, 'page')).toEqual(['sync_point_pending']);
    expect(reasonsOf(set, 'api')).toEqual(['dependency_not_done']);
  });

  it('under barrier gating, a later wave waits for the whole earlier wave to complete with gates passed', () => {
    const done = [ev('claimed', 'schema'), ev('completed', 'schema'), ev('gate_passed', 'schema')];
    const flow = readySet(ctx(done), {}, true);
    expect(flow.ready.map((r) => r.phaseId)).toContain('api');
    const barrier = readySet(ctx(done, [], 'barrier'), {}, true);
    expect(barrier.ready.map((r) => r.phaseId)).not.toContain('api');
    const why = barrier.notReady.find((n) => n.phaseId === 'api')!.reasons[0]!;
    expect(why).toMatchObject({ reason: 'wave_pending', ids: ['design', 'migrate'] });
    expect(why.message).toContain('wave 1');
    const wave1 = [...done, ...['design', 'migrate'].flatMap((p) => [ev('claimed', p), ev('completed', p)])];
    expect(reasonsOf(readySet(ctx(wave1, [], 'barrier'), {}, true), 'api')).toEqual(['wave_pending']);
    const passed = [...wave1, ev('gate_passed', 'design'), ev('gate_passed', 'migrate')];
    expect(readySet(ctx(passed, [], 'barrier')).ready.map((r) => r.phaseId)).toEqual(['api', 'page']);
  });

  it('filters by team (skills and capacity), by skills, and by session (claim limit)', () => {
    const c = ctx([]);
    expect(readySet(c, { team: 'front' }).ready.map((r) => r.phaseId)).toEqual(['design']);
    const front = readySet(c, { team: 'front' }, true);
    expect(reasonsOf(front, 'schema')).toEqual(['skill_mismatch']);
    expect(readySet(c, { skills: ['api'] }).ready.map((r) => r.phaseId)).toEqual(['schema', 'migrate']);
    const full = ctx(
      [ev('claimed', 'design', 'x'), ev('claimed', 'other', 'y')],
      [
        { phaseId: 'design', sessionId: 'x', team: 'front' },
        { phaseId: 'other', sessionId: 'y', team: 'front' },
      ],
    );
    const set = readySet(full, { claimant: who('front', 'z') }, true);
    expect(reasonsOf(set, 'schema')).toEqual(['skill_mismatch', 'team_at_capacity']);
    const busy = readySet(ctx([ev('claimed', 'design', 'me')], [{ phaseId: 'design', sessionId: 'me', team: 'front' }]), { claimant: who('back') }, true);
    expect(busy.ready).toEqual([]);
    expect(reasonsOf(busy, 'schema')).toEqual(['session_busy']);
  });
});

describe('claim rules for a claimant', () => {
  it('skill_mismatch unless overridden; a session naming skills narrows its team', () => {
    const c = ctx([]);
    expect(claimantObstacles(c, who('front'), 'schema').map((r) => r.reason)).toEqual(['skill_mismatch']);
    expect(claimantObstacles(c, who('front'), 'schema', true)).toEqual([]);
    expect(claimantObstacles(c, who('qa', 'me', ['tests']), 'schema').map((r) => r.reason)).toEqual(['skill_mismatch']);
    expect(claimantObstacles(c, who('qa'), 'schema')).toEqual([]);
    expect(claimantObstacles(c, who(null, 'me', null), 'schema')).toEqual([]);
  });

  it('a team never runs more than its usable capacity; a phase larger than the team takes all of it', () => {
    const one = ctx([ev('claimed', 'schema', 'a')], [{ phaseId: 'schema', sessionId: 'a', team: 'back' }]);
    expect(claimantObstacles(one, who('back', 'b'), 'migrate')).toEqual([]);
    const two = ctx(
      [],
      [
        { phaseId: 'schema', sessionId: 'a', team: 'back' },
        { phaseId: 'migrate', sessionId: 'b', team: 'back' },
      ],
    );
    expect(claimantObstacles(two, who('back', 'c'), 'api').map((r) => r.reason)).toEqual(['team_at_capacity']);
    const design = ctx([], [{ phaseId: 'design', sessionId: 'a', team: 'front' }]);
    expect(claimantObstacles(design, who('front', 'b'), 'page').map((r) => r.reason)).toEqual(['team_at_capacity']);
  });

  it("auto-pick prefers the session's own team's planned phases, then least slack", () => {
    const c = ctx([]);
    expect(claimablePhases(c, who('front'))).toEqual(['design']);
    expect(claimablePhases(c, who('qa'))).toEqual(['schema', 'migrate']);
    expect(claimablePhases(c, who(null, 'me', null))).toEqual(['schema', 'migrate', 'design']);
    expect(claimablePhases(c, who('back', 'me', null, 2))[0]).toBe('schema');
  });
});
