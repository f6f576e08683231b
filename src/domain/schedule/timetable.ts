import type { Windows } from './time-windows.js';

const EPS = 1e-7;

/** The phases one resource set serves, with their demands on it and its capacity. */
export interface SetView {
  member: Int32Array;
  demand: Float64Array;
  capacity: number;
}

/**
 * Timetabling on whole-day windows (the compulsory-part rule of cumulative constraint
 * propagation; Le Pape 1994, and Baptiste, Le Pape & Nuijten 2001, Constraint-Based Scheduling,
 * ch. 2): a phase whose latest start comes before its earliest finish surely runs over
 * [ls, es + d), so that demand is taken from the set's capacity there whatever the schedule.
 * Every other phase of the set must start where its own demand fits beside those compulsory
 * parts for its whole duration, which moves its earliest start later and its latest start
 * earlier. Returns 'empty' when some window has no such start, 'moved' when a window narrowed,
 * 'same' otherwise; `meter` adds the days and phases it looked at. Only for integral durations
 * and windows (the destructive bound's case).
 */
export function timetable(duration: ArrayLike<number>, w: Windows, views: readonly SetView[], horizon: number, meter?: { work: number }): 'empty' | 'moved' | 'same' {
  const size = Math.max(1, Math.ceil(horizon) + 1);
  const load = new Float64Array(size);
  let moved = false;
  let work = 0;
  for (const v of views) {
    load.fill(0);
    work += size + v.member.length;
    let any = false;
    for (let k = 0; k < v.member.length; k++) {
      const j = v.member[k]!;
      const from = w.ls[j]!;
      const to = w.es[j]! + duration[j]!;
      if (to <= from + EPS) continue;
      any = true;
      for (let t = Math.max(0, from); t < Math.min(size, to); t++) load[t]! += v.demand[k]!;
      work += to - from;
    }
    if (!any) continue;
    let peak = 0;
    for (let t = 0; t < size; t++) if (load[t]! > peak) peak = load[t]!;
    for (let k = 0; k < v.member.length; k++) {
      const j = v.member[k]!;
      const d = duration[j]!;
      const q = v.demand[k]!;
      const limit = v.capacity - q + EPS;
      // Fits beside the compulsory parts anywhere (its own part only lowers the load it meets).
      if (peak <= limit) continue;
      const es = w.es[j]!;
      const ls = w.ls[j]!;
      // The phase's own compulsory part is taken out of the load while it is checked.
      const own = ls < es + d;
      if (own) for (let t = Math.max(0, ls); t < Math.min(size, es + d); t++) load[t]! -= q;
      const first = earliestFit(load, es, ls, d, limit);
      const last = first === undefined ? undefined : latestFit(load, first, ls, d, limit);
      // The scans look at about the window's days and the duration, twice.
      work += 2 * (ls - es + d);
      if (own) for (let t = Math.max(0, ls); t < Math.min(size, es + d); t++) load[t]! += q;
      if (first === undefined || last === undefined) {
        if (meter) meter.work += work;
        return 'empty';
      }
      if (first > es + EPS) {
        w.es[j] = first;
        moved = true;
      }
      if (last < ls - EPS) {
        w.ls[j] = last;
        moved = true;
      }
    }
  }
  if (meter) meter.work += work;
  return moved ? 'moved' : 'same';
}

/** Earliest s in [from, to] where load[t] ≤ limit over [s, s + d); undefined when none. */
function earliestFit(load: Float64Array, from: number, to: number, d: number, limit: number): number | undefined {
  let s = from;
  while (s <= to + EPS) {
    let clash = -1;
    for (let t = Math.min(load.length, s + d) - 1; t >= s && t >= 0; t--) {
      if (load[t]! > limit) {
        clash = t;
        break;
      }
    }
    if (clash < 0) return s;
    s = clash + 1;
  }
  return undefined;
}

/** Latest s in [from, to] where load[t] ≤ limit over [s, s + d); undefined when none. */
function latestFit(load: Float64Array, from: number, to: number, d: number, limit: number): number | undefined {
  let s = to;
  while (s >= from - EPS) {
    let clash = -1;
    for (let t = Math.max(0, s); t < Math.min(load.length, s + d); t++) {
      if (load[t]! > limit) {
        clash = t;
        break;
      }
    }
    if (clash < 0) return s;
    s = clash - d;
  }
  return undefined;
}
