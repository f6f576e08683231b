import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { findApiKey, hashToken, type ApiKey } from '../store/api-keys.js';

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
  const adminHash = opts.adminToken ? hashToken(opts.adminToken) : undefined;
  app.decorateRequest('principal', null as unknown as Principal);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (opts.mode === 'off') {
      request.principal = { workspaceId: 'default', role: 'write', admin: true, keyId: null };
      return;
    }
    if (OPEN.test(request.url) || request.url === '/docs') return;
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? header.match(/^Bearer\s+(\S{1,300})$/i)?.[1] : undefined;
    if (!token) {
      throw new AppError(401, 'unauthorized', 'send an API key: Authorization: Bearer <key>', [{ in: 'headers', path: '/authorization', message: 'missing or malformed' }]);
    }
    const hash = hashToken(token);
    if (adminHash && hash === adminHash) {
      request.principal = { workspaceId: 'default', role: 'write', admin: true, keyId: null };
      return;
    }
    let entry = cache.get(hash);
    if (!entry || Date.now() - entry.at > cacheMs) {
      entry = { key: await findApiKey(opts.db, token), at: Date.now() };
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, entry);
    }
    const key = entry.key;
    if (!key) throw new AppError(401, 'unauthorized', 'unknown or revoked API key', [{ in: 'headers', path: '/authorization', message: 'not a valid key' }]);
    // A read key may speak MCP: the tools it calls go through this check again, as the REST calls they are.
    if (key.role === 'read' && !READ_METHODS.has(request.method) && request.url !== '/mcp') {
      throw new AppError(403, 'forbidden', `key ${key.name} may only read`, [{ in: 'headers', path: '/authorization', message: 'read-only key' }]);
    }
    request.principal = { workspaceId: key.workspaceId, role: key.role, admin: false, keyId: key.id };
  });
}

export const authPlugin = fp(auth, { name: 'auth' });

export function requireAdmin(request: FastifyRequest): void {
  if (!request.principal?.admin) throw new AppError(403, 'forbidden', 'managing API keys needs the admin key', []);
}
