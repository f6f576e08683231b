import { PlanInputError, type InputIssue } from '../domain/errors.js';
import { planProject, type PlannedVersion } from '../domain/plan.js';
import type { PlanInput } from '../schemas/plan-input.js';

export interface PlanTask {
  input: PlanInput;
  timeBudgetCapMs?: number;
}

/** What crosses the thread boundary: the plan, or the domain's input error as plain data. */
export type PlanTaskResult = { ok: PlannedVersion } | { error: { code: string; issues: InputIssue[] } };

/** Runs in a worker thread (piscina): plans one input. */
export default function planTask(task: PlanTask): PlanTaskResult {
  try {
    return { ok: planProject(task.input, { clock: () => performance.now(), ...(task.timeBudgetCapMs !== undefined ? { timeBudgetCapMs: task.timeBudgetCapMs } : {}) }) };
  } catch (err) {
    if (err instanceof PlanInputError) return { error: { code: err.code, issues: err.issues } };
    throw err;
  }
}
