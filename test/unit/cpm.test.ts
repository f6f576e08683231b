import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/domain/cpm.js';
import { computePlan } from '../../src/domain/engine.js';
import { buildGraph, type GraphInput } from '../../src/domain/graph.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

/** A graph and durations from { id: [duration, dependencies] }. */
function problem(spec: Record<string, [number, string[]]>) {
  const items: GraphInput[] = Object.entries(spec).map(([id, [, dependencies]]) => ({ id, dependencies }));
  const graph = buildGraph(items);
  const duration = Float64Array.from(Object.values(spec), ([d]) => d);
  return { graph, duration, at: (id: string) => graph.indexOf.get(id)! };
}

describe('critical path method', () => {
  /*
   *        ┌─ b (2) ─┐
   *  a (3) ┤         ├─ d (1)          e (2) on its own
   *        └─ c (4) ─┘
   *
   *  ES/EF: a 0/3, b 3/5, c 3/7, d 7/8, e 0/2 → length 8
   *  LS/LF: d 7/8, c 3/7, b 5/7, a 0/3, e 6/8
   *  total slack: b 2, e 6, the rest 0; free slack: b 2 (d starts at 7), e 6 (project end), rest 0
   */
  const { graph, duration, at } = problem({ a: [3, []], b: [2, ['a']], c: [4, ['a']], d: [1, ['b', 'c']], e: [2, []] });
  const cpm = criticalPath(graph, duration);
  const row = (id: string) => {
    const j = at(id);
    return [cpm.es[j], cpm.ef[j], cpm.ls[j], cpm.lf[j], cpm.totalSlack[j], cpm.freeSlack[j], cpm.critical[j]];
  };

  it('computes the project length', () => {
    expect(cpm.length).toBe(8);
  });

  it('computes ES, EF, LS, LF, total and free slack by hand', () => {
    expect(row('a')).toEqual([0, 3, 0, 3, 0, 0, true]);
    expect(row('b')).toEqual([3, 5, 5, 7, 2, 2, false]);
    expect(row('c')).toEqual([3, 7, 3, 7, 0, 0, true]);
    expect(row('d')).toEqual([7, 8, 7, 8, 0, 0, true]);
    expect(row('e')).toEqual([0, 2, 6, 8, 6, 6, false]);
  });

  it('names one critical chain from a start phase to the end', () => {
    expect(cpm.criticalPath.map((j) => graph.ids[j])).toEqual(['a', 'c', 'd']);
  });

  it('tells total slack from free slack', () => {
    // a → b → c and a → x → c: b 1 day, x 3 days; then y after b only, 1 day, ending at project end 6.
    //   ES: a 0-1, b 1-2, x 1-4, c 4-5, y 2-3; length 5
    //   b: LS from min(LS c = 4, LS y = 4) → LF 4, LS 3, total slack 2; free slack = min(ES c 4, ES y 2) − 2 = 0
    //   y: LF 5, LS 4, total 2, free 2
    const q = problem({ a: [1, []], b: [1, ['a']], x: [3, ['a']], c: [1, ['b', 'x']], y: [1, ['b']] });
    const r = criticalPath(q.graph, q.duration);
    expect(r.length).toBe(5);
    expect(r.totalSlack[q.at('b')]).toBe(2);
    expect(r.freeSlack[q.at('b')]).toBe(0);
    expect(r.totalSlack[q.at('y')]).toBe(2);
    expect(r.freeSlack[q.at('y')]).toBe(2);
    expect(r.criticalPath.map((j) => q.graph.ids[j])).toEqual(['a', 'x', 'c']);
  });

  it('holds release days back', () => {
    const q = problem({ a: [2, []], b: [1, ['a']] });
    const r = criticalPath(q.graph, q.duration, Float64Array.from([3, 0]));
    expect(Array.from(r.es)).toEqual([3, 5]);
    expect(r.length).toBe(6);
    expect(r.criticalPath).toEqual([0, 1]);
  });

  it('handles fractional durations and zero-length milestones', () => {
    const q = problem({ a: [1.5, []], m: [0, ['a']], b: [2.25, ['m']], c: [0.5, []] });
    const r = criticalPath(q.graph, q.duration);
    expect(r.length).toBeCloseTo(3.75, 9);
    expect(r.es[q.at('b')]).toBeCloseTo(1.5, 9);
    expect(r.critical[q.at('m')]).toBe(true);
    expect(r.totalSlack[q.at('c')]).toBeCloseTo(3.25, 9);
    expect(r.criticalPath.map((j) => q.graph.ids[j])).toEqual(['a', 'm', 'b']);
  });
});

describe('critical path through the engine', () => {
  it('is the lower bound LB0 of the plan, and the schedule reaches it when resources are ample', () => {
    const input: PlanInput = {
      name: 'cpm',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 10, skills: [] }],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 100 },
      phases: [
        { id: 'a', name: 'a', duration: 3 },
        { id: 'b', name: 'b', duration: 2, dependencies: ['a'] },
        { id: 'c', name: 'c', duration: 4, dependencies: ['a'] },
        { id: 'd', name: 'd', duration: 1, dependencies: ['b', 'c'] },
        { id: 'e', name: 'e', duration: 2 },
      ],
    };
    const plan = computePlan(input);
    expect(plan.cpm.length).toBe(8);
    expect(plan.cpm.criticalPath.map((j) => plan.project.phases[j]!.id)).toEqual(['a', 'c', 'd']);
    expect(plan.bounds.criticalPath).toBe(8);
    expect(plan.schedule.makespan).toBe(8);
    expect(plan.bounds.optimal).toBe(true);
    expect(plan.bounds.gapPercent).toBe(0);
  });
});
