import PgBoss from 'pg-boss';
import type { Db } from '../store/database.js';
import { markQueued, unqueuedDeliveries } from '../store/webhooks.js';
import { attemptDelivery, type DeliveryOptions } from './webhook-delivery.js';

export const WEBHOOK_QUEUE = 'waveplan-webhook';

export interface WebhookQueueOptions extends Partial<Omit<DeliveryOptions, 'now'>> {
  schema?: string;
  /** First retry after this many seconds, doubling (with jitter) each time. */
  retryDelaySeconds?: number;
  /** How often deliveries written by events are handed to the queue. */
  dispatchMs?: number;
  pollingIntervalSeconds?: number;
}

/**
 * Webhook deliveries through pg-boss: a dispatcher hands each delivery row (written with its
 * event) to the queue as a job whose id is the delivery's, and workers on every instance send
 * it; a failed attempt throws, so pg-boss retries it with exponential backoff. The rows survive
 * restarts, jobs too, and a row not yet queued is queued by the next dispatcher to run.
 */
export class WebhookQueue {
  private timer: NodeJS.Timeout | undefined;
  private dispatching: Promise<void> = Promise.resolve();

  private constructor(
    private readonly boss: PgBoss,
    private readonly db: Db,
    private readonly opts: Required<Pick<WebhookQueueOptions, 'maxAttempts' | 'timeoutMs' | 'retryDelaySeconds' | 'dispatchMs' | 'pollingIntervalSeconds'>> & WebhookQueueOptions,
  ) {}

  static async start(connectionString: string, db: Db, options: WebhookQueueOptions = {}): Promise<WebhookQueue> {
    const boss = new PgBoss({ connectionString, schema: options.schema ?? 'pgboss', max: 2, supervise: true, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.createQueue(WEBHOOK_QUEUE);
    const q = new WebhookQueue(boss, db, {
      maxAttempts: 8,
      timeoutMs: 10_000,
      retryDelaySeconds: 5,
      dispatchMs: 500,
      pollingIntervalSeconds: 0.5,
      ...options,
    });
    await q.boss.work<{ deliveryId: string }>(WEBHOOK_QUEUE, { batchSize: 1, pollingIntervalSeconds: q.opts.pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      const outcome = await attemptDelivery(db, job.data.deliveryId, q.opts);
      if (outcome === 'retry') throw new Error(`delivery ${job.data.deliveryId} failed; retrying`);
      return { outcome };
    });
    q.timer = setInterval(() => void q.dispatch(), q.opts.dispatchMs);
    q.timer.unref();
    await q.dispatch();
    return q;
  }

  /** Hands unqueued deliveries to pg-boss (job id = delivery id, so a repeat is a no-op), then marks them queued. */
  dispatch(): Promise<void> {
    this.dispatching = this.dispatching.then(async () => {
      try {
        await this.db.transaction().execute(async (trx) => {
          const ids = await unqueuedDeliveries(trx, 100);
          for (const id of ids) {
            await this.boss.send(
              WEBHOOK_QUEUE,
              { deliveryId: id },
              { id, retryLimit: this.opts.maxAttempts - 1, retryDelay: this.opts.retryDelaySeconds, retryBackoff: true, expireInSeconds: 120 },
            );
          }
          await markQueued(trx, ids);
        });
      } catch {
        // The rows stay unqueued and the next tick tries again.
      }
    });
    return this.dispatching;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.dispatching;
    await this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }
}
