import PgBoss from 'pg-boss';
import type { PlanInput } from '../schemas/plan-input.js';
import { WaveplanError } from '../errors.js';
import { POOL_DEFAULTS } from '../store/database.js';
import { inSpan, SpanKind } from '../observability/tracer.js';
import { Metrics, type QueueDepth } from '../observability/metrics.js';
import { WEBHOOK_QUEUE } from './webhook-queue.js';

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
export interface QueueOptions {
  schema?: string;
  /** Told about errors of the queue's own connections and polling (they never end the process). */
  onError?: (err: Error) => void;
  /** How often a working job beats, and how long without a beat until it is handed back. */
  heartbeatMs?: number;
  staleAfterMs?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  queryTimeoutMs?: number;
  /** Times the jobs this instance works into waveplan_queue_job_duration_seconds. */
  metrics?: Metrics;
}

/** What a job's handler is told about the job besides its data. */
export interface JobMeta {
  id: string;
}

/** The queue's own pool, with timeouts: a stalled or severed connection fails its query instead of hanging the worker for good. */
function queuePool(o: QueueOptions) {
  return {
    max: 4,
    keepAlive: true,
    connectionTimeoutMillis: o.connectTimeoutMs ?? POOL_DEFAULTS.connectTimeoutMs,
    ...((o.statementTimeoutMs ?? POOL_DEFAULTS.statementTimeoutMs) ? { statement_timeout: o.statementTimeoutMs ?? POOL_DEFAULTS.statementTimeoutMs } : {}),
    ...((o.queryTimeoutMs ?? POOL_DEFAULTS.queryTimeoutMs) ? { query_timeout: o.queryTimeoutMs ?? POOL_DEFAULTS.queryTimeoutMs } : {}),
  };
}

export class PlanQueue {
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
    private readonly heartbeatMs: number,
    private readonly staleAfterMs: number,
    private readonly onError: (err: Error) => void,
    private readonly metrics?: Metrics,
  ) {
    this.sweeper = setInterval(() => void this.handBackStaleJobs().catch((err: Error) => this.failed(err)), Math.max(1_000, Math.floor(staleAfterMs / 2)));
    this.sweeper.unref();
  }

  static async start(connectionString: string, opts: QueueOptions = {}): Promise<PlanQueue> {
    const schema = opts.schema ?? 'pgboss';
    const boss = new PgBoss({ connectionString, schema, ...queuePool(opts), supervise: true, schedule: false });
    const queue = new PlanQueue(boss, schema, opts.heartbeatMs ?? 5_000, opts.staleAfterMs ?? 30_000, opts.onError ?? (() => undefined), opts.metrics);
    boss.on('error', (err: Error) => queue.failed(err));
    await boss.start();
    await boss.createQueue(PLAN_QUEUE);
    return queue;
  }

  private failed(err: Error): void {
    this.onError(err);
  }

  /** Whether the queue's database answers now (within timeoutMs): for readiness. */
  async ready(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.boss.getQueueSize(PLAN_QUEUE).then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private sql(text: string, values: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> {
    return (this.boss.getDb() as unknown as { executeSql(t: string, v: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }).executeSql(text, values);
  }

  private beat(jobId: string): Promise<unknown> {
    return this.sql('insert into job_heartbeats (job_id, beat_at) values ($1, now()) on conflict (job_id) do update set beat_at = now()', [jobId]);
  }

  /**
   * Jobs that are active but whose worker stopped beating (its process was killed) go back to
   * the queue now, through pg-boss's own fail (which retries while retries are left). A job that
   * a live worker beats for is never touched, however long it runs.
   */
  async handBackStaleJobs(): Promise<number> {
    const staleSeconds = this.staleAfterMs / 1000;
    const { rows } = await this.sql(
      `select j.id from ${this.schema}.job j left join job_heartbeats h on h.job_id = j.id
        where j.name = $1 and j.state = 'active' and j.started_on < now() - make_interval(secs => $2)
          and (h.beat_at is null or h.beat_at < now() - make_interval(secs => $2))`,
      [PLAN_QUEUE, staleSeconds],
    );
    const ids = rows.map((r) => String(r.id));
    if (ids.length === 0) return 0;
    for (const id of ids) await this.boss.fail(PLAN_QUEUE, id, { message: 'the worker stopped beating (its process ended); handed back to the queue' });
    await this.sql('delete from job_heartbeats where job_id = any($1::uuid[])', [ids]);
    return ids.length;
  }

  async enqueue(data: PlanJobData): Promise<string> {
    return inSpan(
      'waveplan.queue.enqueue',
      { 'messaging.destination.name': PLAN_QUEUE, 'waveplan.plan.id': data.planId },
      async (span) => {
        const id = await this.boss.send(PLAN_QUEUE, data as unknown as object, { retryLimit: 2, retryDelay: 1, expireInSeconds: 15 * 60 });
        if (!id) throw new Error('job was not queued');
        span.setAttribute('messaging.message.id', id);
        return id;
      },
      SpanKind.PRODUCER,
    );
  }

  /**
   * Unfinished jobs of the plan and webhook queues, with the age of the oldest, read from the
   * database (every instance's jobs, not this one's): for /metrics at scrape time.
   */
  async depths(): Promise<QueueDepth[]> {
    const { rows } = await this.sql(
      `select name, case when state = 'active' then 'active' else 'waiting' end as state, count(*)::int as jobs,
              coalesce(extract(epoch from now() - min(case when state = 'active' then coalesce(started_on, created_on) else created_on end)), 0)::float8 as oldest
         from ${this.schema}.job where name = any($1::text[]) and state in ('created', 'retry', 'active') group by 1, 2`,
      [[PLAN_QUEUE, WEBHOOK_QUEUE]],
    );
    const found = rows.map((r) => ({ queue: String(r.name), state: r.state as QueueDepth['state'], jobs: Number(r.jobs), oldestSeconds: Number(r.oldest) }));
    // Empty queues are reported as 0, not left out.
    return [PLAN_QUEUE, WEBHOOK_QUEUE].flatMap((queue) =>
      (['waiting', 'active'] as const).map((state) => found.find((d) => d.queue === queue && d.state === state) ?? { queue, state, jobs: 0, oldestSeconds: 0 }),
    );
  }

  /** Starts working the queue in this process; the handler computes and stores one plan. */
  async work(handler: (data: PlanJobData, job: JobMeta) => Promise<void>, pollingIntervalSeconds = 1): Promise<void> {
    await this.boss.work<PlanJobData>(PLAN_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      const attributes = { 'messaging.destination.name': PLAN_QUEUE, 'messaging.message.id': job.id, 'waveplan.plan.id': job.data.planId };
      const run = () => this.runJob(job, handler);
      return inSpan('waveplan.queue.job', attributes, () => (this.metrics ? Metrics.timed(this.metrics.jobs, { queue: PLAN_QUEUE }, run) : run()), SpanKind.CONSUMER);
    });
  }

  private async runJob(job: { id: string; data: PlanJobData }, handler: (data: PlanJobData, job: JobMeta) => Promise<void>): Promise<PlanJobOutput> {
    await this.beat(job.id).catch((err: Error) => this.failed(err));
    const timer = setInterval(() => void this.beat(job.id).catch((err: Error) => this.failed(err)), this.heartbeatMs);
    try {
      await handler(job.data, { id: job.id });
      return { planId: job.data.planId } satisfies PlanJobOutput;
    } catch (err) {
      // Bad input fails the same way every time: record it instead of retrying.
      if (err instanceof WaveplanError && err.statusCode < 500) {
        return { error: { statusCode: err.statusCode, code: err.code, message: err.message, details: err.details } } satisfies PlanJobOutput;
      }
      throw err;
    } finally {
      clearInterval(timer);
      await this.sql('delete from job_heartbeats where job_id = $1', [job.id]).catch(() => undefined);
    }
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
    clearInterval(this.sweeper);
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
