import { linkDelta, plainLinks } from '../links.js';
import type { Project } from '../model.js';
import { areasOverlap, normaliseArea } from '../tracking/areas.js';

/**
 * The resource-constrained scheduling problem in flat arrays. Resources 0…teamCount−1 are the
 * teams (a phase takes teamSize of ONE eligible team); the rest are shared pools that a phase
 * holds a fixed amount of (infrastructure, the max-concurrent-sessions limit, and one lock per
 * shared file area, so that the schedule never asks two sessions to work one area at once —
 * the claim rules refuse that while the work runs).
 */
export interface SchedulingProblem {
  n: number;
  duration: Float64Array;
  preds: Int32Array[];
  succs: Int32Array[];
  /** A topological order. */
  order: Int32Array;
  capacity: Float64Array;
  teamCount: number;
  resourceNames: string[];
  /** Pool demands per phase: resource indices and amounts. */
  poolRes: Int32Array[];
  poolQty: Float64Array[];
  teamSize: Float64Array;
  /** Team indices a phase may go to; empty when it needs no team. */
  eligible: Int32Array[];
  /** Per phase and eligible team (same order): share of the team's skills the phase uses, 0…1. */
  skillMatch: Float64Array[];
  /** Earliest start per phase (0, or "now" and the baseline start in a re-plan). */
  release: Float64Array;
  /** Fixed start per phase (NaN when free): completed and running work in a re-plan. */
  pinnedStart: Float64Array;
  /** Fixed team per pinned phase (−1 when free or when the phase needs no team). */
  pinnedTeam: Int32Array;
  /** Phase priority from the input (higher first when rules tie). */
  priority: Float64Array;
  /**
   * Least start distances of the links (links.ts), aligned with preds and succs: phase j starts at
   * or after start[preds[j][q]] + predDelta[j][q]; succDelta[j][q] is the distance of the link
   * from j to succs[j][q]. Absent when every link is finish-to-start without lag (δ = the
   * predecessor's duration, the plain and fastest case).
   */
  predDelta?: Float64Array[];
  succDelta?: Float64Array[];
  /** Capacity a resource lacks over [from, to) (team calendars: leave, non-working days, size over time), reserved before any phase is placed. */
  blocked?: { res: number; from: number; to: number; amount: number }[];
  /** Hard finish-no-later-than day per phase (Infinity when none); the search meets them before it shortens the makespan. */
  finishBy?: Float64Array;
}

export interface Pins {
  release?: Float64Array;
  pinnedStart?: Float64Array;
  pinnedTeam?: Int32Array;
  /** Overrides the planned durations (actual or remaining work). */
  duration?: Float64Array;
}

export function buildProblem(project: Project, pins: Pins = {}): SchedulingProblem {
  const n = project.phases.length;
  const teamCount = project.teams.length;
  const pools = project.infrastructure.length;
  const sessionPool = project.constraints.maxConcurrentSessions !== undefined ? teamCount + pools : -1;
  const locks = areaLocks(project);
  const firstLock = teamCount + pools + (sessionPool >= 0 ? 1 : 0);
  const lockCount = locks.areas.length;
  const capacity = new Float64Array(firstLock + lockCount).fill(1);
  project.teams.forEach((t) => (capacity[t.index] = t.capacity));
  project.infrastructure.forEach((r) => (capacity[teamCount + r.index] = r.capacity));
  if (sessionPool >= 0) capacity[sessionPool] = project.constraints.maxConcurrentSessions!;
  const resourceNames = [...project.teams.map((t) => t.id), ...project.infrastructure.map((r) => r.id), ...(sessionPool >= 0 ? ['sessions'] : [])];
  resourceNames.push(...locks.areas.map((a) => `area:${a}`));

  const poolRes: Int32Array[] = [];
  const poolQty: Float64Array[] = [];
  for (const p of project.phases) {
    const res = [...p.resources.keys()].map((r) => teamCount + r);
    const qty = [...p.resources.values()];
    if (sessionPool >= 0) {
      res.push(sessionPool);
      qty.push(1);
    }
    for (const lock of locks.used[p.index]!) {
      res.push(firstLock + lock);
      qty.push(1);
    }
    poolRes.push(Int32Array.from(res));
    poolQty.push(Float64Array.from(qty));
  }
  const eligible = project.eligibleTeams.map((e) => Int32Array.from(e));
  const skillMatch = project.phases.map((p, i) =>
    Float64Array.from(eligible[i]!, (t) => {
      const held = project.teams[t]!.skills.length;
      return held === 0 ? 1 : p.skills.length / held;
    }),
  );
  const duration = pins.duration ?? Float64Array.from(project.phases, (p) => p.duration);
  return {
    n,
    duration,
    ...precedence(project, duration),
    order: Int32Array.from(project.order),
    capacity,
    teamCount,
    resourceNames,
    poolRes,
    poolQty,
    teamSize: Float64Array.from(project.phases, (p) => p.teamSize),
    eligible,
    skillMatch,
    release: pins.release ?? new Float64Array(n),
    pinnedStart: pins.pinnedStart ?? new Float64Array(n).fill(NaN),
    pinnedTeam: pins.pinnedTeam ?? new Int32Array(n).fill(-1),
    priority: Float64Array.from(project.phases, (p) => p.priority),
  };
}

/**
 * One exclusive lock per area that two or more phases touch. A phase takes the lock of each
 * of its areas and of every listed area inside them, so "api/" and "api/auth/" exclude each
 * other while "api/auth/" and "api/search/" do not.
 */
export function areaLocks(project: Project): { areas: string[]; used: number[][] } {
  const own = project.phases.map((p) => [...new Set(p.areas.map((a) => normaliseArea(a).replace(/\/$/, '')))]);
  const universe = [...new Set(own.flat())].sort();
  const inside = (inner: string, outer: string) => areasOverlap(inner, outer) && inner.length >= outer.length;
  const wants = own.map((mine) => universe.map((a, k) => (mine.some((m) => inside(a, m)) ? k : -1)).filter((k) => k >= 0));
  const users = new Int32Array(universe.length);
  for (const w of wants) for (const k of w) users[k]!++;
  const index = new Int32Array(universe.length).fill(-1);
  const areas: string[] = [];
  universe.forEach((a, k) => {
    if (users[k]! >= 2) index[k] = areas.push(a) - 1;
  });
  return { areas, used: wants.map((w) => w.map((k) => index[k]!).filter((i) => i >= 0)) };
}

/** Predecessor and successor lists, with the links' least start distances unless every link is plain. */
function precedence(project: Project, duration: Float64Array): Pick<SchedulingProblem, 'preds' | 'succs' | 'predDelta' | 'succDelta'> {
  if (plainLinks(project)) {
    return { preds: project.phases.map((p) => Int32Array.from(p.dependencies)), succs: project.phases.map((p) => Int32Array.from(p.dependents)) };
  }
  const preds: number[][] = project.phases.map(() => []);
  const predDelta: number[][] = project.phases.map(() => []);
  const succs: number[][] = project.phases.map(() => []);
  const succDelta: number[][] = project.phases.map(() => []);
  for (const p of project.phases) {
    for (const l of p.links) {
      const delta = linkDelta(l.type, l.lag, duration[l.on]!, duration[p.index]!);
      preds[p.index]!.push(l.on);
      predDelta[p.index]!.push(delta);
      succs[l.on]!.push(p.index);
      succDelta[l.on]!.push(delta);
    }
  }
  return {
    preds: preds.map((x) => Int32Array.from(x)),
    succs: succs.map((x) => Int32Array.from(x)),
    predDelta: predDelta.map((x) => Float64Array.from(x)),
    succDelta: succDelta.map((x) => Float64Array.from(x)),
  };
}

/**
 * The most of each resource that phases can hold at once: the capacity, cut to a whole number
 * when every demand on the resource is whole (a team of 2.4 FTE running one-person phases never
 * has more than 2 busy). Resources with calendar blocks keep their capacity (blocks take
 * fractions). For lower bounds: energy divided by the capacity undercounts when part of it can
 * never be used.
 */
export function usableCapacity(p: SchedulingProblem): Float64Array {
  const whole = new Uint8Array(p.capacity.length).fill(1);
  for (let j = 0; j < p.n; j++) {
    if (!Number.isInteger(p.teamSize[j]!)) for (const t of p.eligible[j]!) whole[t] = 0;
    if (!Number.isInteger(p.teamSize[j]!) && p.pinnedTeam[j]! >= 0) whole[p.pinnedTeam[j]!] = 0;
    p.poolRes[j]!.forEach((r, k) => {
      if (!Number.isInteger(p.poolQty[j]![k]!)) whole[r] = 0;
    });
  }
  for (const b of p.blocked ?? []) whole[b.res] = 0;
  // The decoder admits usage up to the capacity plus 1e-7, so the cut allows for that too.
  return Float64Array.from(p.capacity, (c, r) => (whole[r] ? Math.floor(c + 1e-7) : c));
}
