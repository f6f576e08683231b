import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { abandonIdempotent, beginIdempotent, finishIdempotent } from '../store/idempotency.js';
import { workspaceOf } from './workspace.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

/**
 * Idempotency-Key on every POST: a retried request (same key, same method, path and body) is
 * answered with the first response instead of being applied twice.
 */
async function idempotency(app: FastifyInstance, { db }: { db: Db }) {
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–200 visible ASCII characters', [{ in: 'headers', path: '/idempotency-key', message: 'invalid' }]);
    }
    const workspaceId = workspaceOf(request);
    const path = request.url.split('?')[0]!;
    const requestHash = createHash('sha256').update(stringify({ body: request.body ?? null, ifMatch: request.headers['if-match'] ?? null }) ?? '').digest('hex');
    const begun = await beginIdempotent(db, { workspaceId, key, method: request.method, path, requestHash });
    if (begun.kind === 'mismatch') {
      throw new AppError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for a different request', [{ in: 'headers', path: '/idempotency-key', message: 'reused' }]);
    }
    if (begun.kind === 'in_flight') {
      throw new AppError(409, 'request_in_progress', 'a request with this Idempotency-Key is still being processed; retry shortly', [{ in: 'headers', path: '/idempotency-key', message: 'in progress' }]);
    }
    if (begun.kind === 'replay') {
      const stored = begun.response as { headers: Record<string, string>; body: unknown };
      reply.headers({ ...stored.headers, 'idempotent-replayed': 'true' });
      return reply.code(begun.statusCode).send(stored.body);
    }
    request.idempotencyKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    request.idempotencyKey = undefined;
    const workspaceId = workspaceOf(request);
    if (reply.statusCode >= 500) {
      await abandonIdempotent(db, workspaceId, key);
    } else {
      let body: unknown = null;
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
      if (text !== undefined) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const headers: Record<string, string> = {};
      for (const h of ['location', 'etag']) {
        const v = reply.getHeader(h);
        if (typeof v === 'string') headers[h] = v;
      }
      await finishIdempotent(db, workspaceId, key, reply.statusCode, { headers, body });
    }
    return payload;
  });
}

export const idempotencyPlugin = fp(idempotency, { name: 'idempotency' });
