import type { SchedulingProblem } from './problem.js';
import { timetable, type SetView } from './timetable.js';

const EPS = 1e-7;
/** Rounds of propagation at most; each round that changes nothing ends it earlier. */
const MAX_ROUNDS = 25;

/** Earliest and latest start of each phase under a hypothesised makespan. */
export interface Windows {
  es: Float64Array;
  ls: Float64Array;
}

/**
 * Narrows the windows with what every schedule inside them must satisfy, until nothing changes;
 * false when some window empties (no schedule fits them). With `table`, also by timetabling on
 * the resource sets (timetable.ts; whole days up to `horizon`); `meter` adds the phases, links,
 * pairs and days the rules looked at. Two more rules, as in the reductions of
 * Klein & Scholl 1999 (destructive improvement, EJOR 112) and the disjunctive reasoning of
 * Baptiste, Le Pape & Nuijten 2001 (Constraint-Based Scheduling, ch. 4):
 *  - precedence: a successor starts no earlier than a predecessor's earliest start plus the
 *    link's distance, and the predecessor no later than the successor's latest start less it;
 *  - incompatible pairs (together they demand more than some resource set holds, so they never
 *    overlap): when one cannot finish before the other's latest start, the other goes first.
 * `pairs` lists the incompatible pairs flat (i, k, i, k, …), phases of positive duration only.
 */
export function tightenWindows(p: SchedulingProblem, w: Windows, pairs: Int32Array, table?: { views: readonly SetView[]; horizon: number }, meter?: { work: number }): boolean {
  let perRound = p.n + pairs.length / 2;
  if (meter) for (const preds of p.preds) perRound += preds.length;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (meter) meter.work += perRound;
    const linked = precedence(p, w);
    const ordered = disjunctions(p.duration, w, pairs);
    for (let j = 0; j < p.n; j++) if (w.es[j]! > w.ls[j]! + EPS) return false;
    const tabled = table ? timetable(p.duration, w, table.views, table.horizon, meter) : 'same';
    if (tabled === 'empty') return false;
    if (!linked && !ordered && tabled === 'same') return true;
  }
  return true;
}

/** One forward and one backward pass over the links; true when a window changed. */
function precedence(p: SchedulingProblem, w: Windows): boolean {
  const { es, ls } = w;
  let moved = false;
  for (let k = 0; k < p.n; k++) {
    const j = p.order[k]!;
    const preds = p.preds[j]!;
    for (let q = 0; q < preds.length; q++) {
      const at = es[preds[q]!]! + (p.predDelta ? p.predDelta[j]![q]! : p.duration[preds[q]!]!);
      if (at > es[j]! + EPS) {
        es[j] = at;
        moved = true;
      }
    }
  }
  for (let k = p.n - 1; k >= 0; k--) {
    const j = p.order[k]!;
    const succs = p.succs[j]!;
    for (let q = 0; q < succs.length; q++) {
      const at = ls[succs[q]!]! - (p.succDelta ? p.succDelta[j]![q]! : p.duration[j]!);
      if (at < ls[j]! - EPS) {
        ls[j] = at;
        moved = true;
      }
    }
  }
  return moved;
}

/** Orders the incompatible pairs that fit only one way round; true when a window changed. */
function disjunctions(duration: ArrayLike<number>, w: Windows, pairs: Int32Array): boolean {
  const { es, ls } = w;
  let moved = false;
  for (let q = 0; q < pairs.length; q += 2) {
    const i = pairs[q]!;
    const k = pairs[q + 1]!;
    const iFirst = es[i]! + duration[i]! <= ls[k]! + EPS;
    const kFirst = es[k]! + duration[k]! <= ls[i]! + EPS;
    if (!iFirst && !kFirst) {
      // Neither order fits: empty i's window so the caller refutes.
      es[i] = ls[i]! + 1;
      return true;
    }
    if (!iFirst) moved = putAfter(duration, w, i, k) || moved;
    else if (!kFirst) moved = putAfter(duration, w, k, i) || moved;
  }
  return moved;
}

/** `first` before `late`: late starts once first is done, first starts while late still can follow; true when a window changed. */
function putAfter(duration: ArrayLike<number>, w: Windows, late: number, first: number): boolean {
  const from = w.es[first]! + duration[first]!;
  const until = w.ls[late]! - duration[first]!;
  let moved = false;
  if (from > w.es[late]! + EPS) {
    w.es[late] = from;
    moved = true;
  }
  if (until < w.ls[first]! - EPS) {
    w.ls[first] = until;
    moved = true;
  }
  return moved;
}
