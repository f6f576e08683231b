import { IndexHeap } from '../heap.js';
import type { SchedulingProblem } from './problem.js';
import { reversedProblem } from './reversed-problem.js';
import { stableByKey } from './bucket-sort.js';
import { copyDecoded, emptyDecoded, SerialSgs, type Decoded } from './sgs.js';

/**
 * Phases ordered by a primary and secondary time, then topological position (ascending or
 * descending). With finish-to-start links that order is topological (descending: for the reversed
 * graph); typed and lagged links may let a successor start (or finish) before its predecessor, so
 * there the same order is taken among the phases whose predecessors (descending: successors)
 * are already listed.
 */
function orderByTimes(p: SchedulingProblem, first: Float64Array, second: Float64Array, topoPos: Int32Array, descending: boolean): Int32Array {
  if (!p.predDelta) return sortedBy(first, second, topoPos, descending);
  const sign = descending ? -1 : 1;
  const cmp = (a: number, b: number) => sign * (first[a]! - first[b]! || second[a]! - second[b]! || topoPos[a]! - topoPos[b]!);
  return topologicalBy(p.n, descending ? p.succs : p.preds, descending ? p.preds : p.succs, (a, b) => cmp(a, b) < 0);
}

/**
 * The indices 0…n−1 ordered by `first`, then `second`, then `topoPos` (all ascending, or all
 * descending): a stable bucket sort by both keys of the phases in topological order. A comparator
 * sort over 10,000 phases costs about a fifth of a justified decode (bench:decode).
 */
export function sortedBy(first: Float64Array, second: Float64Array, topoPos: Int32Array, descending: boolean): Int32Array {
  const n = first.length;
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[descending ? n - 1 - topoPos[j]! : topoPos[j]!] = j;
  return stableByKey(order, first, descending, second);
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
  /** Decodes the reversed problem (improveParallel); null when time cannot be reversed, undefined until needed. */
  private reversed: SerialSgs | null | undefined;

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

  /**
   * Forward-backward improvement with the parallel scheme both ways, for schedules the parallel
   * scheme decoded: backwards on the reversed problem, in decreasing finish order, then forwards
   * in the order of the backward starts, the teams chosen anew. The passes make non-delay
   * schedules, as the decode did, where the serial passes would turn them into active ones (the
   * mother's scheme is a gene of the individual, Hartmann 2002, NRL 49, so its justification
   * follows it). On J30 and J60 at 5,000 schedules it lowered the mean deviations (docs/benchmarks.md).
   * Problems whose time cannot be reversed (reversedProblem) get the serial passes. As in
   * rightJustify, a backward pass longer than `s` is dropped and `s` stands for it, so the
   * improvement always costs two passes. Replaces `s` when the result is no longer; returns the
   * forward list.
   */
  improveParallel(s: Decoded): Int32Array {
    if (this.reversed === undefined) {
      const r = reversedProblem(this.problem);
      this.reversed = r ? new SerialSgs(r) : null;
    }
    if (this.reversed === null) return this.improve(s);
    const p = this.problem;
    const mirrored = this.reversed.decodeParallel(orderByTimes(p, s.finish, s.start, this.topoPos, true), this.right);
    if (mirrored.makespan > s.makespan + 1e-7) copyDecoded(s, mirrored);
    else {
      const end = mirrored.makespan;
      for (let j = 0; j < p.n; j++) {
        const start = end - mirrored.finish[j]!;
        mirrored.finish[j] = end - mirrored.start[j]!;
        mirrored.start[j] = start;
      }
    }
    const forward = orderByTimes(p, mirrored.start, mirrored.finish, this.topoPos, false);
    const left = this.sgs.decodeParallel(forward, this.left);
    if (left.makespan <= s.makespan + 1e-7) copyDecoded(left, s);
    return forward;
  }

  /** Orders the phases by start time: the list that decodes to (at most) this schedule. */
  listOf(s: Decoded): Int32Array {
    return orderByTimes(this.problem, s.start, s.finish, this.topoPos, false);
  }
}
