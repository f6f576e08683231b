import type { CoordinationProtocols } from '../../schemas/artifacts/coordination-protocols.js';
import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import type { MonitoringConfig } from '../../schemas/artifacts/monitoring-config.js';
import type { RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import type { WaveSchedules } from '../../schemas/artifacts/wave-schedules.js';
import type { ArtifactContext } from './context.js';
import { percent } from '../format.js';
import { sequentialCause } from '../advisor/criteria.js';
import { mermaidGantt } from './gantt.js';

/** Sections contributed by the coordination, risk and monitoring builders. */
export interface DocumentSection {
  title: string;
  body: string[];
}

const table = (head: string[], rows: (string | number)[][]) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
];

/** The strategy document in Markdown: roadmap, waves, critical path, assignments and the derived sections. */
export function strategyDocument(ctx: ArtifactContext, plan: ExecutionPlan, waves: WaveSchedules, sections: DocumentSection[] = []): string {
  const pc = plan.project_context;
  const opt = plan.optimisation;
  const sequential = sequentialCause(ctx.result);
  const criteria = plan.success_criteria;
  const missed = criteria.filter((c) => !c.met);
  const top = plan.recommendations.items[0];
  const lines: string[] = [
    `# ${pc.name} — parallel execution strategy`,
    '',
    ...(sequential ? [`**${sequential[0]!.toUpperCase()}${sequential.slice(1)}.**`, ''] : []),
    missed.length === 0
      ? `Meets all ${criteria.length} success criteria.`
      : `Misses ${missed.length} of ${criteria.length} success criteria: ${missed.map((c) => c.name.toLowerCase()).join(', ')}.` +
        (top ? ` Best change found by re-planning: ${top.description} (${top.makespan_days} days, ${top.saved_days >= 0 ? `${top.saved_days} saved` : `${-top.saved_days} longer`}).` : ''),
    '',
    ...table(
      ['Criterion', 'Target', 'Value', 'Met', 'Why'],
      criteria.map((c) => [
        c.name,
        `${c.comparison === 'at_least' ? '≥' : '≤'} ${c.target}${c.target_max !== undefined ? `–${c.target_max}` : ''}${c.unit === 'percent' ? ' %' : ' days'}`,
        `${c.value}${c.unit === 'percent' ? ' %' : ''}`,
        c.met ? 'yes' : '**no**',
        c.explanation,
      ]),
    ),
    '',
    `Execution plan \`${plan.execution_plan_id}\`: ${pc.phases} phases, ${pc.teams} teams, from **${pc.start_date}** to **${pc.completion_date}**` +
      (pc.deadline ? ` (deadline ${pc.deadline}: ${pc.deadline_met ? 'met' : '**missed**'}).` : '.'),
    ...(pc.description ? ['', pc.description] : []),
    '',
    '## Roadmap',
    '',
    `Done one after another the phases take ${pc.sequential_duration_days} working days; run in parallel waves they take ` +
      `${pc.parallel_duration_days}, saving ${pc.time_savings_days} days (${pc.time_savings_percent} %).`,
    `No schedule can be shorter than ${opt.lower_bounds.best_days} working days (critical path ${opt.lower_bounds.critical_path_days}, ` +
      `resource bound ${opt.lower_bounds.resource_days}); this one is ${opt.proven_optimal ? '**proven optimal**' : `${opt.gap_percent} % above that bound`}. ` +
      `The search evaluated ${opt.search.schedules_evaluated} schedules (seed ${opt.search.seed}); the best priority rule alone gave ${opt.search.best_priority_rule_makespan_days} days.`,
    '',
    mermaidGantt(ctx),
    '',
    '## Waves',
    '',
    ...table(
      ['Wave', 'Kind', 'Dates', 'Phases', 'Teams', 'Peak sessions'],
      waves.waves.map((w) => [w.wave, w.kind, `${w.start_date} → ${w.finish_date}`, w.phases.map((p) => p.id).join(', '), w.teams.join(', '), w.max_concurrent_sessions]),
    ),
    '',
  ];
  for (const w of waves.waves) {
    const blockers = w.blocking_factors.filter((b) => b.kind === 'blocks_dependents').slice(0, 3);
    const waits = w.blocking_factors.filter((b) => b.kind === 'resource_wait');
    if (blockers.length + waits.length === 0) continue;
    lines.push(`**${w.name}.** ` + [...blockers, ...waits].map((b) => b.description).join('; ') + '.', '');
  }
  lines.push(
    '## Critical path',
    '',
    `The longest dependency chain is ${plan.critical_path.length_days} working days: ${plan.critical_path.phases.join(' → ') || '—'}.`,
    `Under team and infrastructure limits, these phases cannot slip without moving the finish: ${plan.critical_path.resource_constrained_phases.join(', ') || '—'}.`,
    '',
    ...table(
      ['Phase', 'Team', 'Start', 'Finish', 'Days', 'Slack (dependencies)', 'Slack (schedule)'],
      plan.schedule.map((s) => {
        const slack = plan.critical_path.slack.find((x) => x.id === s.id)!;
        return [`${s.critical ? '**' : ''}${s.name}${s.critical ? '**' : ''}`, s.team ?? '—', s.start_date, s.finish_date, s.duration_days, slack.total_slack_days, slack.schedule_slack_days];
      }),
    ),
    '',
    '## Teams and resources',
    '',
    ...table(
      ['Team', 'Usable (FTE)', 'Phases', 'Person-days', 'Utilisation'],
      plan.resource_analysis.teams.map((t) => [t.name, `${t.usable_capacity} FTE of ${t.size}`, t.assigned_phases.join(', ') || '—', t.work_days, `${t.utilisation_percent} %`]),
    ),
    '',
  );
  if (plan.resource_analysis.infrastructure.length > 0) {
    lines.push(
      ...table(
        ['Infrastructure', 'Capacity', 'Peak use', 'Phases'],
        plan.resource_analysis.infrastructure.map((r) => [r.name, r.capacity, `${r.peak_utilisation_percent} %`, r.phases.join(', ')]),
      ),
      '',
    );
  }
  lines.push(...recommendationSection(plan));
  for (const s of sections) lines.push(`## ${s.title}`, '', ...s.body, '');
  lines.push(
    '## Metrics',
    '',
    `Parallel efficiency ${plan.metrics.parallel_efficiency_percent} %, estimated coordination overhead ${plan.metrics.coordination_overhead_percent} % of effort, ` +
      `${plan.metrics.sync_points} synchronization points, at most ${plan.metrics.max_concurrent_sessions} sessions at once.`,
    '',
  );
  return lines.join('\n');
}

/** What re-planning changed inputs found, and the bottleneck team's trade-off curve. */
function recommendationSection(plan: ExecutionPlan): string[] {
  const rec = plan.recommendations;
  if (rec.evaluated === 0) return [];
  const out = ['## Recommendations', '', `${rec.evaluated} changed inputs re-planned (${rec.candidates} candidate changes${rec.complete ? '' : ', stopped by the time budget'}).`, ''];
  if (rec.items.length > 0) {
    out.push(
      ...table(
        ['Change', 'Makespan', 'Saved', 'Utilisation', 'Added capacity', 'Helps'],
        rec.items.map((r) => [r.description, r.makespan_days, `${r.saved_days} (${r.saved_percent} %)`, `${r.utilisation_percent} %`, r.added_capacity.unit === 'none' ? '—' : `${r.added_capacity.amount} ${r.added_capacity.unit}`, r.targets.join(', ') || '—']),
      ),
      '',
    );
  } else out.push('No candidate change shortened the plan or moved a missed criterion.', '');
  if (rec.trade_off) {
    out.push(`Trade-off for ${rec.trade_off.team}: ` + rec.trade_off.points.map((p) => `${p.size} people → ${p.makespan_days} days`).join(', ') + '.', '');
  }
  return out;
}

/** Coordination, risk and monitoring sections of the strategy document, from their artifacts. */
export function documentSections(coordination: CoordinationProtocols, risk: RiskMitigationPlan, monitoring: MonitoringConfig): DocumentSection[] {
  const sc = coordination.session_coordination;
  const cp = coordination.coordination_protocols;
  const sr = risk.schedule_risk;
  const handovers = cp.synchronization_points.filter((s) => s.kind === 'handover');
  const maxRows = 40;
  return [
    {
      title: 'Coordination',
      body: [
        `${sc.sessions.length} sessions (one per phase), at most ${sc.peak_concurrent_sessions} at once${sc.max_concurrent_sessions !== null ? ` (limit ${sc.max_concurrent_sessions})` : ''}. ` +
          `Sessions send a heartbeat every ${sc.heartbeat_interval_seconds} s; one silent for ${sc.heartbeat_timeout_seconds} s loses its claim.`,
        '',
        `${handovers.length} hand-overs between teams and ${cp.synchronization_points.length - handovers.length} wave boundaries are synchronization points:`,
        '',
        ...table(
          ['Sync point', 'Date', 'Hand-over', 'Trigger', 'Teams'],
          cp.synchronization_points
            .slice(0, maxRows)
            .map((s) => [s.sync_id, s.planned_date, s.kind === 'handover' ? s.phases.join(' → ') : `wave boundary (${s.phases.length} phases)`, s.trigger, s.participants.join(', ')]),
        ),
        ...(cp.synchronization_points.length > maxRows ? ['', `… and ${cp.synchronization_points.length - maxRows} more in coordination-protocols.json.`] : []),
        '',
        'Meetings: ' +
          cp.communication_schedule
            .filter((m) => m.kind !== 'handover_meeting' && m.kind !== 'contract_meeting')
            .map((m) => `${m.name} (${m.cadence}, ${m.duration_minutes} min, ${m.participants.join(', ')}, ${m.start_date} → ${m.finish_date})`)
            .join('; ') +
          '.',
        '',
        'Escalation: ' + cp.escalation.rules.map((r) => `${r.condition} → ${r.action}`).join('; ') + '.',
      ],
    },
    {
      title: 'Risks',
      body: [
        `Monte Carlo (${sr.iterations} runs, seed ${sr.seed}): P50 ${sr.p50_date} (${sr.p50_days} days), P80 ${sr.p80_date} (${sr.p80_days}), P95 ${sr.p95_date} (${sr.p95_days}); ` +
          `the planned ${sr.planned_date} holds in ${percent(sr.probability_plan_holds)} of runs` +
          (sr.probability_meets_deadline !== null ? `, the deadline in ${percent(sr.probability_meets_deadline)}.` : '.'),
        '',
        ...table(
          ['Risk', 'Level', 'P', 'Impact (days)', 'What', 'Response'],
          risk.risk_management.risks.slice(0, maxRows).map((r) => [r.id, r.level, r.probability, r.impact_days, r.title, r.response[0] ?? '']),
        ),
        '',
        `Quality gates: ${risk.quality_assurance.quality_gates.map((g) => `${g.gate_id} on ${g.planned_date} (review: ${g.review_by.join(', ') || '—'})`).join('; ')}.`,
      ],
    },
    {
      title: 'Monitoring',
      body: table(
        ['Metric', 'Planned', 'Warning', 'Critical', 'Basis'],
        monitoring.monitoring_and_control.metrics.map((m) => [m.name, m.planned, m.warning, m.critical, m.basis]),
      ),
    },
  ];
}
