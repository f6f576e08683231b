import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planLocally } from '../../src/cli/plan-command.js';
import { repoPath } from '../../src/paths.js';

const ITERATIONS = 2_000;

/** The example with a large iteration budget and the given time budget. */
function example(timeBudgetMs: number) {
  const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8'));
  return { ...input, planning: { ...input.planning, iterations: ITERATIONS, timeBudgetMs, monteCarloIterations: 100 } };
}

const search = (files: ReturnType<typeof planLocally>) =>
  (files.artifacts['execution-plan.json'] as { optimisation: { search: { iteration_budget: number; schedules_evaluated: number } } }).optimisation.search;

/** `waveplan plan` run locally passes a clock into the domain, so planning.timeBudgetMs ends the search as on the service. */
describe('a local plan honours timeBudgetMs', () => {
  it('runs to the iteration budget while the clock stands still', () => {
    const s = search(planLocally(example(5), undefined, () => 0));
    expect(s.iteration_budget).toBe(ITERATIONS);
    expect(s.schedules_evaluated).toBeGreaterThanOrEqual(ITERATIONS);
  });

  it('stops early once the clock passes the time budget', () => {
    let now = 0;
    const s = search(planLocally(example(5), undefined, () => (now += 1)));
    expect(s.schedules_evaluated).toBeGreaterThan(0);
    expect(s.schedules_evaluated).toBeLessThan(ITERATIONS / 10);
  });

  it('uses a real clock by default: a 1 ms budget evaluates far fewer schedules than the iteration budget', () => {
    const s = search(planLocally(example(1)));
    expect(s.schedules_evaluated).toBeLessThan(ITERATIONS);
  });
});
