import { days, figure, percent } from '../../format.js';
import type { RiskContext } from './context.js';

/** The simulated completion as the schedule-uncertainty and deadline risks describe it. */
export function completionSpread(ctx: RiskContext) {
  const { mc, phases, ci } = ctx;
  const { p50, p80, p95, mean, stdDev } = mc.makespan;
  const planned = mc.plannedMakespan;
  const dates = mc.completionDates;
  // The five phases most often on a longest path.
  const topCritical = phases
    .map((p) => p.index)
    .filter((j) => ci[j]! > 0)
    .sort((a, b) => ci[b]! - ci[a]! || a - b)
    .slice(0, 5);
  const ids = topCritical.map((j) => phases[j]!.id);
  return {
    planned,
    p95,
    topCritical: ids,
    topCriticalTeams: ctx.teamsOf(topCritical).map((t) => ctx.teams[t]!.id),
    /** "db-schema 80 %, api 64 %", or "none". */
    criticalText: topCritical.map((j) => `${phases[j]!.id} ${percent(ci[j]!)}`).join(', ') || 'none',
    spreadText:
      `Over ${mc.iterations} simulations the completion is ${figure(mean)} ± ${days(stdDev, true)} (planned ${figure(planned)}, ${dates.planned}): ` +
      `P50 ${figure(p50)} (${dates.p50}), P80 ${figure(p80)} (${dates.p80}), P95 ${figure(p95)} (${dates.p95}).`,
  };
}
