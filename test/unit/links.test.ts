import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { computePlan } from '../../src/domain/engine.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { simulateSchedule } from '../../src/domain/montecarlo/index.js';
import { planProject } from '../../src/domain/plan.js';
import { claimablePhases, type ClaimContext, type TrackedPhase } from '../../src/domain/tracking/claim-rules.js';
import { replay } from '../../src/domain/tracking/replay.js';
import type { EventType, TrackingEvent } from '../../src/domain/tracking/events.js';
import { dependencyIds, dependencyLinks } from '../../src/schemas/dependency-links.js';
import { PlanInput, type DependencyInput, type PhaseInput } from '../../src/schemas/plan-input.js';

type Link = string | DependencyInput;

/** a (4 days) then b (2 days) linked by `link`; `people` in one team (buffer 0), each phase needs one. */
function pair(link: Link, people = 2, extra: PhaseInput[] = []): PlanInput {
  return {
    name: 'links',
    startDate: '2027-01-04',
    teams: [{ id: 't', size: people, skills: [] }],
    phases: [{ id: 'a', name: 'A', duration: 4 }, { id: 'b', name: 'B', duration: 2, dependencies: [link] }, ...extra],
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 50, monteCarloIterations: 200, defaultSpreadPercent: 0 },
  };
}
const times = (input: PlanInput) => {
  const r = computePlan(input);
  const at = (id: string) => r.project.phases.find((p) => p.id === id)!.index;
  return {
    r,
    start: (id: string) => r.schedule.start[at(id)],
    finish: (id: string) => r.schedule.finish[at(id)],
    es: (id: string) => r.cpm.es[at(id)],
    ls: (id: string) => r.cpm.ls[at(id)],
  };
};

describe('dependency links in the input', () => {
  it('reads bare ids as finish-to-start without lag and objects with their defaults', () => {
    expect(dependencyLinks({ dependencies: ['a', { id: 'b' }, { id: 'c', type: 'SS', lagDays: -2 }] })).toEqual([
      { id: 'a', type: 'FS', lagDays: 0 },
      { id: 'b', type: 'FS', lagDays: 0 },
      { id: 'c', type: 'SS', lagDays: -2 },
    ]);
    expect(dependencyIds({ dependencies: ['a', { id: 'c', type: 'FF' }] })).toEqual(['a', 'c']);
  });

  it('bounds lags and refuses unknown types and fields', () => {
    expect(Value.Check(PlanInput, pair({ id: 'a', type: 'SS', lagDays: -1000 }))).toBe(true);
    expect(Value.Check(PlanInput, pair({ id: 'a', lagDays: 1001 }))).toBe(false);
    expect(Value.Check(PlanInput, pair({ id: 'a', type: 'XX' } as unknown as DependencyInput))).toBe(false);
    expect(Value.Check(PlanInput, pair({ id: 'a', lag: 2 } as unknown as DependencyInput))).toBe(false);
  });

  const issuesOf = (input: PlanInput) => {
    try {
      computePlan(input);
    } catch (e) {
      if (e instanceof PlanInputError) return e.issues.map((i) => ({ code: i.code, path: i.path }));
      throw e;
    }
    return [];
  };

  it('names an unknown id, a self link and a cycle through start-to-start links by path', () => {
    expect(issuesOf(pair({ id: 'zz', type: 'SS' }))).toEqual([{ code: 'unknown_dependency', path: '/phases/1/dependencies/0' }]);
    const self = pair('a');
    self.phases[0]!.dependencies = [{ id: 'a', type: 'FF', lagDays: -3 }];
    expect(issuesOf(self)).toEqual([{ code: 'self_dependency', path: '/phases/0/dependencies/0' }]);
    // a SS b and b SS a with lags −1 could both be met (start together), yet any cycle is refused: the scheduler and the claims need an order.
    const cycle = pair({ id: 'a', type: 'SS', lagDays: -1 });
    cycle.phases[0]!.dependencies = [{ id: 'b', type: 'SS', lagDays: -1 }];
    expect(issuesOf(cycle)).toEqual([{ code: 'dependency_cycle', path: '/phases/0/dependencies/0' }]);
  });
});

describe('critical path method with link types and lags (a = 4 days, b = 2 days)', () => {
  // Hand-computed: ES_b and the project length, LS_a and LS_b.
  const cases: [string, Link, number, number, number, number][] = [
    ['FS', 'a', 4, 6, 0, 4],
    ['FS lag 2', { id: 'a', lagDays: 2 }, 6, 8, 0, 6],
    ['FS lead 3', { id: 'a', lagDays: -3 }, 1, 4, 0, 2], // b 1..3, a ends the project at 4
    ['SS lag 1', { id: 'a', type: 'SS', lagDays: 1 }, 1, 4, 0, 2],
    ['SS lag 3', { id: 'a', type: 'SS', lagDays: 3 }, 3, 5, 0, 3],
    ['FF', { id: 'a', type: 'FF' }, 2, 4, 0, 2],
    ['FF lag 1', { id: 'a', type: 'FF', lagDays: 1 }, 3, 5, 0, 3],
    ['SF lag 3', { id: 'a', type: 'SF', lagDays: 3 }, 1, 4, 0, 2], // F_b ≥ S_a + 3
    ['SF lag 1', { id: 'a', type: 'SF', lagDays: 1 }, 0, 4, 0, 2], // F_b ≥ 1, but b cannot start before 0
  ];
  it.each(cases)('%s', (_name, link, esB, length, lsA, lsB) => {
    const t = times(pair(link));
    expect([t.es('b'), t.r.cpm.length, t.ls('a'), t.ls('b')]).toEqual([esB, length, lsA, lsB]);
    // Two people: nothing competes, so the schedule is the critical path's.
    expect([t.start('b'), t.r.schedule.makespan]).toEqual([esB, length]);
    expect(t.r.cpm.critical[1]).toBe(lsB === esB);
  });
});

describe('resource-constrained schedule with link types and lags', () => {
  it('one person: an SS successor still waits for the person, an FF one finishes after its predecessor', () => {
    // a holds the only person 0..4, so b runs 4..6 whatever the link, and the link still holds.
    for (const link of [
      { id: 'a', type: 'SS', lagDays: 1 },
      { id: 'a', type: 'FF' },
      { id: 'a', lagDays: -3 },
    ] as Link[]) {
      const t = times(pair(link, 1));
      expect([t.start('a'), t.start('b'), t.r.schedule.makespan]).toEqual([0, 4, 6]);
    }
  });

  it('a lag delays the successor beyond when its team is free, and the idle days show in the makespan', () => {
    const t = times(pair({ id: 'a', lagDays: 3 }, 1));
    expect([t.start('b'), t.r.schedule.makespan]).toEqual([7, 9]);
  });

  it('a start-to-start link lets a third phase follow the successor while the predecessor runs', () => {
    // c (1 day) after b finishes; b SS a lag 1 → b 1..3, c 3..4, a 0..4: makespan 4 with two people.
    const t = times(pair({ id: 'a', type: 'SS', lagDays: 1 }, 2, [{ id: 'c', name: 'C', duration: 1, dependencies: ['b'] }]));
    expect([t.start('b'), t.start('c'), t.r.schedule.makespan]).toEqual([1, 3, 4]);
    expect(t.r.bounds.optimal).toBe(true);
  });

  it('the right-justified slack keeps the links: an FF successor may slip only to the end', () => {
    const t = times(pair({ id: 'a', type: 'FF' }, 2));
    const b = t.r.project.phases.find((p) => p.id === 'b')!.index;
    expect(t.r.scheduleSlack[b]).toBe(0);
    const ss = times(pair({ id: 'a', type: 'SS', lagDays: 1 }, 2));
    expect(ss.r.scheduleSlack[1]).toBe(1); // b 1..3 may end at 4
  });
});

describe('Monte Carlo over link types and lags', () => {
  it('without spread every sample is the planned schedule, for each type', () => {
    for (const link of ['a', { id: 'a', type: 'SS', lagDays: 3 }, { id: 'a', type: 'FF', lagDays: 1 }, { id: 'a', type: 'SF', lagDays: 3 }, { id: 'a', lagDays: -3 }] as Link[]) {
      const r = computePlan(pair(link));
      const mc = simulateSchedule(r, { iterations: 100, seed: 1 });
      expect(mc.makespan.p50).toBeCloseTo(r.schedule.makespan, 9);
      expect(mc.makespan.p95).toBeCloseTo(r.schedule.makespan, 9);
    }
  });

  it('a start-to-start successor starts at its predecessor’s start plus the lag in every sample; a finish-to-start one after its finish', () => {
    // b SS a lag 10: b runs 10..10 + d_b whatever a draws (a ≤ 6), so the end spreads only by b (≤ 3 days);
    // a is critical too: its start drives b's. Finish-to-start with the same lag adds a's duration.
    const spread = (link: Link) => {
      const r = computePlan({ ...pair(link), planning: { iterations: 50, defaultSpreadPercent: 50 } });
      return simulateSchedule(r, { iterations: 400, seed: 3 });
    };
    const ss = spread({ id: 'a', type: 'SS', lagDays: 10 });
    expect(ss.makespan.p95).toBeLessThanOrEqual(13 + 1e-9);
    expect(ss.makespan.p50).toBeGreaterThan(11);
    expect([ss.criticalityIndex[0], ss.criticalityIndex[1]]).toEqual([1, 1]);
    const fs = spread({ id: 'a', lagDays: 10 });
    expect(fs.makespan.p50).toBeGreaterThan(ss.makespan.p95 + 1);
  });
});

let seq = 0;
const ev = (type: EventType, phaseId: string): TrackingEvent => ({ id: ++seq, phaseId, sessionId: 's1', type, data: {}, occurredAt: '2027-01-04T10:00:00Z' });

describe('claim rules with link types', () => {
  const phase = (id: string, links: TrackedPhase['links'] = []): TrackedPhase => ({ id, dependencies: links!.map((l) => l.id), links, areas: [], team: null, plannedStart: 0 });
  const phases = [
    phase('a'),
    phase('fs', [{ id: 'a', type: 'FS', lagDays: 0 }]),
    phase('ss', [{ id: 'a', type: 'SS', lagDays: 2 }]),
    phase('ff', [{ id: 'a', type: 'FF', lagDays: 0 }]),
    phase('sf', [{ id: 'a', type: 'SF', lagDays: 0 }]),
  ];
  const ctx = (events: TrackingEvent[]): ClaimContext => ({ phases: new Map(phases.map((p) => [p.id, p])), states: replay(events) });
  const claimable = (events: TrackingEvent[]) => claimablePhases(ctx(events)).sort();

  it('finish-to-start waits for completion, start-to-start for a start; finish-to-finish and start-to-finish do not hold a claim', () => {
    expect(claimable([])).toEqual(['a', 'ff', 'sf']);
    expect(claimable([ev('claimed', 'a')])).toEqual(['ff', 'sf']);
    expect(claimable([ev('claimed', 'a'), ev('started', 'a')])).toEqual(['ff', 'sf', 'ss']);
    expect(claimable([ev('claimed', 'a'), ev('started', 'a'), ev('completed', 'a')])).toEqual(['ff', 'fs', 'sf', 'ss']);
  });
});

describe('artifacts', () => {
  it('every schedule entry lists its links with type and lag, FS/0 included, and the milestone flag', () => {
    const input = pair({ id: 'a', type: 'SS', lagDays: 1 }, 2, [
      { id: 'c', name: 'C', duration: 1, dependencies: ['b'] },
      { id: 'done', name: 'Done', duration: 0, dependencies: [{ id: 'c', type: 'FS', lagDays: 2 }] },
    ]);
    const plan = planProject(input).artifacts['execution-plan.json'];
    const by = new Map(plan.schedule.map((s) => [s.id, s]));
    expect(by.get('b')!.links).toEqual([{ id: 'a', type: 'SS', lag_days: 1 }]);
    expect(by.get('c')!.links).toEqual([{ id: 'b', type: 'FS', lag_days: 0 }]);
    expect(by.get('done')).toMatchObject({ dependencies: ['c'], links: [{ id: 'c', type: 'FS', lag_days: 2 }], milestone: true, start_day: 6 });
    expect(by.get('a')!.milestone).toBe(false);
  });
});
