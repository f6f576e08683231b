import { describe, expect, it } from 'vitest';
import { PlanInputError } from '../../src/domain/errors.js';
import { buildGraph, descendantCounts, descendants, transitiveReduction, type GraphInput } from '../../src/domain/graph.js';
import { normalise } from '../../src/domain/input.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { thrown } from '../support/thrown.js';

const inputError = (fn: () => unknown) => thrown(PlanInputError, fn);

const g = (spec: Record<string, string[]>): GraphInput[] => Object.entries(spec).map(([id, dependencies]) => ({ id, dependencies }));

/** Asserts `ids` is a closed cycle (first == last) over exactly `members`, in dependency order. */
function expectClosedCycle(ids: string[] | undefined, members: string[], dependsOn: Record<string, string[]>): void {
  expect(ids).toBeDefined();
  const path = ids!;
  expect(path.length).toBe(members.length + 1);
  expect(path[0]).toBe(path[path.length - 1]);
  expect([...path.slice(0, -1)].sort()).toEqual([...members].sort());
  // "each depends on the next"
  for (let k = 0; k + 1 < path.length; k++) expect(dependsOn[path[k]!]).toContain(path[k + 1]);
}

describe('buildGraph', () => {
  it('orders topologically and stably (input order among ready phases)', () => {
    // d and b are ready first; among ready phases the earlier in the input goes first.
    const graph = buildGraph(g({ c: ['b', 'd'], b: [], a: ['c'], d: [] }));
    expect(graph.order.map((i) => graph.ids[i])).toEqual(['b', 'd', 'c', 'a']);
    expect(graph.preds[graph.indexOf.get('c')!]).toEqual([graph.indexOf.get('b'), graph.indexOf.get('d')]);
    expect(graph.succs[graph.indexOf.get('b')!]).toEqual([graph.indexOf.get('c')]);
  });

  it('deduplicates repeated dependencies', () => {
    const graph = buildGraph(g({ a: [], b: ['a', 'a'] }));
    expect(graph.preds[1]).toEqual([0]);
    expect(graph.succs[0]).toEqual([1]);
  });

  it('names a three-phase cycle by its full closed path and points at the first edge', () => {
    const spec = { a: ['b'], b: ['c'], c: ['a'] };
    const err = inputError(() => buildGraph(g(spec)));
    expect(err.code).toBe('dependency_cycle');
    expect(err.issues).toHaveLength(1);
    const issue = err.issues[0]!;
    expect(issue.code).toBe('dependency_cycle');
    expectClosedCycle(issue.ids, ['a', 'b', 'c'], spec);
    // The path points at the dependency of the cycle's first phase on the second.
    const m = /^\/phases\/(\d+)\/dependencies\/(\d+)$/.exec(issue.path);
    expect(m).not.toBeNull();
    const items = g(spec);
    const from = items[Number(m![1])]!;
    expect(from.id).toBe(issue.ids![0]);
    expect(from.dependencies![Number(m![2])]).toBe(issue.ids![1]);
    expect(err.message).toContain('→');
  });

  it('leaves out the phases that only lead into a cycle', () => {
    // x and y depend on the cycle but are not on it.
    const spec = { x: ['p'], p: ['q', 'y'], y: [], q: ['r'], r: ['p'], z: ['x'] };
    const err = inputError(() => buildGraph(g(spec)));
    const issue = err.issues[0]!;
    expectClosedCycle(issue.ids, ['p', 'q', 'r'], spec);
    const m = /^\/phases\/(\d+)\/dependencies\/(\d+)$/.exec(issue.path)!;
    const items = g(spec);
    expect(items[Number(m[1])]!.id).toBe(issue.ids![0]);
    expect(items[Number(m[1])]!.dependencies![Number(m[2])]).toBe(issue.ids![1]);
  });

  it('reports a two-phase cycle', () => {
    const spec = { a: [], b: ['a', 'c'], c: ['b'] };
    const issue = inputError(() => buildGraph(g(spec))).issues[0]!;
    expectClosedCycle(issue.ids, ['b', 'c'], spec);
    const m = /^\/phases\/(\d+)\/dependencies\/(\d+)$/.exec(issue.path)!;
    const items = g(spec);
    expect(items[Number(m[1])]!.dependencies![Number(m[2])]).toBe(issue.ids![1]);
  });

  it('rejects a duplicate id at the second occurrence', () => {
    const err = inputError(() => buildGraph(g({ a: [], b: [], a2: [] }).map((p) => (p.id === 'a2' ? { ...p, id: 'a' } : p))));
    expect(err.code).toBe('duplicate_id');
    expect(err.issues).toEqual([expect.objectContaining({ code: 'duplicate_id', path: '/phases/2/id', ids: ['a'] })]);
  });

  it('rejects an unknown dependency with the path of the offending entry', () => {
    const err = inputError(() => buildGraph(g({ a: [], b: ['a', 'ghost'] })));
    expect(err.code).toBe('unknown_dependency');
    expect(err.issues).toEqual([expect.objectContaining({ code: 'unknown_dependency', path: '/phases/1/dependencies/1', ids: ['ghost'] })]);
  });

  it('rejects a self dependency', () => {
    const err = inputError(() => buildGraph(g({ a: [], b: ['a', 'b'] })));
    expect(err.code).toBe('self_dependency');
    expect(err.issues[0]).toMatchObject({ path: '/phases/1/dependencies/1', ids: ['b'] });
  });

  it('names every offending field at once', () => {
    const items = [{ id: 'a' }, { id: 'a' }, { id: 'b', dependencies: ['nope'] }];
    const err = inputError(() => buildGraph(items));
    expect(err.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', '/phases/1/id'],
      ['unknown_dependency', '/phases/2/dependencies/0'],
    ]);
  });
});

describe('reachability and transitive reduction', () => {
  // a → b → c → d, a → c (implied), a → d (implied), e isolated
  const items = g({ a: [], b: ['a'], c: ['b', 'a'], d: ['c', 'a'], e: [] });
  const graph = buildGraph(items);
  const reach = descendants(graph);

  it('counts the phases that transitively depend on each phase', () => {
    expect(Array.from(descendantCounts(reach))).toEqual([3, 2, 1, 0, 0]);
    const has = (u: number, v: number) => (reach[u]![v >>> 5]! & (1 << (v & 31))) !== 0;
    expect(has(0, 3)).toBe(true);
    expect(has(3, 0)).toBe(false);
    expect(has(4, 0)).toBe(false);
  });

  it('drops the edges implied by a longer path', () => {
    const edges = transitiveReduction(graph, reach).map(([u, v]) => `${graph.ids[u]}>${graph.ids[v]}`);
    expect(edges.sort()).toEqual(['a>b', 'b>c', 'c>d']);
  });

  it('works across bitset word boundaries', () => {
    // A chain of 70 phases: every phase reaches all later ones.
    const chain = Array.from({ length: 70 }, (_, i) => ({ id: `p${i}`, dependencies: i > 0 ? [`p${i - 1}`] : [] }));
    const cg = buildGraph(chain);
    const counts = descendantCounts(descendants(cg));
    expect(Array.from(counts)).toEqual(chain.map((_, i) => 69 - i));
  });
});

describe('normalise', () => {
  const base = (): PlanInput => ({
    name: 'p',
    startDate: '2027-01-04',
    teams: [{ id: 't', size: 5, skills: ['x'] }],
    phases: [
      { id: 'a', name: 'A', duration: 1, skills: ['x'] },
      { id: 'b', name: 'B', duration: 1, dependencies: ['a'] },
    ],
  });

  it('applies the capacity buffer in full-time equivalents: size 5 with 20 % reserved gives 4', () => {
    const project = normalise({ ...base(), constraints: { capacityBuffer: 20 } });
    expect(project.teams[0]!.capacity).toBe(4);
    // The default buffer is 20 % too.
    expect(normalise(base()).teams[0]!.capacity).toBe(4);
    // Availability scales too; a one-person team keeps its buffer (0.8 FTE, not a full person).
    expect(normalise({ ...base(), teams: [{ id: 't', size: 5, skills: ['x'], availability: 50 }] }).teams[0]!.capacity).toBe(2);
    expect(normalise({ ...base(), teams: [{ id: 't', size: 1, skills: ['x'] }] }).teams[0]!.capacity).toBe(0.8);
  });

  it('plans the PERT mean of a three-point estimate, not rounded', () => {
    const input = base();
    input.phases[0]!.duration = { optimistic: 1, likely: 2, pessimistic: 4 };
    const project = normalise(input);
    expect(project.phases[0]!.duration).toBe(13 / 6);
    expect(project.phases[0]!.estimated).toBe(true);
  });

  it('rejects a duplicate phase id at the second occurrence', () => {
    const input = base();
    input.phases.push({ id: 'a', name: 'again', duration: 1 });
    const err = inputError(() => normalise(input));
    expect(err.code).toBe('duplicate_id');
    expect(err.issues[0]).toMatchObject({ path: '/phases/2/id', ids: ['a'] });
  });

  it('rejects a duplicate team id', () => {
    const input = base();
    input.teams.push({ id: 't', size: 1, skills: [] });
    expect(inputError(() => normalise(input)).issues[0]).toMatchObject({ code: 'duplicate_id', path: '/teams/1/id' });
  });

  it('rejects a phase whose skills no team holds, at its skills', () => {
    const input = base();
    input.phases[1]!.skills = ['x', 'y'];
    const err = inputError(() => normalise(input));
    expect(err.code).toBe('no_eligible_team');
    expect(err.issues[0]).toMatchObject({ path: '/phases/1/skills', ids: ['b'] });
  });

  it('stretches a phase the buffer leaves short of people, and rejects one larger than any skilled team, at its teamSize', () => {
    const input = base();
    input.phases[0]!.teamSize = 5; // 5 people, but only 4 FTE of the 5 may be planned: 5/4 as long
    const stretched = normalise(input).phases[0]!;
    expect(stretched.demand).toBe(4);
    expect(stretched.duration).toBe(stretched.fullStaffDuration * 1.25);
    input.phases[0]!.teamSize = 6;
    const err = inputError(() => normalise(input));
    expect(err.code).toBe('no_eligible_team');
    expect(err.issues[0]).toMatchObject({ path: '/phases/0/teamSize', ids: ['a'] });
    expect(err.issues[0]!.message).toContain('at most 5');
  });

  it('needs no team for teamSize 0', () => {
    const input = base();
    input.phases[1]!.teamSize = 0;
    input.phases[1]!.skills = ['nobody-has-this'];
    expect(normalise(input).eligibleTeams[1]).toEqual([]);
  });

  it('rejects unknown and oversized infrastructure demands', () => {
    const input: PlanInput = { ...base(), infrastructure: [{ id: 'env', capacity: 1 }] };
    input.phases[0]!.resources = { env: 2 };
    input.phases[1]!.resources = { ghost: 1 };
    const err = inputError(() => normalise(input));
    expect(err.issues.map((i) => [i.code, i.path])).toEqual([
      ['resource_exceeds_capacity', '/phases/0/resources/env'],
      ['unknown_resource', '/phases/1/resources/ghost'],
    ]);
  });
});
