import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { abandonIdempotent, beginIdempotent, finishIdempotent, type IdempotencyScope } from '../store/idempotency.js';
import { workspaceOf } from './workspace.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
  interface FastifyContextConfig {
    /** Response fields that are secrets: never stored for a replay, so a replay is refused instead. */
    secretFields?: string[];
  }
}

export interface IdempotencyOptions {
  db: Db;
  /** How long a key's record is kept (and replayed). Default 24 h. */
  ttlSeconds?: number;
}

/** Idempotency-Keys belong to the principal that sent them, inside its workspace. */
function scopeOf(request: FastifyRequest): IdempotencyScope {
  const p = request.principal;
  return { workspaceId: workspaceOf(request), principal: p?.keyId ?? (p?.admin ? 'admin' : 'anonymous') };
}

/**
 * Idempotency-Key on every POST: a retried request (same principal, key, method, path and body)
 * is answered with the first response instead of being applied twice. It runs after
 * authentication and after the route's own authorisation checks have had their say in
 * preHandler order, and responses holding secrets are never stored.
 */
async function idempotency(app: FastifyInstance, { db, ttlSeconds = 24 * 3600 }: IdempotencyOptions) {
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–200 visible ASCII characters', [
        { in: 'headers', path: '/idempotency-key', message: 'invalid' },
      ]);
    }
    const scope = scopeOf(request);
    const path = request.url.split('?')[0]!;
    const requestHash = createHash('sha256')
      .update(stringify({ body: request.body ?? null, ifMatch: request.headers['if-match'] ?? null }) ?? '')
      .digest('hex');
    const begun = await beginIdempotent(db, { ...scope, key, method: request.method, path, requestHash, ttlSeconds });
    if (begun.kind === 'mismatch') {
      throw new AppError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for a different request', [{ in: 'headers', path: '/idempotency-key', message: 'reused' }]);
    }
    if (begun.kind === 'in_flight') {
      throw new AppError(409, 'request_in_progress', 'a request with this Idempotency-Key is still being processed; retry shortly', [
        { in: 'headers', path: '/idempotency-key', message: 'in progress' },
      ]);
    }
    if (begun.kind === 'replay') {
      const stored = begun.response as { headers: Record<string, string>; body: unknown; redacted?: boolean };
      if (stored.redacted) {
        throw new AppError(
          409,
          'secret_not_replayable',
          `the first request with this Idempotency-Key succeeded (${begun.statusCode}); its response held a secret, which is shown once and never stored`,
          [{ in: 'headers', path: '/idempotency-key', message: 'already used; the response held a secret' }],
        );
      }
      reply.headers({ ...stored.headers, 'idempotent-replayed': 'true' });
      return reply.code(begun.statusCode).send(stored.body);
    }
    request.idempotencyKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    request.idempotencyKey = undefined;
    const scope = scopeOf(request);
    if (reply.statusCode >= 500) {
      await abandonIdempotent(db, scope, key);
      return payload;
    }
    let body: unknown = null;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (text !== undefined) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const secrets = request.routeOptions.config.secretFields ?? [];
    if (secrets.length > 0 && reply.statusCode < 300) {
      await finishIdempotent(db, scope, key, reply.statusCode, { headers: {}, body: null, redacted: true });
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of ['location', 'etag']) {
      const v = reply.getHeader(h);
      if (typeof v === 'string') headers[h] = v;
    }
    await finishIdempotent(db, scope, key, reply.statusCode, { headers, body });
    return payload;
  });
}

export const idempotencyPlugin = fp(idempotency, { name: 'idempotency' });
