import { PlanInputError, type InputIssue } from '../domain/errors.js';
import { planProject, type PlannedVersion, type PlanOptions } from '../domain/plan.js';
import type { PlanInput } from '../schemas/plan-input.js';
import { coreLoad, holdingCore, type CoreLoad } from './core-load.js';
import { createSearchHelper } from './search-helper.js';
import { ImportError, importAny, type ImportFormat, type ImportIssue, type ImportOptions, type ImportResult } from '../importers/index.js';

export interface PlanTask {
  input: PlanInput;
  planningDate: string;
  timeBudgetCapMs?: number;
  /** The advisor's budget and warm start (default: the domain's); benchmarks compare them through the pool. */
  advisor?: PlanOptions['advisor'];
  /** The pool's count of threads at work (core-load.ts), shared, so that helpers take only idle cores. */
  load?: CoreLoad;
}

/** What crosses the thread boundary: the plan, or the domain's input error as plain data. */
export type PlanTaskResult = { ok: PlannedVersion; texts: PlanTexts } | { error: { code: string; issues: InputIssue[] } };

/** JSON text of the plan's large parts, made in the worker so the event loop does not stringify megabytes. */
export interface PlanTexts {
  artifacts: string;
  schedule: string;
  playbooks: string;
}

/** Runs in a worker thread (piscina): plans one input. */
export default function planTask(task: PlanTask): PlanTaskResult {
  try {
    // Without the pool's word, the thread's own: its helper then sees this plan alone.
    const load = task.load ?? coreLoad;
    const ok = holdingCore(load, () =>
      planProject(task.input, {
        clock: () => performance.now(),
        searchHelper: (p) => createSearchHelper(p, load),
        planningDate: task.planningDate,
        ...(task.timeBudgetCapMs !== undefined ? { timeBudgetCapMs: task.timeBudgetCapMs } : {}),
        ...(task.advisor ? { advisor: task.advisor } : {}),
      }),
    );
    return { ok, texts: { artifacts: JSON.stringify(ok.artifacts), schedule: JSON.stringify(ok.schedule), playbooks: JSON.stringify(ok.playbooks) } };
  } catch (err) {
    if (err instanceof PlanInputError) return { error: { code: err.code, issues: err.issues } };
    throw err;
  }
}

export interface ImportTask {
  format: ImportFormat | undefined;
  fileName: string;
  text: string;
  options: ImportOptions;
}

/** What an import sends back across the thread boundary: the result, or either error as plain data. */
export type ImportTaskResult =
  { ok: ImportResult & { format: ImportFormat } } | { importError: { format: string; issues: ImportIssue[] } } | { planError: { code: string; issues: InputIssue[] } };

/** Runs in a worker thread: imports one large file, so that parsing 100,000 CSV rows does not hold the event loop. */
export function importTask(task: ImportTask): ImportTaskResult {
  try {
    return { ok: importAny(task.format, task.fileName, task.text, task.options) };
  } catch (err) {
    if (err instanceof ImportError) return { importError: { format: err.format, issues: err.issues } };
    if (err instanceof PlanInputError) return { planError: { code: err.code, issues: err.issues } };
    throw err;
  }
}
