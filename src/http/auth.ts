import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { findApiKey, hashToken, sameToken, type ApiKey } from '../store/api-keys.js';

export interface AuthOptions {
  /** 'off' only for local development: every request acts in the 'default' workspace with write rights. */
  mode: 'on' | 'off';
  /** Bootstrap token from the environment: manages keys, and acts in the 'default' workspace. */
  adminToken?: string;
  /** How long a looked-up key is trusted before it is read again (revocation delay). */
  cacheMs?: number;
}

export interface Principal {
  workspaceId: string;
  role: 'read' | 'write';
  admin: boolean;
  keyId: string | null;
  /** Set when auth is off: nobody is authenticated, so nothing may manage keys. */
  unauthenticated?: true;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

const OPEN = /^\/(healthz|readyz|docs|ui)(\/|$|\?)/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function auth(app: FastifyInstance, opts: AuthOptions & { db: Db }) {
  const cache = new Map<string, { key: ApiKey | undefined; at: number }>();
  const cacheMs = opts.cacheMs ?? 5_000;
  app.decorateRequest('principal', null as unknown as Principal);

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
      throw unauthorized('send an API key: Authorization: Bearer <key>', 'missing or malformed');
    }
    if (opts.adminToken && sameToken(token, opts.adminToken)) {
      request.principal = { workspaceId: 'default', role: 'write', admin: true, keyId: null };
      return;
    }
    const hash = hashToken(token);
    let entry = cache.get(hash);
    if (!entry || Date.now() - entry.at > cacheMs) {
      entry = { key: await findApiKey(opts.db, token), at: Date.now() };
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, entry);
    }
    const key = entry.key;
    if (!key) throw unauthorized('unknown or revoked API key', 'not a valid key');
    if (key.role === 'read' && !READ_METHODS.has(request.method)) {
      throw new AppError(403, 'forbidden', `key ${key.name} may only read`, [{ in: 'headers', path: '/authorization', message: 'read-only key' }]);
    }
    request.principal = { workspaceId: key.workspaceId, role: key.role, admin: false, keyId: key.id };
  });
}

export const authPlugin = fp(auth, { name: 'auth' });

export function requireAdmin(request: FastifyRequest): void {
  if (request.principal?.unauthenticated) {
    throw new AppError(403, 'auth_off', 'auth is off (AUTH=off, or the embedded database without AUTH=on): API keys cannot be managed or used; start with AUTH=on and ADMIN_API_KEY', []);
  }
  if (!request.principal?.admin) throw new AppError(403, 'forbidden', 'managing API keys needs the admin key', []);
}
