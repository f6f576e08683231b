import type { PlanInput } from '../../schemas/plan-input.js';
import { groupMembers } from '../group-members.js';
import { groupsOf } from '../input.js';
import type { PhaseStatusView, PlannedPhase } from './status.js';

export interface GroupProgress {
  id: string;
  name: string;
  parent: string | null;
  /** Its phases and those of the groups below it. */
  phases: number;
  completed: number;
  /** Share of its planned person-days done: completed phases count whole, running ones by their reported percent. */
  percent: number;
  plannedStart: number;
  plannedFinish: number;
  /** Earliest actual start among its phases (null: none started). */
  actualStart: number | null;
  /** Latest actual finish once every phase has finished (null until then). */
  actualFinish: number | null;
  projectedFinish: number;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The groups an input names (listed ones with their parents, then unlisted labels as top-level groups), each with its phases and those below it. */
export function groupMembersOf(input: Pick<PlanInput, 'groups' | 'phases'>): { id: string; name: string; parent: string | null; phases: string[] }[] {
  const groups = groupsOf(input);
  const members = groupMembers(
    groups,
    input.phases.map((p) => p.group),
  );
  return groups.map((g) => ({ id: g.id, name: g.name, parent: g.parent ?? null, phases: members.get(g.id)!.map((j) => input.phases[j]!.id) }));
}

/** Per group (rolled up over the groups below it): phases done of all, the share of its planned work done, and its planned, actual and projected span. */
export function groupProgress(input: Pick<PlanInput, 'groups' | 'phases'>, planned: PlannedPhase[], views: PhaseStatusView[]): GroupProgress[] {
  const effort = new Map(planned.map((p) => [p.id, p.effort]));
  const view = new Map(views.map((v) => [v.id, v]));
  return groupMembersOf(input).flatMap((g) => {
    const vs = g.phases.map((id) => view.get(id)).filter((v): v is PhaseStatusView => v !== undefined);
    if (vs.length === 0) return [];
    const weight = vs.reduce((a, v) => a + (effort.get(v.id) ?? 0), 0);
    const earned = vs.reduce((a, v) => a + ((effort.get(v.id) ?? 0) * (v.status === 'completed' ? 100 : v.percent)) / 100, 0);
    const started = vs.filter((v) => v.actualStart !== null).map((v) => v.actualStart!);
    const done = vs.filter((v) => v.status === 'completed').length;
    return [
      {
        id: g.id,
        name: g.name,
        parent: g.parent,
        phases: vs.length,
        completed: done,
        percent: weight > 0 ? round((earned / weight) * 100) : round((done / vs.length) * 100),
        plannedStart: Math.min(...vs.map((v) => v.plannedStart)),
        plannedFinish: Math.max(...vs.map((v) => v.plannedFinish)),
        actualStart: started.length > 0 ? Math.min(...started) : null,
        actualFinish: vs.every((v) => v.actualFinish !== null) ? Math.max(...vs.map((v) => v.actualFinish!)) : null,
        projectedFinish: Math.max(...vs.map((v) => v.projectedFinish)),
      },
    ];
  });
}
