import { peakConcurrency } from './concurrency.js';
import type { Metrics, Project, Schedule, TeamLoad, Wave } from './model.js';

/** Hours a cross-team sync point takes from each person of the two phases it joins. */
export const SYNC_POINT_HOURS = 1;
/** Daily stand-up per person while a wave runs more than one session. */
export const STANDUP_HOURS = 0.25;

export const hoursPerDay = (project: Project, team: number) =>
  team >= 0 ? project.teams[team]!.hoursPerWeek / project.calendar.workingDays.length : 8;

/** Dependency edges whose two phases are done by different teams: where work changes hands. */
export function crossTeamEdges(edges: [number, number][], schedule: Schedule): [number, number][] {
  return edges.filter(([u, v]) => schedule.team[u]! !== schedule.team[v]! && schedule.team[u]! >= 0 && schedule.team[v]! >= 0);
}

export function computeMetrics(project: Project, schedule: Schedule, waves: Wave[], waveOf: Int32Array, reducedEdges: [number, number][]): Metrics {
  const phases = project.phases;
  const duration = (j: number) => schedule.finish[j]! - schedule.start[j]!;
  const sequentialDuration = phases.reduce((a, p) => a + duration(p.index), 0);
  const parallelDuration = schedule.makespan;
  const timeSavingsPercent = sequentialDuration > 0 ? ((sequentialDuration - parallelDuration) / sequentialDuration) * 100 : 0;

  const teamLoads: TeamLoad[] = project.teams.map((t) => ({ team: t.index, workDays: 0, utilisation: 0, phases: [] }));
  for (const p of phases) {
    const t = schedule.team[p.index]!;
    if (t < 0) continue;
    teamLoads[t]!.workDays += duration(p.index) * p.teamSize;
    teamLoads[t]!.phases.push(p.index);
  }
  for (const load of teamLoads) {
    const cap = project.teams[load.team]!.capacity * parallelDuration;
    load.utilisation = cap > 0 ? load.workDays / cap : 0;
  }

  const infrastructurePeak = project.infrastructure.map((r) => {
    const users = phases.filter((p) => p.resources.has(r.index)).map((p) => p.index);
    const peak = peakConcurrency(users, schedule.start, schedule.finish, (j) => phases[j]!.resources.get(r.index)!);
    return r.capacity > 0 ? peak / r.capacity : 0;
  });

  const cross = crossTeamEdges(reducedEdges, schedule);
  const syncPoints = cross.length + Math.max(0, waves.length - 1);
  let effortHours = 0;
  let overheadHours = 0;
  for (const p of phases) {
    const hours = duration(p.index) * p.teamSize * hoursPerDay(project, schedule.team[p.index]!);
    effortHours += hours;
    if (waves[waveOf[p.index]!]!.maxConcurrent > 1) overheadHours += duration(p.index) * p.teamSize * STANDUP_HOURS;
  }
  for (const [u, v] of cross) overheadHours += SYNC_POINT_HOURS * (phases[u]!.teamSize + phases[v]!.teamSize);
  for (const w of waves.slice(1)) for (const v of w.phases) overheadHours += SYNC_POINT_HOURS * 0.5 * phases[v]!.teamSize;

  return {
    sequentialDuration,
    parallelDuration,
    timeSavingsPercent,
    parallelEfficiency: timeSavingsPercent,
    teamLoads,
    infrastructurePeak,
    syncPoints,
    coordinationOverheadPercent: effortHours > 0 ? (overheadHours / effortHours) * 100 : 0,
  };
}
