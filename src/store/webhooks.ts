import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { notFound } from '../errors.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

export interface Subscription {
  id: string;
  planId: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  createdAt: string;
}

const toSubscription = (r: { id: string; plan_id: string; url: string; event_types: string[]; description: string | null; created_at: Date }): Subscription => ({
  id: r.id,
  planId: r.plan_id,
  url: r.url,
  eventTypes: r.event_types,
  description: r.description,
  createdAt: new Date(r.created_at).toISOString(),
});

async function planInWorkspace(db: Db, workspaceId: string, planId: string): Promise<void> {
  const row = await db.selectFrom('plans').select('id').where('id', '=', planId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound(`plan ${planId}`);
}

/** A new secret in the Standard Webhooks form: whsec_ and 24 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export async function createSubscription(
  db: Db,
  workspaceId: string,
  planId: string,
  s: { url: string; eventTypes: string[]; secret?: string; description?: string },
): Promise<Subscription & { secret: string }> {
  await planInWorkspace(db, workspaceId, planId);
  const secret = s.secret ?? newSecret();
  const row = await db
    .insertInto('webhook_subscriptions')
    .values({ id: randomUUID(), plan_id: planId, url: s.url, event_types: [...new Set(s.eventTypes)], secret, description: s.description ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toSubscription(row), secret };
}

export async function listSubscriptions(db: Db, workspaceId: string, planId: string): Promise<Subscription[]> {
  await planInWorkspace(db, workspaceId, planId);
  return (await db.selectFrom('webhook_subscriptions').selectAll().where('plan_id', '=', planId).orderBy('created_at').execute()).map(toSubscription);
}

export async function deleteSubscription(db: Db, workspaceId: string, planId: string, id: string): Promise<void> {
  await planInWorkspace(db, workspaceId, planId);
  const res = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).where('plan_id', '=', planId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound(`webhook ${id}`);
}

export interface DeliveryView {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Array<{ at: string; statusCode: number | null; error: string | null; durationMs: number }>;
  createdAt: string;
  finishedAt: string | null;
  payload: Record<string, unknown>;
}

/** The delivery log of one subscription, newest first. */
export async function listDeliveries(db: Db, workspaceId: string, planId: string, subscriptionId: string, limit = 100): Promise<DeliveryView[]> {
  await planInWorkspace(db, workspaceId, planId);
  const sub = await db.selectFrom('webhook_subscriptions').select('id').where('id', '=', subscriptionId).where('plan_id', '=', planId).executeTakeFirst();
  if (!sub) throw notFound(`webhook ${subscriptionId}`);
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const attempts = ids.length ? await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('id').execute() : [];
  return rows.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    status: r.status,
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({ at: new Date(a.attempted_at).toISOString(), statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    payload: r.payload,
  }));
}

/**
 * Writes a delivery for every subscription of the plan that wants this event type, in the
 * caller's transaction: the event and its deliveries commit together or not at all.
 */
export async function recordWebhookEvent(db: Db | Trx, planId: string, type: string, data: Record<string, unknown>, at?: string): Promise<number> {
  const subs = await db
    .selectFrom('webhook_subscriptions')
    .select('id')
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb(sql.val(type), '=', eb.fn.any('event_types')), eb(sql.val('*'), '=', eb.fn.any('event_types'))]))
    .execute();
  if (subs.length === 0) return 0;
  const timestamp = at ?? new Date().toISOString();
  await db
    .insertInto('webhook_deliveries')
    .values(
      subs.map((s) => {
        const id = randomUUID();
        return { id, subscription_id: s.id, plan_id: planId, event_type: type, payload: JSON.stringify({ type, timestamp, data: { planId, ...data } }) };
      }),
    )
    .execute();
  return subs.length;
}

/** Deliveries not yet handed to the job queue (new, or stranded by a restart), oldest first, locked for the caller's transaction. */
export async function unqueuedDeliveries(trx: Trx, limit: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('queued_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

export async function markQueued(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length)
    await trx
      .updateTable('webhook_deliveries')
      .set({ queued_at: sql`now()` })
      .where('id', 'in', ids)
      .execute();
}

export interface DeliveryTarget {
  id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  url: string;
  secret: string;
  body: string;
}

export async function deliveryTarget(db: Db, id: string): Promise<DeliveryTarget | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.status', 'd.attempts', 's.url', 's.secret', sql<string>`d.payload::text`.as('body')])
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row;
}

/** Logs one attempt and moves the delivery on: delivered, failed for good, or still pending (to be retried). */
export async function recordAttempt(
  db: Db,
  id: string,
  a: { statusCode: number | null; error: string | null; durationMs: number; outcome: 'delivered' | 'failed' | 'pending' },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_attempts').values({ delivery_id: id, status_code: a.statusCode, error: a.error, duration_ms: a.durationMs }).execute();
    await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: a.outcome,
        ...(a.outcome === 'pending' ? {} : { finished_at: sql`now()` }),
      }))
      .where('id', '=', id)
      .execute();
  });
}
