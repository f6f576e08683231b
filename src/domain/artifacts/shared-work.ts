import { areasOverlap, normaliseArea } from '../tracking/areas.js';
import { teamIdOf, type ArtifactContext } from './context.js';

/** An area touched by phases of more than one team: a lock they share and a review across teams. */
export interface SharedArea {
  area: string;
  phases: number[];
  teams: string[];
}

/** Areas (as written, normalised) that phases of two or more teams touch, one inside the other counting as touching. */
export function sharedAreas(ctx: ArtifactContext): SharedArea[] {
  const { phases } = ctx.result.project;
  const universe = [...new Set(phases.flatMap((p) => p.areas.map((a) => normaliseArea(a).replace(/\/$/, ''))))].sort();
  const out: SharedArea[] = [];
  for (const area of universe) {
    const touching = phases.filter((p) => p.areas.some((a) => areasOverlap(a, area))).map((p) => p.index);
    const teams = [...new Set(touching.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))].sort();
    if (teams.length > 1) out.push({ area, phases: touching, teams });
  }
  // An area inside another shared one by the same phases adds nothing: keep the outer one.
  return out.filter((s) => !out.some((o) => o !== s && o.area.length < s.area.length && areasOverlap(o.area, s.area) && o.phases.join() === s.phases.join()));
}

/** Two phases of one wave, on different teams, that share an area or feed the same later phase: they agree a contract mid-wave. */
export interface ContractPair {
  u: number;
  v: number;
  areas: string[];
  /** Phases both feed (their shared interface). */
  consumers: number[];
}

export function contractPairs(ctx: ArtifactContext): ContractPair[] {
  const { result } = ctx;
  const { project, waves, schedule } = result;
  const out: ContractPair[] = [];
  for (const w of waves) {
    const js = [...w.phases].sort((a, b) => schedule.start[a]! - schedule.start[b]! || a - b);
    for (let x = 0; x < js.length; x++) {
      for (let y = x + 1; y < js.length; y++) {
        const u = js[x]!;
        const v = js[y]!;
        const tu = teamIdOf(ctx, u);
        const tv = teamIdOf(ctx, v);
        if (tu === null || tv === null || tu === tv) continue;
        const pu = project.phases[u]!;
        const pv = project.phases[v]!;
        const areas = [...new Set(pu.areas.flatMap((a) => pv.areas.filter((b) => areasOverlap(a, b)).map((b) => (a.length <= b.length ? a : b))))];
        const consumers = pu.dependents.filter((d) => pv.dependents.includes(d));
        if (areas.length > 0 || consumers.length > 0) out.push({ u, v, areas, consumers });
      }
    }
  }
  return out;
}
