import type { Metric, MonitoringConfig } from '../../schemas/artifacts/monitoring-config.js';
import { percentValue, plural, r2 } from '../format.js';
import type { MonteCarloResult } from '../montecarlo/index.js';
import { executionPlanId, isCritical, type ArtifactContext } from './context.js';
import { planMetrics } from './monitoring-metrics.js';
import { contractPairs } from './shared-work.js';
import { monthlyDates, weeklyDates } from './plan-dates.js';

type Monitoring = MonitoringConfig['monitoring_and_control'];

/** monitoring-config.json: the strategy's metrics with this plan's figures beside the targets, controls, assessments and success metrics. */
export function monitoringConfig(ctx: ArtifactContext, mc: MonteCarloResult): MonitoringConfig {
  const { project } = ctx.result;
  const esc = project.constraints.escalation;
  const list: Metric[] = planMetrics(ctx, mc);
  const deadlineDay = mc.deadline?.day;
  if (deadlineDay !== undefined) list.push(deadlineBufferMetric(deadlineDay, ctx.result.schedule.makespan, mc));
  const n = project.phases.length;
  return {
    execution_plan_id: executionPlanId(ctx),
    monitoring_and_control: {
      metrics: list,
      control_mechanisms: controlMechanisms(ctx, deadlineDay !== undefined),
      replan_policy: {
        triggers: [
          `schedule variance above ${2 * esc.scheduleVariancePercent} % of the ${r2(ctx.result.metrics.sequentialDuration)} planned working days`,
          `projected completion past the P80 date ${mc.completionDates.p80}`,
          `a capacity change in ${[...project.teams.map((t) => t.id), ...project.infrastructure.map((r) => r.id)].slice(0, 6).join(', ')}`,
        ],
        endpoint: 'POST /plans/{id}/replan',
        keeps: [
          `completed phases of the ${n} with their actual dates`,
          `running phases with their sessions and teams (${project.teams.map((t) => t.id).join(', ')})`,
          `the planned order of the rest (${n} phases in ${ctx.result.waves.length} waves) where it can`,
        ],
      },
      reporting: {
        status_endpoint: 'GET /plans/{id}/status',
        event_stream: 'GET /plans/{id}/events',
        alerts_endpoint: 'GET /plans/{id}/alerts',
        poll_interval_seconds: Math.max(5, Math.floor(esc.heartbeatTimeoutSeconds / 3)),
      },
      periodic_assessment: periodicAssessment(ctx, mc),
      success_metrics: successMetrics(ctx, mc, list),
    },
  };
}

/** Working days between the projected completion and the deadline; the target is the buffer the P95 needs. */
function deadlineBufferMetric(deadlineDay: number, makespan: number, mc: MonteCarloResult): Metric {
  const buffer = r2(deadlineDay - makespan);
  const target = r2(Math.max(0, mc.makespan.p95 - makespan));
  return {
    id: 'deadline_buffer',
    name: 'Working days between projected completion and the deadline',
    subject: null,
    unit: 'working days',
    formula: `deadline working day ${r2(deadlineDay)} − projected completion (planned ${r2(makespan)})`,
    data_source: `metrics.projectedMakespan in GET /plans/{id}/status against the deadline ${mc.deadline!.date}`,
    collection: `on every status request until ${mc.deadline!.date}`,
    direction: 'higher_is_better',
    target,
    target_source: 'monte_carlo',
    planned: buffer,
    planned_meets_target: buffer >= target - 1e-9,
    warning: r2(deadlineDay - mc.makespan.p80),
    critical: 0,
    basis: `target: room for the P95 (${r2(mc.makespan.p95)} days, ${target} past the plan); this plan leaves ${buffer}; warning when less than the P80 leaves (${r2(deadlineDay - mc.makespan.p80)}), critical when the projection passes the deadline`,
  };
}

/** What each alert does when it fires, naming what it holds in this plan. */
function controlMechanisms(ctx: ArtifactContext, hasDeadline: boolean): Monitoring['control_mechanisms'] {
  const { project, waves } = ctx.result;
  const esc = project.constraints.escalation;
  const critical = project.phases.filter((p) => isCritical(ctx, p.index)).map((p) => p.id);
  const standups = waves.filter((w) => w.maxConcurrent > 1).length;
  return [
    {
      id: 'ctl_variance_warning',
      trigger: `schedule_variance > ${esc.scheduleVariancePercent} %`,
      alert_kind: 'schedule_variance',
      severity: 'warning',
      action: `alert on the event stream; reviewed at the next of ${plural(standups, 'wave stand-up')} or the weekly review`,
      automatic: true,
    },
    {
      id: 'ctl_variance_critical',
      trigger: `schedule_variance > ${2 * esc.scheduleVariancePercent} %`,
      alert_kind: 'schedule_variance',
      severity: 'critical',
      action: `re-plan from the current state (POST /plans/{id}/replan), ${plural(critical.length, 'critical phase')} first: ${critical.slice(0, 4).join(', ')}`,
      automatic: false,
    },
    {
      id: 'ctl_gate_failed',
      trigger: `one of ${plural(waves.length, 'wave gate')} fails`,
      alert_kind: 'quality_gate_failed',
      severity: 'critical',
      action: `dependents are refused (sync_point_pending) until the gate passes; gate_wave_1 holds ${waves.length > 1 ? waves[1]!.phases.length : 0} phases of wave 2`,
      automatic: true,
    },
    {
      id: 'ctl_blocked',
      trigger: `a phase blocked > ${esc.blockedHours} h`,
      alert_kind: 'blocked_too_long',
      severity: 'critical',
      action: `escalate to the coordination lead (${project.teams.length} teams' leads informed)`,
      automatic: true,
    },
    {
      id: 'ctl_heartbeat',
      trigger: `no heartbeat for ${esc.heartbeatTimeoutSeconds} s`,
      alert_kind: 'session_expired',
      severity: 'critical',
      action: `the claim is released so another session of the same team can take the phase (${project.phases.length} slots)`,
      automatic: true,
    },
    ...(hasDeadline
      ? [
          {
            id: 'ctl_deadline',
            trigger: `projected completion after ${project.constraints.deadline}`,
            alert_kind: 'deadline_at_risk',
            severity: 'critical' as const,
            action: `re-plan and decide on scope or staffing of ${critical.slice(0, 3).join(', ')}`,
            automatic: true,
          },
        ]
      : []),
  ];
}

/** The reviews of the strategy's monitoring framework, on this plan's dates; a quarterly review only when the plan spans three months. */
function periodicAssessment(ctx: ArtifactContext, mc: MonteCarloResult): Monitoring['periodic_assessment'] {
  const { project, waves, metrics } = ctx.result;
  const teams = project.teams.filter((t) => metrics.teamLoads[t.index]!.phases.length > 0).map((t) => t.id);
  const weeks = weeklyDates(ctx);
  const months = monthlyDates(ctx);
  const critical = project.phases.filter((p) => isCritical(ctx, p.index)).length;
  const out: Monitoring['periodic_assessment'] = [
    {
      id: 'weekly_progress_review',
      cadence: 'weekly',
      dates: weeks,
      participants: teams,
      metrics: ['schedule_variance', 'coordination_overhead'],
      focus: [
        `variance against ${plural(project.phases.length, 'planned finish', 'planned finishes')}, ${critical} of them critical`,
        `projected completion against P80 ${mc.completionDates.p80}`,
      ],
    },
    {
      id: 'monthly_efficiency_assessment',
      cadence: 'monthly',
      dates: months,
      participants: teams,
      metrics: ['parallel_execution_efficiency', ...project.teams.map((t) => `utilisation_${t.id}`)],
      focus: [
        `efficiency against the planned ${r2(metrics.parallelEfficiency)} %`,
        `utilisation of ${teams.join(', ')} against ${project.constraints.successTargets.utilisationPercent} %`,
      ],
    },
    {
      id: 'wave_retrospective',
      cadence: 'at each wave end',
      dates: waves.map((w) => ctx.calendar.finishDate(w.start, w.finish)),
      participants: teams,
      metrics: ['coordination_overhead'],
      focus: waves.slice(0, 10).map((w) => `wave ${w.index + 1}: ${plural(w.phases.length, 'phase')}, planned to end on day ${r2(w.finish)}`),
    },
  ];
  if (months.length > 3) {
    out.push({
      id: 'quarterly_strategy_review',
      cadence: 'quarterly',
      dates: months.filter((_, k) => k % 3 === 0),
      participants: teams,
      metrics: ['parallel_execution_efficiency'],
      focus: [`the wave strategy of ${waves.length} waves over ${months.length} months`],
    });
  }
  out.push({
    id: 'post_project_retrospective',
    cadence: 'once, after completion',
    dates: [mc.completionDates.planned],
    participants: teams,
    metrics: ['parallel_execution_efficiency', 'coordination_overhead', 'schedule_variance'],
    focus: [
      `actual completion against the planned ${mc.completionDates.planned} and P50 ${mc.completionDates.p50}`,
      `${metrics.syncPoints + contractPairs(ctx).length} sync points: which held, which slipped`,
    ],
  });
  return out;
}

/** Quantitative, qualitative and business success metrics, each with this plan's figure. */
function successMetrics(ctx: ArtifactContext, mc: MonteCarloResult, metricList: Metric[]): Monitoring['success_metrics'] {
  const { project, metrics } = ctx.result;
  const targets = project.constraints.successTargets;
  const eff = metricList.find((m) => m.id === 'parallel_execution_efficiency')!;
  const personDays = metrics.teamLoads.reduce((a, l) => a + l.workDays, 0);
  // Hand-overs and wave boundaries (metrics.syncPoints) and the mid-wave contracts: every sync point of coordination-protocols.json.
  const syncPoints = metrics.syncPoints + contractPairs(ctx).length;
  return {
    quantitative: [
      {
        id: 'time_reduction',
        name: `Time reduction against ${r2(metrics.sequentialDuration)} days one phase after another`,
        unit: 'percent',
        target: targets.timeReductionPercent,
        planned: r2(metrics.timeSavingsPercent),
        measured_by: `(${r2(metrics.sequentialDuration)} − actual span) ÷ ${r2(metrics.sequentialDuration)} working days`,
      },
      {
        id: 'parallel_execution_efficiency',
        name: eff.name,
        unit: 'percent',
        target: eff.target,
        planned: eff.planned,
        measured_by: `metric parallel_execution_efficiency (planned ${eff.planned} %)`,
      },
      {
        id: 'resource_efficiency',
        name: `Utilisation of the ${project.teams.length} teams`,
        unit: 'percent',
        target: targets.utilisationPercent,
        planned: percentValue(metrics.utilisation),
        measured_by: `${r2(personDays)} person-days ÷ usable FTE × elapsed days`,
      },
      {
        id: 'coordination_overhead',
        name: 'Coordination overhead',
        unit: 'percent',
        target: targets.coordinationOverheadPercent,
        planned: r2(metrics.coordinationOverheadPercent),
        measured_by: `metric coordination_overhead (planned ${r2(metrics.coordinationOverheadPercent)} %)`,
      },
    ],
    qualitative: [
      {
        id: 'coordination_effectiveness',
        name: `${syncPoints} sync points passed on their planned day`,
        unit: 'sync points',
        target: syncPoints,
        planned: syncPoints,
        measured_by: `sync points of coordination-protocols.json passed without a sync_point_pending refusal (${syncPoints} planned)`,
      },
      {
        id: 'team_satisfaction',
        name: `Teams of ${project.teams.length} reporting workable load at the ${ctx.result.waves.length} wave retrospectives`,
        unit: 'teams',
        target: project.teams.length,
        planned: project.teams.filter((t) => metrics.teamLoads[t.index]!.utilisation <= 1 + 1e-9).length,
        measured_by: `wave retrospectives of ${project.teams.map((t) => t.id).join(', ')}; planned: teams within their usable capacity`,
      },
    ],
    business: [
      {
        id: 'delivery_date',
        name: 'Delivery date',
        unit: 'date',
        target: project.constraints.deadline ?? mc.completionDates.p80,
        planned: mc.completionDates.planned,
        measured_by: project.constraints.deadline
          ? `completion against the deadline ${project.constraints.deadline}`
          : `completion against the P80 ${mc.completionDates.p80} (no deadline given)`,
      },
      {
        id: 'resource_cost',
        name: `Person-days of work of ${project.phases.length} phases`,
        unit: 'person-days',
        target: null,
        planned: r2(personDays),
        measured_by: `busy person-days of the ${project.teams.length} teams from the event log`,
      },
      {
        id: 'value_delivery',
        name: 'Phases delivered',
        unit: 'phases',
        target: project.phases.length,
        planned: project.phases.length,
        measured_by: `completed events of the ${project.phases.length} phases with their gate passed`,
      },
    ],
  };
}
