import type { SchedulingProblem } from './problem.js';
import { emptyDecoded, type Decoded, type SerialSgs } from './sgs.js';

/** Phases ordered by a primary and secondary time, then topological position (ascending or descending). */
function orderByTimes(p: SchedulingProblem, first: Float64Array, second: Float64Array, topoPos: Int32Array, descending: boolean): Int32Array {
  const idx = Array.from({ length: p.n }, (_, j) => j);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => sign * (first[a]! - first[b]! || second[a]! - second[b]! || topoPos[a]! - topoPos[b]!));
  return Int32Array.from(idx);
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
    return this.sgs.decode(back, this.right, s.team, true);
  }

  /** One backward and one forward pass; replaces `s` when the result is no longer. Returns the forward list. */
  improve(s: Decoded): Int32Array {
    const right = this.rightJustify(s);
    const forward = orderByTimes(this.problem, right.start, right.finish, this.topoPos, false);
    const left = this.sgs.decode(forward, this.left, right.team);
    left.skillMatch = s.skillMatch;
    if (left.makespan <= s.makespan + 1e-7) {
      s.start.set(left.start);
      s.finish.set(left.finish);
      s.team.set(left.team);
      s.makespan = left.makespan;
      s.imbalance = left.imbalance;
    }
    return forward;
  }

  /** Orders the phases by start time: the list that decodes to (at most) this schedule. */
  listOf(s: Decoded): Int32Array {
    return orderByTimes(this.problem, s.start, s.finish, this.topoPos, false);
  }
}
