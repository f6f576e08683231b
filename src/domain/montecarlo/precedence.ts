import { IndexHeap } from '../heap.js';
import { LINK_CODE, plainLinks } from '../links.js';
import type { PlanResult } from '../model.js';

/**
 * The augmented precedence graph the samples are timed over: the dependencies plus the
 * resource flow of the planned schedule, predecessors in CSR form, and a topological order.
 */
export interface Precedence {
  predOffsets: Int32Array;
  preds: Int32Array;
  order: Int32Array;
  /** Per edge (aligned with preds) its link type (LINK_CODE) and lag; absent when every edge is finish-to-start without lag. */
  edgeType?: Uint8Array;
  edgeLag?: Float64Array;
}

/** Phases up to which the augmented graph is transitively reduced (ancestor bitsets take n²/8 bytes). */
const REDUCE_UP_TO = 5000;

/**
 * The dependencies (without those implied by longer paths, which never decide a longest path,
 * unless pinned phases in a re-plan may break that) plus the resource flow, duplicates dropped.
 */
export function precedenceGraph(result: PlanResult): Precedence {
  if (!plainLinks(result.project)) return linkedPrecedence(result);
  const { project, schedule } = result;
  const phases = project.phases;
  const n = phases.length;
  const lists: number[][] = Array.from({ length: n }, () => []);
  if (result.replan) for (const p of phases) lists[p.index]!.push(...p.dependencies);
  else for (const [u, v] of result.reducedEdges) lists[v]!.push(u);
  for (const [u, v] of result.resourceEdges) if (!lists[v]!.includes(u) && !phases[v]!.dependencies.includes(u)) lists[v]!.push(u);
  let predOffsets: Int32Array = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) predOffsets[j + 1] = predOffsets[j]! + lists[j]!.length;
  let preds: Int32Array = new Int32Array(predOffsets[n]!);
  for (let j = 0; j < n; j++) preds.set(lists[j]!, predOffsets[j]!);
  const topo = new Int32Array(n);
  project.order.forEach((j, k) => (topo[j] = k));
  const order = augmentedOrder(n, predOffsets, preds, schedule.start, schedule.finish, topo);
  // Pinned phases (re-plan) do not wait for their predecessors, so paths through them imply nothing.
  if (!result.replan && n <= REDUCE_UP_TO) ({ predOffsets, preds } = reduceAugmented(n, predOffsets, preds, order));
  return { predOffsets, preds, order };
}

/**
 * With typed or lagged links: every link with its type and lag, plus the resource flow
 * (finish-to-start), not reduced (a longer path implies nothing once lags may be negative). A
 * link whose successor is planned before its predecessor (a lead) is left out: with the resource
 * flow it could close a cycle, and the successor keeps its planned start as a floor (release days).
 */
function linkedPrecedence(result: PlanResult): Precedence {
  const { project, schedule } = result;
  const n = project.phases.length;
  const topo = new Int32Array(n);
  project.order.forEach((j, k) => (topo[j] = k));
  const byPlan = Int32Array.from({ length: n }, (_, j) => j).sort(
    (a, b) => schedule.start[a]! - schedule.start[b]! || schedule.finish[a]! - schedule.finish[b]! || topo[a]! - topo[b]!,
  );
  const rank = new Int32Array(n);
  byPlan.forEach((j, k) => (rank[j] = k));
  const lists: { u: number; type: number; lag: number }[][] = Array.from({ length: n }, () => []);
  for (const p of project.phases) for (const l of p.links) if (rank[l.on]! < rank[p.index]!) lists[p.index]!.push({ u: l.on, type: LINK_CODE[l.type], lag: l.lag });
  for (const [u, v] of result.resourceEdges) lists[v]!.push({ u, type: LINK_CODE.FS, lag: 0 });
  const predOffsets = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) predOffsets[j + 1] = predOffsets[j]! + lists[j]!.length;
  const m = predOffsets[n]!;
  const preds = new Int32Array(m);
  const edgeType = new Uint8Array(m);
  const edgeLag = new Float64Array(m);
  lists.forEach((list, j) =>
    list.forEach((e, k) => {
      preds[predOffsets[j]! + k] = e.u;
      edgeType[predOffsets[j]! + k] = e.type;
      edgeLag[predOffsets[j]! + k] = e.lag;
    }),
  );
  const order = augmentedOrder(n, predOffsets, preds, schedule.start, schedule.finish, topo);
  return { predOffsets, preds, order, edgeType, edgeLag };
}

/**
 * A topological order of the dependency graph plus the resource flow, preferring the planned
 * order: planned start, then finish, then position in the project's topological order (Kahn's
 * algorithm with that rank as priority, so the order stays valid even if the plan had ties
 * that contradict an edge).
 */
function augmentedOrder(n: number, predOffsets: Int32Array, preds: Int32Array, start: Float64Array, finish: Float64Array, topo: Int32Array): Int32Array {
  const byPlan = Int32Array.from({ length: n }, (_, j) => j).sort((a, b) => start[a]! - start[b]! || finish[a]! - finish[b]! || topo[a]! - topo[b]!);
  const rank = new Int32Array(n);
  byPlan.forEach((j, k) => (rank[j] = k));
  // Successor lists from the predecessor CSR.
  const outDeg = new Int32Array(n + 1);
  for (let e = 0; e < preds.length; e++) outDeg[preds[e]! + 1]!++;
  for (let j = 0; j < n; j++) outDeg[j + 1]! += outDeg[j]!;
  const succ = new Int32Array(preds.length);
  const fill = outDeg.slice(0, n);
  const inDeg = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    inDeg[j] = predOffsets[j + 1]! - predOffsets[j]!;
    for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) succ[fill[preds[e]!]!++] = j;
  }
  // Ready phases by rank.
  const ready = new IndexHeap((a, b) => rank[a]! < rank[b]!);
  for (let j = 0; j < n; j++) if (inDeg[j] === 0) ready.push(j);
  const order = new Int32Array(n);
  let k = 0;
  while (ready.size > 0) {
    const j = ready.pop();
    order[k++] = j;
    for (let e = outDeg[j]!; e < outDeg[j + 1]!; e++) if (--inDeg[succ[e]!]! === 0) ready.push(succ[e]!);
  }
  // The dependency graph is acyclic and resource flow only points forward in time, so every
  // phase is placed; this guards the typed arrays should a malformed result come in.
  if (k < n) for (const j of byPlan) if (inDeg[j]! > 0) order[k++] = j;
  return order;
}

/**
 * Drops the edges u → v of the augmented graph that a longer path u → … → w → v implies (u is
 * an ancestor of another predecessor w of v): with durations ≥ 0 they never decide a longest
 * path, so the passes give the same times over fewer edges. Ancestor sets are bitsets built in
 * topological order.
 */
function reduceAugmented(n: number, predOffsets: Int32Array, preds: Int32Array, order: Int32Array): { predOffsets: Int32Array; preds: Int32Array } {
  const words = (n + 31) >>> 5;
  const anc = new Int32Array(n * words);
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    const row = v * words;
    for (let e = predOffsets[v]!; e < predOffsets[v + 1]!; e++) {
      const u = preds[e]!;
      const urow = u * words;
      for (let w = 0; w < words; w++) anc[row + w]! |= anc[urow + w]!;
      anc[row + (u >>> 5)]! |= 1 << (u & 31);
    }
  }
  const offsets = new Int32Array(n + 1);
  const kept: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let e = predOffsets[v]!; e < predOffsets[v + 1]!; e++) {
      const u = preds[e]!;
      let implied = false;
      for (let f = predOffsets[v]!; f < predOffsets[v + 1]! && !implied; f++) {
        const w = preds[f]!;
        if (w !== u && (anc[w * words + (u >>> 5)]! >>> (u & 31)) & 1) implied = true;
      }
      if (!implied) kept.push(u);
    }
    offsets[v + 1] = kept.length;
  }
  return { predOffsets: offsets, preds: Int32Array.from(kept) };
}
