import type { Artifacts } from '../schemas/artifacts/index.js';
import type { PlanInput } from '../schemas/plan-input.js';
import type { PlanSummary } from '../schemas/plan-summary.js';
import type { ScheduleEntry } from '../schemas/schedule-entry.js';
import type { ArtifactContext } from './artifacts/context.js';
import { coordinationProtocols } from './artifacts/coordination-protocols.js';
import { deadlineFacts, successCriteria } from './advisor/criteria.js';
import { recommend, type AdvisorOptions } from './advisor/recommendations.js';
import { executionPlan } from './artifacts/execution-plan.js';
import { monitoringConfig } from './artifacts/monitoring-config.js';
import { riskMitigationPlan } from './artifacts/risk-mitigation-plan.js';
import { waveSchedules } from './artifacts/wave-schedules.js';
import { strategyDocument } from './artifacts/strategy-document.js';
import { documentSections } from './artifacts/document-sections.js';
import { simulateSchedule } from './montecarlo/index.js';
import type { ProgressCallback } from './progress.js';
import { executionPlanIdOf } from './content-hash.js';
import { planningDateOf } from './planning-date.js';
import { computePlan, type EngineOptions } from './engine.js';
import { r2 } from './format.js';
import { slotIds } from './slots.js';
import { ganttSvg } from './artifacts/gantt.js';
import { teamPlaybook } from './artifacts/team-playbook.js';

export type { ProgressCallback } from './progress.js';

export interface PlanOptions extends EngineOptions {
  /**
   * Told how far the run has got, stage by stage: 'schedule' (schedules evaluated of the
   * iteration budget, about every 5%), 'monte-carlo'
   * (samples, about every 5%) and 'artifacts' (the parts of the version, one by one); within a
   * stage done only grows, and each stage ends with done = total. Observes only: the result
   * is the same with or without it.
   */
  onProgress?: ProgressCallback;
  /** Budget of the advisor's re-plans (advisor/recommendations.ts). */
  advisor?: Omit<AdvisorOptions, 'clock'>;
  /**
   * The date the version is planned on, YYYY-MM-DD (planning-date.ts: a re-plan's as-of date, else
   * the caller's today). The domain reads no clock; without it the input's progress.asOf, else its start date.
   */
  planningDate?: string;
}

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
export function planProject(input: PlanInput, options: PlanOptions = {}): PlannedVersion {
  const { onProgress } = options;
  const result = computePlan(input, options);
  const planningDate = options.planningDate ?? planningDateOf(input, input.startDate);
  const ctx: ArtifactContext = { result, calendar: result.calendar, executionPlanId: executionPlanIdOf(input), input, planningDate };
  const slots = slotIds(result);
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
  const mc = simulateSchedule(result, { iterations: project.planning.monteCarloIterations, seed: project.planning.seed, ...(onProgress ? { onProgress } : {}) });
  const escalationInput = input.constraints?.escalation ?? {};
  const escalationSource = Object.fromEntries(
    (['blockedHours', 'scheduleVariancePercent', 'heartbeatTimeoutSeconds'] as const).map((k) => [k, escalationInput[k] === undefined ? ('default' as const) : ('input' as const)]),
  );
  // The parts of the version, in the order they are built: five artifacts, the document, the Gantt chart, the playbooks.
  const parts = 8;
  let built = 0;
  const step = () => onProgress?.('artifacts', ++built, parts);
  onProgress?.('artifacts', 0, parts);
  const coordination = coordinationProtocols(ctx, (j) => slots[j]!, escalationSource);
  step();
  const risk = riskMitigationPlan(ctx, mc);
  step();
  const criteria = successCriteria(result, risk.risk_management.risks, deadlineFacts(result, result.calendar));
  const recommendations = recommend(input, result, criteria, { ...(options.clock ? { clock: options.clock } : {}), ...options.advisor });
  const plan = executionPlan(ctx, { success_criteria: criteria, recommendations });
  step();
  const monitoring = monitoringConfig(ctx, mc);
  step();
  const waves = waveSchedules(ctx, (j) => slots[j]!, risk.risk_management.risks, coordination);
  step();
  const artifacts = {
    'execution-plan.json': plan,
    'wave-schedules.json': waves,
    'coordination-protocols.json': coordination,
    'risk-mitigation-plan.json': risk,
    'monitoring-config.json': monitoring,
  };
  const document = strategyDocument(ctx, plan, waves, documentSections(plan, coordination, risk, monitoring));
  step();
  const gantt = ganttSvg(ctx);
  step();
  const playbooks = Object.fromEntries(project.teams.map((t) => [t.id, teamPlaybook(ctx, t.index, coordination, risk)]));
  step();
  return { artifacts, document, summary, schedule: scheduleEntries, gantt, playbooks };
}
