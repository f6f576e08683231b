import { normaliseArea } from '../tracking/areas.js';
import { teamIdOf, type ArtifactContext } from './context.js';

/** An area touched by phases of more than one team: a lock they share and a review across teams. */
export interface SharedArea {
  area: string;
  phases: number[];
  teams: string[];
}

const key = (area: string) => normaliseArea(area).replace(/\/$/, '');

/** The area and every folder above it: "api/auth/x.ts" → api, api/auth, api/auth/x.ts. */
const withAncestors = (area: string) => {
  const parts = area.split('/');
  return parts.map((_, k) => parts.slice(0, k + 1).join('/'));
};

/** For each area some phase names: the phases touching it (naming it, a folder above it, or something inside it), by phase index. */
function touchingByArea(ctx: ArtifactContext): { touching: Map<string, number[]>; exact: Map<string, number[]> } {
  const { phases } = ctx.result.project;
  const own = phases.map((p) => [...new Set(p.areas.map(key))]);
  const named = new Set(own.flat());
  const exact = new Map<string, number[]>();
  const below = new Map<string, number[]>();
  own.forEach((areas, j) => {
    for (const a of areas) {
      (exact.get(a) ?? exact.set(a, []).get(a)!).push(j);
      for (const up of new Set(withAncestors(a))) if (named.has(up)) (below.get(up) ?? below.set(up, []).get(up)!).push(j);
    }
  });
  const out = new Map<string, number[]>();
  for (const area of [...named].sort()) {
    const above = withAncestors(area)
      .slice(0, -1)
      .flatMap((up) => exact.get(up) ?? []);
    out.set(
      area,
      [...new Set([...(below.get(area) ?? []), ...above])].sort((a, b) => a - b),
    );
  }
  return { touching: out, exact };
}

const memo = new WeakMap<object, SharedArea[]>();

/** Areas that phases of two or more teams touch, one inside the other counting as touching; an area adding no phase to the folder above it is left out. */
export function sharedAreas(ctx: ArtifactContext): SharedArea[] {
  const hit = memo.get(ctx.result);
  if (hit) return hit;
  const out: SharedArea[] = [];
  for (const [area, phases] of touchingByArea(ctx).touching) {
    const teams = [...new Set(phases.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))].sort();
    if (teams.length > 1) out.push({ area, phases, teams });
  }
  const byArea = new Map(out.map((s) => [s.area, s.phases.join()]));
  const kept = out.filter(
    (s) =>
      !withAncestors(s.area)
        .slice(0, -1)
        .some((up) => byArea.get(up) === s.phases.join()),
  );
  memo.set(ctx.result, kept);
  return kept;
}

/** Two phases of one wave, on different teams, that share an area or feed the same later phase: they agree a contract mid-wave. */
export interface ContractPair {
  u: number;
  v: number;
  areas: string[];
  /** Phases both feed (their shared interface). */
  consumers: number[];
}

/** Contracts listed at most, and pairs compared at most, so that a huge wave stays cheap (earliest pairs first). */
export const MAX_CONTRACTS = 100;
const MAX_COMPARISONS = 200_000;

const pairMemo = new WeakMap<object, ContractPair[]>();

export function contractPairs(ctx: ArtifactContext): ContractPair[] {
  const hit = pairMemo.get(ctx.result);
  if (hit) return hit;
  const pairs = computePairs(ctx);
  pairMemo.set(ctx.result, pairs);
  return pairs;
}

function computePairs(ctx: ArtifactContext): ContractPair[] {
  const { project, waveOf, schedule } = ctx.result;
  const { touching, exact } = touchingByArea(ctx);
  // Groups of phases that would share a contract: a phase naming an area with those touching it; those feeding one phase.
  const groups: { anchors: number[]; members: number[]; area?: string; consumer?: number }[] = [];
  for (const [area, phases] of touching) if (phases.length > 1) groups.push({ anchors: exact.get(area) ?? [], members: phases, area });
  for (const p of project.phases) if (p.dependencies.length > 1) groups.push({ anchors: p.dependencies, members: p.dependencies, consumer: p.index });
  const pairs = new Map<string, ContractPair>();
  let comparisons = 0;
  for (const g of groups) {
    for (const a of g.anchors) {
      for (let y = 0; y < g.members.length && comparisons < MAX_COMPARISONS; y++, comparisons++) {
        const m = g.members[y]!;
        if (m === a || waveOf[m] !== waveOf[a]) continue;
        const [u, v] = schedule.start[a]! < schedule.start[m]! || (schedule.start[a]! === schedule.start[m]! && a < m) ? [a, m] : [m, a];
        const tu = teamIdOf(ctx, u);
        const tv = teamIdOf(ctx, v);
        if (tu === null || tv === null || tu === tv) continue;
        const k = `${u}:${v}`;
        const pair = pairs.get(k) ?? pairs.set(k, { u, v, areas: [], consumers: [] }).get(k)!;
        if (g.area !== undefined && !pair.areas.includes(g.area)) pair.areas.push(g.area);
        if (g.consumer !== undefined && !pair.consumers.includes(g.consumer)) pair.consumers.push(g.consumer);
      }
    }
  }
  const start = (p: ContractPair) => Math.min(schedule.start[p.u]!, schedule.start[p.v]!);
  return [...pairs.values()]
    .map((p) => ({ ...p, areas: p.areas.filter((a) => !p.areas.some((o) => o !== a && a.startsWith(o + '/'))) }))
    .sort((a, b) => start(a) - start(b) || a.u - b.u || a.v - b.v)
    .slice(0, MAX_CONTRACTS);
}
