import type { Wave } from '../../model.js';
import { days, figure, list, percent, plural } from '../../format.js';
import { clamp, EPS, sweepLevels, type RiskContext } from './context.js';
import { MAX_PER_CATEGORY, type RiskDraft } from './risk.js';

/** Waves running more phases at once than the coordination capacity (maxConcurrentSessions, else the number of teams). */
export function coordinationCapacityRisks(ctx: RiskContext): RiskDraft[] {
  const capacity = ctx.project.constraints.maxConcurrentSessions ?? ctx.teams.length;
  const wide = ctx.result.waves.filter((w) => w.maxConcurrent > capacity).sort((a, b) => b.maxConcurrent - a.maxConcurrent || a.index - b.index);
  return wide.slice(0, MAX_PER_CATEGORY.coordination_capacity).map((w) => wideWaveRisk(ctx, w, capacity));
}

function wideWaveRisk(ctx: RiskContext, w: Wave, capacity: number): RiskDraft {
  const source = ctx.project.constraints.maxConcurrentSessions !== undefined ? 'the max-concurrent-sessions limit' : 'the number of teams';
  const load = w.maxConcurrent / capacity;
  // How long the wave runs above capacity, and the phase-days above it.
  let overTime = 0;
  let excessWork = 0;
  const intervals = w.phases.filter((j) => ctx.dur(j) > EPS).map((j) => ({ from: ctx.start[j]!, to: ctx.finish[j]!, weight: 1 }));
  sweepLevels(intervals, (level, span) => {
    if (level <= capacity) return;
    overTime += span;
    excessWork += (level - capacity) * span;
  });
  // probability = peak / capacity − 0.5, clamped to 0.05..0.95 (at 1.5 × capacity and above: 0.95).
  const probability = clamp(load - 0.5, 0.05, 0.95);
  // impact days = phase-days run above capacity / capacity: how far the wave stretches if the excess phases wait.
  const impactDays = excessWork / capacity;
  const waveTeams = ctx.teamsOf(w.phases);
  const k = w.index + 1;
  return {
    category: 'coordination_capacity',
    title: `Wave ${k} runs ${w.maxConcurrent} phases at once; coordination capacity is ${capacity}`,
    description:
      `Wave ${k} (${w.kind}, days ${figure(w.start)}–${figure(w.finish)}, ${ctx.calendar.dateOf(w.start)} to ${ctx.dateAt(w.finish)}) has ${plural(w.phases.length, 'phase')} and peaks at ${w.maxConcurrent} running together, ` +
      `${percent(load - 1)} above ${source} (${capacity}); it runs above that for ${days(overTime, true)}, ${figure(excessWork)} phase-days in excess. Teams involved: ${list(waveTeams.map(ctx.teamName), 6)}.`,
    phases: w.phases.map((j) => ctx.phases[j]!.id),
    teams: waveTeams.map((t) => ctx.teams[t]!.id),
    probability,
    impactDays,
    basis: 'probability = peak concurrent phases / coordination capacity − 0.5, clamped to 0.05..0.95; impact days = phase-days running above capacity / capacity',
    detection: {
      method: `Count active sessions in wave ${k} daily against ${capacity}`,
      earlyWarningSigns: [
        `More than ${capacity} sessions active at once`,
        `Hand-over or review requests waiting over a day in wave ${k}`,
        `Integration failures between phases of wave ${k}`,
      ],
    },
    prevention: [`Stagger the starts in wave ${k} so that at most ${capacity} phases overlap`, `Name one integration owner for wave ${k} and hold a daily sync while it runs`],
    response: [`Pause the lowest-priority phase of wave ${k} with the most slack until a running one finishes`],
    contingency: `Set maxConcurrentSessions to ${capacity} and re-plan: the wave then stretches by about ${days(impactDays)} instead of failing at integration.`,
  };
}
