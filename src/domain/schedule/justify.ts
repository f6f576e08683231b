import { IndexHeap } from '../heap.js';
import type { SchedulingProblem } from './problem.js';
import { copyDecoded, emptyDecoded, type Decoded, type SerialSgs } from './sgs.js';

/**
 * Phases ordered by a primary and secondary time, then topological position (ascending or
 * descending). With finish-to-start links that order is topological (descending: for the reversed
 * graph); typed and lagged links may let a successor start (or finish) before its predecessor, so
 * there the same order is taken among the phases whose predecessors (descending: successors)
 * are already listed.
 */
function orderByTimes(p: SchedulingProblem, first: Float64Array, second: Float64Array, topoPos: Int32Array, descending: boolean): Int32Array {
  const sign = descending ? -1 : 1;
  const cmp = (a: number, b: number) => sign * (first[a]! - first[b]! || second[a]! - second[b]! || topoPos[a]! - topoPos[b]!);
  if (p.predDelta) return topologicalBy(p.n, descending ? p.succs : p.preds, descending ? p.preds : p.succs, (a, b) => cmp(a, b) < 0);
  return sortedBy(first, cmp, descending);
}

/**
 * The indices 0…n−1 ordered by `cmp`, whose first key is `first` (ascending, or descending).
 * Sorting with a comparator over 10,000 phases costs about a fifth of a justified decode, so the
 * first key is ranked by a native numeric sort and a counting pass, and only phases that tie on
 * it are compared.
 */
export function sortedBy(first: Float64Array, cmp: (a: number, b: number) => number, descending: boolean): Int32Array {
  const n = first.length;
  const values = Float64Array.from(first).sort();
  const rank = new Int32Array(n);
  const count = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    let lo = 0;
    let hi = n - 1;
    const v = first[j]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    rank[j] = descending ? n - 1 - lo : lo;
    count[rank[j]! + 1]!++;
  }
  for (let r = 0; r < n; r++) count[r + 1]! += count[r]!;
  const out = new Int32Array(n);
  const at = count.slice(0, n);
  for (let j = 0; j < n; j++) out[at[rank[j]!]!++] = j;
  // Runs of equal first keys (ranks are the first index of their value among the sorted ones).
  for (let k = 0; k < n;) {
    let e = k + 1;
    while (e < n && rank[out[e]!] === rank[out[k]!]) e++;
    if (e - k > 1) out.subarray(k, e).sort(cmp);
    k = e;
  }
  return out;
}

/** Kahn's algorithm taking, among the ready phases, the first by `before`. */
export function topologicalBy(n: number, preds: ArrayLike<number>[], succs: ArrayLike<number>[], before: (a: number, b: number) => boolean): Int32Array {
  const indeg = Int32Array.from(preds, (x) => x.length);
  const heap = new IndexHeap(before);
  for (let j = 0; j < n; j++) if (indeg[j] === 0) heap.push(j);
  const list = new Int32Array(n);
  let k = 0;
  while (heap.size > 0) {
    const j = heap.pop();
    list[k++] = j;
    const s = succs[j]!;
    for (let q = 0; q < s.length; q++) if (--indeg[s[q]!]! === 0) heap.push(s[q]!);
  }
  return list;
}

/**
 * Forward-backward improvement (double justification): shift every phase as late as it can go
 * with the makespan fixed, then as early as it can go, keeping teams. The result is never longer
 * and is often shorter; the backward pass also gives each phase's latest start.
 */
export class Justifier {
  private readonly topoPos: Int32Array;
  readonly right: Decoded;
  private readonly left: Decoded;

  constructor(
    private readonly problem: SchedulingProblem,
    private readonly sgs: SerialSgs,
  ) {
    this.topoPos = new Int32Array(problem.n);
    problem.order.forEach((j, k) => (this.topoPos[j] = k));
    this.right = emptyDecoded(problem.n);
    this.left = emptyDecoded(problem.n);
  }

  /** Right-justifies `s` into this.right (latest starts for the same makespan and teams). */
  rightJustify(s: Decoded): Decoded {
    const back = orderByTimes(this.problem, s.finish, s.start, this.topoPos, true);
    this.right.makespan = s.makespan;
    const right = this.sgs.decode(back, this.right, s.team, true);
    // Typed links can force the backward list into an order that packs worse than the schedule
    // itself (a start-to-finish successor of zero duration holds its predecessor to the end of
    // the list); then the schedule is its own right-justified version.
    if (right.makespan > s.makespan + 1e-7 || right.lateness > s.lateness + 1e-7) copyDecoded(s, right);
    return right;
  }

  /** One backward and one forward pass; replaces `s` when the result is no longer. Returns the forward list. */
  improve(s: Decoded): Int32Array {
    const right = this.rightJustify(s);
    const forward = orderByTimes(this.problem, right.start, right.finish, this.topoPos, false);
    const left = this.sgs.decode(forward, this.left, right.team);
    left.skillMatch = s.skillMatch;
    if (left.makespan <= s.makespan + 1e-7 && left.lateness <= s.lateness + 1e-7) {
      s.start.set(left.start);
      s.finish.set(left.finish);
      s.team.set(left.team);
      s.makespan = left.makespan;
      s.imbalance = left.imbalance;
      s.lateness = left.lateness;
    }
    return forward;
  }

  /** Orders the phases by start time: the list that decodes to (at most) this schedule. */
  listOf(s: Decoded): Int32Array {
    return orderByTimes(this.problem, s.start, s.finish, this.topoPos, false);
  }
}
