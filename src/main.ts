import { loadConfig, ConfigError, corsOriginsOf, trustProxyOf, type Config } from './config.js';
import { loggerOptions } from './logger.js';
import { DataDirError, ensureWritableDir } from './store/data-dir.js';
import { connect } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { buildApp } from './http/app.js';
import { createWorkerPlanner } from './service/worker-planner.js';
import { expireSessions } from './store/tracking.js';
import { PlanQueue } from './jobs/plan-queue.js';
import { planJobHandler } from './jobs/plan-job-handler.js';


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
  const handle = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DB_POOL_SIZE });
  await migrateToLatest(handle.db);
  // Auth is on unless switched off; the embedded default is local-only and runs without it.
  const authMode = config.AUTH ?? (handle.kind === 'pglite' ? 'off' : 'on');
  // Larger plans are computed in worker threads so that the event loop keeps serving requests.
  const workers = createWorkerPlanner({ timeBudgetCapMs: config.PLANNING_TIME_BUDGET_MS, maxPhases: config.MAX_PHASES, maxTeams: config.MAX_TEAMS });
  const planner = workers.planner;
  // Large plans go through the PostgreSQL job queue, worked by every instance on the database.
  const queue = config.DATABASE_URL ? await PlanQueue.start(config.DATABASE_URL) : undefined;
  if (queue) await queue.work(async (job) => void (await planJobHandler(handle.db, planner)(job)));
  const app = await buildApp({
    db: handle.db,
    planner,
    ...(queue ? { queue, asyncPhaseThreshold: config.ASYNC_PHASE_THRESHOLD } : {}),
    logger: loggerOptions(config.LOG_LEVEL),
    trustProxy: trustProxyOf(config),
    corsOrigins: corsOriginsOf(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
    auth: { mode: authMode, adminToken: config.ADMIN_API_KEY },
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
  if (handle.kind === 'pglite') {
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
  // Sessions that went silent lose their claims even when nobody asks for the plan's status.
  const sweeper = setInterval(() => {
    expireSessions(handle.db).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
  }, 5_000);
  sweeper.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    clearInterval(sweeper);
    await app.close();
    await queue?.stop();
    await workers.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
}

await main();
