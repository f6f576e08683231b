import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import { rejectBadBody } from './body-guard.js';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { validatorCompiler } from './validator-compiler.js';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Db } from '../store/database.js';
import type { Planner } from '../service/planner.js';
import { installErrorHandling } from './error-handler.js';
import { openapiInfo } from './openapi-info.js';
import { finishDocument } from './openapi-document.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { rejectEncodedBodies } from './content-encoding.js';
import { RouteMethods } from './method-not-allowed.js';
import { securityHeaders } from './security-headers.js';
import { authPlugin, type AuthOptions } from './auth.js';
import { idempotencyPlugin } from './idempotency.js';
import { healthRoutes } from './routes/health.js';
import { planRoutes } from './routes/plans.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { artifactRoutes } from './routes/artifacts.js';
import { artifactSetRoutes } from './routes/artifact-set.js';
import { exportRoutes } from './routes/exports.js';
import { trackingRoutes } from './routes/tracking.js';
import { eventStreamRoutes } from './routes/event-stream.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { jobRoutes } from './routes/jobs.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { importRoutes } from './routes/imports.js';
import { mcpRoutes } from '../mcp/http-route.js';
import { agentPlaybookRoutes } from './routes/agent-playbooks.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { TargetPolicy } from '../jobs/webhook-targets.js';
import { VersionBodyCache } from './version-body-cache.js';
import type { PlanQueue } from '../jobs/plan-queue.js';
import type { Listener } from '../store/listener.js';
import type { Importer } from '../service/importer.js';
import { Metrics, type PoolUsage } from '../observability/metrics.js';
import { metricsRoute } from './routes/metrics.js';
import { observedPlanner } from '../service/observed-planner.js';
import { logBindings } from './log-bindings.js';
import { basisCacheBytes } from '../store/tracking.js';

export interface AppOptions {
  db: Db;
  planner: Planner;
  logger?: FastifyServerOptions['logger'];
  /** An existing pino logger (the process's own); wins over logger. */
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  auth?: AuthOptions;
  /** Requests per minute per API key (or client address); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** How often an open event stream looks for new events when nothing was pushed. */
  eventPollMs?: number;
  /** LISTEN/NOTIFY of the database, so event streams are pushed to rather than polling. */
  listener?: Listener;
  /** Open event streams per principal and per instance. */
  maxStreamsPerPrincipal?: number;
  maxStreams?: number;
  /** The shared job queue for large plans (none on the embedded database). */
  queue?: PlanQueue;
  asyncPhaseThreshold?: number;
  /** Maps files to plan inputs (POST /imports); the worker pool's reads large files off the event loop. */
  importer?: Importer;
  /** Time to receive a whole request (headers and body); slower clients are cut off. Default 30 s. */
  requestTimeoutMs?: number;
  /** How long an Idempotency-Key's record is kept. Default 24 h. */
  idempotencyTtlSeconds?: number;
  /** Memory for cached response bodies of (immutable) versions, in bytes. Default 64 MiB. */
  bodyCacheBytes?: number;
  /** Webhooks: on when a WebhookQueue delivers them; the policy says where they may go. */
  webhooks?: { enabled: boolean; policy: TargetPolicy };
  /** Trust X-Forwarded-* from these proxies (Fastify trustProxy: true, or addresses/CIDRs). Default: none. */
  trustProxy?: boolean | string | string[];
  /** Origins allowed to call the API from a browser (CORS); none by default. ['*'] allows any. */
  corsOrigins?: string[];
  /** The instance's Prometheus registry (one is made when not given). */
  metrics?: Metrics;
  /** GET /metrics: on unless enabled is false; token: scrapes need Bearer <token>; processMetrics: Node's own families. */
  metricsEndpoint?: { enabled?: boolean; token?: string; processMetrics?: boolean };
  /** The database pool's usage, for waveplan_db_pool_connections. */
  poolStats?: () => PoolUsage;
}

export type App = FastifyInstance;

registerAjvFormats();

/**
 * What a request is counted under before anyone knows who sent it: the bearer token's hash (so
 * agents behind one address with their own keys are limited apart), else the client address.
 */
function rateKey(authorization: string | undefined, ip: string): string {
  const token = typeof authorization === 'string' ? authorization.match(/^Bearer\s+(\S{1,300})$/i)?.[1] : undefined;
  return token ? `key:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `ip:${ip}`;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const serverOptions: FastifyServerOptions = {
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? false }),
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: frameworkErrors as never,
    clientErrorHandler,
    // Node checks request timeouts every connectionsCheckingInterval (30 s by default): check often enough to honour the timeout.
    serverFactory: (handler) => {
      const timeout = options.requestTimeoutMs ?? 30_000;
      return http.createServer(
        { requestTimeout: timeout, headersTimeout: Math.min(timeout, 60_000), connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(timeout / 4))) },
        handler,
      );
    },
  };
  const app = Fastify(serverOptions).withTypeProvider<TypeBoxTypeProvider>();
  const routeMethods = new RouteMethods();
  routeMethods.watch(app);
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) rejectBadBody(request.body);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app, routeMethods);
  app.addHook('onRequest', rejectEncodedBodies);
  await app.register(securityHeaders, { corsOrigins: options.corsOrigins ?? [] });
  await app.register(swagger, { openapi: openapiInfo, transformObject: (d) => ('openapiObject' in d ? finishDocument(d.openapiObject as never) : d.swaggerObject) as never });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  const metrics = options.metrics ?? new Metrics();
  // Before the rate limit and auth, so that what they refuse is counted too.
  if (options.metricsEndpoint?.enabled !== false) {
    await metricsRoute(app, {
      metrics,
      ...(options.metricsEndpoint?.token ? { token: options.metricsEndpoint.token } : {}),
      processMetrics: options.metricsEndpoint?.processMetrics === true,
    });
  }
  logBindings(app);
  if (options.rateLimitPerMinute) {
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      // First, before authentication and validation: unknown tokens and invalid bodies count too.
      hook: 'onRequest',
      enableDraftSpec: true,
      keyGenerator: (request) => rateKey(request.headers.authorization, request.ip),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `more than ${context.max} requests a minute; retry in ${context.after}`,
        details: [],
      }),
    });
  }
  await app.register(authPlugin, {
    db: options.db,
    metrics,
    ...(options.auth ?? { mode: 'off' }),
    ...(options.rateLimitPerMinute ? { failuresPerMinute: Math.max(10, Math.ceil(options.rateLimitPerMinute / 10)) } : {}),
  });
  await app.register(idempotencyPlugin, { db: options.db, ...(options.idempotencyTtlSeconds ? { ttlSeconds: options.idempotencyTtlSeconds } : {}) });

  await app.register(healthRoutes, { db: options.db, queue: options.queue });
  const bodies = new VersionBodyCache(options.bodyCacheBytes);
  metrics.addCache('version_bodies', () => bodies.bytes);
  metrics.addCache('tracking_bases', () => basisCacheBytes(options.db));
  if (options.poolStats) metrics.watchPool(options.poolStats);
  const queue = options.queue;
  if (queue) metrics.watchQueues(() => queue.depths());
  const planner = observedPlanner(options.planner, metrics, 'request');
  await app.register(planRoutes, { db: options.db, planner, bodies, queue: options.queue, asyncPhaseThreshold: options.asyncPhaseThreshold });
  await app.register(scenarioRoutes, { db: options.db, planner });
  await app.register(jobRoutes, { queue: options.queue });
  await app.register(artifactRoutes, { db: options.db, bodies });
  await app.register(artifactSetRoutes, { db: options.db, bodies });
  await app.register(exportRoutes, { db: options.db, bodies });
  await app.register(trackingRoutes, { db: options.db, planner });
  await app.register(eventStreamRoutes, {
    db: options.db,
    metrics,
    ...(options.listener ? { listener: options.listener } : {}),
    ...(options.eventPollMs !== undefined ? { pollMs: options.eventPollMs } : {}),
    ...(options.maxStreamsPerPrincipal !== undefined ? { maxStreamsPerPrincipal: options.maxStreamsPerPrincipal } : {}),
    ...(options.maxStreams !== undefined ? { maxStreams: options.maxStreams } : {}),
  });
  await app.register(apiKeyRoutes, { db: options.db });
  await app.register(importRoutes, options.importer ? { importer: options.importer } : {});
  await app.register(agentPlaybookRoutes, { db: options.db });
  await app.register(webhookRoutes, { db: options.db, enabled: options.webhooks?.enabled ?? false, policy: options.webhooks?.policy ?? {} });
  await app.register(mcpRoutes);
  await app.register(dashboardRoutes);
  return app;
}
