import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/domain/advisor/changes.js';
import { changesFromFlags } from '../../src/cli/whatif-command.js';
import { deadlineFacts, successCriteria, type CriterionId } from '../../src/domain/advisor/criteria.js';
import { recommend, replanChange, warmStartOf } from '../../src/domain/advisor/recommendations.js';
import { peakConcurrency } from '../../src/domain/concurrency.js';
import { computePlan } from '../../src/domain/engine.js';
import { r2 } from '../../src/domain/format.js';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const example = (): PlanInput => {
  const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
  return { ...input, planning: { ...input.planning, iterations: 300, monteCarloIterations: 200 } };
};

/** What an importer gives a task graph without teams: one team of 2 holding every skill (1.6 FTE after the buffer). */
const oneTeamGraph = (): PlanInput => ({
  name: 'imported',
  startDate: '2027-01-04',
  teams: [{ id: 'team-1', size: 2, skills: ['dev'] }],
  phases: [
    { id: 'a', name: 'A', duration: 2, skills: ['dev'] },
    { id: 'b', name: 'B', duration: 3, skills: ['dev'], dependencies: ['a'] },
    { id: 'c', name: 'C', duration: 3, skills: ['dev'], dependencies: ['a'] },
    { id: 'd', name: 'D', duration: 2, skills: ['dev'], dependencies: ['a'] },
    { id: 'e', name: 'E', duration: 1, skills: ['dev'], dependencies: ['b', 'c', 'd'] },
  ],
  planning: { seed: 7, iterations: 200, monteCarloIterations: 200 },
});

const criterion = (input: PlanInput, id: CriterionId) =>
  planProject(input, { advisor: { maxPlans: 0 } }).artifacts['execution-plan.json'].success_criteria.find((c) => c.criterion === id)!;

describe('success criteria, met and missed', () => {
  it('time reduction: the example is 40–60 % shorter; the one-team graph runs sequentially and says why', () => {
    expect(criterion(example(), 'time_reduction')).toMatchObject({ met: true, target: 40, target_max: 60 });
    const c = criterion(oneTeamGraph(), 'time_reduction');
    expect(c).toMatchObject({ met: false, value: 0 });
    expect(c.explanation).toContain('the only team doing the work, team-1, has 1.6 usable FTE');
    const doc = planProject(oneTeamGraph(), { advisor: { maxPlans: 0 } }).document.split('\n');
    expect(doc[2]).toMatch(/^\*\*The plan is sequential because of capacity/);
  });

  it('coordination overhead: met by the example, missed by tiny phases handed between teams', () => {
    expect(criterion(example(), 'coordination_overhead').met).toBe(true);
    const phases = Array.from({ length: 8 }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      duration: 0.1,
      skills: [i % 2 ? 'x' : 'y'],
      ...(i > 0 ? { dependencies: [`p${i - 1}`] } : {}),
    }));
    const c = criterion(
      {
        ...oneTeamGraph(),
        teams: [
          { id: 't', size: 1, skills: ['x'] },
          { id: 'u', size: 1, skills: ['y'] },
        ],
        phases,
      },
      'coordination_overhead',
    );
    expect(c.met).toBe(false);
    expect(c.value).toBeGreaterThan(10);
  });

  it('utilisation: missed by the example (34.77 %), met by one chain on one fully used person; the target comes from the input', () => {
    expect(criterion(example(), 'utilisation')).toMatchObject({ met: false, target: 80 });
    const chain: PlanInput = { ...oneTeamGraph(), teams: [{ id: 't', size: 1, skills: ['dev'] }], phases: oneTeamGraph().phases.slice(0, 2), constraints: { capacityBuffer: 0 } };
    expect(criterion(chain, 'utilisation')).toMatchObject({ met: true, value: 100 });
    const lenient = example();
    lenient.constraints = { ...lenient.constraints, successCriteria: { utilisationPercent: 30 } };
    expect(criterion(lenient, 'utilisation')).toMatchObject({ met: true, target: 30 });
  });

  it('completeness and feasibility: met by a real schedule, missed when a phase has no team or a team is over-booked', () => {
    const r = computePlan(oneTeamGraph());
    const met = successCriteria(r);
    expect(met.find((c) => c.criterion === 'completeness')).toMatchObject({ met: true, value: 100 });
    expect(met.find((c) => c.criterion === 'feasibility')!.met).toBe(true);
    const broken = {
      ...r,
      schedule: { ...r.schedule, team: Int32Array.from(r.schedule.team), start: Float64Array.from(r.schedule.start), finish: Float64Array.from(r.schedule.finish) },
    };
    broken.schedule.team[4] = -1;
    expect(successCriteria(broken).find((c) => c.criterion === 'completeness')).toMatchObject({ met: false, value: 80 });
    // b and c side by side on 1.6 FTE: 2 FTE at the peak is 125 %.
    broken.schedule.start[2] = broken.schedule.start[1]!;
    broken.schedule.finish[2] = broken.schedule.finish[1]!;
    expect(successCriteria(broken).find((c) => c.criterion === 'feasibility')).toMatchObject({ met: false, value: 125 });
  });

  it('feasibility: back-to-back phases are no overlap when a finish carries float noise (the case the criteria property found)', () => {
    // Two teams of 0.9 FTE: on b, p1 then p2 end at 1.3888… + 5.8333… = 7.2222…23, and p4 starts on b at p0's finish, 7.2222…22.
    const input: PlanInput = {
      name: 'noise',
      startDate: '2027-01-04',
      teams: [
        { id: 'a', size: 2, skills: ['x', 'y'], availability: 50 },
        { id: 'b', size: 1, skills: ['y'] },
      ],
      phases: [
        { id: 'p0', name: 'P0', duration: 6.5, skills: ['x'] },
        { id: 'p1', name: 'P1', duration: 1.25, skills: ['y'] },
        { id: 'p2', name: 'P2', duration: 5.25, skills: ['y'] },
        { id: 'p3', name: 'P3', duration: 0.25, skills: ['x'] },
        { id: 'p4', name: 'P4', duration: 0.25, skills: ['y'], dependencies: ['p0'] },
      ],
      constraints: { capacityBuffer: 10 },
      planning: { seed: 0, iterations: 60, monteCarloIterations: 50 },
    };
    const r = computePlan(input);
    const [p2, p4] = [2, 4].map((j) => ({ team: r.schedule.team[j], start: r.schedule.start[j]!, finish: r.schedule.finish[j]! }));
    expect(p2!.team).toBe(p4!.team);
    expect(p4!.start).toBeLessThan(p2!.finish); // by 1e-15: float noise, not work side by side
    expect(p2!.finish - p4!.start).toBeLessThan(1e-12);
    expect(successCriteria(r).find((c) => c.criterion === 'feasibility')).toMatchObject({ met: true, value: 100 });
    expect(peakConcurrency([0, 1], [0, 7.222222222222222], [7.222222222222223, 8])).toBe(1);
    expect(peakConcurrency([0, 1], [0, 7.2222], [7.2223, 8])).toBe(2);
  });

  it('risk coverage and deadline: missed when a risk lacks a contingency or the deadline falls before completion', () => {
    const r = computePlan(oneTeamGraph());
    const risks = [
      { id: 'r1', prevention: ['p'], response: ['q'], contingency: 'c' },
      { id: 'r2', prevention: ['p'], response: ['q'], contingency: '' },
    ];
    expect(successCriteria(r, risks.slice(0, 1)).find((c) => c.criterion === 'risk_coverage')!.met).toBe(true);
    expect(successCriteria(r, risks).find((c) => c.criterion === 'risk_coverage')).toMatchObject({ met: false, value: 50 });
    const late = computePlan({ ...oneTeamGraph(), constraints: { deadline: '2027-01-08' } });
    // Done on working day 13.75 (2+3+3+2+1 days at 1 FTE of 1.6, each full-staffed), the deadline ends day 5.
    const d = successCriteria(late, undefined, deadlineFacts(late, late.calendar)).find((c) => c.criterion === 'deadline')!;
    expect(d.met).toBe(false);
    expect(d.value).toBe(5 - late.schedule.makespan);
  });
});

describe('recommendations are re-plans', () => {
  for (const [name, make] of [
    ['the example', example],
    ['a one-team imported graph', oneTeamGraph],
  ] as const) {
    it(`${name}: the top recommendation's makespan is what planning the changed input gives, and it moves the criterion it targets`, () => {
      const input = make();
      const plan = planProject(input).artifacts['execution-plan.json'];
      const top = plan.recommendations.items[0]!;
      expect(top).toBeDefined();
      const changed = applyChanges(input, top.change);
      const direct = planProject(changed, { advisor: { maxPlans: 0 } }).artifacts['execution-plan.json'];
      expect(direct.optimisation.makespan_days).toBe(top.makespan_days);
      expect(top.targets.length).toBeGreaterThan(0);
      for (const t of top.targets) {
        const before = plan.success_criteria.find((c) => c.criterion === t)!;
        const after = direct.success_criteria.find((c) => c.criterion === t)!;
        if (before.comparison === 'at_least') expect(after.value).toBeGreaterThan(before.value);
        else expect(after.value).toBeLessThan(before.value);
      }
    });
  }

  it('the one-team graph: adding a person to team-1 lets b, c and d run side by side', () => {
    const plan = planProject(oneTeamGraph()).artifacts['execution-plan.json'];
    const add = plan.recommendations.items.find((r) => r.description === 'add 1 person to team-1')!;
    // 3 people × 0.8 = 2.4 FTE: two of b, c, d at once: a 2, then b ∥ c 3, d 2, e 1 → 8 days instead of 11.
    expect(add.makespan_days).toBe(8);
    expect(add.saved_days).toBe(3);
    expect(add.added_capacity).toEqual({ amount: 0.8, unit: 'FTE' });
    expect(plan.recommendations.trade_off!.team).toBe('team-1');
    expect(plan.recommendations.trade_off!.points.map((p) => p.size)).toEqual([1, 2, 3, 4, 5, 6]); // 1 from the candidate that removes a person (utilisation)
  });

  it('without warm starts, on a work budget too small for whole searches: each re-plan is the same search stopped earlier, so planning the change gives its makespan or a shorter one', () => {
    const input = example(); // 14 phases, 300 schedules per plan
    const full = planProject(input).artifacts['execution-plan.json'].recommendations;
    const capped = planProject(input, { advisor: { workBudget: 14 * 15 * 40, warmStart: false } }).artifacts['execution-plan.json'].recommendations;
    expect(full.warm_start).toBe(false);
    expect(capped.warm_start).toBe(false);
    expect(full.replan_iterations).toBe(300);
    expect(full.items.every((r) => r.exact)).toBe(true);
    expect(capped.replan_iterations).toBeLessThanOrEqual(40); // a search overshoots its cap by up to 2 schedules (3 passes each), which the next shares pay for
    expect(capped.replan_iterations).toBeGreaterThan(30);
    expect(capped.evaluated).toBe(full.evaluated);
    expect(capped.items.some((r) => !r.exact)).toBe(true);
    for (const rec of capped.items) {
      const direct = r2(computePlan(applyChanges(input, rec.change)).schedule.makespan);
      if (rec.exact) expect(direct).toBe(rec.makespan_days);
      else expect(direct).toBeLessThanOrEqual(rec.makespan_days);
    }
    expect(planProject(input, { advisor: { workBudget: 14 * 15 * 40, warmStart: false } }).artifacts['execution-plan.json'].recommendations).toEqual(capped);
  });

  for (const [name, make, budget] of [
    ['the example', example, 14 * 15 * 80],
    ['a one-team imported graph', oneTeamGraph, 5 * 8 * 80],
  ] as const) {
    it(`${name}, on a work budget too small for whole searches: re-plans are warm-started from the plan, and the same function with the stated cap and warm start reproduces each item`, () => {
      const input = make();
      const rec = planProject(input, { advisor: { workBudget: budget } }).artifacts['execution-plan.json'].recommendations;
      expect(rec.warm_start).toBe(true);
      expect(rec.replan_iterations).toBe(40);
      expect(rec.method).toContain('warm-started from the current plan');
      expect(rec.items.length).toBeGreaterThan(0);
      const warmStart = warmStartOf(computePlan(input));
      for (const item of rec.items) {
        expect(item.exact).toBe(false);
        const again = replanChange(input, item.change, { iterationsCap: rec.replan_iterations, warmStart })!;
        expect(r2(again.schedule.makespan)).toBe(item.makespan_days);
        expect(again.search.evaluated).toBeLessThanOrEqual(rec.replan_iterations + 2);
      }
      const top = rec.items[0]!;
      expect(top.targets.length).toBeGreaterThan(0);
      const again = planProject(input, { advisor: { workBudget: budget } });
      expect(again.artifacts['execution-plan.json'].recommendations).toEqual(rec);
      expect(again.document).toContain("each search warm-started from this plan's schedule");
    });
  }

  it('the one-team graph: the warm-started re-plan of adding a person finds the same 8 days as planning it from scratch', () => {
    const input = oneTeamGraph();
    const add = planProject(input, { advisor: { workBudget: 5 * 8 * 80 } }).artifacts['execution-plan.json'].recommendations.items.find(
      (r) => r.description === 'add 1 person to team-1',
    )!;
    expect(add.makespan_days).toBe(8);
    expect(computePlan(applyChanges(input, add.change)).schedule.makespan).toBe(8);
  });

  it('a warm start from the plan itself decodes its schedule again: the unchanged example needs one evaluation (3 schedules) to be as short', () => {
    const input = example();
    const base = computePlan(input);
    const again = computePlan(input, { warmStart: warmStartOf(base), iterationsCap: 3 });
    expect(again.search.origin).toBe('warm-start');
    expect(again.search.evaluated).toBe(3);
    expect(again.schedule.makespan).toBeLessThanOrEqual(base.schedule.makespan);
    expect(r2(again.schedule.makespan)).toBe(r2(base.schedule.makespan));
  });

  it('says what stopped the evaluation: the plan limit, or the time safety net (the clock, so another run may differ)', () => {
    const input = example();
    const base = computePlan(input);
    const criteria = successCriteria(base, undefined, deadlineFacts(base, base.calendar));
    const byCount = recommend(input, base, criteria, { maxPlans: 2 });
    expect(byCount).toMatchObject({ evaluated: 2, complete: false, stopped_by: 'plan_count' });
    let now = 0;
    const slow = () => (now += 1000); // every reading a second later: the third re-plan would start past the 4 s net
    const byClock = recommend(input, base, criteria, { clock: slow, budgetMs: 4000 });
    expect(byClock.complete).toBe(false);
    expect(byClock.stopped_by).toBe('time_safety_net');
    expect(byClock.evaluated).toBeLessThan(byCount.evaluated + 3);
    expect(recommend(input, base, criteria)).not.toHaveProperty('stopped_by');
    expect(planProject(input, { advisor: { maxPlans: 2 } }).document).toContain('stopped by the plan limit');
    now = 0;
    const timed = planProject(input, { clock: slow, advisor: { budgetMs: 4000 } });
    expect(timed.artifacts['execution-plan.json'].recommendations.stopped_by).toBe('time_safety_net');
    expect(timed.document).toContain('stopped by the time safety net: which were re-planned depends on the machine, so another run may recommend otherwise');
  });

  it('is deterministic for a seed', () => {
    const a = planProject(oneTeamGraph()).artifacts['execution-plan.json'].recommendations;
    const b = planProject(oneTeamGraph()).artifacts['execution-plan.json'].recommendations;
    expect(a).toEqual(b);
  });
});

describe('relaxing soft dependencies', () => {
  /** b soft-depends on a: as a dependency a → b → c is 9 days; side by side on 3 FTE, 5. */
  const soft = (size: number, extra: PlanInput['phases'] = []): PlanInput => ({
    name: 'soft',
    startDate: '2027-01-04',
    teams: [{ id: 't', size, skills: ['dev'] }],
    phases: [
      { id: 'a', name: 'A', duration: 4, skills: ['dev'] },
      { id: 'b', name: 'B', duration: 4, skills: ['dev'], softDependencies: ['a'] },
      { id: 'c', name: 'C', duration: 1, skills: ['dev'], dependencies: ['a', 'b'] },
      ...extra,
    ],
    constraints: { capacityBuffer: 0 },
    planning: { seed: 3, iterations: 200, monteCarloIterations: 100 },
  });
  const relaxing = (input: PlanInput) => planProject(input).artifacts['execution-plan.json'].recommendations.items.filter((r) => r.change[0]!.kind.startsWith('relax_soft'));

  it('recommends relaxing them with the gain the re-plan computes, which planning the relaxed input reproduces', () => {
    const [rec, ...rest] = relaxing(soft(3));
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({ change: [{ kind: 'relax_soft_dependencies' }], makespan_days: 5, saved_days: 4, added_capacity: { amount: 0, unit: 'none' } });
    const relaxed = applyChanges(soft(3), rec!.change);
    expect(relaxed.constraints?.relaxSoftDependencies).toBe(true);
    expect(computePlan(relaxed).schedule.makespan).toBe(5);
  });

  it('one fact changed: with one person the phases cannot overlap, so relaxing gains nothing and is not recommended', () => {
    const plan = planProject(soft(1)).artifacts['execution-plan.json'];
    expect(plan.success_criteria.some((c) => !c.met)).toBe(true); // the advisor did look
    expect(relaxing(soft(1))).toEqual([]);
  });

  it('the whatif flags name the same changes', () => {
    expect(changesFromFlags({ 'relax-soft-dependencies': true, 'relax-soft-dependency': ['b:a'] })).toEqual([
      { kind: 'relax_soft_dependencies' },
      { kind: 'relax_soft_dependency', phase: 'b', on: 'a' },
    ]);
    expect(() => changesFromFlags({ 'relax-soft-dependency': ['b'] })).toThrow(/PHASE:ON|NAME:VALUE/);
  });

  it('names the one soft dependency the critical path waits on, not one with slack', () => {
    const extra = [
      { id: 'x', name: 'X', duration: 1, skills: ['dev'] },
      { id: 'y', name: 'Y', duration: 1, skills: ['dev'], softDependencies: ['x'] },
    ];
    const recs = relaxing(soft(3, extra));
    expect(recs.map((r) => r.description)).toEqual(['let b start without waiting for a (a soft dependency)', 'let the schedule ignore the soft dependencies']);
    const one = recs[0]!;
    expect(one).toMatchObject({ change: [{ kind: 'relax_soft_dependency', phase: 'b', on: 'a' }], makespan_days: 5, saved_days: 4 });
    const changed = applyChanges(soft(3, extra), one.change);
    expect(changed.phases.find((p) => p.id === 'b')!.softDependencies).toBeUndefined();
    expect(changed.phases.find((p) => p.id === 'y')!.softDependencies).toEqual(['x']);
    expect(() => applyChanges(soft(3), [{ kind: 'relax_soft_dependency', phase: 'c', on: 'a' }])).toThrow(/does not soft-depend/);
  });
});

const randomInput = fc
  .record({
    size: fc.integer({ min: 1, max: 4 }),
    availability: fc.constantFrom(50, 80, 100),
    buffer: fc.constantFrom(0, 10, 20, 30),
    durations: fc.array(
      fc.integer({ min: 1, max: 40 }).map((x) => x / 4),
      { minLength: 2, maxLength: 9 },
    ),
    deps: fc.array(fc.nat(20), { minLength: 9, maxLength: 9 }),
    twoTeams: fc.boolean(),
    seed: fc.nat(1000),
  })
  .map((r): PlanInput => ({
    name: 'random',
    startDate: '2027-01-04',
    teams: [{ id: 'a', size: r.size, skills: ['x', 'y'], availability: r.availability }, ...(r.twoTeams ? [{ id: 'b', size: 1, skills: ['y'] }] : [])],
    phases: r.durations.map((d, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      duration: d,
      skills: [i % 3 === 0 ? 'x' : 'y'],
      ...(i > 0 && r.deps[i]! % 3 !== 0 ? { dependencies: [`p${r.deps[i]! % i}`] } : {}),
    })),
    constraints: { capacityBuffer: r.buffer },
    planning: { seed: r.seed, iterations: 60, monteCarloIterations: 50 },
  }));

describe('properties', () => {
  it('no recommendation claims a saving the re-planned input does not reproduce', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const plan = planProject(input, { advisor: { maxPlans: 5 } }).artifacts['execution-plan.json'];
        for (const rec of plan.recommendations.items) {
          const direct = computePlan(applyChanges(input, rec.change));
          expect(rec.exact).toBe(true); // these plans are small: every re-plan gets the whole iteration budget
          expect(Math.round(direct.schedule.makespan * 100) / 100).toBe(rec.makespan_days);
          expect(rec.saved_days).toBeCloseTo(plan.optimisation.makespan_days - rec.makespan_days, 1);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('warm-started re-plans (a work budget too small for whole searches): every item is what replanChange with the stated cap and warm start gives', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const plan = planProject(input, { advisor: { maxPlans: 5, workBudget: 1 } }).artifacts['execution-plan.json'];
        const rec = plan.recommendations;
        if (rec.evaluated === 0) return;
        expect(rec.warm_start).toBe(true);
        expect(rec.replan_iterations).toBe(30); // the least a re-plan gets, below these plans' 60
        const warmStart = warmStartOf(computePlan(input));
        for (const item of rec.items) {
          expect(item.exact).toBe(false);
          const again = replanChange(input, item.change, { iterationsCap: rec.replan_iterations, warmStart })!;
          expect(r2(again.schedule.makespan)).toBe(item.makespan_days);
          expect(item.saved_days).toBeCloseTo(plan.optimisation.makespan_days - item.makespan_days, 1);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('success criteria values are the metrics elsewhere in the artifacts', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const v = planProject(input, { advisor: { maxPlans: 0 } });
        const plan = v.artifacts['execution-plan.json'];
        const value = (id: CriterionId) => plan.success_criteria.find((c) => c.criterion === id)!.value;
        expect(value('time_reduction')).toBe(plan.metrics.time_savings_percent);
        expect(value('time_reduction')).toBe(v.summary.timeSavingsPercent);
        expect(value('coordination_overhead')).toBe(plan.metrics.coordination_overhead_percent);
        const mon = v.artifacts['monitoring-config.json'].monitoring_and_control.metrics.find((m) => m.id === 'coordination_overhead')!;
        expect(value('coordination_overhead')).toBe(mon.planned);
        expect(value('utilisation')).toBe(plan.metrics.utilisation_percent);
        const risks = v.artifacts['risk-mitigation-plan.json'].risk_management.risks;
        expect(plan.success_criteria.find((c) => c.criterion === 'risk_coverage')!.explanation).toContain(`of ${risks.length} identified risks`);
        expect(value('completeness')).toBe(100);
        expect(value('feasibility')).toBeLessThanOrEqual(100);
      }),
      { numRuns: 15 },
    );
  });
});
