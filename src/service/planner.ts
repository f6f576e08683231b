import type { PlanInput } from '../schemas/plan-input.js';
import type { PlannedVersion } from '../domain/plan.js';

/** Computes one version's artifacts, document and summary from its input. */
export type Planner = (input: PlanInput, ctx: { planId: string; version: number }) => Promise<PlannedVersion>;
