import type { Bounds } from '../model.js';
import type { SchedulingProblem } from './problem.js';

const EPS = 1e-7;

/**
 * Energy bound: the work that only a set of resources can do, divided by their capacity.
 * For teams the sets are each phase's eligible teams (work that must land somewhere in the set);
 * for pools each pool on its own.
 */
export function resourceLowerBound(p: SchedulingProblem): number {
  let bound = 0;
  const work = new Float64Array(p.capacity.length);
  for (let j = 0; j < p.n; j++) {
    const res = p.poolRes[j]!;
    for (let k = 0; k < res.length; k++) work[res[k]!]! += p.duration[j]! * p.poolQty[j]![k]!;
  }
  for (let r = p.teamCount; r < p.capacity.length; r++) if (p.capacity[r]! > 0) bound = Math.max(bound, work[r]! / p.capacity[r]!);

  const sets = new Map<string, Int32Array>();
  for (const e of p.eligible) if (e.length > 0) sets.set(Array.from(e).sort((a, b) => a - b).join(','), e);
  for (const set of sets.values()) {
    const members = new Set(set);
    let w = 0;
    for (let j = 0; j < p.n; j++) {
      const e = p.eligible[j]!;
      if (e.length > 0 && e.every((t) => members.has(t))) w += p.duration[j]! * p.teamSize[j]!;
    }
    let cap = 0;
    for (const t of members) cap += p.capacity[t]!;
    if (cap > 0) bound = Math.max(bound, w / cap);
  }
  return bound;
}

/**
 * Lower bounds on the makespan and the gap of a schedule to the best of them. With integral
 * durations and no fixed work every makespan is integral too, so fractional bounds round up.
 */
export function scheduleBounds(p: SchedulingProblem, criticalPathLength: number, makespan: number): Bounds {
  const integral = p.duration.every((d) => Number.isInteger(d)) && p.pinnedStart.every((s) => Number.isNaN(s)) && p.release.every((r) => Number.isInteger(r));
  const round = (x: number) => (integral ? Math.ceil(x - EPS) : x);
  const resource = round(resourceLowerBound(p));
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
