import type { WorkCalendar } from '../calendar.js';
import { peakConcurrency } from '../concurrency.js';
import { percentValue as pct, r2 } from '../format.js';
import type { PlanResult } from '../model.js';

export type CriterionId = 'time_reduction' | 'coordination_overhead' | 'utilisation' | 'completeness' | 'feasibility' | 'risk_coverage' | 'deadline';

export interface Criterion {
  criterion: CriterionId;
  name: string;
  /** at_least: met when value ≥ target; at_most: met when value ≤ target. */
  comparison: 'at_least' | 'at_most';
  target: number;
  /** Upper end of the strategy's range, for the time reduction. */
  target_max?: number;
  unit: 'percent' | 'working days';
  value: number;
  met: boolean;
  explanation: string;
}

/** What the risk-coverage criterion reads from the register. */
export interface RiskFacts {
  id: string;
  prevention: string[];
  response: string[];
  contingency: string;
}

/** Where the deadline stands: working day of the deadline and of the projected completion. */
export interface DeadlineFacts {
  date: string;
  completionDate: string;
  /** Working days between completion and the deadline (negative: late). */
  bufferDays: number;
}

const judge = (comparison: Criterion['comparison'], value: number, target: number) => (comparison === 'at_least' ? value >= target - 1e-9 : value <= target + 1e-9);

/** Peak FTE any team holds at once ÷ its FTE, and the same for pools and the session limit: the most loaded one. */
export function peakLoad(result: PlanResult): { name: string; percent: number } {
  const { project, schedule } = result;
  const loads: { name: string; percent: number }[] = [];
  for (const t of project.teams) {
    const users = project.phases.filter((p) => schedule.team[p.index] === t.index).map((p) => p.index);
    const peak = peakConcurrency(users, schedule.start, schedule.finish, (j) => project.phases[j]!.demand);
    loads.push({ name: `team ${t.id}`, percent: t.capacity > 0 ? pct(peak / t.capacity) : peak > 0 ? Infinity : 0 });
  }
  project.infrastructure.forEach((r) => loads.push({ name: `pool ${r.id}`, percent: pct(result.metrics.infrastructurePeak[r.index]!) }));
  const limit = project.constraints.maxConcurrentSessions;
  if (limit !== undefined) {
    const all = project.phases.map((p) => p.index);
    loads.push({ name: 'the session limit', percent: pct(peakConcurrency(all, schedule.start, schedule.finish) / limit) });
  }
  return loads.reduce((a, b) => (b.percent > a.percent ? b : a), { name: 'no resource', percent: 0 });
}

/**
 * Why a plan runs one phase after another although its dependencies would allow more, or
 * undefined when it does not: capacity, said in the plan's own numbers.
 */
export function sequentialCause(result: PlanResult): string | undefined {
  const { project, metrics, cpm } = result;
  if (metrics.timeSavingsPercent > 1 || project.phases.length < 2) return undefined;
  if (cpm.length >= metrics.parallelDuration + metrics.basisFromDay - 1e-9) {
    return `the plan is sequential because its phases form one dependency chain (critical path ${r2(cpm.length)} days): no capacity would shorten it`;
  }
  const limit = project.constraints.maxConcurrentSessions;
  if (limit === 1) return 'the plan is sequential because maxConcurrentSessions allows one session at a time';
  const used = project.teams.filter((t) => result.metrics.teamLoads[t.index]!.phases.length > 0);
  const fte = (t: (typeof used)[number]) =>
    `${r2(t.capacity)} usable FTE (${t.size} ${t.size === 1 ? 'person' : 'people'}${t.availability < 1 ? ` at ${pct(t.availability)} %` : ''}, ${pct(project.constraints.capacityBuffer)} % buffer)`;
  if (used.length === 1) {
    return `the plan is sequential because of capacity: the only team doing the work, ${used[0]!.id}, has ${fte(used[0]!)}, room for one phase at a time`;
  }
  return `the plan is sequential because of capacity: each team can run only one of its phases at a time (${used.map((t) => `${t.id} ${r2(t.capacity)} FTE`).join(', ')})`;
}

/** The success criteria of the strategy, judged on the plan's own metrics. Risk coverage needs the register; without it that criterion is left out. */
export function successCriteria(result: PlanResult, risks?: RiskFacts[], deadline?: DeadlineFacts): Criterion[] {
  const { project, metrics, schedule } = result;
  const targets = project.constraints.successTargets;
  const list: Criterion[] = [];
  const add = (c: Omit<Criterion, 'met'>) => list.push({ ...c, met: judge(c.comparison, c.value, c.target) });

  const reduction = r2(metrics.timeSavingsPercent);
  const cause = sequentialCause(result);
  add({
    criterion: 'time_reduction',
    name: 'Time reduction against sequential execution',
    comparison: 'at_least',
    target: targets.timeReductionPercent,
    target_max: targets.timeReductionMaxPercent,
    unit: 'percent',
    value: reduction,
    explanation:
      `${r2(metrics.sequentialDuration)} working days one after another, ${r2(metrics.parallelDuration)} in parallel: ${reduction} % shorter` +
      (reduction < targets.timeReductionPercent
        ? `, below the ${targets.timeReductionPercent} % target`
        : reduction > targets.timeReductionMaxPercent
          ? `, beyond the ${targets.timeReductionPercent}–${targets.timeReductionMaxPercent} % range`
          : `, within ${targets.timeReductionPercent}–${targets.timeReductionMaxPercent} %`) +
      (cause ? `; ${cause}` : ''),
  });
  const overhead = r2(metrics.coordinationOverheadPercent);
  add({
    criterion: 'coordination_overhead',
    name: 'Coordination overhead',
    comparison: 'at_most',
    target: targets.coordinationOverheadPercent,
    unit: 'percent',
    value: overhead,
    explanation: `${r2(metrics.coordinationHours)} h of ${metrics.syncPoints} sync points and stand-ups in ${r2(metrics.coordinationHours + metrics.workHours)} session hours: ${overhead} %`,
  });
  const utilisation = pct(metrics.utilisation);
  const idle = project.teams
    .filter((t) => metrics.teamLoads[t.index]!.utilisation < targets.utilisationPercent / 100)
    .map((t) => `${t.id} ${pct(metrics.teamLoads[t.index]!.utilisation)} %`);
  add({
    criterion: 'utilisation',
    name: 'Effective utilisation of capacity',
    comparison: 'at_least',
    target: targets.utilisationPercent,
    unit: 'percent',
    value: utilisation,
    explanation:
      `${r2(metrics.teamLoads.reduce((a, l) => a + l.workDays, 0))} person-days of work on ${r2(project.teams.reduce((a, t) => a + t.capacity, 0))} FTE over ${r2(metrics.parallelDuration)} days: ${utilisation} %` +
      (idle.length > 0 ? `; below target: ${idle.slice(0, 6).join(', ')}${idle.length > 6 ? ` and ${idle.length - 6} more` : ''}` : ''),
  });
  const scheduled = project.phases.filter((p) => Number.isFinite(schedule.finish[p.index]!) && (p.teamSize === 0 || schedule.team[p.index]! >= 0)).length;
  add({
    criterion: 'completeness',
    name: 'Phases covered by the plan',
    comparison: 'at_least',
    target: 100,
    unit: 'percent',
    value: project.phases.length > 0 ? pct(scheduled / project.phases.length) : 100,
    explanation: `${scheduled} of ${project.phases.length} phases have a team, a start and a finish`,
  });
  const peak = peakLoad(result);
  add({
    criterion: 'feasibility',
    name: 'Allocation within capacity',
    comparison: 'at_most',
    target: 100,
    unit: 'percent',
    value: peak.percent,
    explanation: `the most loaded resource is ${peak.name}, at ${peak.percent} % of its capacity at its peak`,
  });
  if (risks) {
    const covered = risks.filter((r) => r.prevention.length > 0 && r.response.length > 0 && r.contingency.length > 0);
    const missing = risks.filter((r) => !covered.includes(r)).map((r) => r.id);
    add({
      criterion: 'risk_coverage',
      name: 'Risks with prevention, response and contingency',
      comparison: 'at_least',
      target: targets.riskCoveragePercent,
      unit: 'percent',
      value: risks.length > 0 ? pct(covered.length / risks.length) : 100,
      explanation: `${covered.length} of ${risks.length} identified risks have all three` + (missing.length > 0 ? `; missing: ${missing.slice(0, 6).join(', ')}` : ''),
    });
  }
  if (deadline) {
    add({
      criterion: 'deadline',
      name: 'Completion by the deadline',
      comparison: 'at_least',
      target: 0,
      unit: 'working days',
      value: r2(deadline.bufferDays),
      explanation: `projected completion ${deadline.completionDate}, deadline ${deadline.date}: ${r2(Math.abs(deadline.bufferDays))} working days ${deadline.bufferDays >= 0 ? 'to spare' : 'late'}`,
    });
  }
  return list;
}

/** The deadline against the plan's completion, when there is one (the deadline's day counts as worked). */
export function deadlineFacts(result: PlanResult, calendar: WorkCalendar): DeadlineFacts | undefined {
  const date = result.project.constraints.deadline;
  if (date === undefined) return undefined;
  return { date, completionDate: calendar.finishDate(0, result.schedule.makespan), bufferDays: calendar.dayOf(date) + 1 - result.schedule.makespan };
}
