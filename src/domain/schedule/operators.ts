import type { Random } from '../random.js';
import type { SchedulingProblem } from './problem.js';
import { stableByKey } from './bucket-sort.js';
import { linearRegret, RegretSampler } from './regret-sampler.js';
import type { Decoded } from './sgs.js';

/**
 * Variation operators on activity lists. Every operator takes precedence-feasible lists and
 * returns one, so any list they make decodes to a schedule that keeps every constraint the
 * generation scheme keeps (teams, skills, pools, area locks, pins).
 */

/** Two-point crossover (Hartmann 1998): mother's head, then father's order, then mother's tail. */
export function twoPointCrossover(mother: Int32Array, father: Int32Array, rng: Random, taken: Uint8Array): Int32Array {
  const n = mother.length;
  let q1 = rng.int(n + 1);
  let q2 = rng.int(n + 1);
  if (q1 > q2) [q1, q2] = [q2, q1];
  taken.fill(0);
  const child = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < q1; i++) taken[(child[k++] = mother[i]!)] = 1;
  for (let i = 0; i < n && k < q2; i++) if (!taken[father[i]!]) taken[(child[k++] = father[i]!)] = 1;
  for (let i = 0; i < n && k < n; i++) if (!taken[mother[i]!]) taken[(child[k++] = mother[i]!)] = 1;
  return child;
}

/**
 * The window of the schedule where resources are busiest: the interval of about `width` time
 * units with the most resource usage relative to capacity, over all resources (the best of 8
 * sampled window starts).
 */
export function peakWindow(p: SchedulingProblem, s: Decoded, width: number, rng: Random): [number, number] {
  const at = new Float64Array(2 * p.n);
  const change = new Float64Array(2 * p.n);
  let m = 0;
  for (let j = 0; j < p.n; j++) {
    const d = s.finish[j]! - s.start[j]!;
    if (d <= 0) continue;
    let w = 0;
    const t = s.team[j]!;
    if (t >= 0) w += p.teamSize[j]! / p.capacity[t]!;
    const res = p.poolRes[j]!;
    for (let k = 0; k < res.length; k++) w += p.poolQty[j]![k]! / p.capacity[res[k]!]!;
    if (w > 0) {
      at[m] = s.start[j]!;
      change[m++] = w;
      at[m] = s.finish[j]!;
      change[m++] = -w;
    }
  }
  if (m === 0 || s.makespan <= 0) return [0, s.makespan];
  const identity = new Int32Array(m);
  for (let e = 0; e < m; e++) identity[e] = e;
  const order = stableByKey(identity, at.subarray(0, m), false);
  // Usage rate from each distinct event time to the next.
  const times = new Float64Array(m);
  const rate = new Float64Array(m);
  let steps = 0;
  let cur = 0;
  for (let i = 0; i < m;) {
    const t = at[order[i]!]!;
    for (; i < m && at[order[i]!] === t; i++) cur += change[order[i]!]!;
    times[steps] = t;
    rate[steps++] = cur;
  }
  const integral = (a: number, b: number) => {
    // The first step that ends after a (binary search), then the steps that start before b.
    let lo = 0;
    let hi = steps - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid + 1]! > a) hi = mid;
      else lo = mid + 1;
    }
    let sum = 0;
    for (let i = lo; i < steps && times[i]! < b; i++) {
      const from = Math.max(a, times[i]!);
      const to = Math.min(b, i + 1 < steps ? times[i + 1]! : Infinity);
      if (to > from) sum += rate[i]! * (to - from);
    }
    return sum;
  };
  let bestA = 0;
  let bestVal = -1;
  const tries = 8;
  for (let k = 0; k < tries; k++) {
    const a = rng.next() * Math.max(0, s.makespan - width);
    const v = integral(a, a + width);
    if (v > bestVal) {
      bestVal = v;
      bestA = a;
    }
  }
  return [bestA, bestA + width];
}

/**
 * Peak crossover in the spirit of Valls, Ballestín & Quintanilla (2008, EJOR 185): the child
 * inherits from the mother the phases she starts in a window of her schedule (a resource peak,
 * where good packing is hardest to find) in her order, and the phases before and after the
 * window in the father's order. Lists of justified schedules are ordered by start, so the three
 * parts follow the mother's start times and the child is precedence-feasible.
 */
export function windowCrossover(mother: Int32Array, motherSchedule: Decoded, father: Int32Array, window: [number, number]): Int32Array {
  const n = mother.length;
  const [a, b] = window;
  const part = (j: number) => (motherSchedule.start[j]! < a ? 0 : motherSchedule.start[j]! < b ? 1 : 2);
  const child = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (part(father[i]!) === 0) child[k++] = father[i]!;
  for (let i = 0; i < n; i++) if (part(mother[i]!) === 1) child[k++] = mother[i]!;
  for (let i = 0; i < n; i++) if (part(father[i]!) === 2) child[k++] = father[i]!;
  return child;
}

/** Swaps neighbours that do not depend on each other, each with probability `rate` (Hartmann 1998). */
export function swapMutation(p: SchedulingProblem, list: Int32Array, rng: Random, rate: number): void {
  for (let i = 0; i + 1 < list.length; i++) {
    if (rng.next() >= rate) continue;
    const a = list[i]!;
    const b = list[i + 1]!;
    if (p.preds[b]!.includes(a)) continue;
    list[i] = b;
    list[i + 1] = a;
  }
}

/**
 * Moves one phase to a random position between its last predecessor and its first successor in
 * the list (the shift move of the local searches in Kolisch & Hartmann 2006). `pos` is scratch.
 */
export function shiftMutation(p: SchedulingProblem, list: Int32Array, rng: Random, pos: Int32Array): void {
  const n = list.length;
  if (n < 2) return;
  for (let i = 0; i < n; i++) pos[list[i]!] = i;
  const from = rng.int(n);
  const j = list[from]!;
  let lo = 0;
  let hi = n - 1;
  for (const q of p.preds[j]!) lo = Math.max(lo, pos[q]! + 1);
  for (const q of p.succs[j]!) hi = Math.min(hi, pos[q]! - 1);
  if (hi <= lo) return;
  const to = lo + rng.int(hi - lo + 1);
  if (to > from) list.copyWithin(from, from + 1, to + 1);
  else if (to < from) list.copyWithin(to + 1, to, from);
  list[to] = j;
}

/**
 * Re-orders a block of consecutive list positions by regret-biased random sampling on `key`,
 * keeping precedences inside the block: the rest of the list is unchanged. This re-solves a
 * window of the schedule, the decomposition step of Debels & Vanhoucke (2007, Operations
 * Research 55), here by sampling rather than by a nested search.
 */
export function resampleBlock(p: SchedulingProblem, list: Int32Array, from: number, to: number, key: ArrayLike<number>, rng: Random, inBlock: Uint8Array): Int32Array {
  const child = Int32Array.from(list);
  for (let i = from; i < to; i++) inBlock[list[i]!] = 1;
  let keyMin = Infinity;
  let keyMax = -Infinity;
  for (let i = from; i < to; i++) {
    keyMin = Math.min(keyMin, key[list[i]!]!);
    keyMax = Math.max(keyMax, key[list[i]!]!);
  }
  const ready = new RegretSampler(p.n, key, linearRegret(Math.max(1, keyMax - keyMin)));
  const indeg = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const j = list[i]!;
    let c = 0;
    for (const q of p.preds[j]!) if (inBlock[q]) c++;
    indeg.set(j, c);
    if (c === 0) ready.add(j);
  }
  for (let k = from; k < to; k++) {
    const j = ready.draw(rng);
    child[k] = j;
    for (const s of p.succs[j]!) {
      if (!inBlock[s]) continue;
      const c = indeg.get(s)! - 1;
      indeg.set(s, c);
      if (c === 0) ready.add(s);
    }
  }
  for (let i = from; i < to; i++) inBlock[list[i]!] = 0;
  return child;
}

/** A hash of the start times and teams: equal schedules collide, so duplicates can be refused. */
export function fingerprint(s: Decoded): number {
  let h = 0x811c9dc5;
  const n = s.start.length;
  for (let j = 0; j < n; j++) {
    const x = Math.round(s.start[j]! * 64) ^ (s.team[j]! << 20);
    h = Math.imul(h ^ x, 0x01000193);
  }
  return h >>> 0;
}
