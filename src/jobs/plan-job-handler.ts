import type { Db } from '../store/database.js';
import * as store from '../store/plans.js';
import type { Planner } from '../service/planner.js';
import type { PlanJobData } from './plan-queue.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Computes and stores one queued plan. A retried job whose plan already landed (the worker died
 * after the commit) is a no-op, and if two workers ever raced, the plan's primary key lets only
 * one transaction commit.
 */
export function planJobHandler(db: Db, planner: Planner) {
  return async (job: PlanJobData): Promise<'created' | 'already_done'> => {
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
  };
}
