import type { Bounds } from '../model.js';
import type { SchedulingProblem } from './problem.js';

const EPS = 1e-7;

/** Earliest start (head) and time from finish to the project end (tail) of each phase, from the critical path method. */
export interface HeadsTails {
  head: ArrayLike<number>;
  tail: ArrayLike<number>;
}

/**
 * Energy bound with heads and tails: the work that only a set of resources can do, divided by
 * their capacity, cannot start before the earliest head among that work nor end later than the
 * makespan less the smallest tail. Sets are each pool on its own and each phase's eligible teams.
 */
export function resourceLowerBound(p: SchedulingProblem, ht?: HeadsTails): number {
  let bound = 0;
  const consider = (members: (j: number) => number, cap: number) => {
    if (cap <= 0) return;
    let work = 0;
    let head = Infinity;
    let tail = Infinity;
    for (let j = 0; j < p.n; j++) {
      const q = members(j);
      if (q <= 0 || p.duration[j]! <= 0) continue;
      work += p.duration[j]! * q;
      head = Math.min(head, ht ? ht.head[j]! : 0);
      tail = Math.min(tail, ht ? ht.tail[j]! : 0);
    }
    if (work > 0) bound = Math.max(bound, head + work / cap + tail);
  };
  for (let r = p.teamCount; r < p.capacity.length; r++) {
    consider((j) => {
      const k = p.poolRes[j]!.indexOf(r);
      return k >= 0 ? p.poolQty[j]![k]! : 0;
    }, p.capacity[r]!);
  }
  const sets = new Map<string, Int32Array>();
  for (const e of p.eligible) if (e.length > 0) sets.set(Array.from(e).sort((a, b) => a - b).join(','), e);
  for (const set of sets.values()) {
    const members = new Set(set);
    let cap = 0;
    for (const t of members) cap += p.capacity[t]!;
    consider((j) => {
      const e = p.eligible[j]!;
      return e.length > 0 && e.every((t) => members.has(t)) ? p.teamSize[j]! : 0;
    }, cap);
  }
  return bound;
}

/**
 * Lower bounds on the makespan and the gap of a schedule to the best of them. With integral
 * durations and no fixed work every makespan is integral too, so fractional bounds round up.
 */
export function scheduleBounds(p: SchedulingProblem, criticalPathLength: number, makespan: number, ht?: HeadsTails): Bounds {
  const integral = p.duration.every((d) => Number.isInteger(d)) && p.pinnedStart.every((s) => Number.isNaN(s)) && p.release.every((r) => Number.isInteger(r));
  const round = (x: number) => (integral ? Math.ceil(x - EPS) : x);
  const resource = round(resourceLowerBound(p, ht));
  const criticalPath = round(criticalPathLength);
  const best = Math.max(criticalPath, resource);
  return {
    criticalPath,
    resource,
    best,
    gapPercent: best > 0 ? Math.max(0, ((makespan - best) / best) * 100) : 0,
    optimal: makespan <= best + EPS,
  };
}
