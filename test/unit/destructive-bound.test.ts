import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar.js';
import { dateDays, withNotBefore } from '../../src/domain/date-constraints.js';
import { criticalPath } from '../../src/domain/cpm.js';
import { computePlan, schedulingProblem } from '../../src/domain/engine.js';
import { normalise } from '../../src/domain/input.js';
import { resourceLowerBound } from '../../src/domain/schedule/bounds.js';
import { destructiveBound } from '../../src/domain/schedule/destructive-bound.js';
import { resourceSets } from '../../src/domain/schedule/resource-sets.js';
import { tightenWindows } from '../../src/domain/schedule/time-windows.js';
import type { PhaseInput, PlanInput, TeamInput } from '../../src/schemas/plan-input.js';
import { exhaustiveMakespan } from '../support/exhaustive-makespan.js';

const TOL = 1e-6;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

const phase = (id: string, duration: number, extra: Partial<PhaseInput> = {}): PhaseInput => ({ id, name: id, duration, ...extra });

function input(phases: PhaseInput[], teams: TeamInput[], infrastructure: PlanInput['infrastructure'] = []): PlanInput {
  return {
    name: 'destructive',
    startDate: '2027-01-04',
    phases,
    teams,
    infrastructure,
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 200, seed: 1 },
  };
}

/**
 * One person does a (4 days) and b (2 days); y (1 day) comes before b, w (1 day) after a and
 * z (3 days) after b, none of these needing a team.
 *   critical path: y → b → z = 6; a → w = 5.
 *   energy bound (heads and tails): a and b together hold the person 6 days, from the smallest
 *   head 0 to the smallest tail 1: 0 + 6 + 1 = 7 (no threshold does better).
 *   T = 6: a lies in [0, 5], b in [1, 3]. In [1, 3) a runs at least min(4, 2, 4 − 1, 3 − 1) = 2
 *   days and b 2: 4 > 2 × 1, refuted.
 *   T = 7: a in [0, 6], b in [1, 4]. In [1, 4) a runs at least min(4, 3, 3, 4 − 2) = 2, b
 *   min(2, 3, 3 − 1, 4 − 2) = 2: 4 > 3, refuted.
 *   T = 8: b on days 1–3, a on 3–7, w on 7–8, z on 3–6 fits, so the bound is 8 and the plan of 8 is optimal.
 */
const tightWindows = input(
  [
    phase('y', 1, { teamSize: 0 }),
    phase('b', 2, { dependencies: ['y'] }),
    phase('z', 3, { teamSize: 0, dependencies: ['b'] }),
    phase('a', 4),
    phase('w', 1, { teamSize: 0, dependencies: ['a'] }),
  ],
  [{ id: 'solo', size: 1, skills: [] }],
);

describe('destructive lower bound', () => {
  it('refutes makespans the critical path and the energy bound allow (hand-computed instance)', () => {
    const plan = computePlan(tightWindows);
    expect(plan.bounds).toMatchObject({ criticalPath: 6, resource: 7, destructive: 8, best: 8 });
    expect(plan.schedule.makespan).toBe(8);
    expect(plan.bounds.optimal).toBe(true);
  });

  it('is the start bound when nothing above it is refuted, or the problem has no whole-day makespans or no heads and tails', () => {
    const loose = computePlan(input([phase('a', 2), phase('b', 3)], [{ id: 't', size: 2, skills: [] }]));
    expect(loose.bounds).toMatchObject({ criticalPath: 3, resource: 3, destructive: 3, best: 3 });
    const fractional = computePlan({ ...tightWindows, phases: tightWindows.phases.map((p) => (p.id === 'a' ? { ...p, duration: 4.5 } : p)) });
    expect(fractional.bounds.destructive).toBe(Math.max(fractional.bounds.criticalPath, fractional.bounds.resource));
    // Started at a makespan that fits (the optimum), it stays there.
    const p = schedulingProblem(normalise(tightWindows));
    const cpm = criticalPath(p, p.duration);
    expect(destructiveBound(p, resourceSets(p), { head: cpm.es, tail: cpm.lf.map((lf) => cpm.length - lf) }, 8)).toBe(8);
  });

  it('narrows windows by the incompatible pair and the links (hand-computed, T = 8 on the instance above)', () => {
    // Tails from the critical path (6): y 5, b 3, z 0, a 1, w 0. Latest starts at T = 8: a 3, b 3.
    // a before b needs 0 + 4 ≤ 3: no, so b goes first: a starts at 3 at the earliest and b at 1 at
    // the latest; then y (before b) starts by 0, w (after a) at 7 and z (after b) from 3.
    const project = normalise(tightWindows);
    const p = schedulingProblem(project);
    const cpm = criticalPath(p, p.duration);
    const w = { es: Float64Array.from(cpm.es), ls: Float64Array.from(cpm.lf, (lf, j) => 8 - (cpm.length - lf) - p.duration[j]!) };
    expect(tightenWindows(p, w, Int32Array.of(...['a', 'b'].map((id) => project.phases.findIndex((ph) => ph.id === id))))).toBe(true);
    const at = (id: string) => {
      const j = project.phases.findIndex((ph) => ph.id === id);
      return [w.es[j], w.ls[j]];
    };
    expect([at('y'), at('b'), at('z'), at('a'), at('w')]).toEqual([
      [0, 0],
      [1, 1],
      [3, 5],
      [3, 3],
      [7, 7],
    ]);
    // At T = 7 neither order fits: the windows empty.
    const w7 = { es: Float64Array.from(cpm.es), ls: Float64Array.from(cpm.lf, (lf, j) => 7 - (cpm.length - lf) - p.duration[j]!) };
    expect(tightenWindows(p, w7, Int32Array.of(...['a', 'b'].map((id) => project.phases.findIndex((ph) => ph.id === id))))).toBe(false);
  });

  it('proves whole-day plans optimal that the energy bound leaves open: three two-day phases on two people take 4 days', () => {
    // T = 3: every phase starts on day 0 or 1, so each runs through [1, 2): 3 people-days > 2 × 1, refuted.
    const plan = computePlan(input([phase('a', 2), phase('b', 2), phase('c', 2)], [{ id: 't', size: 2, skills: [] }]));
    expect(plan.bounds).toMatchObject({ criticalPath: 2, resource: 3, destructive: 4, best: 4, optimal: true });
    expect(plan.schedule.makespan).toBe(4);
  });

  it('never exceeds the optimum (tiny integral inputs, solved by exhaustion)', () => {
    fc.assert(
      fc.property(tinyInputArb(5), (inp) => {
        const plan = computePlan(inp);
        const optimum = bruteForceOptimum(inp);
        expect(plan.bounds.destructive).toBeLessThanOrEqual(optimum + TOL);
        expect(plan.bounds.best).toBeLessThanOrEqual(optimum + TOL);
        expect(plan.schedule.makespan).toBeGreaterThanOrEqual(optimum - TOL);
      }),
      { numRuns: RUNS },
    );
  });

  it('never exceeds the makespan the engine finds (small integral inputs)', () => {
    fc.assert(
      fc.property(tinyInputArb(30), (inp) => {
        const plan = computePlan(inp);
        expect(plan.schedule.makespan).toBeGreaterThanOrEqual(plan.bounds.destructive - TOL);
        expect(plan.bounds.best).toBe(Math.max(plan.bounds.criticalPath, plan.bounds.resource, plan.bounds.destructive));
      }),
      { numRuns: RUNS },
    );
  });

  it('with shaving, never exceeds the optimum of small plans on pools alone (up to 8 phases, solved by exhaustion)', () => {
    fc.assert(
      fc.property(poolPlanArb(8), (inp) => {
        expect(computePlan({ ...inp, planning: { iterations: 1, seed: 1 } }).bounds.destructive).toBeLessThanOrEqual(bruteForceOptimum(inp) + TOL);
      }),
      { numRuns: RUNS },
    );
  });

  it('those plans exercise shaving: on some it raises the bound above what the windows alone refute', () => {
    let raised = 0;
    for (const inp of fc.sample(poolPlanArb(8), { numRuns: 200, seed: 15 })) {
      const p = schedulingProblem(normalise(inp));
      const cpm = criticalPath(p, p.duration);
      const ht = { head: cpm.es, tail: cpm.lf.map((lf) => cpm.length - lf) };
      const sets = resourceSets(p);
      const start = Math.ceil(Math.max(cpm.length, resourceLowerBound(p, ht, sets)) - TOL);
      const plain = destructiveBound(p, sets, ht, start, 0);
      const shaved = destructiveBound(p, sets, ht, start);
      expect(shaved).toBeGreaterThanOrEqual(plain);
      if (shaved > plain) raised++;
    }
    expect(raised).toBeGreaterThan(10);
  });

  it('the random inputs above do exercise it: on some the destructive bound is above the other two', () => {
    const sample = fc.sample(tinyInputArb(5), { numRuns: 300, seed: 15 });
    const raised = sample.filter((inp) => {
      const b = computePlan({ ...inp, planning: { iterations: 1, seed: 1 } }).bounds;
      return b.destructive > Math.max(b.criticalPath, b.resource);
    });
    expect(raised.length).toBeGreaterThan(0);
  });
});

/**
 * Small integral plans where resources bind: two teams with skills, up to two pools and shared
 * file areas, whole-day durations, finish-to-start links with whole-day lags, some start dates.
 */
function tinyInputArb(maxPhases: number): fc.Arbitrary<PlanInput> {
  const raw = fc.record({
    duration: fc.integer({ min: 0, max: 6 }),
    deps: fc.array(fc.nat(100), { maxLength: 2 }),
    lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
    skill: fc.constantFrom(undefined, 's0', 's1'),
    size: fc.integer({ min: 0, max: 3 }),
    pools: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }),
    area: fc.constantFrom(undefined, 'api', 'web'),
    notBefore: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 5 }),
  });
  return fc
    .record({
      teams: fc.array(fc.record({ size: fc.integer({ min: 1, max: 3 }), skills: fc.subarray(['s0', 's1']) }), { minLength: 1, maxLength: 2 }),
      pools: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      phases: fc.array(raw, { minLength: 1, maxLength: maxPhases }),
    })
    .map(({ teams, pools, phases }) => {
      const cal = new WorkCalendar('2027-01-04', { workingDays: [1, 2, 3, 4, 5], holidays: [] });
      const teamInputs: TeamInput[] = teams.map((t, i) => ({ id: `t${i}`, size: t.size, skills: i === 0 ? [...new Set([...t.skills, 's0', 's1'])] : t.skills }));
      const phaseInputs = phases.map((r, i): PhaseInput => {
        const ids = i === 0 ? [] : [...new Set(r.deps.map((d) => `p${d % i}`))];
        const resources = Object.fromEntries(pools.flatMap((cap, k) => (r.pools[k]! > 0 ? [[`pool${k}`, Math.min(cap, r.pools[k]!)]] : [])));
        return {
          id: `p${i}`,
          name: `p${i}`,
          duration: r.duration,
          dependencies: ids.map((id) => ({ id, type: 'FS' as const, lagDays: r.lag })),
          skills: r.skill ? [r.skill] : [],
          // Team 0 holds every skill, so some team can always run the phase.
          teamSize: Math.min(r.size, teams[0]!.size),
          ...(Object.keys(resources).length > 0 ? { resources } : {}),
          ...(r.area ? { areas: [r.area] } : {}),
          ...(r.notBefore !== undefined ? { startNoEarlierThan: cal.dateOf(r.notBefore) } : {}),
        };
      });
      return {
        ...input(
          phaseInputs,
          teamInputs,
          pools.map((capacity, k) => ({ id: `pool${k}`, capacity })),
        ),
        planning: { iterations: 300, seed: 1 },
      };
    });
}

/**
 * Plans of the PSPLIB kind: phases that need no team, whole-day durations, finish-to-start links
 * and demands on one or two pools of 2–5 units, often enough to bind.
 */
function poolPlanArb(maxPhases: number): fc.Arbitrary<PlanInput> {
  const raw = fc.record({
    duration: fc.integer({ min: 1, max: 6 }),
    deps: fc.array(fc.nat(100), { maxLength: 2 }),
    demand: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
  });
  return fc
    .record({ capacities: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 2 }), phases: fc.array(raw, { minLength: 2, maxLength: maxPhases }) })
    .map(({ capacities, phases }) => {
      const phaseInputs = phases.map((r, i): PhaseInput => {
        const resources = Object.fromEntries(capacities.flatMap((cap, k) => (r.demand[k]! > 0 ? [[`pool${k}`, Math.min(cap, r.demand[k]!)]] : [])));
        const dependencies = i === 0 ? [] : [...new Set(r.deps.map((d) => `p${d % i}`))];
        return { ...phase(`p${i}`, r.duration, { teamSize: 0, dependencies }), ...(Object.keys(resources).length > 0 ? { resources } : {}) };
      });
      return input(
        phaseInputs,
        [{ id: 't', size: 1, skills: [] }],
        capacities.map((capacity, k) => ({ id: `pool${k}`, capacity })),
      );
    });
}

/**
 * The optimal makespan by exhaustion: every precedence-feasible list decoded by the serial scheme
 * under every team assignment (for a fixed assignment the serial scheme's lists reach every active
 * schedule, one of which is optimal).
 */
function bruteForceOptimum(inp: PlanInput): number {
  const project = normalise(inp);
  const dates = dateDays(project, new WorkCalendar(inp.startDate, project.calendar));
  const p = schedulingProblem(project, dates ? withNotBefore(undefined, dates) : undefined);
  return exhaustiveMakespan(p);
}
