import { Webhook } from 'standardwebhooks';
import type { Db } from '../store/database.js';
import { deliveryTarget, recordAttempt } from '../store/webhooks.js';
import { checkTarget, type TargetPolicy } from './webhook-targets.js';

export interface DeliveryOptions extends TargetPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  timeoutMs: number;
  now?: () => Date;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'done_already';

/**
 * One attempt at a delivery, signed the Standard Webhooks way: webhook-id, webhook-timestamp and
 * webhook-signature (v1, HMAC-SHA256 over "id.timestamp.body" with the subscription's secret).
 * Redirects are not followed (they could lead into the service's own network).
 */
export async function attemptDelivery(db: Db, deliveryId: string, opts: DeliveryOptions): Promise<DeliveryOutcome> {
  const d = await deliveryTarget(db, deliveryId);
  if (!d || d.status !== 'pending') return 'done_already';
  const started = Date.now();
  const target = await checkTarget(d.url, opts);
  if (!target.ok) {
    await recordAttempt(db, deliveryId, { statusCode: null, error: `refused: ${target.reason}`, durationMs: Date.now() - started, outcome: 'failed' });
    return 'failed';
  }
  const at = opts.now?.() ?? new Date();
  const signature = new Webhook(d.secret).sign(d.id, at, d.body);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'waveplan-webhooks/1',
        'webhook-id': d.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: d.body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `answered ${res.status}`;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    error = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : (e.cause?.code ?? e.message);
  }
  const delivered = error === null;
  const last = d.attempts + 1 >= opts.maxAttempts;
  const outcome = delivered ? 'delivered' : last ? 'failed' : 'pending';
  await recordAttempt(db, deliveryId, { statusCode, error, durationMs: Date.now() - started, outcome });
  return delivered ? 'delivered' : last ? 'failed' : 'retry';
}
