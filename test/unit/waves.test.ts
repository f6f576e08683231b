import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

type Spec = [id: string, duration: number, dependencies: string[]];

function planOf(spec: Spec[], teamSize = 10) {
  const input: PlanInput = {
    name: 'waves',
    startDate: '2027-01-04',
    teams: [{ id: 't', size: teamSize, skills: [] }],
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 60 },
    phases: spec.map(([id, duration, dependencies]) => ({ id, name: id, duration, dependencies })),
  };
  const plan = computePlan(input);
  const ids = (phases: number[]) => phases.map((j) => plan.project.phases[j]!.id);
  return { plan, ids, at: (id: string) => plan.project.phases.findIndex((p) => p.id === id) };
}

/*
 * Level 0 (foundation): a b c d           — four independent starts
 * Level 1:              e(a,b) f(c) g(d) h(a)
 * Level 2:              i(e,f)            — narrow, joins two branches: the integration tail begins
 * Level 3:              j(i,g,h)
 */
const DIAMONDS: Spec[] = [
  ['a', 2, []],
  ['b', 1, []],
  ['c', 3, []],
  ['d', 1, []],
  ['e', 2, ['a', 'b']],
  ['f', 1, ['c']],
  ['g', 4, ['d']],
  ['h', 1, ['a']],
  ['i', 2, ['e', 'f']],
  ['j', 1, ['i', 'g', 'h']],
];

describe('waves', () => {
  const { plan, ids, at } = planOf(DIAMONDS);

  it('are the dependency levels, foundation first and an integration tail', () => {
    expect(plan.waves.map((w) => ids(w.phases))).toEqual([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h'], ['i'], ['j']]);
    expect(plan.waves.map((w) => w.kind)).toEqual(['foundation', 'parallel', 'integration', 'integration']);
    expect(plan.waves.map((w) => w.index)).toEqual([0, 1, 2, 3]);
  });

  it('put the phases without dependencies, and only those, in the foundation wave', () => {
    for (const p of plan.project.phases) expect(plan.waveOf[p.index] === 0).toBe(p.dependencies.length === 0);
  });

  it('place every phase in a later wave than each of its dependencies, exactly once', () => {
    const seen = new Map<number, number>();
    plan.waves.forEach((w) => w.phases.forEach((j) => seen.set(j, (seen.get(j) ?? 0) + 1)));
    expect(seen.size).toBe(plan.project.phases.length);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    for (const p of plan.project.phases) {
      expect(plan.waves[plan.waveOf[p.index]!]!.phases).toContain(p.index);
      for (const d of p.dependencies) expect(plan.waveOf[p.index]!).toBeGreaterThan(plan.waveOf[d]!);
    }
  });

  it('never start a phase before its dependencies finish', () => {
    const { start, finish } = plan.schedule;
    for (const p of plan.project.phases) for (const d of p.dependencies) expect(start[p.index]!).toBeGreaterThanOrEqual(finish[d]! - 1e-9);
  });

  it('span their phases in the schedule', () => {
    const { start, finish } = plan.schedule;
    for (const w of plan.waves) {
      expect(w.start).toBe(Math.min(...w.phases.map((j) => start[j]!)));
      expect(w.finish).toBe(Math.max(...w.phases.map((j) => finish[j]!)));
    }
    // Ten people: no resource waits, so the schedule is the critical path schedule.
    expect(plan.schedule.makespan).toBe(plan.cpm.length);
    expect(plan.waves[0]!.maxConcurrent).toBe(4);
    expect(plan.waves[3]!.start).toBe(finish[at('i')]);
  });

  it('count concurrency from the schedule: one person runs one phase at a time', () => {
    const single = planOf(DIAMONDS, 1).plan;
    for (const w of single.waves) expect(w.maxConcurrent).toBe(1);
    const total = DIAMONDS.reduce((a, [, d]) => a + d, 0);
    expect(single.schedule.makespan).toBe(total);
  });

  it('a single chain is one foundation phase and then waves of one', () => {
    const { plan: chain } = planOf([
      ['p', 1, []],
      ['q', 1, ['p']],
      ['r', 1, ['q']],
    ]);
    expect(chain.waves.map((w) => w.phases.length)).toEqual([1, 1, 1]);
    expect(chain.waves[0]!.kind).toBe('foundation');
    // No phase joins two branches, so nothing is an integration wave.
    expect(chain.waves.slice(1).every((w) => w.kind === 'parallel')).toBe(true);
  });

  it('independent phases are all foundation', () => {
    const { plan: flat } = planOf([
      ['p', 1, []],
      ['q', 2, []],
    ]);
    expect(flat.waves).toHaveLength(1);
    expect(flat.waves[0]).toMatchObject({ kind: 'foundation', start: 0, finish: 2, maxConcurrent: 2 });
  });
});
