import type { WorkCalendar } from '../calendar.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import type { PlanResult } from '../model.js';

/** What every artifact builder needs: the plan result, its calendar and its identity. */
export interface ArtifactContext {
  result: PlanResult;
  calendar: WorkCalendar;
  /** Derived from the input (see content-hash.ts): artifacts depend on the input alone. */
  executionPlanId: string;
  /** The input as given: the fields the engine does not plan with (deliverables, acceptance criteria, resource constraints, roles). */
  input: PlanInput;
  /** YYYY-MM-DD, passed in by the caller (planning-date.ts). */
  planningDate: string;
}

export const executionPlanId = (ctx: ArtifactContext) => ctx.executionPlanId;

export const startDateOf = (ctx: ArtifactContext, j: number) => ctx.calendar.dateOf(ctx.result.schedule.start[j]!);
export const finishDateOf = (ctx: ArtifactContext, j: number) => ctx.calendar.finishDate(ctx.result.schedule.start[j]!, ctx.result.schedule.finish[j]!);
export const teamIdOf = (ctx: ArtifactContext, j: number) => {
  const t = ctx.result.schedule.team[j]!;
  return t >= 0 ? ctx.result.project.teams[t]!.id : null;
};
/** A phase is critical in the resource-constrained schedule when it cannot slip without moving the finish. */
export const isCritical = (ctx: ArtifactContext, j: number) => ctx.result.scheduleSlack[j]! < 1e-6;
