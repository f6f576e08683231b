import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { notFound } from '../errors.js';
import type { Db } from './database.js';

export type Role = 'read' | 'write';

export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function toKey(r: { id: string; workspace_id: string; name: string; role: Role; created_at: Date | string; revoked_at: Date | string | null }): ApiKey {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    role: r.role,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}

/** Creates a key; the token is returned this once and never stored. */
export async function createApiKey(db: Db, k: { workspaceId: string; name: string; role: Role }): Promise<ApiKey & { token: string }> {
  const token = `wp_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_keys')
    .values({ id: randomUUID(), workspace_id: k.workspaceId, name: k.name, role: k.role, token_hash: hashToken(token) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toKey(row), token };
}

export async function findApiKey(db: Db, token: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

export async function listApiKeys(db: Db, workspaceId?: string): Promise<ApiKey[]> {
  let q = db.selectFrom('api_keys').selectAll().orderBy('created_at');
  if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
  return (await q.execute()).map(toKey);
}

export async function revokeApiKey(db: Db, id: string): Promise<ApiKey> {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound(`API key ${id}`);
  return toKey(row);
}
