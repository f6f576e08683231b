import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { findApiKey, hashToken, type ApiKey } from '../store/api-keys.js';
import { boundedCache } from '../cache.js';
import type { Metrics } from '../observability/metrics.js';

export interface AuthOptions {
  /** 'off' only for local development: every request acts in the 'default' workspace with write rights. */
  mode: 'on' | 'off';
  /** Bootstrap token from the environment: manages keys, and acts in the 'default' workspace. */
  adminToken?: string;
  /** How long a looked-up key is trusted before it is read again (revocation delay). */
  cacheMs?: number;
  /** Refused tokens per client address per minute before that address gets 429s (0: no limit). */
  failuresPerMinute?: number;
  /** Reports the key cache's size. */
  metrics?: Metrics;
}

export interface Principal {
  workspaceId: string;
  role: 'read' | 'write';
  admin: boolean;
  keyId: string | null;
  /** Auth is off: nobody was authenticated (the default workspace, write rights, never admin). */
  unauthenticated?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

// /metrics has its own check (METRICS_TOKEN), not a workspace's key.
const OPEN = /^\/(healthz|readyz|metrics|docs|ui)(\/|$|\?)/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function auth(app: FastifyInstance, opts: AuthOptions & { db: Db }) {
  const cacheMs = opts.cacheMs ?? 5_000;
  // Looked-up keys (and unknown tokens, so a flood of bad tokens does not reach the database each time).
  const cache = cacheMs > 0 ? boundedCache<{ key: ApiKey | null }>({ maxBytes: 4 * 1024 * 1024, sizeOf: (_v, k) => 300 + k.length, ttlMs: cacheMs }) : undefined;
  const adminHash = opts.adminToken ? Buffer.from(hashToken(opts.adminToken), 'hex') : undefined;
  app.decorateRequest('principal', null as unknown as Principal);
  // Random tokens each count as a new key for the rate limit; refusals are also counted per address.
  const failures = opts.failuresPerMinute ? boundedCache<{ n: number }>({ maxBytes: 4 * 1024 * 1024, sizeOf: (_v, k) => 100 + k.length, ttlMs: 60_000 }) : undefined;
  if (cache) opts.metrics?.addCache('api_keys', () => cache.calculatedSize);
  if (failures) opts.metrics?.addCache('refused_keys', () => failures.calculatedSize);
  const refuse = (request: FastifyRequest, err: AppError): never => {
    if (failures) {
      const f = failures.get(request.ip) ?? { n: 0 };
      f.n++;
      if (f.n === 1) failures.set(request.ip, f);
    }
    throw err;
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    /** RFC 9110 §11.6.1: a 401 names the scheme to use. */
    const unauthorized = (message: string, detail: string) => {
      reply.header('www-authenticate', 'Bearer realm="waveplan"');
      return new AppError(401, 'unauthorized', message, [{ in: 'headers', path: '/authorization', message: detail }]);
    };
    if (opts.mode === 'off') {
      request.principal = { workspaceId: 'default', role: 'write', admin: false, keyId: null, unauthenticated: true };
      return;
    }
    if (OPEN.test(request.url) || request.url === '/docs') return;
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? header.match(/^Bearer\s+(\S{1,300})$/i)?.[1] : undefined;
    if (!token) {
      return refuse(request, unauthorized('send an API key: Authorization: Bearer <key>', 'missing or malformed'));
    }
    const hash = hashToken(token);
    if (adminHash && timingSafeEqual(Buffer.from(hash, 'hex'), adminHash)) {
      request.principal = { workspaceId: 'default', role: 'write', admin: true, keyId: null };
      return;
    }
    let entry = cache?.get(hash);
    // An address that sent too many refused keys gets no more look-ups for a minute; keys already known pass.
    if (!entry && failures && (failures.get(request.ip)?.n ?? 0) >= opts.failuresPerMinute!) {
      throw new AppError(429, 'rate_limited', `more than ${opts.failuresPerMinute} refused API keys a minute from this address; retry in a minute`, []);
    }
    if (!entry) {
      entry = { key: (await findApiKey(opts.db, token)) ?? null };
      cache?.set(hash, entry);
    }
    const key = entry.key;
    if (!key) return refuse(request, unauthorized('unknown or revoked API key', 'not a valid key'));
    // A read key may speak MCP: the tools it calls go through this check again, as the REST calls they are.
    if (key.role === 'read' && !READ_METHODS.has(request.method) && request.url !== '/mcp') {
      throw new AppError(403, 'forbidden', `key ${key.name} may only read`, [{ in: 'headers', path: '/authorization', message: 'read-only key' }]);
    }
    request.principal = { workspaceId: key.workspaceId, role: key.role, admin: false, keyId: key.id };
  });
}

export const authPlugin = fp(auth, { name: 'auth' });

export function requireAdmin(request: FastifyRequest): void {
  if (request.principal?.unauthenticated) {
    throw new AppError(
      403,
      'auth_off',
      'auth is off (AUTH=off, or the embedded database without AUTH=on): API keys cannot be managed or used; start with AUTH=on and ADMIN_API_KEY',
      [],
    );
  }
  if (!request.principal?.admin) throw new AppError(403, 'forbidden', 'managing API keys needs the admin key', []);
}
