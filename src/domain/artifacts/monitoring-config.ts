import type { Metric, MonitoringConfig } from '../../schemas/artifacts/monitoring-config.js';
import { percentValue, r2 } from '../format.js';
import type { MonteCarloResult } from '../montecarlo/index.js';
import type { Escalation } from '../model.js';
import { executionPlanId, type ArtifactContext } from './context.js';

/** Parallel efficiency if the plan took `makespan` working days: (sequential − makespan) ÷ sequential. */
const efficiencyAt = (sequential: number, makespan: number) => (sequential > 0 ? ((sequential - makespan) / sequential) * 100 : 0);

/** monitoring-config.json: the seed's metrics with targets and thresholds computed from this plan, and the controls they trigger. */
export function monitoringConfig(ctx: ArtifactContext, mc: MonteCarloResult): MonitoringConfig {
  const { project, metrics, schedule } = ctx.result;
  const esc = project.constraints.escalation;
  const seq = metrics.sequentialDuration;
  const overhead = metrics.coordinationOverheadPercent;
  const list: Metric[] = [
    {
      id: 'parallel_execution_efficiency',
      name: 'Parallel execution efficiency',
      subject: null,
      unit: 'percent',
      formula: '(Σ phase durations − elapsed span) ÷ Σ phase durations × 100, over finished phases',
      data_source: 'started and completed events (GET /plans/{id}/status → metrics.parallelEfficiencyPercent)',
      collection: 'on every completed event',
      direction: 'higher_is_better',
      planned: r2(metrics.parallelEfficiency),
      target: r2(metrics.parallelEfficiency),
      warning: r2(efficiencyAt(seq, mc.makespan.p80 - metrics.basisFromDay)),
      critical: r2(efficiencyAt(seq, mc.makespan.p95 - metrics.basisFromDay)),
      basis: `target = the plan's ${r2(metrics.parallelEfficiency)} %; warning = the efficiency if the plan ends at its P80 (${r2(mc.makespan.p80)} days), critical = at its P95 (${r2(mc.makespan.p95)} days)`,
    },
    {
      id: 'coordination_overhead',
      name: 'Coordination overhead',
      subject: null,
      unit: 'percent',
      formula: 'coordination time ÷ active session time × 100 (planned: sync points and stand-ups; measured: time sessions spend blocked)',
      data_source: 'blocked and unblocked events (metrics.coordinationOverheadPercent)',
      collection: 'on every blocked/unblocked event and hourly',
      direction: 'lower_is_better',
      planned: r2(overhead),
      target: r2(overhead),
      warning: r2(Math.min(100, Math.max(overhead * 1.5, overhead + 2))),
      critical: r2(Math.min(100, Math.max(overhead * 2, overhead + 5))),
      basis: `planned = ${r2(metrics.coordinationHours)} h in ${metrics.syncPoints} sync points and stand-ups of ${r2(metrics.coordinationHours + metrics.workHours)} session hours; warning at 1.5× (at least +2 points), critical at 2× (at least +5 points), both at most 100 %`,
    },
    {
      id: 'schedule_variance',
      name: 'Schedule variance (behind schedule)',
      subject: null,
      unit: 'percent',
      formula: '(planned value − earned value) ÷ planned value × 100 at the status time',
      data_source: 'progress and completed events against the planned schedule (metrics.behindSchedulePercent)',
      collection: 'on every event and on each status request',
      direction: 'lower_is_better',
      planned: 0,
      target: 0,
      warning: esc.scheduleVariancePercent,
      critical: 2 * esc.scheduleVariancePercent,
      basis: `warning = escalation.scheduleVariancePercent (${esc.scheduleVariancePercent} %), critical = twice that`,
    },
    ...project.teams.map((t): Metric => {
      // The one definition (capacity.ts): person-days ÷ (FTE × working days), as the status endpoint measures actuals.
      const load = metrics.teamLoads[t.index]!;
      const planned = load.utilisation;
      return {
        id: `utilisation_${t.id}`,
        name: `Utilisation of ${t.name}`,
        subject: t.id,
        unit: 'percent',
        formula: `busy person-days ÷ (${r2(t.capacity)} FTE × elapsed working days) × 100`,
        data_source: 'started and completed events of the team\'s phases (metrics.utilisationPercent)',
        collection: 'daily',
        direction: 'band',
        planned: percentValue(planned),
        target: percentValue(planned),
        warning: percentValue(Math.min(1, Math.max(0.85, planned + 0.1))),
        critical: percentValue(Math.min(1.1, Math.max(0.95, planned + 0.2))),
        warning_low: percentValue(Math.max(0, planned - 0.25)),
        basis: `planned from ${r2(load.workDays)} person-days on ${r2(t.capacity)} FTE (${t.size} people) over ${r2(metrics.parallelDuration)} days; high warning at max(85 %, planned + 10), low warning at planned − 25`,
      };
    }),
    ...project.infrastructure.map((r): Metric => {
      const planned = metrics.infrastructurePeak[r.index]!;
      return {
        id: `infrastructure_${r.id}`,
        name: `Peak use of ${r.name}`,
        subject: r.id,
        unit: 'percent',
        formula: `concurrent holders ÷ capacity ${r.capacity} × 100`,
        data_source: 'claims and completions of the phases holding the pool',
        collection: 'on every claim',
        direction: 'lower_is_better',
        planned: percentValue(planned),
        target: percentValue(planned),
        warning: percentValue(Math.max(planned, 0.9)),
        critical: 100,
        basis: `planned peak ${percentValue(planned)} %; warning at 90 % or the planned peak if higher, critical at capacity`,
      };
    }),
  ];
  const deadlineDay = mc.deadline?.day;
  if (deadlineDay !== undefined) {
    list.push(deadlineBufferMetric(deadlineDay, schedule.makespan, mc));
  }
  return {
    execution_plan_id: executionPlanId(ctx),
    monitoring_and_control: {
      metrics: list,
      control_mechanisms: controlMechanisms(esc, deadlineDay !== undefined),
      replan_policy: {
        triggers: [
          `schedule variance above ${2 * esc.scheduleVariancePercent} %`,
          `projected completion past the P80 date ${mc.completionDates.p80}`,
          'a team or infrastructure capacity changes',
        ],
        endpoint: 'POST /plans/{id}/replan',
        keeps: ['completed phases with their actual dates', 'running phases with their sessions and teams', 'the order of the rest where it can'],
      },
      reporting: { status_endpoint: 'GET /plans/{id}/status', event_stream: 'GET /plans/{id}/events', alerts_endpoint: 'GET /plans/{id}/alerts', poll_interval_seconds: Math.max(5, Math.floor(esc.heartbeatTimeoutSeconds / 3)) },
    },
  };
}

/** Working days between the projected completion and the deadline: planned from the schedule, warning from the P80. */
function deadlineBufferMetric(deadlineDay: number, makespan: number, mc: MonteCarloResult): Metric {
  const buffer = deadlineDay - makespan;
  return {
    id: 'deadline_buffer',
    name: 'Working days between projected completion and the deadline',
    subject: null,
    unit: 'working days',
    formula: 'deadline working day − projected completion',
    data_source: 'metrics.projectedMakespan in GET /plans/{id}/status',
    collection: 'on every status request',
    direction: 'higher_is_better',
    planned: r2(buffer),
    target: r2(buffer),
    warning: r2(deadlineDay - mc.makespan.p80),
    critical: 0,
    basis: `planned buffer ${r2(buffer)} days; warning when less than the P80 leaves (${r2(deadlineDay - mc.makespan.p80)}), critical when the projection passes the deadline`,
  };
}

/** What each alert does when it fires. */
function controlMechanisms(esc: Escalation, hasDeadline: boolean): MonitoringConfig['monitoring_and_control']['control_mechanisms'] {
  return [
    { id: 'ctl_variance_warning', trigger: `schedule_variance > ${esc.scheduleVariancePercent} %`, alert_kind: 'schedule_variance', severity: 'warning', action: 'alert raised and pushed on the event stream; reviewed at the next stand-up', automatic: true },
    { id: 'ctl_variance_critical', trigger: `schedule_variance > ${2 * esc.scheduleVariancePercent} %`, alert_kind: 'schedule_variance', severity: 'critical', action: 're-plan from the current state (POST /plans/{id}/replan)', automatic: false },
    { id: 'ctl_gate_failed', trigger: 'a quality gate fails', alert_kind: 'quality_gate_failed', severity: 'critical', action: 'dependents are refused (sync_point_pending) until the gate passes', automatic: true },
    { id: 'ctl_blocked', trigger: `a phase blocked > ${esc.blockedHours} h`, alert_kind: 'blocked_too_long', severity: 'critical', action: 'escalate to the coordination lead', automatic: true },
    { id: 'ctl_heartbeat', trigger: `no heartbeat for ${esc.heartbeatTimeoutSeconds} s`, alert_kind: 'session_expired', severity: 'critical', action: 'the claim is released so another session can take the phase', automatic: true },
    ...(hasDeadline
      ? [{ id: 'ctl_deadline', trigger: 'projected completion after the deadline', alert_kind: 'deadline_at_risk', severity: 'critical' as const, action: 're-plan and decide on scope or staffing', automatic: true }]
      : []),
  ];
}
