import type { Metric } from '../../schemas/artifacts/monitoring-config.js';
import { overheadShare, utilisationOf } from '../efficiency.js';
import { percentValue, r2 } from '../format.js';
import type { MonteCarloResult } from '../montecarlo/index.js';
import { RISK_THRESHOLDS } from './risks/risk.js';
import type { ArtifactContext } from './context.js';

/** The strategy's parallel execution efficiency target, percent (seed: 65 %, warning 50, critical 40). */
export const STRATEGY_EFFICIENCY_TARGET = 65;

/** Parallel efficiency if the plan took `makespan` working days: (sequential − makespan) ÷ sequential. */
const efficiencyAt = (sequential: number, makespan: number) => (sequential > 0 ? ((sequential - makespan) / sequential) * 100 : 0);

const meets = (direction: Metric['direction'], planned: number, target: number) => (direction === 'lower_is_better' ? planned <= target + 1e-9 : planned >= target - 1e-9);

/**
 * The plan-wide metrics: each target is the strategy's (or the input's), the plan's own figure is
 * `planned` beside it, and the thresholds come from the Monte Carlo spread (P80, P95).
 */
export function planMetrics(ctx: ArtifactContext, mc: MonteCarloResult): Metric[] {
  const { project, metrics } = ctx.result;
  const input = ctx.input;
  const n = project.phases.length;
  const seq = metrics.sequentialDuration;
  const from = metrics.basisFromDay;
  const p80 = mc.makespan.p80 - from;
  const p95 = mc.makespan.p95 - from;
  const planned = Math.max(1e-9, metrics.parallelDuration);
  const effTarget = input.monitoring?.parallelEfficiencyPercent ?? STRATEGY_EFFICIENCY_TARGET;
  const eff = r2(metrics.parallelEfficiency);
  const effWarning = r2(Math.min(effTarget, efficiencyAt(seq, p80)));
  const effCritical = r2(Math.min(effWarning, efficiencyAt(seq, p95)));
  // Stand-ups run as long as the work does: stretched to a percentile, coordination hours grow in proportion, work hours do not.
  const overheadAt = (span: number) => overheadShare(metrics.coordinationHours * (span / planned), metrics.workHours);
  const ohTarget = project.constraints.successTargets.coordinationOverheadPercent;
  const oh = r2(metrics.coordinationOverheadPercent);
  const ohWarning = r2(Math.min(100, Math.max(1.5 * ohTarget, overheadAt(p80))));
  const ohCritical = r2(Math.min(100, Math.max(2 * ohTarget, overheadAt(p95), ohWarning)));
  const esc = project.constraints.escalation;
  const spreadPercent = r2(((mc.makespan.p80 - mc.plannedMakespan) / Math.max(1e-9, mc.plannedMakespan)) * 100);
  const given = input.constraints?.successCriteria ?? {};
  return [
    {
      id: 'parallel_execution_efficiency',
      name: `Parallel execution efficiency of the ${n} phases`,
      subject: null,
      unit: 'percent',
      formula: `(Σ durations of finished phases − their elapsed span) ÷ Σ durations × 100; planned (${r2(seq)} − ${r2(planned)}) ÷ ${r2(seq)} × 100`,
      data_source: `started and completed events of the ${n} phases (GET /plans/{id}/status → metrics.parallelEfficiencyPercent)`,
      collection: `on each of the ${n} completed events`,
      direction: 'higher_is_better',
      target: effTarget,
      target_source: input.monitoring?.parallelEfficiencyPercent !== undefined ? 'input' : 'strategy',
      planned: eff,
      planned_meets_target: meets('higher_is_better', eff, effTarget),
      warning: effWarning,
      critical: effCritical,
      basis: `target ${effTarget} %${input.monitoring?.parallelEfficiencyPercent !== undefined ? ' (input)' : ' (the strategy’s)'}, this plan ${eff} %; warning at the efficiency if the work ends at its P80 (${r2(mc.makespan.p80)} days: ${r2(efficiencyAt(seq, p80))} %), critical at its P95 (${r2(mc.makespan.p95)} days: ${r2(efficiencyAt(seq, p95))} %), neither above the target`,
    },
    {
      id: 'coordination_overhead',
      name: `Coordination overhead of the ${n} sessions`,
      subject: null,
      unit: 'percent',
      formula: `coordination ÷ (work + coordination) session hours × 100; planned ${r2(metrics.coordinationHours)} ÷ (${r2(metrics.workHours)} + ${r2(metrics.coordinationHours)}) × 100`,
      data_source: `blocked and unblocked events of the ${n} sessions, ${metrics.syncPoints} sync points (metrics.coordinationOverheadPercent)`,
      collection: `on every blocked/unblocked event of the ${n} sessions, and hourly`,
      direction: 'lower_is_better',
      target: ohTarget,
      target_source: given.coordinationOverheadPercent !== undefined ? 'input' : 'strategy',
      planned: oh,
      planned_meets_target: meets('lower_is_better', oh, ohTarget),
      warning: ohWarning,
      critical: ohCritical,
      basis: `target ≤ ${ohTarget} %, this plan ${oh} % (${r2(metrics.coordinationHours)} h of ${r2(metrics.coordinationHours + metrics.workHours)} session hours); stand-ups stretched to the P80 give ${r2(overheadAt(p80))} %, to the P95 ${r2(overheadAt(p95))} %: warning at the larger of that and 1.5 × target, critical at the larger of that and 2 × target`,
    },
    {
      id: 'schedule_variance',
      name: `Schedule variance of the ${n} phases (behind schedule)`,
      subject: null,
      unit: 'percent',
      formula: `(planned value − earned value) ÷ planned value × 100 over the ${n} phases' ${r2(seq)} planned working days`,
      data_source: `progress and completed events against the schedule ending ${mc.completionDates.planned} (metrics.behindSchedulePercent)`,
      collection: `on every event and status request until ${mc.completionDates.planned}`,
      direction: 'lower_is_better',
      target: 0,
      target_source: 'strategy',
      planned: 0,
      planned_meets_target: true,
      warning: esc.scheduleVariancePercent,
      critical: 2 * esc.scheduleVariancePercent,
      basis: `on schedule is the target; warning = escalation.scheduleVariancePercent (${esc.scheduleVariancePercent} %), critical = twice that; the Monte Carlo P80 is ${spreadPercent} % past the planned ${r2(mc.plannedMakespan)} days`,
    },
    ...teamMetrics(ctx, mc, given.utilisationPercent !== undefined),
    ...poolMetrics(ctx),
  ];
}

/** Per team: utilisation against the strategy's target, with a low warning where the P80 stretch would leave it. */
function teamMetrics(ctx: ArtifactContext, mc: MonteCarloResult, fromInput: boolean): Metric[] {
  const { project, metrics } = ctx.result;
  const target = project.constraints.successTargets.utilisationPercent;
  const p80 = mc.makespan.p80 - metrics.basisFromDay;
  const buffer = project.constraints.capacityBuffer;
  return project.teams.map((t): Metric => {
    // The one definition (capacity.ts): person-days ÷ (FTE × working days), as the status endpoint measures actuals.
    const load = metrics.teamLoads[t.index]!;
    const planned = percentValue(load.utilisation);
    const atP80 = percentValue(utilisationOf(load.workDays, t.capacity, p80));
    const whole = r2(100 / (1 - buffer));
    return {
      id: `utilisation_${t.id}`,
      name: `Utilisation of ${t.name}`,
      subject: t.id,
      unit: 'percent',
      formula: `busy person-days of ${t.id} ÷ (${r2(t.capacity)} FTE × elapsed working days) × 100`,
      data_source: `started and completed events of ${t.id}'s ${load.phases.length} phases (metrics.utilisationPercent)`,
      collection: `daily, for the ${t.size} people of ${t.id}`,
      direction: 'band',
      target,
      target_source: fromInput ? 'input' : 'strategy',
      planned,
      planned_meets_target: planned >= target - 1e-9,
      warning: 100,
      critical: whole,
      warning_low: r2(Math.min(target, atP80)),
      basis: `target ≥ ${target} %, this plan ${planned} % (${r2(load.workDays)} person-days on ${r2(t.capacity)} FTE over ${r2(metrics.parallelDuration)} days); low warning at the P80 stretch (${atP80} %) or the target if lower; high warning at 100 % of usable capacity, critical at ${whole} % (the ${percentValue(buffer)} % buffer used up)`,
    };
  });
}

/** Per pool: peak use against the shared-infrastructure risk threshold, critical at capacity. */
function poolMetrics(ctx: ArtifactContext): Metric[] {
  const { project, metrics } = ctx.result;
  const target = percentValue(RISK_THRESHOLDS.poolPeak);
  return project.infrastructure.map((r): Metric => {
    const planned = percentValue(metrics.infrastructurePeak[r.index]!);
    const holders = project.phases.filter((p) => p.resources.has(r.index)).map((p) => p.id);
    return {
      id: `infrastructure_${r.id}`,
      name: `Peak use of ${r.name}`,
      subject: r.id,
      unit: 'percent',
      formula: `holders of ${r.id} at once ÷ its ${r.capacity} units × 100`,
      data_source: `claims and completions of the ${holders.length} phases holding ${r.id}${holders.length > 0 ? ` (${holders.slice(0, 4).join(', ')}${holders.length > 4 ? ', …' : ''})` : ''}`,
      collection: `on every claim of ${r.id}`,
      direction: 'lower_is_better',
      target,
      target_source: 'strategy',
      planned,
      planned_meets_target: planned <= target + 1e-9,
      warning: r2((target + 100) / 2),
      critical: 100,
      basis: `target ≤ ${target} % (the shared-infrastructure risk threshold), this plan peaks at ${planned} % of ${r.capacity} units; warning halfway to capacity, critical at capacity`,
    };
  });
}
