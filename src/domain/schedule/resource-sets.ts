import { usableCapacity, type SchedulingProblem } from './problem.js';

/** Work that only one set of resources can do: the phases that need it, their demands on it (same order) and the set's capacity. */
export interface ResourceSet {
  member: Int32Array;
  demand: Float64Array;
  capacity: number;
}

/**
 * The resource sets the lower bounds reason about: each pool on its own, and each phase's
 * eligible teams (the phases whose eligible teams all lie in the set must take their people from
 * it). Capacity is what can be in use at once (usableCapacity): 2.4 FTE serve whole-person
 * demands with at most 2 people. Sets without capacity are left out; members have a positive demand.
 */
export function resourceSets(p: SchedulingProblem): ResourceSet[] {
  const capacity = usableCapacity(p);
  const out: ResourceSet[] = [];
  const add = (demandOf: (j: number) => number, cap: number) => {
    if (cap <= 0) return;
    const member: number[] = [];
    const demand: number[] = [];
    for (let j = 0; j < p.n; j++) {
      const q = demandOf(j);
      if (q <= 0) continue;
      member.push(j);
      demand.push(q);
    }
    out.push({ member: Int32Array.from(member), demand: Float64Array.from(demand), capacity: cap });
  };
  for (let r = p.teamCount; r < p.capacity.length; r++) {
    add((j) => {
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
    add((j) => {
      const e = p.eligible[j]!;
      return e.length > 0 && e.every((t) => members.has(t)) ? p.teamSize[j]! : 0;
    }, cap);
  }
  return out;
}
