import type { Bounds } from '../model.js';
import { usableCapacity, type SchedulingProblem } from './problem.js';

const EPS = 1e-7;

export type LowerBounds = Pick<Bounds, 'criticalPath' | 'resource' | 'best'>;

/** Earliest start (head) and time from finish to the project end (tail) of each phase, from the critical path method. */
export interface HeadsTails {
  head: ArrayLike<number>;
  tail: ArrayLike<number>;
}

/**
 * Energy bound with heads and tails (strengthened by head and tail thresholds, see
 * thresholdEnergy): the work that only a set of resources can do, divided by
 * their capacity, cannot start before the earliest head among that work nor end later than the
 * makespan less the smallest tail. Sets are each pool on its own and each phase's eligible teams.
 * Capacity is what can be in use at once (usableCapacity): 2.4 FTE serve whole-person demands
 * with at most 2 people, so dividing by 2.4 would understate the time the work takes.
 */
export function resourceLowerBound(p: SchedulingProblem, ht?: HeadsTails): number {
  let bound = 0;
  const capacity = usableCapacity(p);
  const head = (j: number) => (ht ? ht.head[j]! : 0);
  const tail = (j: number) => (ht ? ht.tail[j]! : 0);
  const all = Array.from({ length: p.n }, (_, j) => j).filter((j) => p.duration[j]! > 0);
  const byHead = Int32Array.from(all).sort((a, b) => head(b) - head(a));
  const byTail = Int32Array.from(all).sort((a, b) => tail(b) - tail(a));
  const work = new Float64Array(p.n);
  const consider = (members: (j: number) => number, cap: number) => {
    if (cap <= 0) return;
    for (const j of all) work[j] = p.duration[j]! * members(j);
    bound = Math.max(bound, thresholdEnergy(byHead, head, tail, work, cap), thresholdEnergy(byTail, tail, head, work, cap));
  };
  for (let r = p.teamCount; r < p.capacity.length; r++) {
    consider((j) => {
      const k = p.poolRes[j]!.indexOf(r);
      return k >= 0 ? p.poolQty[j]![k]! : 0;
    }, capacity[r]!);
  }
  const sets = new Map<string, Int32Array>();
  for (const e of p.eligible)
    if (e.length > 0)
      sets.set(
        Array.from(e)
          .sort((a, b) => a - b)
          .join(','),
        e,
      );
  for (const set of sets.values()) {
    const members = new Set(set);
    let cap = 0;
    for (const t of members) cap += capacity[t]!;
    consider((j) => {
      const e = p.eligible[j]!;
      return e.length > 0 && e.every((t) => members.has(t)) ? p.teamSize[j]! : 0;
    }, cap);
  }
  return bound;
}

/**
 * For every subset "the work with a head of at least h": its work lies between the smallest head
 * and the makespan less the smallest tail among it, so the makespan is at least
 * h + work ÷ capacity + smallest tail. The best h over all heads (h = the smallest head is the
 * plain energy bound); called with heads and tails swapped for the mirror image. `order` lists
 * the phases by decreasing head.
 */
function thresholdEnergy(order: Int32Array, head: (j: number) => number, tail: (j: number) => number, work: Float64Array, cap: number): number {
  let sum = 0;
  let minTail = Infinity;
  let best = 0;
  for (const j of order) {
    if (work[j]! <= 0) continue;
    sum += work[j]!;
    minTail = Math.min(minTail, tail(j));
    best = Math.max(best, head(j) + sum / cap + minTail);
  }
  return best;
}

/**
 * Lower bounds on the makespan and the gap of a schedule to the best of them. With integral
 * durations and no fixed work every makespan is integral too, so fractional bounds round up.
 */
export function scheduleBounds(p: SchedulingProblem, criticalPathLength: number, makespan: number, ht?: HeadsTails): Bounds {
  return boundsAt(lowerBounds(p, criticalPathLength, ht), makespan);
}

/** The bounds alone, before there is a schedule to judge against them (boundsAt). */
export function lowerBounds(p: SchedulingProblem, criticalPathLength: number, ht?: HeadsTails): LowerBounds {
  const integral =
    p.duration.every((d) => Number.isInteger(d)) &&
    p.pinnedStart.every((s) => Number.isNaN(s)) &&
    p.release.every((r) => Number.isInteger(r)) &&
    (p.predDelta ?? []).every((a) => a.every((x) => Number.isInteger(x)));
  const round = (x: number) => (integral ? Math.ceil(x - EPS) : x);
  const resource = round(resourceLowerBound(p, ht));
  const criticalPath = round(criticalPathLength);
  return { criticalPath, resource, best: Math.max(criticalPath, resource) };
}

/** The same bounds, with the gap and optimality of a schedule of this makespan. */
export function boundsAt(b: LowerBounds, makespan: number): Bounds {
  return { ...b, gapPercent: b.best > 0 ? Math.max(0, ((makespan - b.best) / b.best) * 100) : 0, optimal: makespan <= b.best + EPS };
}
