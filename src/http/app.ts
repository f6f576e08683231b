import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import { rejectNul } from './nul-guard.js';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { validatorCompiler } from './validator-compiler.js';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';
import type { Planner } from '../service/planner.js';
import { installErrorHandling } from './error-handler.js';
import { openapiInfo } from './openapi-info.js';
import { authPlugin, type AuthOptions } from './auth.js';
import { idempotencyPlugin } from './idempotency.js';
import { healthRoutes } from './routes/health.js';
import { planRoutes } from './routes/plans.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { artifactRoutes } from './routes/artifacts.js';
import { trackingRoutes } from './routes/tracking.js';
import { eventStreamRoutes } from './routes/event-stream.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { jobRoutes } from './routes/jobs.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { importRoutes } from './routes/imports.js';
import { VersionBodyCache } from './version-body-cache.js';
import type { PlanQueue } from '../jobs/plan-queue.js';

export interface AppOptions {
  db: Db;
  planner: Planner;
  logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  auth?: AuthOptions;
  /** Requests per minute per API key (or client address); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** How often an open event stream looks for new events. */
  eventPollMs?: number;
  /** The shared job queue for large plans (none on the embedded database). */
  queue?: PlanQueue;
  asyncPhaseThreshold?: number;
  /** Memory for cached response bodies of (immutable) versions, in bytes. Default 64 MiB. */
  bodyCacheBytes?: number;
}

export type App = FastifyInstance;

registerAjvFormats();

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) rejectNul(request.body);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  await app.register(swagger, { openapi: openapiInfo });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(authPlugin, { db: options.db, ...(options.auth ?? { mode: 'off' }) });
  if (options.rateLimitPerMinute) {
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      hook: 'preHandler',
      keyGenerator: (request) => request.principal?.keyId ?? request.ip,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `more than ${context.max} requests a minute; retry in ${context.after}`,
        details: [],
      }),
    });
  }
  await app.register(idempotencyPlugin, { db: options.db });

  await app.register(healthRoutes, { db: options.db });
  const bodies = new VersionBodyCache(options.bodyCacheBytes);
  await app.register(planRoutes, { db: options.db, planner: options.planner, bodies, queue: options.queue, asyncPhaseThreshold: options.asyncPhaseThreshold });
  await app.register(scenarioRoutes, { db: options.db, planner: options.planner });
  await app.register(jobRoutes, { queue: options.queue });
  await app.register(artifactRoutes, { db: options.db, bodies });
  await app.register(trackingRoutes, { db: options.db, planner: options.planner });
  await app.register(eventStreamRoutes, { db: options.db, pollMs: options.eventPollMs });
  await app.register(apiKeyRoutes, { db: options.db });
  await app.register(importRoutes);
  await app.register(dashboardRoutes);
  return app;
}
