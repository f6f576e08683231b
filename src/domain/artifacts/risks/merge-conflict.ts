import { days, figure, list } from '../../format.js';
import { areasOverlap, normaliseArea } from '../../tracking/areas.js';
import { EPS, type RiskContext } from './context.js';
import { MAX_PER_CATEGORY, type RiskDraft } from './risk.js';

/** Two phases of one wave, or overlapping in time, that touch the same area. */
interface AreaPair {
  a: number;
  b: number;
  shared: string[];
  overlap: number;
  gap: number;
  sameWave: boolean;
  probability: number;
  impactDays: number;
}

/** Phases of one wave, or overlapping in time, touching the same area. */
export function mergeConflictRisks(ctx: RiskContext): RiskDraft[] {
  return areaPairs(ctx)
    .sort((p, q) => q.probability * q.impactDays - p.probability * p.impactDays || p.a - q.a || p.b - q.b)
    .slice(0, MAX_PER_CATEGORY.merge_conflict)
    .map((pair) => mergeRisk(ctx, pair));
}

function areaPairs(ctx: RiskContext): AreaPair[] {
  const { phases, start, finish, dur, result } = ctx;
  const areaPhases = phases.filter((p) => p.areas.length > 0 && !ctx.completed.has(p.index)).map((p) => p.index);
  const areas = new Map(areaPhases.map((j) => [j, [...new Set(phases[j]!.areas.map((a) => normaliseArea(a)))]]));
  const pairs: AreaPair[] = [];
  for (let x = 0; x < areaPhases.length; x++) {
    for (let y = x + 1; y < areaPhases.length; y++) {
      const a = areaPhases[x]!;
      const b = areaPhases[y]!;
      const sameWave = result.waveOf[a] === result.waveOf[b];
      const overlap = Math.min(finish[a]!, finish[b]!) - Math.max(start[a]!, start[b]!);
      if (!sameWave && overlap <= EPS) continue;
      const shared: string[] = [];
      for (const p of areas.get(a)!) for (const q of areas.get(b)!) if (areasOverlap(p, q)) shared.push(p.length >= q.length ? p : q);
      if (shared.length === 0) continue;
      const shorter = Math.min(dur(a), dur(b));
      // closeness: 0.5–1 when the two run at the same time (by the overlapping share of the shorter one),
      // 0.5 / (1 + gap in days) when one follows the other; probability = 0.1 + 0.8 × closeness.
      const gap = Math.max(0, -overlap);
      const closeness = overlap > EPS ? 0.5 + 0.5 * Math.min(1, overlap / Math.max(shorter, EPS)) : 0.5 / (1 + gap);
      // impact days = a quarter of the shorter phase: redoing and re-testing its part in the shared area.
      pairs.push({ a, b, shared: [...new Set(shared)].sort(), overlap: Math.max(0, overlap), gap, sameWave, probability: 0.1 + 0.8 * closeness, impactDays: 0.25 * shorter });
    }
  }
  return pairs;
}

function mergeRisk(ctx: RiskContext, pr: AreaPair): RiskDraft {
  const { phases, start, finish } = ctx;
  const { a, b } = pr;
  const pa = phases[a]!;
  const pb = phases[b]!;
  const [first, second] = start[a]! <= start[b]! ? [pa.id, pb.id] : [pb.id, pa.id];
  const when =
    pr.overlap > EPS
      ? `they overlap for ${days(pr.overlap, true)} (days ${figure(Math.max(start[a]!, start[b]!))}–${figure(Math.min(finish[a]!, finish[b]!))})`
      : `${first} finishes ${pr.gap <= EPS ? `just as ${second} starts` : `${days(pr.gap, true)} before ${second} starts`} (the area lock serialises them, the branches still meet)`;
  const shared = list(pr.shared, 3);
  return {
    category: 'merge_conflict',
    title: `${pa.id} and ${pb.id} both change ${shared}`,
    description:
      `${ctx.label(a)} (days ${figure(start[a]!)}–${figure(finish[a]!)}${ctx.ranOn(a)}) and ${ctx.label(b)} (days ${figure(start[b]!)}–${figure(finish[b]!)}${ctx.ranOn(b)}) ` +
      `${pr.sameWave ? `are both in wave ${ctx.result.waveOf[a]! + 1}` : 'run in different waves'} and touch ${list(pr.shared, 4)}; ${when}.`,
    phases: [pa.id, pb.id],
    teams: ctx.teamsOf([a, b]).map((t) => ctx.teams[t]!.id),
    probability: pr.probability,
    impactDays: pr.impactDays,
    basis: 'probability = 0.1 + 0.8 × closeness (0.5 + 0.5 × overlap / shorter duration when concurrent, else 0.5 / (1 + gap days)); impact days = 0.25 × shorter duration',
    detection: {
      method: `Watch pull requests of ${pa.id} and ${pb.id} touching ${shared}`,
      earlyWarningSigns: [
        `Both branches modify files under ${pr.shared[0]}`,
        `A rebase of ${second} onto ${first}'s changes fails or needs manual fixes`,
        `Claims on ${pr.shared[0]} refused while the other phase holds it`,
      ],
    },
    prevention: [`Merge ${first}'s changes to ${shared} before ${second} starts on them`, `Agree the interface of ${shared} up front and split ownership of the files inside it`],
    response: [`Rebase ${second} daily on the main branch`, `Resolve conflicts in ${shared} in a joint session of the two phases' owners`],
    contingency: `Serialise the two phases on ${shared}: about ${days(pr.impactDays)} of rework and re-testing.`,
  };
}
