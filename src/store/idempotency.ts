import { sql } from 'kysely';
import type { Db } from './database.js';

export type IdempotencyBegin =
  | { kind: 'new' }
  | { kind: 'replay'; statusCode: number; response: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

/** An in-flight marker older than this is presumed dead (its process crashed) and may be retaken. */
const STALE_IN_FLIGHT_SECONDS = 120;

/**
 * Reserves an Idempotency-Key for one request. The first request inserts an in-flight marker
 * (status 0); a retry with the same key and body gets the stored response; the same key with a
 * different request is refused; a retry while the first is still running is told so.
 */
export async function beginIdempotent(
  db: Db,
  k: { workspaceId: string; key: string; method: string; path: string; requestHash: string },
): Promise<IdempotencyBegin> {
  const inserted = await sql`
    insert into idempotency_keys (workspace_id, key, method, path, request_hash, status_code, response)
    values (${k.workspaceId}, ${k.key}, ${k.method}, ${k.path}, ${k.requestHash}, 0, 'null'::jsonb)
    on conflict (workspace_id, key) do update
      set method = excluded.method, path = excluded.path, request_hash = excluded.request_hash, created_at = now()
      where idempotency_keys.status_code = 0
        and idempotency_keys.created_at < now() - make_interval(secs => ${STALE_IN_FLIGHT_SECONDS})
    returning key`.execute(db);
  if (inserted.rows.length > 0) return { kind: 'new' };
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['method', 'path', 'request_hash', 'status_code', 'response'])
    .where('workspace_id', '=', k.workspaceId)
    .where('key', '=', k.key)
    .executeTakeFirst();
  if (!row) return beginIdempotent(db, k);
  if (row.method !== k.method || row.path !== k.path || row.request_hash !== k.requestHash) return { kind: 'mismatch' };
  if (row.status_code === 0) return { kind: 'in_flight' };
  return { kind: 'replay', statusCode: row.status_code, response: row.response };
}

export async function finishIdempotent(db: Db, workspaceId: string, key: string, statusCode: number, response: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response: JSON.stringify(response ?? null) })
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .execute();
}

/** Forgets a key whose request failed on our side, so that a retry runs it again. */
export async function abandonIdempotent(db: Db, workspaceId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('key', '=', key).where('status_code', '=', 0).execute();
}
