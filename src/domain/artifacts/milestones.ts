import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import { crossTeamEdges } from '../efficiency.js';
import { r2 } from '../format.js';
import { isCritical, type ArtifactContext } from './context.js';

type Milestone = ExecutionPlan['milestones'][number];

/**
 * A phase that is a milestone: today one of zero duration. When the input carries a phase's own
 * milestone flag (phases[].milestone), it is to be read here as well.
 */
export const isMilestonePhase = (ctx: ArtifactContext, j: number) => ctx.result.project.phases[j]!.milestone;

/** The plan's milestones: the end of each wave, each cross-team hand-over that gates the critical path, milestone phases, and the finish. */
export function milestones(ctx: ArtifactContext): Milestone[] {
  const { result, calendar } = ctx;
  const { project, schedule, waves } = result;
  const id = (j: number) => project.phases[j]!.id;
  const out: Omit<Milestone, 'milestone_id'>[] = [];
  for (const w of waves) {
    out.push({
      kind: 'wave_end',
      name: `End of wave ${w.index + 1} (${w.kind})`,
      date: calendar.finishDate(w.start, w.finish),
      day: r2(w.finish),
      phases: w.phases.map(id),
      gates_critical_path: w.phases.some((j) => isCritical(ctx, j)),
    });
  }
  for (const [u, v] of crossTeamEdges(result.reducedEdges, schedule)) {
    if (!isCritical(ctx, v)) continue;
    out.push({
      kind: 'sync_point',
      name: `Hand-over ${id(u)} → ${id(v)} on the critical path`,
      date: calendar.finishDate(schedule.start[u]!, schedule.finish[u]!),
      day: r2(schedule.finish[u]!),
      phases: [id(u), id(v)],
      gates_critical_path: true,
    });
  }
  for (const p of project.phases) {
    if (!isMilestonePhase(ctx, p.index)) continue;
    out.push({
      kind: 'phase',
      name: p.name,
      date: calendar.finishDate(schedule.start[p.index]!, schedule.finish[p.index]!),
      day: r2(schedule.finish[p.index]!),
      phases: [p.id],
      gates_critical_path: isCritical(ctx, p.index),
    });
  }
  const last = project.phases.filter((p) => schedule.finish[p.index]! >= schedule.makespan - 1e-9).map((p) => p.id);
  out.push({
    kind: 'finish',
    name: `${project.name} complete`,
    date: calendar.finishDate(0, schedule.makespan),
    day: r2(schedule.makespan),
    phases: last,
    gates_critical_path: true,
  });
  out.sort((a, b) => a.day - b.day || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return out.map((m, k) => ({ milestone_id: `ms_${String(k + 1).padStart(3, '0')}`, ...m }));
}

const KIND_ORDER: Record<Milestone['kind'], number> = { sync_point: 0, phase: 1, wave_end: 2, finish: 3 };
