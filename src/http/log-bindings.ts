import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The ids a request's log lines carry, when the request names them. */
export interface LogIds {
  planId?: string;
  sessionId?: string;
  jobId?: string;
}

/** Every later line of this request (the "request completed" line too) carries ids. */
export function bindLog(request: FastifyRequest, reply: FastifyReply, ids: LogIds): void {
  const given = Object.fromEntries(Object.entries(ids).filter(([, v]) => typeof v === 'string' && v.length > 0));
  if (Object.keys(given).length === 0) return;
  request.log = request.log.child(given);
  reply.log = request.log;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Binds the ids a route's path (and a claim's body) names, once they are validated: /plans/:id
 * gives planId, :sessionId and a body's sessionId give sessionId, /jobs/:jobId gives jobId. Routes
 * that make an id (POST /plans, POST sessions) bind it themselves with bindLog.
 */
export function logBindings(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const url = request.routeOptions.url ?? '';
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    bindLog(request, reply, {
      planId: url.startsWith('/plans/:id') ? str(params.id) : undefined,
      sessionId: str(params.sessionId) ?? str(body.sessionId),
      jobId: str(params.jobId),
    });
  });
}
