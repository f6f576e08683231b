import type { Logger } from 'pino';
import type { Db } from '../store/database.js';
import * as store from '../store/plans.js';
import type { Planner } from '../service/planner.js';
import type { JobMeta, PlanJobData } from './plan-queue.js';

const UNIQUE_VIOLATION = '23505';

export interface PlanJobHandlerOptions {
  /** The job's lines carry its job id and plan id (a child of this logger). */
  log?: Logger;
}

/**
 * Computes and stores one queued plan. A retried job whose plan already landed (the worker died
 * after the commit) is a no-op, and if two workers ever raced, the plan's primary key lets only
 * one transaction commit.
 */
export function planJobHandler(db: Db, planner: Planner, options: PlanJobHandlerOptions = {}) {
  return async (job: PlanJobData, meta?: JobMeta): Promise<'created' | 'already_done'> => {
    const log = options.log?.child({ ...(meta ? { jobId: meta.id } : {}), planId: job.planId });
    const started = performance.now();
    const outcome = await run(db, planner, job).catch((err: unknown) => {
      log?.warn({ err, ms: Math.round(performance.now() - started) }, 'plan job failed');
      throw err;
    });
    log?.info({ outcome, phases: job.input.phases.length, ms: Math.round(performance.now() - started) }, 'plan job done');
    return outcome;
  };
}

async function run(db: Db, planner: Planner, job: PlanJobData): Promise<'created' | 'already_done'> {
  const existing = await db.selectFrom('plans').select('id').where('id', '=', job.planId).executeTakeFirst();
  if (existing) return 'already_done';
  const computed = await planner(job.input, { planId: job.planId, version: 1 });
  try {
    await store.createPlan(db, { id: job.planId, workspaceId: job.workspaceId, name: job.input.name, input: job.input, computed });
    return 'created';
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return 'already_done';
    throw err;
  }
}
