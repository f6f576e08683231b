import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fastifyMetricsModule from 'fastify-metrics';
import { timingSafeEqual, createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Metrics } from '../../observability/metrics.js';
import { errors, mediaResponse } from '../schemas/common.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** When set, a scrape must send Authorization: Bearer <token>; unset, /metrics is open like /healthz. */
  token?: string;
  /** Node's own families (CPU, memory, event-loop delay, GC): on for the process, off for apps in tests. */
  processMetrics?: boolean;
}

// A CommonJS module that sets exports.default: imported from ESM, the plugin is the import's .default.
const fastifyMetrics = (fastifyMetricsModule as unknown as { default: typeof fastifyMetricsModule.default }).default;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The scrape's own check: operators' Prometheus has a metrics token, not a workspace's API key. */
function tokenCheck(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const given = typeof header === 'string' ? header.match(/^Bearer\s+(\S{1,300})$/i)?.[1] : undefined;
    if (given && timingSafeEqual(digest(given), expected)) return;
    reply.header('www-authenticate', 'Bearer realm="waveplan-metrics"');
    throw new AppError(401, 'unauthorized', 'send the metrics token: Authorization: Bearer <METRICS_TOKEN>', [
      { in: 'headers', path: '/authorization', message: given ? 'not the metrics token' : 'missing or malformed' },
    ]);
  };
}

/**
 * GET /metrics in Prometheus text format through fastify-metrics: request durations per route
 * template (http_request_duration_seconds; its _count is the request rate) and the Waveplan
 * families of the instance's registry.
 */
export async function metricsRoute(app: FastifyInstance, o: MetricsRouteOptions): Promise<void> {
  const endpoint = {
    url: '/metrics',
    method: 'GET',
    logLevel: 'warn',
    exposeHeadRoute: false,
    config: { disableMetrics: true },
    ...(o.token ? { onRequest: tokenCheck(o.token) } : {}),
    schema: {
      tags: ['health'],
      operationId: 'getMetrics',
      summary: 'Prometheus metrics of this instance (open unless METRICS_TOKEN is set, then Bearer <METRICS_TOKEN>)',
      security: [{}, { metricsToken: [] }],
      response: { 200: mediaResponse('text/plain', 'Prometheus text exposition format 0.0.4'), ...errors(401) },
    },
  } as unknown as RouteOptions;
  await app.register(fastifyMetrics, {
    endpoint,
    defaultMetrics: { enabled: o.processMetrics === true, register: o.metrics.registry },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      registeredRoutesOnly: true,
      overrides: {
        histogram: { registers: [o.metrics.registry], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
        // Made by the plugin even when off: registered nowhere (prom-client's global registry would clash between apps).
        summary: { registers: [] },
      },
    },
  });
}
