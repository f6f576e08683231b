import type { ExecutionPlan, Recommendations, SuccessCriterion } from '../../schemas/artifacts/execution-plan.js';
import { percentValue, r2 } from '../format.js';
import { softDependencies, sourceCriticalPath, sourceIdentity } from './source-facts.js';
import { milestones } from './milestones.js';
import { resourceConstraints } from './resource-constraints.js';
import { executionPlanId, finishDateOf, isCritical, startDateOf, teamIdOf, type ArtifactContext } from './context.js';
import { linkReady } from '../links.js';
import { calendarNote } from '../team-calendars.js';
import { contractPairs } from './shared-work.js';
import { groupMembers } from '../group-members.js';

/** The duration-weighted critical path, every phase's slack, and the source's own path beside it. */
function criticalPath(ctx: ArtifactContext): ExecutionPlan['critical_path'] {
  const { result } = ctx;
  const { project, cpm } = result;
  const sourcePath = sourceCriticalPath(ctx);
  return {
    length_days: r2(cpm.length),
    phases: cpm.criticalPath.map((j) => project.phases[j]!.id),
    resource_constrained_phases: project.phases.filter((p) => isCritical(ctx, p.index)).map((p) => p.id),
    slack: project.phases.map((p) => ({
      id: p.id,
      earliest_start: r2(cpm.es[p.index]!),
      earliest_finish: r2(cpm.ef[p.index]!),
      latest_start: r2(cpm.ls[p.index]!),
      latest_finish: r2(cpm.lf[p.index]!),
      total_slack_days: r2(cpm.totalSlack[p.index]!),
      free_slack_days: r2(cpm.freeSlack[p.index]!),
      schedule_slack_days: r2(result.scheduleSlack[p.index]!),
      critical: cpm.critical[p.index]!,
    })),
    ...(sourcePath ? { source_critical_path: sourcePath } : {}),
  };
}

/** execution-plan.json: success criteria and recommendations (advisor/), project context, resource analysis, critical path with slack, schedule and metrics. */
export function executionPlan(ctx: ArtifactContext, advice: { success_criteria: SuccessCriterion[]; recommendations: Recommendations }): ExecutionPlan {
  const { result, calendar } = ctx;
  const { project, schedule, metrics, bounds } = result;
  const completionDate = calendar.finishDate(0, schedule.makespan);
  const deadline = project.constraints.deadline;
  const skills = [...new Set(project.phases.flatMap((p) => p.skills))].sort();
  const soft = softDependencies(ctx);
  return {
    execution_plan_id: executionPlanId(ctx),
    ...sourceIdentity(ctx),
    planning_date: ctx.planningDate,
    success_criteria: advice.success_criteria,
    recommendations: advice.recommendations,
    project_context: {
      name: project.name,
      ...(project.description !== undefined ? { description: project.description } : {}),
      start_date: calendar.dateOf(0),
      completion_date: completionDate,
      deadline: deadline ?? null,
      deadline_met: deadline ? completionDate <= deadline : null,
      phases: project.phases.length,
      teams: project.teams.length,
      sequential_duration_days: r2(metrics.sequentialDuration),
      parallel_duration_days: r2(metrics.parallelDuration),
      time_savings_days: r2(metrics.sequentialDuration - metrics.parallelDuration),
      time_savings_percent: r2(metrics.timeSavingsPercent),
      calendar: { working_days: project.calendar.workingDays, holidays: project.calendar.holidays },
      ...(result.replan
        ? { replanned_from_day: result.replan.asOfDay, completed_phases: result.replan.completed.length, in_progress_phases: result.replan.inProgress.length }
        : {}),
    },
    resource_analysis: {
      capacity_buffer_percent: percentValue(project.constraints.capacityBuffer),
      max_concurrent_sessions: project.constraints.maxConcurrentSessions ?? null,
      teams: project.teams.map((t) => {
        const load = metrics.teamLoads[t.index]!;
        return {
          id: t.id,
          name: t.name,
          size: t.size,
          availability_percent: percentValue(t.availability),
          hours_per_week: t.hoursPerWeek,
          usable_capacity: r2(t.capacity),
          skills: t.skills,
          assigned_phases: load.phases.map((j) => project.phases[j]!.id),
          work_days: r2(load.workDays),
          utilisation_percent: percentValue(load.utilisation),
        };
      }),
      infrastructure: project.infrastructure.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        capacity: r.capacity,
        peak_utilisation_percent: percentValue(metrics.infrastructurePeak[r.index]!),
        phases: project.phases.filter((p) => p.resources.has(r.index)).map((p) => p.id),
      })),
      skills: skills.map((s) => ({
        skill: s,
        teams: project.teams.filter((t) => t.skills.includes(s)).map((t) => t.id),
        phases: project.phases.filter((p) => p.skills.includes(s)).map((p) => p.id),
      })),
      resource_constraints: resourceConstraints(ctx),
    },
    critical_path: criticalPath(ctx),
    milestones: milestones(ctx),
    ...(soft ? { soft_dependencies: soft } : {}),
    schedule: project.phases.map((p) => ({
      id: p.id,
      name: p.name,
      team: teamIdOf(ctx, p.index),
      team_size: p.teamSize,
      wave: result.waveOf[p.index]! + 1,
      start_day: r2(schedule.start[p.index]!),
      finish_day: r2(schedule.finish[p.index]!),
      duration_days: r2(schedule.finish[p.index]! - schedule.start[p.index]!),
      start_date: startDateOf(ctx, p.index),
      finish_date: finishDateOf(ctx, p.index),
      dependencies: p.dependencies.map((d) => project.phases[d]!.id),
      links: p.links.map((l) => ({ id: project.phases[l.on]!.id, type: l.type, lag_days: l.lag })),
      milestone: p.milestone,
      critical: isCritical(ctx, p.index),
      ...(p.group !== undefined ? { group: p.group } : {}),
      ...noteOf(ctx, p.index),
    })),
    groups: groupRollUp(ctx),
    optimisation: {
      makespan_days: r2(schedule.makespan),
      lower_bounds: { critical_path_days: r2(bounds.criticalPath), resource_days: r2(bounds.resource), destructive_days: r2(bounds.destructive), best_days: r2(bounds.best) },
      gap_percent: r2(bounds.gapPercent),
      proven_optimal: bounds.optimal,
      search: {
        seed: result.search.seed,
        iteration_budget: result.search.iterations,
        schedules_evaluated: result.search.evaluated,
        generations: result.search.generations,
        best_priority_rule_makespan_days: r2(result.search.initialMakespan),
        found_by: result.search.origin,
        best_found_at_schedule: result.search.bestAt,
        stopped_by: result.search.stoppedBy,
      },
    },
    metrics: {
      parallel_efficiency_percent: r2(metrics.parallelEfficiency),
      time_savings_percent: r2(metrics.timeSavingsPercent),
      coordination_overhead_percent: r2(metrics.coordinationOverheadPercent),
      utilisation_percent: percentValue(metrics.utilisation),
      measured_from_day: r2(metrics.basisFromDay),
      sync_points: metrics.syncPoints,
      contract_sync_points: contractPairs(ctx).length,
      waves: result.waves.length,
      max_concurrent_sessions: Math.max(0, ...result.waves.map((w) => w.maxConcurrent)),
      team_utilisation_percent: Object.fromEntries(project.teams.map((t) => [t.id, percentValue(metrics.teamLoads[t.index]!.utilisation)])),
    },
  };
}

/** The team-calendar note of a phase (team-calendars.ts), when a calendar block delayed it or moved it. */
function noteOf(ctx: ArtifactContext, j: number): { note?: string } {
  const { result, calendar } = ctx;
  const blocks = result.teamBlocks;
  if (!blocks || blocks.length === 0) return {};
  const { project, schedule } = result;
  const ready = Math.max(result.replan?.asOfDay ?? 0, result.dateDays?.notBefore[j] ?? 0, linkReady(project, schedule.start, schedule.finish, j));
  const note = calendarNote(
    blocks,
    project.eligibleTeams[j]!,
    schedule.team[j]!,
    ready,
    schedule.start[j]!,
    schedule.finish[j]! - schedule.start[j]!,
    (t) => project.teams[t]!.id,
    (d) => calendar.dateOf(d),
  );
  return note ? { note } : {};
}

/** Each group's phases (its own and those of the groups below it) and the span they run over. */
function groupRollUp(ctx: ArtifactContext): ExecutionPlan['groups'] {
  const { project, schedule } = ctx.result;
  const members = groupMembers(
    project.groups,
    project.phases.map((p) => p.group),
  );
  return project.groups.flatMap((g) => {
    const js = members.get(g.id)!;
    if (js.length === 0) return [];
    let start = Infinity;
    let finish = -Infinity;
    let first = js[0]!;
    let last = js[0]!;
    for (const j of js) {
      if (schedule.start[j]! < start) [start, first] = [schedule.start[j]!, j];
      if (schedule.finish[j]! > finish) [finish, last] = [schedule.finish[j]!, j];
    }
    return [
      {
        id: g.id,
        name: g.name,
        ...(g.parent !== undefined ? { parent: g.parent } : {}),
        phases: js.map((j) => project.phases[j]!.id),
        start_day: r2(start),
        finish_day: r2(finish),
        start_date: startDateOf(ctx, first),
        finish_date: finishDateOf(ctx, last),
      },
    ];
  });
}
