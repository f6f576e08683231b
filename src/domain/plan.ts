import type { Artifacts } from '../schemas/artifacts/index.js';
import type { PlanInput } from '../schemas/plan-input.js';
import type { PlanSummary } from '../schemas/plan-summary.js';
import type { ScheduleEntry } from '../schemas/schedule-entry.js';
import type { ArtifactContext } from './artifacts/context.js';
import { coordinationProtocols } from './artifacts/coordination-protocols.js';
import { executionPlan } from './artifacts/execution-plan.js';
import { monitoringConfig } from './artifacts/monitoring-config.js';
import { riskMitigationPlan } from './artifacts/risk-mitigation-plan.js';
import { waveSchedules } from './artifacts/wave-schedules.js';
import { documentSections, strategyDocument } from './document.js';
import { simulateSchedule } from './montecarlo.js';
import { executionPlanIdOf } from './content-hash.js';
import { computePlan, type EngineOptions } from './engine.js';
import { r2 } from './format.js';
import { sessionIds } from './sessions.js';
import { ganttSvg } from './gantt.js';
import { teamPlaybook } from './playbook.js';

export interface PlannedVersion {
  artifacts: Artifacts;
  document: string;
  summary: PlanSummary;
  schedule: ScheduleEntry[];
  gantt: string;
  playbooks: Record<string, string>;
}

/**
 * Everything one plan version holds, computed from its input alone (given the same seed and an
 * iteration budget that ends the search before the time budget, the same input gives the same output).
 */
export function planProject(input: PlanInput, options: EngineOptions = {}): PlannedVersion {
  const result = computePlan(input, options);
  const ctx: ArtifactContext = { result, calendar: result.calendar, executionPlanId: executionPlanIdOf(input) };
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
  const mc = simulateSchedule(result, { iterations: project.planning.monteCarloIterations, seed: project.planning.seed });
  const escalationInput = input.constraints?.escalation ?? {};
  const escalationSource = Object.fromEntries(
    (['blockedHours', 'scheduleVariancePercent', 'heartbeatTimeoutSeconds'] as const).map((k) => [k, escalationInput[k] === undefined ? ('default' as const) : ('input' as const)]),
  );
  const plan = executionPlan(ctx);
  const coordination = coordinationProtocols(ctx, (j) => sessions[j]!, escalationSource);
  const risk = riskMitigationPlan(ctx, mc);
  const monitoring = monitoringConfig(ctx, mc);
  const waves = waveSchedules(ctx, (j) => sessions[j]!);
  const artifacts = {
    'execution-plan.json': plan,
    'wave-schedules.json': waves,
    'coordination-protocols.json': coordination,
    'risk-mitigation-plan.json': risk,
    'monitoring-config.json': monitoring,
  };
  return {
    artifacts,
    document: strategyDocument(ctx, plan, waves, documentSections(coordination, risk, monitoring)),
    summary,
    schedule: scheduleEntries,
    gantt: ganttSvg(ctx),
    playbooks: Object.fromEntries(project.teams.map((t) => [t.id, teamPlaybook(ctx, t.index, coordination, risk)])),
  };
}
