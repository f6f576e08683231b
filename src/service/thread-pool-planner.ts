import { Piscina } from 'piscina';
import { PlanInputError } from '../domain/errors.js';
import { checkLimits, createDomainPlanner, PlanMemo, planningKey, type DomainPlannerOptions } from './domain-planner.js';
import { fromPlanInputError } from '../errors.js';
import type { ImportTask, ImportTaskResult, PlanTask, PlanTaskResult } from './thread-tasks.js';
import { inProcessImporter, type Importer } from './importer.js';
import { ImportError } from '../importers/index.js';
import type { Planner } from './planner.js';
import { primeJsonText } from '../store/json-text.js';
import { coreLoad } from './core-load.js';

export interface WorkerPlanner {
  planner: Planner;
  /** Imports files of importOffThreadBytes or more in the pool, smaller ones in-process. */
  importer: Importer;
  /** Bytes held by the plan memo the pool and the in-process path share. */
  memoBytes(): number;
  close(): Promise<void>;
}

/**
 * Plans in worker threads so the event loop keeps serving requests (even the example costs
 * ≈ 30 ms of search and Monte Carlo; through the pool, distinct POSTs went 29 → 42 req/s on
 * 2 cores and GETs stay fast meanwhile). Inputs below inProcessBelowPhases run in-process;
 * repeats come from the memo without a thread hop. Compiled, the worker is thread-tasks.js beside
 * this module; under tsx (development, tests) it is the .ts file, loaded through tsx.
 */
export function createWorkerPlanner(
  options: DomainPlannerOptions & {
    threads?: number;
    inProcessBelowPhases?: number;
    importOffThreadBytes?: number;
    onError?: (err: Error) => void;
    /** The advisor's options for plans made in the pool (benchmarks; the memo key does not include them, so keep them fixed per pool). */
    advisor?: PlanTask['advisor'];
  } = {},
): WorkerPlanner {
  const here = import.meta.url;
  const underTsx = here.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(underTsx ? './thread-tasks.ts' : './thread-tasks.js', here).href,
    ...(underTsx ? { execArgv: ['--import', 'tsx'] } : {}),
    maxThreads: options.threads ?? 2,
    // Threads are kept rather than started anew for each burst: a new thread re-reads every module.
    idleTimeout: 10 * 60_000,
  });
  // A worker that fails to start (out of file descriptors, out of memory) fails its task; it must never end the process.
  pool.on('error', (err: Error) => options.onError?.(err));
  const memo = new PlanMemo();
  const inProcess = createDomainPlanner(options, memo);
  const threshold = options.inProcessBelowPhases ?? 0;
  const planner: Planner = async (input, ids) => {
    if (input.phases.length < threshold) return inProcess(input, ids);
    checkLimits(input, options);
    const { key, planningDate } = planningKey(input, options);
    const hit = memo.get(key);
    if (hit) return hit;
    const task: PlanTask = {
      input,
      planningDate,
      load: coreLoad,
      ...(options.timeBudgetCapMs !== undefined ? { timeBudgetCapMs: options.timeBudgetCapMs } : {}),
      ...(options.advisor ? { advisor: options.advisor } : {}),
    };
    const result = (await pool.run(task)) as PlanTaskResult;
    if ('error' in result) throw fromPlanInputError(new PlanInputError(result.error.code, result.error.issues));
    primeJsonText(result.ok.artifacts, result.texts.artifacts);
    primeJsonText(result.ok.schedule, result.texts.schedule);
    primeJsonText(result.ok.playbooks, result.texts.playbooks);
    memo.set(key, result.ok);
    return result.ok;
  };
  const importOffThread = options.importOffThreadBytes ?? 256 * 1024;
  const importer: Importer = async (format, fileName, text, importOptions) => {
    if (text.length < importOffThread) return inProcessImporter(format, fileName, text, importOptions);
    const task: ImportTask = { format, fileName, text, options: importOptions };
    const result = (await pool.run(task, { name: 'importTask' })) as ImportTaskResult;
    if ('importError' in result) throw new ImportError(result.importError.format, result.importError.issues);
    if ('planError' in result) throw new PlanInputError(result.planError.code, result.planError.issues);
    return result.ok;
  };
  return { planner, importer, memoBytes: () => memo.bytes, close: () => pool.destroy() };
}
