import { PlanInputError, type InputIssue } from './errors.js';
import { IndexHeap } from './heap.js';

export interface GraphInput {
  id: string;
  dependencies?: string[];
}

export interface Graph {
  n: number;
  ids: string[];
  indexOf: Map<string, number>;
  /** preds[i]: phases i depends on (deduplicated, input order). */
  preds: number[][];
  /** succs[i]: phases that depend on i. */
  succs: number[][];
  /** Topological order, stable: among ready phases the earliest in the input goes first. */
  order: number[];
}

/**
 * Builds the dependency graph and rejects what cannot be planned: duplicate ids, unknown and
 * self dependencies, and cycles (named by their full path).
 */
export function buildGraph(items: GraphInput[], pointer = '/phases'): Graph {
  const n = items.length;
  const ids = items.map((p) => p.id);
  const indexOf = new Map<string, number>();
  const issues: InputIssue[] = [];
  items.forEach((p, i) => {
    if (indexOf.has(p.id)) {
      issues.push({ code: 'duplicate_id', message: `phase id "${p.id}" is used more than once`, path: `${pointer}/${i}/id`, ids: [p.id] });
    } else indexOf.set(p.id, i);
  });
  const preds: number[][] = items.map(() => []);
  const succs: number[][] = items.map(() => []);
  items.forEach((p, i) => {
    const seen = new Set<number>();
    (p.dependencies ?? []).forEach((dep, j) => {
      const d = indexOf.get(dep);
      const path = `${pointer}/${i}/dependencies/${j}`;
      if (d === undefined) {
        issues.push({ code: 'unknown_dependency', message: `phase "${p.id}" depends on unknown phase "${dep}"`, path, ids: [dep] });
      } else if (d === i) {
        issues.push({ code: 'self_dependency', message: `phase "${p.id}" depends on itself`, path, ids: [dep] });
      } else if (!seen.has(d)) {
        seen.add(d);
        preds[i]!.push(d);
        succs[d]!.push(i);
      }
    });
  });
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);

  const order = topologicalOrder(n, preds, succs);
  if (order.length < n) {
    const cycle = findCycle(n, preds, order);
    const first = cycle[0]!;
    const depIndex = (items[first]!.dependencies ?? []).indexOf(ids[cycle[1]!]!);
    throw new PlanInputError('dependency_cycle', [
      {
        code: 'dependency_cycle',
        message: `dependency cycle: ${cycle.map((c) => ids[c]).join(' → ')} (each depends on the next)`,
        path: `${pointer}/${first}/dependencies/${depIndex}`,
        ids: cycle.map((c) => ids[c]!),
      },
    ]);
  }
  return { n, ids, indexOf, preds, succs, order };
}

/** Kahn's algorithm with a min-heap on the input index, so the order is stable. */
function topologicalOrder(n: number, preds: number[][], succs: number[][]): number[] {
  const indeg = preds.map((p) => p.length);
  const heap = new IndexHeap((a, b) => a < b);
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const order: number[] = [];
  while (heap.size > 0) {
    const v = heap.pop();
    order.push(v);
    for (const s of succs[v]!) if (--indeg[s]! === 0) heap.push(s);
  }
  return order;
}

/** A cycle among the phases Kahn could not order, as a path whose first and last entries are equal. */
function findCycle(n: number, preds: number[][], order: number[]): number[] {
  const ordered = new Uint8Array(n);
  for (const v of order) ordered[v] = 1;
  let v = 0;
  while (ordered[v]) v++;
  const position = new Map<number, number>();
  const walk: number[] = [];
  // Every unordered phase has an unordered dependency, so this walk must revisit a phase.
  while (!position.has(v)) {
    position.set(v, walk.length);
    walk.push(v);
    v = preds[v]!.find((p) => !ordered[p])!;
  }
  return [...walk.slice(position.get(v)!), v];
}

/**
 * Reachability as bitsets, computed in reverse topological order: reach[i] holds every phase
 * that (transitively) depends on i.
 */
export interface GraphShape {
  n: number;
  succs: ArrayLike<number>[];
  order: ArrayLike<number>;
}

export function descendants(g: GraphShape): Uint32Array[] {
  const words = (g.n + 31) >>> 5;
  const reach: Uint32Array[] = new Array(g.n);
  for (let k = g.n - 1; k >= 0; k--) {
    const v = g.order[k]!;
    const bits = new Uint32Array(words);
    const succ = g.succs[v]!;
    for (let k2 = 0; k2 < succ.length; k2++) {
      const s = succ[k2]!;
      bits[s >>> 5]! |= 1 << (s & 31);
      const rs = reach[s]!;
      for (let w = 0; w < words; w++) bits[w]! |= rs[w]!;
    }
    reach[v] = bits;
  }
  return reach;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of phases that transitively depend on each phase. */
export function descendantCounts(reach: Uint32Array[]): Int32Array {
  const counts = new Int32Array(reach.length);
  reach.forEach((bits, i) => {
    let c = 0;
    for (let w = 0; w < bits.length; w++) if (bits[w]) c += popcount(bits[w]!);
    counts[i] = c;
  });
  return counts;
}

/** The dependency edges [from, to] that are not implied by a longer path (for display and sync points). */
export function transitiveReduction(g: Omit<GraphShape, 'order'>, reach: Uint32Array[]): [number, number][] {
  const edges: [number, number][] = [];
  for (let u = 0; u < g.n; u++) {
    const succ = Array.from(g.succs[u]!);
    for (const v of succ) {
      const implied = succ.some((w) => w !== v && (reach[w]![v >>> 5]! & (1 << (v & 31))) !== 0);
      if (!implied) edges.push([u, v]);
    }
  }
  return edges;
}
