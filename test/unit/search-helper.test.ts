import { describe, expect, it } from 'vitest';
import { computePlan, schedulingProblem } from '../../src/domain/engine.js';
import { normalise } from '../../src/domain/input.js';
import { availableParallelism } from 'node:os';
import { createSearchHelper } from '../../src/service/search-helper.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { largeInput } from '../support/large-plan.js';

/** Loads the helper thread (under tsx a few hundred milliseconds), so that a plan has it from its first batch. */
async function loadHelperThread(): Promise<void> {
  const p = schedulingProblem(normalise(largeInput(30)));
  for (let i = 0; i < 400; i++) {
    const helper = createSearchHelper(p)!;
    if (helper.start({ tasks: [], known: new Float64Array(0), budget: 0, msLeft: Infinity })) {
      expect(helper.finish()).toEqual([]);
      helper.close();
      return;
    }
    helper.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the helper thread did not load in 20 s');
}

/** 2,500 phases on three one-person teams: bound by the teams, so that the search runs generations (on eight teams the first rule is optimal). */
const plan = (seed: number): PlanInput => {
  const input = largeInput(2500);
  return { ...input, teams: input.teams.slice(0, 3).map((t) => ({ ...t, size: 1 })), planning: { ...input.planning, iterations: 150, seed } };
};

describe('search helper thread', () => {
  it('evaluates lanes of a large plan, the plan is the one made without it, and the thread serves the next plan', async () => {
    await loadHelperThread();
    for (const seed of [3, 4]) {
      const alone = computePlan(plan(seed));
      const helped = computePlan(plan(seed), { searchHelper: createSearchHelper });
      expect(alone.search.helpedLanes).toBe(0);
      expect(alone.search.generations).toBeGreaterThan(0);
      expect(helped.search.helpedLanes).toBeGreaterThan(0);
      expect(helped.search.evaluated).toBe(alone.search.evaluated);
      expect(helped.schedule.makespan).toBe(alone.schedule.makespan);
      expect(Array.from(helped.schedule.start)).toEqual(Array.from(alone.schedule.start));
      expect(Array.from(helped.schedule.team)).toEqual(Array.from(alone.schedule.team));
    }
  });

  it('a plan of 800 phases is laned too, and the helper does not change it', async () => {
    await loadHelperThread();
    const input = largeInput(800);
    const mid: PlanInput = { ...input, teams: input.teams.slice(0, 3).map((t) => ({ ...t, size: 1 })), planning: { ...input.planning, iterations: 300, seed: 5 } };
    const alone = computePlan(mid);
    const helped = computePlan(mid, { searchHelper: createSearchHelper });
    expect(alone.search.generations).toBeGreaterThan(0);
    expect(helped.search.helpedLanes).toBeGreaterThan(0);
    expect(helped.search.evaluated).toBe(alone.search.evaluated);
    expect(Array.from(helped.schedule.start)).toEqual(Array.from(alone.schedule.start));
    expect(Array.from(helped.schedule.team)).toEqual(Array.from(alone.schedule.team));
  });

  it('takes no lane while every core is at work, and gives its core back after each lane', async () => {
    await loadHelperThread();
    const load = new Int32Array(new SharedArrayBuffer(4));
    const busy = computePlan(plan(3), { searchHelper: (p) => (Atomics.store(load, 0, availableParallelism()), createSearchHelper(p, load)) });
    expect(busy.search.helpedLanes).toBe(0);
    Atomics.store(load, 0, 0);
    const idle = computePlan(plan(3), { searchHelper: (p) => createSearchHelper(p, load) });
    expect(idle.search.helpedLanes).toBeGreaterThan(0);
    expect(load[0]).toBe(0);
    expect(Array.from(idle.schedule.start)).toEqual(Array.from(busy.schedule.start));
  });

  it('small plans are not laned and ask for no helper', () => {
    let asked = 0;
    const small = computePlan(largeInput(200), { searchHelper: (p) => (asked++, createSearchHelper(p)) });
    expect(asked).toBe(0);
    expect(small.search.helpedLanes).toBe(0);
  });
});
