import { sql } from 'kysely';
import type { Db } from './database.js';

export type IdempotencyBegin = { kind: 'new' } | { kind: 'replay'; statusCode: number; response: unknown } | { kind: 'mismatch' } | { kind: 'in_flight' };

/** An in-flight marker older than this is presumed dead (its process crashed) and may be retaken. */
const STALE_IN_FLIGHT_SECONDS = 120;

/** Who a key belongs to: the workspace and the principal in it (an API key's id, 'admin', or 'anonymous'). */
export interface IdempotencyScope {
  workspaceId: string;
  principal: string;
}

/**
 * Reserves an Idempotency-Key for one request. The first request inserts an in-flight marker
 * (status 0); a retry with the same key and body gets the stored response; the same key with a
 * different request is refused; a retry while the first is still running is told so. A record
 * older than ttlSeconds is forgotten: the key may be used afresh.
 */
export async function beginIdempotent(
  db: Db,
  k: IdempotencyScope & { key: string; method: string; path: string; requestHash: string; ttlSeconds: number },
): Promise<IdempotencyBegin> {
  const inserted = await sql`
    insert into idempotency_keys (workspace_id, principal, key, method, path, request_hash, status_code, response)
    values (${k.workspaceId}, ${k.principal}, ${k.key}, ${k.method}, ${k.path}, ${k.requestHash}, 0, 'null'::jsonb)
    on conflict (workspace_id, principal, key) do update
      set method = excluded.method, path = excluded.path, request_hash = excluded.request_hash, status_code = 0, response = 'null'::jsonb, created_at = now()
      where (idempotency_keys.status_code = 0 and idempotency_keys.created_at < now() - make_interval(secs => ${STALE_IN_FLIGHT_SECONDS}))
         or idempotency_keys.created_at < now() - make_interval(secs => ${k.ttlSeconds})
    returning key`.execute(db);
  if (inserted.rows.length > 0) return { kind: 'new' };
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['method', 'path', 'request_hash', 'status_code', 'response'])
    .where('workspace_id', '=', k.workspaceId)
    .where('principal', '=', k.principal)
    .where('key', '=', k.key)
    .executeTakeFirst();
  if (!row) return beginIdempotent(db, k);
  if (row.method !== k.method || row.path !== k.path || row.request_hash !== k.requestHash) return { kind: 'mismatch' };
  if (row.status_code === 0) return { kind: 'in_flight' };
  return { kind: 'replay', statusCode: row.status_code, response: row.response };
}

export async function finishIdempotent(db: Db, scope: IdempotencyScope, key: string, statusCode: number, response: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response: JSON.stringify(response ?? null) })
    .where('workspace_id', '=', scope.workspaceId)
    .where('principal', '=', scope.principal)
    .where('key', '=', key)
    .execute();
}

/** Forgets a key whose request failed on our side, so that a retry runs it again. */
export async function abandonIdempotent(db: Db, scope: IdempotencyScope, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('workspace_id', '=', scope.workspaceId)
    .where('principal', '=', scope.principal)
    .where('key', '=', key)
    .where('status_code', '=', 0)
    .execute();
}

/** Deletes records past their time to live; returns how many. */
export async function expireIdempotencyKeys(db: Db, ttlSeconds: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where(sql<boolean>`created_at < now() - make_interval(secs => ${ttlSeconds})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
