import type { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Agent, fetch } from 'undici';
import type { Db } from '../store/database.js';
import { deliveryTarget, recordAttempt } from '../store/webhooks.js';
import { checkTarget, type TargetPolicy } from './webhook-targets.js';

export interface DeliveryOptions extends TargetPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  timeoutMs: number;
  now?: () => Date;
  /** The resolver the target check uses (tests). */
  resolve?: typeof lookup;
}

/**
 * A connection that goes to the addresses the target check approved: a DNS answer that changes
 * between the check and the connection (DNS rebinding) cannot lead the delivery into the
 * service's own network.
 */
function pinnedAgent(addresses: string[] | undefined): Agent | undefined {
  if (!addresses || addresses.length === 0) return undefined;
  const pinned = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  return new Agent({
    connect: {
      lookup: (_host, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof pinned) => void)(null, pinned);
        else callback(null, pinned[0]!.address, pinned[0]!.family);
      },
    },
  });
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
  const target = await checkTarget(d.url, opts, opts.resolve);
  if (!target.ok) {
    await recordAttempt(db, deliveryId, { statusCode: null, error: `refused: ${target.reason}`, durationMs: Date.now() - started, outcome: 'failed' });
    return 'failed';
  }
  const at = opts.now?.() ?? new Date();
  const signature = new Webhook(d.secret).sign(d.id, at, d.body);
  let statusCode: number | null = null;
  let error: string | null = null;
  const dispatcher = pinnedAgent(target.addresses);
  try {
    const res = await fetch(d.url, {
      ...(dispatcher ? { dispatcher } : {}),
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
  } finally {
    // Closing waits for the socket; the attempt is recorded meanwhile.
    dispatcher?.close().catch(() => undefined);
  }
  const delivered = error === null;
  const last = d.attempts + 1 >= opts.maxAttempts;
  const outcome = delivered ? 'delivered' : last ? 'failed' : 'pending';
  await recordAttempt(db, deliveryId, { statusCode, error, durationMs: Date.now() - started, outcome });
  return delivered ? 'delivered' : last ? 'failed' : 'retry';
}
