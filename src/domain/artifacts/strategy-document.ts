import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import type { WaveSchedules } from '../../schemas/artifacts/wave-schedules.js';
import type { ArtifactContext } from './context.js';
import { table, type DocumentSection } from './document-sections.js';
import { searchNote } from './search-note.js';
import { sequentialCause } from '../advisor/criteria.js';
import { mermaidGantt } from './gantt.js';

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
        (top
          ? ` Best change found by re-planning: ${top.description} (${top.makespan_days} days, ${top.saved_days >= 0 ? `${top.saved_days} saved` : `${-top.saved_days} longer`}).`
          : ''),
    '',
    ...criteriaTable(criteria),
    '',
    '## Overview',
    '',
    `Execution plan \`${plan.execution_plan_id}\`, planned on ${plan.planning_date} from dependency analysis \`${plan.dependency_analysis_source}\`` +
      `${plan.dependency_analysis_source_kind === 'imported' ? ' (imported)' : ' (the input’s own graph)'}: ${pc.phases} phases, ${pc.teams} teams, from **${pc.start_date}** to **${pc.completion_date}**` +
      (pc.deadline ? ` (deadline ${pc.deadline}: ${pc.deadline_met ? 'met' : '**missed**'}).` : '.'),
    ...(pc.description ? ['', pc.description] : []),
    '',
    '## Roadmap',
    '',
    `Done one after another the phases take ${pc.sequential_duration_days} working days; run in parallel waves they take ` +
      `${pc.parallel_duration_days}, saving ${pc.time_savings_days} days (${pc.time_savings_percent} %).`,
    `No schedule can be shorter than ${opt.lower_bounds.best_days} working days (critical path ${opt.lower_bounds.critical_path_days}, ` +
      `resource bound ${opt.lower_bounds.resource_days}${destructiveNote(opt.lower_bounds)}); this one is ${opt.proven_optimal ? '**proven optimal**' : `${opt.gap_percent} % above that bound`}. ` +
      `The search evaluated ${opt.search.schedules_evaluated} schedules (seed ${opt.search.seed}); the best priority rule alone gave ${opt.search.best_priority_rule_makespan_days} days. ` +
      searchNote(opt.search, opt.proven_optimal),
    '',
    mermaidGantt(ctx),
    '',
    '## Waves',
    '',
    ...table(
      ['Wave', 'Kind', 'Dates', 'Phases', 'Teams', 'Peak sessions', 'Risk level'],
      waves.waves.map((w) => [
        w.wave,
        w.kind,
        `${w.start_date} → ${w.finish_date}`,
        w.phases.map((p) => p.id).join(', '),
        w.teams.join(', '),
        w.max_concurrent_sessions,
        w.risk_level,
      ]),
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
    '## Milestones',
    '',
    ...table(
      ['Milestone', 'Date', 'Kind', 'Phases', 'Gates the critical path'],
      plan.milestones.map((m) => [m.name, m.date, m.kind, m.phases.slice(0, 6).join(', '), m.gates_critical_path ? 'yes' : 'no']),
    ),
    '',
    '## Critical path',
    '',
    `The longest dependency chain is ${plan.critical_path.length_days} working days: ${plan.critical_path.phases.join(' → ') || '—'}.`,
    `Under team and infrastructure limits, these phases cannot slip without moving the finish: ${plan.critical_path.resource_constrained_phases.join(', ') || '—'}.`,
    '',
    ...table(
      ['Phase', 'Team', 'Start', 'Finish', 'Days', 'Slack (dependencies)', 'Slack (schedule)'],
      plan.schedule.map((s) => {
        const slack = plan.critical_path.slack.find((x) => x.id === s.id)!;
        return [
          `${s.critical ? '**' : ''}${s.name}${s.critical ? '**' : ''}`,
          s.team ?? '—',
          s.start_date,
          s.finish_date,
          s.duration_days,
          slack.total_slack_days,
          slack.schedule_slack_days,
        ];
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
  const constraints = plan.resource_analysis.resource_constraints;
  if (constraints.length > 0) {
    lines.push(
      ...table(
        ['Constraint', 'From', 'What', 'Mitigation'],
        constraints.slice(0, 40).map((c) => [c.constraint_type, c.origin, c.description ?? '—', c.mitigation ?? '—']),
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

/** The success criteria: target, value, met, and why. */
function criteriaTable(criteria: ExecutionPlan['success_criteria']): string[] {
  return table(
    ['Criterion', 'Target', 'Value', 'Met', 'Why'],
    criteria.map((c) => [
      c.name,
      `${c.comparison === 'at_least' ? '≥' : '≤'} ${c.target}${c.target_max !== undefined ? `–${c.target_max}` : ''}${c.unit === 'percent' ? ' %' : ' days'}`,
      `${c.value}${c.unit === 'percent' ? ' %' : ''}`,
      c.met ? 'yes' : '**no**',
      c.explanation,
    ]),
  );
}

/** The destructive bound, named only when it is above the critical path and resource bounds (otherwise it adds nothing). */
const destructiveNote = (b: ExecutionPlan['optimisation']['lower_bounds']) =>
  b.destructive_days > Math.max(b.critical_path_days, b.resource_days) ? `, destructive bound ${b.destructive_days}` : '';

const stoppedNote = (rec: ExecutionPlan['recommendations']) =>
  rec.complete
    ? ''
    : rec.stopped_by === 'time_safety_net'
      ? ', stopped by the time safety net: which were re-planned depends on the machine, so another run may recommend otherwise'
      : ', stopped by the plan limit';

/** What re-planning changed inputs found, and the bottleneck team's trade-off curve. */
function recommendationSection(plan: ExecutionPlan): string[] {
  const rec = plan.recommendations;
  if (rec.evaluated === 0) return [];
  const out = [
    '## Recommendations',
    '',
    `${rec.evaluated} changed inputs re-planned (${rec.candidates} candidate changes${stoppedNote(rec)})${rec.warm_start ? ", each search warm-started from this plan's schedule" : ''}.`,
    '',
  ];
  if (rec.items.length > 0) {
    out.push(
      ...table(
        ['Change', 'Makespan', 'Saved', 'Utilisation', 'Added capacity', 'Helps'],
        rec.items.map((r) => [
          r.description,
          r.makespan_days,
          `${r.saved_days} (${r.saved_percent} %)`,
          `${r.utilisation_percent} %`,
          r.added_capacity.unit === 'none' ? '—' : `${r.added_capacity.amount} ${r.added_capacity.unit}`,
          r.targets.join(', ') || '—',
        ]),
      ),
      '',
    );
  } else out.push('No candidate change shortened the plan or moved a missed criterion.', '');
  if (rec.trade_off) {
    out.push(`Trade-off for ${rec.trade_off.team}: ` + rec.trade_off.points.map((p) => `${p.size} people → ${p.makespan_days} days`).join(', ') + '.', '');
  }
  return out;
}
