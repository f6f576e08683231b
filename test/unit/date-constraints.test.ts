import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { planProject } from '../../src/domain/plan.js';
import type { PhaseInput, PlanInput } from '../../src/schemas/plan-input.js';

// 2027-01-04 is a Monday: working day k of the first weeks is Mon 4 … Fri 8 (0–4), Mon 11 … (5–9), Mon 18 … (10–14).
function input(phases: PhaseInput[], people = 2): PlanInput {
  return {
    name: 'dates',
    startDate: '2027-01-04',
    teams: [{ id: 't', size: people, skills: [] }],
    phases,
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 100, monteCarloIterations: 100, defaultSpreadPercent: 0 },
  };
}
const issues = (i: PlanInput) => {
  try {
    computePlan(i);
  } catch (e) {
    if (e instanceof PlanInputError) return e.issues;
    throw e;
  }
  return [];
};

describe('start no earlier than', () => {
  it('holds a phase (and what follows it) until its date; a weekend date means the next Monday', () => {
    const r = computePlan(
      input([
        { id: 'a', name: 'A', duration: 2, startNoEarlierThan: '2027-01-09' }, // Saturday → Monday 11 = day 5
        { id: 'b', name: 'B', duration: 1, dependencies: ['a'] },
        { id: 'c', name: 'C', duration: 3 },
      ]),
    );
    expect(Array.from(r.schedule.start)).toEqual([5, 7, 0]);
    expect(r.cpm.es[0]).toBe(5);
    expect(r.schedule.makespan).toBe(8);
    expect(r.bounds.optimal).toBe(true);
  });
});

describe('finish no later than', () => {
  const chain: PhaseInput[] = [
    { id: 'a', name: 'A', duration: 3, startNoEarlierThan: '2027-01-06' }, // day 2
    { id: 'b', name: 'B', duration: 4, dependencies: ['a'] },
    { id: 'c', name: 'C', duration: 1, dependencies: [{ id: 'b', type: 'SS', lagDays: 2 }], finishNoLaterThan: '2027-01-08' }, // by the end of day 4
  ];

  it('hard and impossible even with unlimited teams: 422 naming the chain and the date that holds it', () => {
    const [issue] = issues(input(chain));
    expect(issue).toMatchObject({ code: 'finish_constraint_infeasible', path: '/phases/2/finishNoLaterThan', ids: ['a', 'b', 'c'] });
    // a 2..5, b 5..9, c SS b + 2 → 7..8 > 5.
    expect(issue!.message).toContain('cannot finish before day 8');
    expect(issue!.message).toContain('a → b → c (a may not start before 2027-01-06)');
  });

  it('soft: planned as late as it must be, and the deadline risk names the phase, the date and the chain', () => {
    const soft = chain.map((p) => (p.id === 'c' ? { ...p, finishConstraint: 'soft' as const } : p));
    const v = planProject(input(soft));
    const c = v.artifacts['execution-plan.json'].schedule.find((s) => s.id === 'c')!;
    expect([c.start_day, c.finish_day]).toEqual([7, 8]);
    const risk = v.artifacts['risk-mitigation-plan.json'].risk_management.risks.find((r) => r.category === 'deadline' && r.phases.includes('c'))!;
    expect(risk.title).toContain('2027-01-08');
    expect(risk.impact_days).toBe(3);
    expect(risk.phases).toEqual(['a', 'b', 'c']);
    expect(risk.probability).toBe(1);
  });

  it('hard and met: the search puts the phase the date depends on first, even against the input priority', () => {
    // One person; x (priority 9, 3 days) would go first, but d (2 days) must end by Wed 6 (day 3).
    const r = computePlan(
      input(
        [
          { id: 'x', name: 'X', duration: 3, priority: 9 },
          { id: 'd', name: 'D', duration: 2, finishNoLaterThan: '2027-01-06' },
        ],
        1,
      ),
    );
    expect(Array.from(r.schedule.start)).toEqual([2, 0]);
  });

  it('hard, feasible on the critical path but not with the teams: 422 naming what the phase waits for', () => {
    const [issue] = issues(
      input(
        [
          { id: 'x', name: 'X', duration: 3, finishNoLaterThan: '2027-01-06' },
          { id: 'y', name: 'Y', duration: 3, finishNoLaterThan: '2027-01-06' },
        ],
        1,
      ),
    );
    expect(issue).toMatchObject({ code: 'finish_constraint_unmet' });
    expect(issue!.ids).toHaveLength(2);
    expect(issue!.message).toMatch(/finishes it on day 6, after (x → y|y → x)/);
  });
});

describe('milestones', () => {
  it('a zero-duration phase and one marked milestone are milestones in the execution plan', () => {
    const v = planProject(
      input([
        { id: 'a', name: 'A', duration: 2 },
        { id: 'gate', name: 'Gate', duration: 0, dependencies: ['a'] },
        { id: 'ship', name: 'Ship', duration: 1, milestone: true, dependencies: ['gate'] },
      ]),
    );
    expect(v.artifacts['execution-plan.json'].schedule.map((s) => [s.id, s.milestone, s.start_day])).toEqual([
      ['a', false, 0],
      ['gate', true, 2],
      ['ship', true, 2],
    ]);
  });
});

describe('as late as possible', () => {
  // Two people: a (1 day) and b (5 days) both feed c. Planned early, a runs on day 0; ALAP, on day 4, just before c.
  const phases = (alap: boolean): PhaseInput[] => [
    { id: 'a', name: 'A', duration: 1, alap },
    { id: 'b', name: 'B', duration: 5 },
    { id: 'c', name: 'C', duration: 2, dependencies: ['a', 'b'] },
    { id: 'd', name: 'D', duration: 1, alap, dependencies: [{ id: 'a', type: 'SS' }] },
  ];
  it('moves ALAP phases to their latest start without moving the finish or any other phase', () => {
    const early = computePlan(input(phases(false)));
    const late = computePlan(input(phases(true)));
    expect(Array.from(early.schedule.start)).toEqual([0, 0, 5, 1]);
    // d (SS on a) may end with the plan at 7, but starts no earlier than a: a 4..5, d 6..7.
    expect(Array.from(late.schedule.start)).toEqual([4, 0, 5, 6]);
    expect(late.schedule.makespan).toBe(early.schedule.makespan);
  });

  it('an ALAP phase whose successors leave no room stays where it is', () => {
    const r = computePlan(
      input([
        { id: 'a', name: 'A', duration: 2, alap: true },
        { id: 'b', name: 'B', duration: 3, dependencies: ['a'] },
      ]),
    );
    expect(Array.from(r.schedule.start)).toEqual([0, 2]);
  });
});
