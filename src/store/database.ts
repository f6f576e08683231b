import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { postgresListener, type Listener } from './listener.js';
import { clientSpan } from '../observability/tracer.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /** 'postgres' for a server reached by DATABASE_URL, 'pglite' for the embedded default. */
  kind: 'postgres' | 'pglite';
  /** LISTEN/NOTIFY: the one channel every tracking write notifies on, for pushing events to streams. */
  listener: Listener;
  /** Connections of the pool: open, idle, and requests waiting for one (PGlite: one, never waiting). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

// int8 (count(*), bigint sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PoolOptions {
  poolSize?: number;
  /** Longest wait for a new connection (ms). */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer (ms); 0 = no limit. */
  statementTimeoutMs?: number;
  /** Longest wait for any answer on a connection (ms); then the connection is thrown away. */
  queryTimeoutMs?: number;
  /** Told about connection errors that no query is waiting on (a restart, a terminated backend). */
  onError?: (err: Error) => void;
}

export const POOL_DEFAULTS = { poolSize: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 15_000, queryTimeoutMs: 20_000 } as const;

const QUERY_READ_TIMEOUT = 'Query read timeout';

/** A span for one statement (its text, never its values), when tracing records. */
function querySpan(statement: unknown) {
  return clientSpan(() => {
    const text = typeof statement === 'string' ? statement : typeof (statement as { text?: unknown })?.text === 'string' ? (statement as { text: string }).text : '';
    const first = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'query';
    // A statement with a CTE is named for its main statement ("with x as (…) insert into …": insert).
    const operation = first === 'with' ? (/\)\s*(select|insert|update|delete|merge)\b/i.exec(text)?.[1]?.toLowerCase() ?? first) : first;
    return { name: `pg ${operation}`, attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': text.slice(0, 2_000) } };
  });
}

/**
 * A pg Pool that survives what networks and servers do: errors on idle and checked-out clients
 * are reported, never thrown as unhandled 'error' events (which would end the process); every
 * connection has a connect timeout, a server-side statement timeout and TCP keepalive; and a
 * client whose query got no answer in time is destroyed rather than handed out again (pg leaves
 * the unanswered query at the head of that client's queue, so every later query on it would hang).
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const o = { ...POOL_DEFAULTS, ...options };
  const onError = options.onError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    max: o.poolSize,
    connectionTimeoutMillis: o.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'waveplan',
    ...(o.statementTimeoutMs ? { statement_timeout: o.statementTimeoutMs, idle_in_transaction_session_timeout: o.statementTimeoutMs * 2 } : {}),
    ...(o.queryTimeoutMs ? { query_timeout: o.queryTimeoutMs } : {}),
  });
  pool.on('error', (err) => onError(err));
  pool.on('connect', (client) => {
    client.on('error', (err) => onError(err));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const span = querySpan(args[0]);
      const result = query(...args);
      span?.settle(result);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).catch((err: Error) => {
          if (err?.message === QUERY_READ_TIMEOUT) (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        });
      }
      return result;
    };
  });
  return pool;
}

export function connectPostgres(url: string, options: PoolOptions | number = {}): DatabaseHandle {
  const pool = createPool(url, typeof options === 'number' ? { poolSize: options } : options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listener = postgresListener(url, typeof options === 'number' ? undefined : options.onError);
  return {
    db,
    kind: 'postgres',
    listener,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

/** The embedded default: PGlite keeps its files in dataDir ('memory://' for a throw-away database). */
export async function connectPglite(dataDir: string): Promise<DatabaseHandle> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listener: Listener = {
    listen: async (channel, onNotify) => {
      const off = await pglite.listen(channel, onNotify);
      return () => off();
    },
    close: async () => undefined,
  };
  return { db, kind: 'pglite', listener, poolStats: () => ({ total: 1, idle: 1, waiting: 0 }), close: () => db.destroy() };
}

export async function connect(options: { databaseUrl?: string; dataDir: string; pool?: PoolOptions }): Promise<DatabaseHandle> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl, options.pool) : connectPglite(options.dataDir);
}
