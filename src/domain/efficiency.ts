import { FULL_TIME_HOURS_PER_WEEK } from './capacity.js';
import { peakConcurrency } from './concurrency.js';
import type { Metrics, Project, ReplanBasis, Schedule, TeamLoad, Wave } from './model.js';

/** Hours a cross-team sync point takes from each person of the two phases it joins. */
export const SYNC_POINT_HOURS = 1;
/** Daily stand-up per person while a wave runs more than one session. */
export const STANDUP_HOURS = 0.25;

/** Hours in a full-time working day of the project's calendar. */
export const fullTimeHoursPerDay = (project: Project) => FULL_TIME_HOURS_PER_WEEK / project.calendar.workingDays.length;

/** Dependency edges whose two phases are done by different teams: where work changes hands. */
export function crossTeamEdges(edges: [number, number][], schedule: Schedule): [number, number][] {
  return edges.filter(([u, v]) => schedule.team[u]! !== schedule.team[v]! && schedule.team[u]! >= 0 && schedule.team[v]! >= 0);
}

/** Share of session time spent coordinating: coordination hours ÷ (work hours + coordination hours) × 100, so 0–100. */
export const overheadShare = (coordinationHours: number, workHours: number) =>
  coordinationHours + workHours > 0 ? (coordinationHours / (coordinationHours + workHours)) * 100 : 0;

/** Utilisation: person-days of work ÷ (FTE × working days), as a fraction (capacity.ts). */
export const utilisationOf = (workDays: number, capacity: number, days: number) => (capacity * days > 0 ? workDays / (capacity * days) : 0);

/**
 * Plan metrics. Savings, efficiency and utilisation cover the window the plan decides: the whole
 * plan, or after a re-plan the work from its as-of day on (completed work and the elapsed part of
 * running work are history, not part of what the re-plan saves).
 */
export function computeMetrics(project: Project, schedule: Schedule, waves: Wave[], waveOf: Int32Array, reducedEdges: [number, number][], replan?: ReplanBasis): Metrics {
  const phases = project.phases;
  const from = replan ? Math.min(replan.asOfDay, schedule.makespan) : 0;
  const completed = new Set(replan?.completed ?? []);
  const inWindow = (j: number) => (completed.has(j) ? 0 : Math.max(0, schedule.finish[j]! - Math.max(schedule.start[j]!, from)));
  const sequentialDuration = phases.reduce((a, p) => a + inWindow(p.index), 0);
  const parallelDuration = schedule.makespan - from;
  const timeSavingsPercent = sequentialDuration > 0 ? ((sequentialDuration - parallelDuration) / sequentialDuration) * 100 : 0;

  const teamLoads: TeamLoad[] = project.teams.map((t) => ({ team: t.index, workDays: 0, utilisation: 0, phases: [] }));
  for (const p of phases) {
    const t = schedule.team[p.index]!;
    if (t < 0) continue;
    teamLoads[t]!.workDays += inWindow(p.index) * p.demand;
    teamLoads[t]!.phases.push(p.index);
  }
  let work = 0;
  let capacity = 0;
  for (const load of teamLoads) {
    const team = project.teams[load.team]!;
    load.utilisation = utilisationOf(load.workDays, team.capacity, parallelDuration);
    work += load.workDays;
    capacity += team.capacity;
  }

  const infrastructurePeak = project.infrastructure.map((r) => {
    const users = phases.filter((p) => p.resources.has(r.index)).map((p) => p.index);
    const peak = peakConcurrency(users, schedule.start, schedule.finish, (j) => phases[j]!.resources.get(r.index)!);
    return r.capacity > 0 ? peak / r.capacity : 0;
  });

  const cross = crossTeamEdges(reducedEdges, schedule);
  const syncPoints = cross.length + Math.max(0, waves.length - 1);
  const hoursPerDay = fullTimeHoursPerDay(project);
  let workHours = 0;
  let coordinationHours = 0;
  for (const p of phases) {
    const personDays = (schedule.finish[p.index]! - schedule.start[p.index]!) * p.demand;
    workHours += personDays * hoursPerDay;
    if (waves[waveOf[p.index]!]!.maxConcurrent > 1) coordinationHours += personDays * STANDUP_HOURS;
  }
  for (const [u, v] of cross) coordinationHours += SYNC_POINT_HOURS * (phases[u]!.teamSize + phases[v]!.teamSize);
  for (const w of waves.slice(1)) for (const v of w.phases) coordinationHours += SYNC_POINT_HOURS * 0.5 * phases[v]!.teamSize;

  return {
    basisFromDay: from,
    sequentialDuration,
    parallelDuration,
    timeSavingsPercent,
    parallelEfficiency: timeSavingsPercent,
    teamLoads,
    utilisation: utilisationOf(work, capacity, parallelDuration),
    infrastructurePeak,
    syncPoints,
    coordinationHours,
    workHours,
    coordinationOverheadPercent: overheadShare(coordinationHours, workHours),
  };
}
