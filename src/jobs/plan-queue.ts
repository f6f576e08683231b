import PgBoss from 'pg-boss';
import type { PlanInput } from '../schemas/plan-input.js';
import { AppError } from '../errors.js';

export const PLAN_QUEUE = 'waveplan-plan';

export interface PlanJobData {
  planId: string;
  workspaceId: string;
  input: PlanInput;
}

export type PlanJobOutput = { planId: string } | { error: { statusCode: number; code: string; message: string; details: unknown[] } };

export interface PlanJobView {
  id: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  planId: string;
  error?: { statusCode: number; code: string; message: string; details: unknown[] };
  createdAt: string;
  completedAt: string | null;
}

/**
 * Large plans are computed off the request path through a PostgreSQL-backed queue (pg-boss):
 * every instance that shares the database works the same queue, and SKIP LOCKED hands each
 * job to exactly one of them.
 */
export class PlanQueue {
  private constructor(private readonly boss: PgBoss) {}

  static async start(connectionString: string, opts: { schema?: string } = {}): Promise<PlanQueue> {
    const boss = new PgBoss({ connectionString, schema: opts.schema ?? 'pgboss', max: 4, supervise: true, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.createQueue(PLAN_QUEUE);
    return new PlanQueue(boss);
  }

  async enqueue(data: PlanJobData): Promise<string> {
    const id = await this.boss.send(PLAN_QUEUE, data as unknown as object, { retryLimit: 2, retryDelay: 1, expireInSeconds: 15 * 60 });
    if (!id) throw new Error('job was not queued');
    return id;
  }

  /** Starts working the queue in this process; the handler computes and stores one plan. */
  async work(handler: (data: PlanJobData) => Promise<void>, pollingIntervalSeconds = 1): Promise<void> {
    await this.boss.work<PlanJobData>(PLAN_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      try {
        await handler(job.data);
        return { planId: job.data.planId } satisfies PlanJobOutput;
      } catch (err) {
        // Bad input fails the same way every time: record it instead of retrying.
        if (err instanceof AppError && err.statusCode < 500) {
          return { error: { statusCode: err.statusCode, code: err.code, message: err.message, details: err.details } } satisfies PlanJobOutput;
        }
        throw err;
      }
    });
  }

  async get(id: string, workspaceId: string): Promise<PlanJobView | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const job = await this.boss.getJobById<PlanJobData>(PLAN_QUEUE, id, { includeArchive: true });
    if (!job || job.data.workspaceId !== workspaceId) return undefined;
    const output = job.output as PlanJobOutput | undefined;
    const failed = job.state === 'failed' || (output !== undefined && output !== null && 'error' in output);
    const state = failed ? 'failed' : job.state === 'completed' ? 'completed' : job.state === 'active' ? 'running' : 'queued';
    return {
      id,
      state,
      planId: job.data.planId,
      ...(output && 'error' in output ? { error: output.error } : failed ? { error: { statusCode: 500, code: 'planning_failed', message: 'planning failed', details: [] } } : {}),
      createdAt: new Date(job.createdOn).toISOString(),
      completedAt: job.completedOn ? new Date(job.completedOn).toISOString() : null,
    };
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
