import { loadConfig, ConfigError, corsOriginsOf, trustProxyOf, type Config } from './config.js';
import { createLogger } from './logger.js';
import { DataDirError, ensureWritableDir } from './store/data-dir.js';
import { connect } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { buildApp } from './http/app.js';
import { createWorkerPlanner } from './service/thread-pool-planner.js';
import { expireSessions } from './store/tracking.js';
import { expireIdempotencyKeys } from './store/idempotency.js';
import { PlanQueue } from './jobs/plan-queue.js';
import { planJobHandler } from './jobs/plan-job-handler.js';
import { WebhookQueue } from './jobs/webhook-queue.js';
import { badAllowlistEntries } from './jobs/webhook-targets.js';
import { Metrics } from './observability/metrics.js';
import { observedPlanner } from './service/observed-planner.js';
import type { Tracing } from './observability/tracing-sdk.js';
import type { Db } from './store/database.js';
import type { Planner } from './service/planner.js';
import type { Logger } from 'pino';
import type { FastifyInstance } from 'fastify';

/** The OpenTelemetry SDK, imported only when TRACING=on (off: not one of its modules is loaded). */
async function startTracingIfOn(config: Config): Promise<Tracing | undefined> {
  if (config.TRACING !== 'on') return undefined;
  const { startTracing } = await import('./observability/tracing-sdk.js');
  return startTracing({ exporter: config.TRACING_EXPORTER });
}

/**
 * Large plans go through the PostgreSQL job queue, worked by every instance on the database (none
 * on the embedded one); each job is timed, traced and logged under its job and plan ids.
 */
async function startPlanQueue(config: Config, db: Db, planner: Planner, metrics: Metrics, log: Logger): Promise<PlanQueue | undefined> {
  if (!config.DATABASE_URL) return undefined;
  const queue = await PlanQueue.start(config.DATABASE_URL, {
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
    heartbeatMs: config.JOB_HEARTBEAT_MS,
    staleAfterMs: config.JOB_STALE_AFTER_MS,
    metrics,
    onError: (err) => log.warn({ err }, 'job queue error'),
  });
  const handler = planJobHandler(db, observedPlanner(planner, metrics, 'queue'), { log });
  await queue.work(async (job, meta) => void (await handler(job, meta)));
  return queue;
}

/** The webhook allow-list from WEBHOOK_ALLOWLIST; a malformed entry ends start-up with the entry named. */
function webhookPolicyOf(config: Config): { allowlist?: string[] } {
  const allowlist = config.WEBHOOK_ALLOWLIST?.split(',')
    .map((e: string) => e.trim())
    .filter(Boolean);
  const badEntries = badAllowlistEntries(allowlist ?? []);
  if (badEntries.length > 0) {
    console.error(`Invalid configuration:\n  WEBHOOK_ALLOWLIST: not a host, IP or CIDR range: ${badEntries.join(', ')}`);
    process.exit(1);
  }
  return allowlist ? { allowlist } : {};
}

function warnAboutSetup(app: FastifyInstance, config: Config, kind: string, authMode: string): void {
  if (kind === 'pglite') {
    app.log.warn(
      { dataDir: config.DATA_DIR },
      'no DATABASE_URL: running on embedded PostgreSQL (PGlite) for local use; one instance only. Set DATABASE_URL for a PostgreSQL server.',
    );
  }
  if (authMode === 'off') {
    app.log.warn('AUTH IS OFF: every request acts in the "default" workspace with write rights. For local development only; set AUTH=on (and ADMIN_API_KEY) to require API keys.');
  } else if (!config.ADMIN_API_KEY) {
    app.log.warn('auth is on but ADMIN_API_KEY is not set: no API keys can be created through the API');
  }
}

/** Sessions that went silent lose their claims even when nobody asks for the plan's status; expired idempotency keys are forgotten. */
function startHousekeeping(app: FastifyInstance, db: Db, config: Config) {
  const sweeper = setInterval(() => {
    expireSessions(db).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
  }, 5_000);
  sweeper.unref();
  const forgetter = setInterval(() => {
    expireIdempotencyKeys(db, Math.round(config.IDEMPOTENCY_TTL_HOURS * 3600)).catch((err: unknown) => app.log.warn({ err }, 'idempotency clean-up failed'));
  }, 10 * 60_000);
  forgetter.unref();
  return { sweeper, forgetter };
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    try {
      ensureWritableDir(config.DATA_DIR);
    } catch (err) {
      if (!(err instanceof DataDirError)) throw err;
      console.error(err.message);
      process.exit(1);
    }
  }
  // Errors of connections that no request is waiting on (a restart, a terminated backend, a
  // failover) are logged; the pool replaces the connection on next use. They never end the process.
  const log = createLogger(config.LOG_LEVEL);
  // Before the pool: its queries are traced from the first one.
  const tracing = await startTracingIfOn(config);
  const metrics = new Metrics();
  const handle = await connect({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    pool: {
      poolSize: config.DB_POOL_SIZE,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
      onError: (err) => log.warn({ err }, 'database connection error'),
    },
  });
  await migrateToLatest(handle.db);
  // Auth is on unless switched off; the embedded default is local-only and runs without it.
  const authMode = config.AUTH ?? (handle.kind === 'pglite' ? 'off' : 'on');
  // Larger plans are computed in worker threads so that the event loop keeps serving requests.
  const workers = createWorkerPlanner({
    timeBudgetCapMs: config.PLANNING_TIME_BUDGET_MS,
    maxPhases: config.MAX_PHASES,
    maxTeams: config.MAX_TEAMS,
    onError: (err) => log.error({ err }, 'planning worker error'),
  });
  const planner = workers.planner;
  const queue = await startPlanQueue(config, handle.db, planner, metrics, log);
  metrics.addCache('plan_memo', () => workers.memoBytes());
  const webhookPolicy = webhookPolicyOf(config);
  // Webhooks go out through the same PostgreSQL queue machinery, from every instance.
  const webhookQueue = config.DATABASE_URL ? await WebhookQueue.start(config.DATABASE_URL, handle.db, { ...webhookPolicy, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS }) : undefined;
  const app = await buildApp({
    db: handle.db,
    listener: handle.listener,
    importer: workers.importer,
    maxStreamsPerPrincipal: config.MAX_STREAMS_PER_KEY,
    maxStreams: config.MAX_STREAMS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    planner,
    ...(queue ? { queue, asyncPhaseThreshold: config.ASYNC_PHASE_THRESHOLD } : {}),
    loggerInstance: log,
    trustProxy: trustProxyOf(config),
    corsOrigins: corsOriginsOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
    auth: { mode: authMode, adminToken: config.ADMIN_API_KEY },
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    idempotencyTtlSeconds: Math.round(config.IDEMPOTENCY_TTL_HOURS * 3600),
    webhooks: { enabled: webhookQueue !== undefined, policy: webhookPolicy },
    metrics,
    metricsEndpoint: { enabled: config.METRICS === 'on', processMetrics: true, ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) },
    poolStats: () => handle.poolStats(),
  });
  warnAboutSetup(app, config, handle.kind, authMode);
  const { sweeper, forgetter } = startHousekeeping(app, handle.db, config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    clearInterval(sweeper);
    clearInterval(forgetter);
    await app.close();
    await queue?.stop();
    await webhookQueue?.stop();
    await workers.close();
    await handle.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
}

await main();
