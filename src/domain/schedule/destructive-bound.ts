import type { HeadsTails } from './bounds.js';
import type { SchedulingProblem } from './problem.js';
import type { ResourceSet } from './resource-sets.js';
import { Shaver } from './shaving.js';
import { tightenWindows, type Windows } from './time-windows.js';
import type { SetView } from './timetable.js';

const EPS = 1e-7;

/**
 * Work the refutation test may do per hypothesised makespan: interval starts × ramp events of
 * the energetic test (about 4m² for a set that m phases use) plus the incompatible pairs. Larger
 * problems get no destructive bound, so that a plan of thousands of phases does not pay for it.
 */
const WORK_CAP = 400_000;
/** Hypotheses tried at most (doubling steps, then halving): enough for a bound thousands of days above the start. */
const MAX_TESTS = 40;
/**
 * Work the shaving may do in all, in the phases, links, pairs and days the windows' propagation
 * looks at: 300 million ÷ phases, from 1 to 10 million. Small plans, whose searches are cheap and
 * where a bound at the optimum ends the search, get the most. On PSPLIB it put the bound at the
 * reference on 398 of the 480 J30 and 367 of the 480 J60 instances (a flat 1 million: 379 and
 * 360; 10 million: 398 and 368); on generated plans of 100 and 200 phases with teams, where it
 * raised no bound, it cost 4–11 ms (docs/benchmarks.md).
 */
const shavingWork = (n: number) => Math.min(10_000_000, Math.max(1_000_000, 300_000_000 / n));

/**
 * Destructive lower bound (Klein & Scholl 1999, "Computing lower bounds by destructive
 * improvement: an application to resource-constrained project scheduling", EJOR 112): assume a
 * makespan T, derive each phase's time window [head, T − tail], narrow the windows
 * (tightenWindows) and refute T when the windows cannot hold the work; the bound is one more
 * than the largest refuted T. The refutation is energetic reasoning (Lopez & Esquirol;
 * Baptiste, Le Pape & Nuijten 1999, "Satisfiability tests and time-bound adjustments for
 * cumulative scheduling problems", Ann. Oper. Res. 92): a phase with window [es, lf] and
 * duration d runs at least
 *   max(0, min(d, t2 − t1, es + d − t1, t2 − (lf − d)))
 * inside [t1, t2), so a set of resources of capacity c is overloaded when these amounts times the
 * demands exceed c × (t2 − t1). No linear program is solved.
 *
 * The windows are narrowed by the links, by incompatible pairs and by timetabling (timetable.ts).
 * Once that test stops refuting, shaving (shaving.ts) tries the next makespans with a stronger
 * test, within `shaving` work (0: none): on PSPLIB it put the bound at the optimum on 398 of the
 * 480 J30 instances, against 292 without timetabling and shaving.
 *
 * Sound whichever T are tried: a refuted T refutes every smaller one (a shorter schedule would
 * also fit in T), so the bound needs only the largest refuted T. Only for integral problems (the
 * makespan is then a whole number), and `start` must itself be a bound; returns `start` when
 * nothing above it is refuted or the problem is too large to try.
 */
export function destructiveBound(p: SchedulingProblem, sets: readonly ResourceSet[], ht: HeadsTails, start: number, shaving = shavingWork(p.n)): number {
  let work = 0;
  for (const s of sets) work += 4 * s.member.length * s.member.length;
  const views = work <= WORK_CAP ? setViews(p.duration, sets) : [];
  if (views.length === 0) return start;
  const pairs = incompatiblePairs(views);
  const fails = (T: number) => (w: Windows) => !tightenWindows(p, w, pairs, { views, horizon: T }) || views.some((v) => overloaded(p.duration, w, v));
  const refuted = (T: number) => fails(T)(windowsAt(p, ht, T));
  let bound = start;
  if (refuted(start)) {
    // Doubling steps find a makespan the test does not refute, halving then closes in on the largest refuted one.
    let low = start;
    let step = 1;
    let high = Infinity;
    let tests = 1;
    while (high === Infinity && tests < MAX_TESTS) {
      tests++;
      if (refuted(low + step)) {
        low += step;
        step *= 2;
      } else high = low + step;
    }
    while (high - low > 1 && tests < MAX_TESTS) {
      tests++;
      const mid = Math.floor((low + high) / 2);
      if (refuted(mid)) low = mid;
      else high = mid;
    }
    bound = low + 1;
  }
  return shavedBound(p, ht, views, pairs, fails, bound, shaving);
}

/**
 * Raises a bound the plain test reached, one day at a time, while shaving refutes it. Probes
 * propagate only: with the energetic test too they reached the same bounds on J30 and J60 at two
 * to three times the cost.
 */
function shavedBound(p: SchedulingProblem, ht: HeadsTails, views: SetView[], pairs: Int32Array, fails: (T: number) => (w: Windows) => boolean, from: number, work: number): number {
  const phases = Int32Array.from(new Set(views.flatMap((v) => [...v.member])));
  const meter = { work: 0 };
  let bound = from;
  while (meter.work < work) {
    const T = bound;
    const w = windowsAt(p, ht, T);
    if (!fails(T)(w)) {
      const shaver = new Shaver(
        p.n,
        phases,
        (x) => !tightenWindows(p, x, pairs, { views, horizon: T }, meter),
        () => meter.work < work,
      );
      if (!shaver.refutes(w)) break;
    }
    bound = T + 1;
  }
  return bound;
}

/** Start windows under makespan T: from the head to T less the tail and the duration. */
function windowsAt(p: SchedulingProblem, ht: HeadsTails, T: number): Windows {
  return { es: Float64Array.from(ht.head), ls: Float64Array.from(ht.tail, (t, j) => T - t - p.duration[j]!) };
}

/**
 * The phases with work on each set (positive duration). A set where one phase alone demands more
 * than the capacity is left out: no schedule could serve it, and the test would refute every T.
 */
function setViews(duration: ArrayLike<number>, sets: readonly ResourceSet[]): SetView[] {
  const views: SetView[] = [];
  for (const s of sets) {
    const keep = Array.from(s.member.keys()).filter((k) => duration[s.member[k]!]! > 0);
    if (keep.length > 1 && keep.every((k) => s.demand[k]! <= s.capacity + EPS))
      views.push({ member: Int32Array.from(keep, (k) => s.member[k]!), demand: Float64Array.from(keep, (k) => s.demand[k]!), capacity: s.capacity });
  }
  return views;
}

/** Pairs of phases that together demand more than some set holds (flat i, k, …), each pair once. */
function incompatiblePairs(views: SetView[]): Int32Array {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const v of views) {
    for (let a = 0; a < v.member.length; a++) {
      for (let b = a + 1; b < v.member.length; b++) {
        if (v.demand[a]! + v.demand[b]! <= v.capacity + EPS) continue;
        const [i, k] = [v.member[a]!, v.member[b]!];
        const key = i < k ? `${i},${k}` : `${k},${i}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(i, k);
      }
    }
  }
  return Int32Array.from(out);
}

/**
 * Energetic reasoning on one set: for each interval start t1 among the windows' earliest and
 * latest starts, the least work inside [t1, t2) is, as t2 grows, a sum of ramps (phase i: slope
 * demand from max(t1, ls_i) for min(d_i, es_i + d_i − t1) days), so a sweep over the ramps'
 * events checks every t2 at once.
 */
function overloaded(duration: ArrayLike<number>, w: Windows, v: SetView): boolean {
  const m = v.member.length;
  const starts = new Set<number>();
  for (const j of v.member) starts.add(w.es[j]!).add(w.ls[j]!);
  const at = new Float64Array(2 * m);
  const slope = new Float64Array(2 * m);
  const keys = new Float64Array(2 * m);
  for (const t1 of starts) {
    let events = 0;
    for (let k = 0; k < m; k++) {
      const j = v.member[k]!;
      const d = duration[j]!;
      const inside = Math.min(d, w.es[j]! + d - t1);
      if (inside <= EPS) continue;
      const from = Math.max(t1, w.ls[j]!);
      at[events] = from;
      slope[events++] = v.demand[k]!;
      at[events] = from + inside;
      slope[events++] = -v.demand[k]!;
    }
    if (sweepOverloads(at, slope, keys, events, t1, v.capacity)) return true;
  }
  return false;
}

/** Event positions below this, whole, pack with their index into one exactly sortable number. */
const PACK = 2 ** 22;

/**
 * True when the ramps' summed work exceeds capacity × (t2 − t1) at some event t2 > t1. Events
 * are sorted as position × PACK + index in a typed array (a numeric sort, much faster than a
 * comparator), which is exact while positions are whole and small, as in integral problems.
 */
function sweepOverloads(at: Float64Array, slope: Float64Array, keys: Float64Array, events: number, t1: number, capacity: number): boolean {
  const order = eventOrder(at, keys, events);
  let work = 0;
  let rate = 0;
  let prev = t1;
  for (let q = 0; q < events; q++) {
    const e = order[q]!;
    work += rate * (at[e]! - prev);
    prev = at[e]!;
    rate += slope[e]!;
    const room = capacity * (prev - t1);
    if (prev > t1 + EPS && work > room + EPS * (1 + room)) return true;
  }
  return false;
}

/** The events' indices by position: packed keys when the positions allow, else a comparator sort. */
function eventOrder(at: Float64Array, keys: Float64Array, events: number): ArrayLike<number> {
  let packable = events < PACK;
  for (let e = 0; e < events && packable; e++) packable = Number.isInteger(at[e]!) && at[e]! >= 0 && at[e]! < 2 ** 30;
  if (!packable) return Array.from({ length: events }, (_, e) => e).sort((a, b) => at[a]! - at[b]!);
  for (let e = 0; e < events; e++) keys[e] = at[e]! * PACK + e;
  const sorted = keys.subarray(0, events).sort();
  for (let q = 0; q < events; q++) sorted[q] = sorted[q]! % PACK;
  return sorted;
}
