import type { Bounds } from '../model.js';
import { destructiveBound } from './destructive-bound.js';
import type { SchedulingProblem } from './problem.js';
import { resourceSets, type ResourceSet } from './resource-sets.js';

const EPS = 1e-7;

export type LowerBounds = Pick<Bounds, 'criticalPath' | 'resource' | 'destructive' | 'best'>;

/** Earliest start (head) and time from finish to the project end (tail) of each phase, from the critical path method. */
export interface HeadsTails {
  head: ArrayLike<number>;
  tail: ArrayLike<number>;
}

/**
 * Energy bound with heads and tails (strengthened by head and tail thresholds, see
 * thresholdEnergy): the work that only a set of resources can do (resourceSets), divided by
 * their capacity, cannot start before the earliest head among that work nor end later than the
 * makespan less the smallest tail.
 */
export function resourceLowerBound(p: SchedulingProblem, ht?: HeadsTails, sets: readonly ResourceSet[] = resourceSets(p)): number {
  let bound = 0;
  const head = (j: number) => (ht ? ht.head[j]! : 0);
  const tail = (j: number) => (ht ? ht.tail[j]! : 0);
  const all = Array.from({ length: p.n }, (_, j) => j).filter((j) => p.duration[j]! > 0);
  const byHead = Int32Array.from(all).sort((a, b) => head(b) - head(a));
  const byTail = Int32Array.from(all).sort((a, b) => tail(b) - tail(a));
  const work = new Float64Array(p.n);
  for (const { member, demand, capacity } of sets) {
    member.forEach((j, k) => (work[j] = p.duration[j]! * demand[k]!));
    bound = Math.max(bound, thresholdEnergy(byHead, head, tail, work, capacity), thresholdEnergy(byTail, tail, head, work, capacity));
    for (const j of member) work[j] = 0;
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

/**
 * The bounds alone, before there is a schedule to judge against them (boundsAt). The destructive
 * bound needs heads and tails and whole-number makespans; otherwise it is the best of the others.
 */
export function lowerBounds(p: SchedulingProblem, criticalPathLength: number, ht?: HeadsTails): LowerBounds {
  const integral =
    p.duration.every((d) => Number.isInteger(d)) &&
    p.pinnedStart.every((s) => Number.isNaN(s)) &&
    p.release.every((r) => Number.isInteger(r)) &&
    (p.predDelta ?? []).every((a) => a.every((x) => Number.isInteger(x)));
  const round = (x: number) => (integral ? Math.ceil(x - EPS) : x);
  const sets = resourceSets(p);
  const resource = round(resourceLowerBound(p, ht, sets));
  const criticalPath = round(criticalPathLength);
  const lb0 = Math.max(criticalPath, resource);
  // Heads must include the releases (they do when the engine passes them: the critical path starts each phase at its release).
  const headsHold = ht !== undefined && p.release.every((r, j) => r <= ht.head[j]! + EPS);
  const destructive = integral && headsHold ? destructiveBound(p, sets, ht, lb0) : lb0;
  return { criticalPath, resource, destructive, best: Math.max(lb0, destructive) };
}

/** The same bounds, with the gap and optimality of a schedule of this makespan. */
export function boundsAt(b: LowerBounds, makespan: number): Bounds {
  return { ...b, gapPercent: b.best > 0 ? Math.max(0, ((makespan - b.best) / b.best) * 100) : 0, optimal: makespan <= b.best + EPS };
}
