import { WorkCalendar } from '../../calendar.js';
import type { PlanResult } from '../../model.js';
import type { MonteCarloResult } from '../../montecarlo/index.js';
import { PertDistribution } from '../../pert.js';

export const EPS = 1e-6;

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export type RiskInput = PlanResult & { calendar?: WorkCalendar };

/** The plan facts every detector reads, with the labels and dates its prose uses. */
export function riskContext(result: RiskInput, mc: MonteCarloResult) {
  const { project, schedule } = result;
  const { phases, teams } = project;
  const calendar = result.calendar ?? new WorkCalendar(project.startDate, project.calendar);
  const { start, finish } = schedule;
  const teamOf = (j: number) => schedule.team[j]!;
  const teamName = (t: number) => teams[t]!.name;
  const distributions = new Map<number, PertDistribution>();
  const pert = (j: number) => {
    let d = distributions.get(j);
    if (!d) distributions.set(j, (d = new PertDistribution(phases[j]!.estimate)));
    return d;
  };
  return {
    result,
    mc,
    project,
    phases,
    teams,
    n: phases.length,
    makespan: schedule.makespan,
    calendar,
    completed: new Set(result.replan?.completed ?? []),
    start,
    finish,
    /** Criticality index per phase, from the simulation. */
    ci: mc.criticalityIndex,
    dur: (j: number) => finish[j]! - start[j]!,
    label: (j: number) => `"${phases[j]!.name}" (${phases[j]!.id})`,
    teamOf,
    teamName,
    teamLabel: (t: number) => (teams[t]!.name === teams[t]!.id ? teams[t]!.id : `${teams[t]!.name} (${teams[t]!.id})`),
    /** ", Web team" when the phase has a team, else nothing. */
    ranOn: (j: number) => (teamOf(j) >= 0 ? `, ${teamName(teamOf(j))}` : ''),
    /** The teams of these phases, each once, by index. */
    teamsOf: (js: number[]) => [...new Set(js.map(teamOf).filter((t) => t >= 0))].sort((a, b) => a - b),
    startDate: (j: number) => calendar.dateOf(start[j]!),
    finishDate: (j: number) => calendar.finishDate(start[j]!, finish[j]!),
    dateAt: (day: number) => calendar.finishDate(0, day),
    pert,
    /** How far the 90th-percentile duration of the estimate exceeds the planned (PERT expected) duration. */
    p90Overrun: (j: number) => Math.max(0, pert(j).quantile(0.9) - phases[j]!.duration),
  };
}

export type RiskContext = ReturnType<typeof riskContext>;

/**
 * Walks the step function Σ weight over the intervals [from, to): `visit(level, span)` for each
 * stretch from one interval end to the next (ends sorted by time, closings before openings).
 */
export function sweepLevels(intervals: { from: number; to: number; weight: number }[], visit: (level: number, span: number) => void): void {
  const events = intervals.flatMap((i) => [
    [i.from, i.weight],
    [i.to, -i.weight],
  ]);
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let level = 0;
  for (let e = 0; e < events.length; e++) {
    level += events[e]![1]!;
    visit(level, (events[e + 1]?.[0] ?? events[e]![0]!) - events[e]![0]!);
  }
}
