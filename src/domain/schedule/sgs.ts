import { GridProfile, ResourceProfile, type CapacityProfile } from './profile.js';
import { flatten, type FlatProblem } from './flat-problem.js';
import type { SchedulingProblem } from './problem.js';

const EPS = 1e-7;

export interface Decoded {
  start: Float64Array;
  finish: Float64Array;
  /** Team per phase, −1 when the phase needs no team. */
  team: Int32Array;
  makespan: number;
  /** Highest assigned person-days ÷ capacity over the teams: lower is a better balance. */
  imbalance: number;
  /** Sum of skill-match scores of the chosen teams: higher is a closer fit. */
  skillMatch: number;
  /** Working days by which phases miss their hard finish-no-later-than days, summed (0 without such days). */
  lateness: number;
}

export function emptyDecoded(n: number): Decoded {
  return { start: new Float64Array(n), finish: new Float64Array(n), team: new Int32Array(n).fill(-1), makespan: 0, imbalance: 0, skillMatch: 0, lateness: 0 };
}

/** Lexicographic: missed hard finish dates first, then makespan, workload balance, skill match. */
export function better(a: Decoded, b: Decoded): boolean {
  if (a.lateness < b.lateness - EPS) return true;
  if (a.lateness > b.lateness + EPS) return false;
  if (a.makespan < b.makespan - EPS) return true;
  if (a.makespan > b.makespan + EPS) return false;
  if (a.imbalance < b.imbalance - EPS) return true;
  if (a.imbalance > b.imbalance + EPS) return false;
  return a.skillMatch > b.skillMatch + EPS;
}

export function copyDecoded(from: Decoded, to: Decoded): Decoded {
  to.start.set(from.start);
  to.finish.set(from.finish);
  to.team.set(from.team);
  to.makespan = from.makespan;
  to.imbalance = from.imbalance;
  to.lateness = from.lateness;
  to.skillMatch = from.skillMatch;
  return to;
}

/**
 * Serial schedule generation: phases are taken in list order and each is put at its earliest
 * precedence- and resource-feasible start, on the eligible team where it starts earliest
 * (ties: the least-loaded team relative to its capacity, then the closest skill match).
 */
export class SerialSgs {
  private readonly profiles: CapacityProfile[];
  private readonly load: Float64Array;
  private readonly mirrorStart: Float64Array;
  private readonly mirrorFinish: Float64Array;
  /** Pinned phases (work already done or running) are placed before any list is decoded. */
  private readonly pinned: Int32Array;
  private readonly isPinned: Uint8Array;
  /**
   * The per-phase lists (predecessors, successors, eligible teams, pools) flattened into one
   * typed array each, phase j's entries at [off[j], off[j + 1]): at 10,000 phases the decode's
   * time went to chasing one small array per phase and list, not to the capacity profiles.
   */
  private readonly flat: FlatProblem;

  constructor(readonly problem: SchedulingProblem) {
    const pinned: number[] = [];
    for (let j = 0; j < problem.n; j++) if (!Number.isNaN(problem.pinnedStart[j]!)) pinned.push(j);
    this.pinned = Int32Array.from(pinned);
    this.isPinned = Uint8Array.from(problem.pinnedStart, (x) => (Number.isNaN(x) ? 0 : 1));
    this.flat = flatten(problem);
    const integral =
      [problem.duration, problem.release, ...(problem.predDelta ?? [])].every((a) => a.every((x) => Number.isInteger(x))) &&
      problem.pinnedStart.every((x) => Number.isNaN(x) || Number.isInteger(x));
    let horizon = 0;
    for (let j = 0; j < problem.n; j++) horizon += problem.duration[j]!;
    horizon += Math.max(0, ...problem.release, ...problem.pinnedStart.filter((x) => !Number.isNaN(x)));
    this.profiles = Array.from(problem.capacity, (c): CapacityProfile => (integral ? new GridProfile(c, Math.ceil(horizon) + 1) : new ResourceProfile(c)));
    this.load = new Float64Array(problem.teamCount);
    this.mirrorStart = new Float64Array(problem.n);
    this.mirrorFinish = new Float64Array(problem.n);
  }

  /** Earliest start ≥ from at which phase j fits on team t (−1: no team) and its pools; Infinity past bound. */
  private earliest(j: number, from: number, d: number, t: number, bound: number): number {
    if (d <= EPS) return from;
    const profiles = this.profiles;
    const { pools, poolQty } = this.flat;
    const first = pools.off[j]!;
    const last = pools.off[j + 1]!;
    const size = this.problem.teamSize[j]!;
    let x = from;
    for (;;) {
      if (x > bound + EPS) return Infinity;
      if (t >= 0) {
        const c = profiles[t]!.conflict(x, d, size);
        if (c >= 0) {
          x = c;
          continue;
        }
      }
      let moved = false;
      for (let k = first; k < last; k++) {
        const c = profiles[pools.idx[k]!]!.conflict(x, d, poolQty[k]!);
        if (c >= 0) {
          x = c;
          moved = true;
          break;
        }
      }
      if (!moved) return x;
    }
  }

  /**
   * The earliest start phase j's typed, lagged links allow, from the starts placed so far. In the
   * mirror (time reversed), a link of distance δ from i to j asks j's mirrored start to be at
   * most i's less δ + d_j − d_i, so there j comes first with distance δ + d_j − d_i.
   */
  private linkedReady(j: number, start: Float64Array, mirror: boolean): number {
    const d = this.problem.duration;
    const f = this.flat;
    let t = -Infinity;
    if (mirror) {
      const { off, idx } = f.succs;
      const delta = f.succDelta!;
      for (let q = off[j]!; q < off[j + 1]!; q++) t = Math.max(t, start[idx[q]!]! + delta[q]! + d[idx[q]!]! - d[j]!);
    } else {
      const { off, idx } = f.preds;
      const delta = f.predDelta!;
      for (let q = off[j]!; q < off[j + 1]!; q++) t = Math.max(t, start[idx[q]!]! + delta[q]!);
    }
    return t;
  }

  /** Empties the profiles and the loads, then reserves the blocked capacity (mirrored: [horizon − to, horizon − from), from 0). */
  private resetProfiles(mirror: boolean, horizon: number): void {
    for (const prof of this.profiles) prof.reset();
    this.load.fill(0);
    const blocked = this.problem.blocked;
    if (!blocked) return;
    for (const b of blocked) {
      const from = mirror ? Math.max(0, horizon - b.to) : b.from;
      const to = mirror ? horizon - b.from : b.to;
      if (to > from) this.profiles[b.res]!.add(from, to - from, b.amount);
    }
  }

  private place(j: number, s: number, d: number, t: number): void {
    const p = this.problem;
    if (t >= 0) {
      this.profiles[t]!.add(s, d, p.teamSize[j]!);
      this.load[t]! += d * p.teamSize[j]!;
    }
    const { pools, poolQty } = this.flat;
    for (let k = pools.off[j]!; k < pools.off[j + 1]!; k++) this.profiles[pools.idx[k]!]!.add(s, d, poolQty[k]!);
  }

  /**
   * Decodes a precedence-feasible list into `out`. With `teams`, each phase keeps that team.
   * With `mirror`, the list is taken as feasible for the reversed graph and the schedule is
   * built backwards (right-justified), then turned back to forward time.
   */
  decode(list: ArrayLike<number>, out: Decoded, teams?: Int32Array, mirror = false): Decoded {
    // Pinned phases and blocked capacity are mirrored around the makespan of the schedule being justified.
    const horizon = mirror ? out.makespan : 0;
    this.resetProfiles(mirror, horizon);
    const start = mirror ? this.mirrorStart : out.start;
    const finish = mirror ? this.mirrorFinish : out.finish;
    this.placePinned(start, finish, out.team, mirror, horizon);
    const skillMatch = this.placeList(list, start, finish, out.team, teams, mirror);
    return this.finishDecode(out, start, finish, teams, mirror, horizon, skillMatch);
  }

  private placePinned(start: Float64Array, finish: Float64Array, team: Int32Array, mirror: boolean, horizon: number): void {
    const p = this.problem;
    for (const j of this.pinned) {
      const d = p.duration[j]!;
      const s = mirror ? horizon - p.pinnedStart[j]! - d : p.pinnedStart[j]!;
      const t = p.pinnedTeam[j]!;
      this.place(j, s, d, t);
      start[j] = s;
      finish[j] = s + d;
      team[j] = t;
    }
  }

  /** Places the list in order (pinned phases already placed); returns the summed skill match. */
  private placeList(list: ArrayLike<number>, start: Float64Array, finish: Float64Array, team: Int32Array, teams: Int32Array | undefined, mirror: boolean): number {
    const p = this.problem;
    const f = this.flat;
    const before = mirror ? f.succs : f.preds;
    const { off, idx } = before;
    const elig = f.eligible;
    const isPinned = this.isPinned;
    const { duration, release, capacity } = p;
    const load = this.load;
    let skillMatch = 0;
    for (let k = 0; k < list.length; k++) {
      const j = list[k]!;
      if (isPinned[j] === 1) continue;
      const d = duration[j]!;
      let es = mirror ? 0 : release[j]!;
      if (p.predDelta) es = Math.max(es, this.linkedReady(j, start, mirror));
      else
        for (let q = off[j]!; q < off[j + 1]!; q++) {
          const e = finish[idx[q]!]!;
          if (e > es) es = e;
        }

      const firstTeam = elig.off[j]!;
      const lastTeam = elig.off[j + 1]!;
      let bestStart = Infinity;
      let bestTeam = -1;
      if (teams && teams[j]! >= 0) {
        bestTeam = teams[j]!;
        bestStart = this.earliest(j, es, d, bestTeam, Infinity);
      } else if (firstTeam === lastTeam) {
        bestStart = this.earliest(j, es, d, -1, Infinity);
      } else {
        let bestLoad = Infinity;
        let bestMatch = -1;
        for (let c = firstTeam; c < lastTeam; c++) {
          const t = elig.idx[c]!;
          const s = this.earliest(j, es, d, t, bestStart);
          if (s === Infinity) continue;
          const tl = load[t]! / capacity[t]!;
          const match = f.skillMatch[c]!;
          if (s < bestStart - EPS || (s < bestStart + EPS && (tl < bestLoad - EPS || (tl < bestLoad + EPS && match > bestMatch)))) {
            bestStart = s;
            bestTeam = t;
            bestLoad = tl;
            bestMatch = match;
          }
        }
        skillMatch += bestMatch;
      }
      this.place(j, bestStart, d, bestTeam);
      start[j] = bestStart;
      finish[j] = bestStart + d;
      team[j] = bestTeam;
    }
    return skillMatch;
  }

  /**
   * Parallel schedule generation (Kolisch & Hartmann 2006, section 2.1): time moves from one
   * finish to the next and at each time every eligible phase that fits is started, in list
   * order. Its schedules are non-delay, a smaller set than the serial scheme's active ones that
   * need not hold an optimum, but on scarce resources they are often better; the search uses
   * both. Costs O(n²) per list, so the search keeps it to small plans.
   */
  decodeParallel(list: ArrayLike<number>, out: Decoded): Decoded {
    const p = this.problem;
    // Its time steps are the finishes; typed and lagged links and calendar blocks make other moments matter, so those problems are decoded serially.
    if (p.predDelta || p.blocked) return this.decode(list, out);
    this.resetProfiles(false, 0);
    const { start, finish, team } = out;
    const done = new Uint8Array(p.n);
    for (const j of this.pinned) {
      const d = p.duration[j]!;
      const s = p.pinnedStart[j]!;
      this.place(j, s, d, p.pinnedTeam[j]!);
      start[j] = s;
      finish[j] = s + d;
      team[j] = p.pinnedTeam[j]!;
      done[j] = 1;
    }
    let open: number[] = [];
    for (let k = 0; k < list.length; k++) if (!done[list[k]!]) open.push(list[k]!);
    let skillMatch = 0;
    let t = 0;
    while (open.length > 0) {
      const rest: number[] = [];
      for (const j of open) {
        const preds = p.preds[j]!;
        let ready = p.release[j]! <= t + EPS;
        for (let q = 0; ready && q < preds.length; q++) ready = done[preds[q]!] === 1 && finish[preds[q]!]! <= t + EPS;
        const placed = ready && this.placeAt(j, t, out);
        if (placed === false) rest.push(j);
        else {
          skillMatch += placed;
          done[j] = 1;
        }
      }
      open = rest;
      let next = Infinity;
      for (let j = 0; j < p.n; j++) if (done[j] && finish[j]! > t + EPS && finish[j]! < next) next = finish[j]!;
      for (const j of open) if (p.release[j]! > t + EPS && p.release[j]! < next) next = p.release[j]!;
      if (next === Infinity) {
        // Nothing left running or released later, yet some phase does not fit: place the rest serially.
        for (const j of open) {
          let es = p.release[j]!;
          for (const q of p.preds[j]!) es = Math.max(es, finish[q]!);
          skillMatch += this.placeAt(j, es, out, Infinity) || 0;
        }
        break;
      }
      t = next;
    }
    return this.finishDecode(out, start, finish, undefined, false, 0, skillMatch);
  }

  /**
   * Starts phase j at time s on the best eligible team that can take it then (or, with a bound,
   * at the earliest start up to the bound); false when none can. Returns the skill match.
   */
  private placeAt(j: number, s: number, out: Decoded, bound = s): number | false {
    const p = this.problem;
    const d = p.duration[j]!;
    const candidates = p.eligible[j]!;
    let bestStart = Infinity;
    let bestTeam = -1;
    let bestMatch = 0;
    if (candidates.length === 0) bestStart = this.earliest(j, s, d, -1, bound);
    else {
      let bestLoad = Infinity;
      for (let c = 0; c < candidates.length; c++) {
        const t = candidates[c]!;
        const x = this.earliest(j, s, d, t, Math.min(bound, bestStart));
        if (x === Infinity) continue;
        const load = this.load[t]! / p.capacity[t]!;
        const match = p.skillMatch[j]![c]!;
        if (x < bestStart - EPS || (x < bestStart + EPS && (load < bestLoad - EPS || (load < bestLoad + EPS && match > bestMatch)))) {
          bestStart = x;
          bestTeam = t;
          bestLoad = load;
          bestMatch = match;
        }
      }
    }
    if (bestStart === Infinity) return false;
    this.place(j, bestStart, d, bestTeam);
    out.start[j] = bestStart;
    out.finish[j] = bestStart + d;
    out.team[j] = bestTeam;
    return bestMatch;
  }

  private finishDecode(out: Decoded, start: Float64Array, finish: Float64Array, teams: Int32Array | undefined, mirror: boolean, horizon: number, skillMatch: number): Decoded {
    const p = this.problem;
    let makespan = 0;
    for (let j = 0; j < p.n; j++) if (finish[j]! > makespan) makespan = finish[j]!;
    if (mirror) {
      const end = Math.max(makespan, horizon);
      for (let j = 0; j < p.n; j++) {
        out.start[j] = end - finish[j]!;
        out.finish[j] = end - start[j]!;
      }
      makespan = end;
    }
    out.makespan = makespan;
    let imbalance = 0;
    for (let t = 0; t < p.teamCount; t++) imbalance = Math.max(imbalance, this.load[t]! / p.capacity[t]!);
    out.imbalance = imbalance;
    out.lateness = 0;
    const by = p.finishBy;
    if (by) for (let j = 0; j < p.n; j++) if (out.finish[j]! > by[j]! + EPS) out.lateness += out.finish[j]! - by[j]!;
    if (!teams) out.skillMatch = skillMatch;
    return out;
  }
}
