import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, schedulingProblem } from '../../src/domain/engine.js';
import { normalise } from '../../src/domain/input.js';
import { seededRandom } from '../../src/domain/random.js';
import type { SchedulingProblem } from '../../src/domain/schedule/problem.js';
import { searchSchedule, type SearchOptions } from '../../src/domain/schedule/search.js';
import { searchNote } from '../../src/domain/artifacts/search-note.js';
import type { ExecutionPlan } from '../../src/schemas/artifacts/execution-plan.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** Plans of 8–30 phases on two teams of three, phases needing one to three people: scarce enough that the search has work to do. */
const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    seed: fc.integer({ min: 0, max: 10_000 }),
    phases: fc.array(
      fc.record({ duration: fc.integer({ min: 1, max: 9 }), size: fc.integer({ min: 1, max: 3 }), team: fc.boolean(), deps: fc.array(fc.nat(), { maxLength: 2 }) }),
      {
        minLength: 8,
        maxLength: 30,
      },
    ),
  })
  .map(({ seed, phases }) => ({
    name: 'search stop',
    startDate: '2027-01-04',
    teams: [
      { id: 'a', size: 3, skills: ['a'] },
      { id: 'b', size: 3, skills: ['b'] },
    ],
    phases: phases.map((ph, i) => ({
      id: `p${i}`,
      name: `phase ${i}`,
      duration: ph.duration,
      skills: [ph.team ? 'a' : 'b'],
      teamSize: ph.size,
      dependencies: i === 0 ? [] : [...new Set(ph.deps.map((d) => `p${d % i}`))],
    })),
    constraints: { capacityBuffer: 0 },
    planning: { seed },
  }));

const search = (p: SchedulingProblem, seed: number, o: Partial<SearchOptions>) =>
  searchSchedule(p, {
    rng: seededRandom(seed),
    iterations: 1500,
    timeBudgetMs: Infinity,
    lowerBound: 0,
    rules: [{ name: 'input-order', key: Float64Array.from({ length: p.n }, (_, j) => j) }],
    ...o,
  });

/** Runs `check` on random plans with the search's outcome at its default 1,500 schedules. */
const onRandomPlans = (check: (p: SchedulingProblem, seed: number, full: ReturnType<typeof search>) => void) =>
  fc.assert(
    fc.property(inputArb, (input) => {
      const p = schedulingProblem(normalise(input));
      check(p, input.planning!.seed!, search(p, input.planning!.seed!, {}));
    }),
    { numRuns: Math.max(10, Math.round(RUNS / 2)) },
  );

describe('when the search found its schedule, and why it stopped', () => {
  it('bestAt is the schedule that found the best: a search given exactly that many schedules returns the same schedule', () => {
    onRandomPlans((p, seed, full) => {
      // A plan with a single schedule (up to the search's tie-breaks) runs out of new ones before the budget.
      expect(full.stoppedBy).toBe(full.evaluated >= 1500 ? 'iteration_budget' : 'no_new_schedules');
      expect(full.bestAt).toBeGreaterThan(0);
      expect(full.bestAt).toBeLessThanOrEqual(full.evaluated);
      const cut = search(p, seed, { iterations: full.bestAt });
      expect(cut.evaluated).toBe(full.bestAt);
      expect(cut.bestAt).toBe(full.bestAt);
      expect(Array.from(cut.best.start)).toEqual(Array.from(full.best.start));
      expect(Array.from(cut.best.team)).toEqual(Array.from(full.best.team));
      // The search starts no evaluation once its budget is spent, and the one that found the best cost three (a decode and two justification passes).
      if (full.bestAt > 3) expect(search(p, seed, { iterations: full.bestAt - 3 }).bestAt).toBeLessThan(full.bestAt);
    });
  });

  it('a search that reaches its lower bound stops there, at the schedule that reached it', () => {
    onRandomPlans((p, seed, full) => {
      const bounded = search(p, seed, { lowerBound: full.best.makespan });
      expect(bounded.stoppedBy).toBe('lower_bound');
      expect(bounded.best.makespan).toBe(full.best.makespan);
      expect(bounded.evaluated).toBe(bounded.bestAt);
      expect(bounded.bestAt).toBeLessThanOrEqual(full.bestAt);
    });
  });

  it('a search cut by its time budget says so, and one with nothing left to try says that', () => {
    const p = schedulingProblem(normalise(fc.sample(inputArb, { seed: 7, numRuns: 1 })[0]!));
    let now = 0;
    const timed = search(p, 1, { iterations: 1_000_000, timeBudgetMs: 40, clock: () => now++ });
    expect(timed.stoppedBy).toBe('time_budget');
    expect(timed.evaluated).toBeLessThan(1_000_000);
    expect(timed.bestAt).toBeLessThanOrEqual(timed.evaluated);
    // One phase on one team: every list is the same schedule, so the population never holds two.
    const tiny = schedulingProblem(
      normalise({
        name: 'tiny',
        startDate: '2027-01-04',
        teams: [{ id: 'a', size: 1, skills: [] }],
        phases: [{ id: 'x', name: 'x', duration: 2, dependencies: [] }],
        constraints: { capacityBuffer: 0 },
      }),
    );
    const exhausted = search(tiny, 1, {});
    expect(exhausted.stoppedBy).toBe('no_new_schedules');
    expect(exhausted.evaluated).toBeLessThan(1500);
  });
});

describe('the execution plan and the strategy document report it', () => {
  it('the web-product example: found early, stopped at its iteration budget, and the document says so in its figures', () => {
    const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
    const result = computePlan(input);
    const { artifacts, document: strategy } = planProject(input);
    const s = artifacts['execution-plan.json'].optimisation.search;
    expect(s.stopped_by).toBe('iteration_budget');
    expect(s.best_found_at_schedule).toBe(result.search.bestAt);
    expect(s.best_found_at_schedule).toBeLessThan(0.8 * s.schedules_evaluated);
    expect(strategy).toContain(
      `It found this schedule at schedule ${s.best_found_at_schedule} of ${s.schedules_evaluated} and stopped at its iteration budget (\`planning.iterations\`); nothing shorter came in its last ${s.schedules_evaluated - s.best_found_at_schedule} schedules.`,
    );
  });

  const note = (search: Partial<ExecutionPlan['optimisation']['search']>, optimal = false) =>
    searchNote(
      {
        seed: 1,
        iteration_budget: 3000,
        schedules_evaluated: 3000,
        generations: 20,
        best_priority_rule_makespan_days: 50,
        found_by: 'genetic',
        best_found_at_schedule: 2900,
        stopped_by: 'iteration_budget',
        ...search,
      },
      optimal,
    );

  it('a schedule found in the last fifth of the search suggests a larger budget; one found earlier or an optimal one does not', () => {
    expect(note({})).toBe(
      'It found this schedule at schedule 2900 of 3000 and stopped at its iteration budget (`planning.iterations`): it was still improving near its end, so a larger budget may shorten the plan.',
    );
    expect(note({ best_found_at_schedule: 2400, stopped_by: 'time_budget' })).toBe(
      'It found this schedule at schedule 2400 of 3000 and stopped at its time budget (`planning.timeBudgetMs`): it was still improving near its end, so a larger budget may shorten the plan.',
    );
    expect(note({ best_found_at_schedule: 2399 })).toBe(
      'It found this schedule at schedule 2399 of 3000 and stopped at its iteration budget (`planning.iterations`); nothing shorter came in its last 601 schedules.',
    );
    expect(note({}, true)).toBe('It found this schedule at schedule 2900 of 3000 and stopped at its iteration budget (`planning.iterations`).');
    expect(note({ best_found_at_schedule: 40, schedules_evaluated: 40, stopped_by: 'lower_bound' }, true)).toBe(
      'It found this schedule at schedule 40 and stopped there, since none can be shorter.',
    );
    expect(note({ best_found_at_schedule: 3, schedules_evaluated: 9, stopped_by: 'no_new_schedules' })).toBe(
      'It found this schedule at schedule 3 and stopped when it could make no schedule it had not met before.',
    );
  });
});
