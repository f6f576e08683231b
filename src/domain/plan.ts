import type { PlanInput } from '../schemas/plan-input.js';
import type { PlanSummary } from '../schemas/plan-summary.js';
import type { ScheduleEntry } from '../schemas/schedule-entry.js';
import type { ArtifactContext } from './artifacts/context.js';
import { executionPlan } from './artifacts/execution-plan.js';
import { waveSchedules } from './artifacts/wave-schedules.js';
import { strategyDocument } from './document.js';
import { computePlan, type EngineOptions } from './engine.js';
import { r2 } from './format.js';
import { sessionIds } from './sessions.js';
import { ganttSvg } from './gantt.js';
import { teamPlaybook } from './playbook.js';

export interface PlannedVersion {
  artifacts: Record<string, unknown>;
  document: string;
  summary: PlanSummary;
  schedule: ScheduleEntry[];
  gantt: string;
  playbooks: Record<string, string>;
}

/** Everything one plan version holds, computed from its input alone. */
export function planProject(input: PlanInput, ids: { planId: string; version: number }, options: EngineOptions = {}): PlannedVersion {
  const result = computePlan(input, options);
  const ctx: ArtifactContext = { result, calendar: result.calendar, ...ids };
  const sessions = sessionIds(result);
  const { project, schedule, bounds, metrics } = result;
  const completionDate = result.calendar.finishDate(0, schedule.makespan);
  const deadline = project.constraints.deadline;
  const summary: PlanSummary = {
    phases: project.phases.length,
    teams: project.teams.length,
    startDate: result.calendar.dateOf(0),
    completionDate,
    makespanDays: r2(schedule.makespan),
    sequentialDays: r2(metrics.sequentialDuration),
    timeSavingsPercent: r2(metrics.timeSavingsPercent),
    criticalPathDays: r2(result.cpm.length),
    lowerBoundDays: r2(bounds.best),
    gapPercent: r2(bounds.gapPercent),
    optimal: bounds.optimal,
    ...(deadline ? { deadline, deadlineMet: completionDate <= deadline } : {}),
  };
  const scheduleEntries: ScheduleEntry[] = project.phases.map((p) => ({
    id: p.id,
    team: schedule.team[p.index]! >= 0 ? project.teams[schedule.team[p.index]!]!.id : null,
    start: schedule.start[p.index]!,
    finish: schedule.finish[p.index]!,
    wave: result.waveOf[p.index]! + 1,
    critical: result.scheduleSlack[p.index]! < 1e-6,
  }));
  const plan = executionPlan(ctx);
  const waves = waveSchedules(ctx, (j) => sessions[j]!);
  const artifacts = {
    'execution-plan.json': plan,
    'wave-schedules.json': waves,
    'coordination-protocols.json': {},
    'risk-mitigation-plan.json': {},
    'monitoring-config.json': {},
  };
  return {
    artifacts,
    document: strategyDocument(ctx, plan, waves),
    summary,
    schedule: scheduleEntries,
    gantt: ganttSvg(ctx),
    playbooks: Object.fromEntries(project.teams.map((t) => [t.id, teamPlaybook(ctx, t.index)])),
  };
}
