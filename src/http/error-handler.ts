import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { asWaveplanError, type ErrorDetail } from '../errors.js';
import { isDatabaseUnavailable } from '../store/unavailable.js';
import type { RouteMethods } from './method-not-allowed.js';
import { instanceOf, PROBLEM_CONTENT_TYPE, problemDetails } from './problem-details.js';

type Part = 'body' | 'querystring' | 'params' | 'headers';

/** Turns a schema validation error into a detail whose path names the offending field itself. */
function validationDetail(part: Part, e: FastifySchemaValidationError): ErrorDetail & { in: Part } {
  const params = (e.params ?? {}) as Record<string, unknown>;
  let path = e.instancePath ?? '';
  const child =
    (Array.isArray(params.requiredProperties) && params.requiredProperties[0]) ||
    params.missingProperty ||
    (Array.isArray(params.additionalProperties) && params.additionalProperties[0]) ||
    (typeof params.additionalProperty === 'string' && params.additionalProperty);
  if (typeof child === 'string') path += '/' + child.replace(/~/g, '~0').replace(/\//g, '~1');
  return { in: part, path, message: e.message ?? 'invalid', code: e.keyword };
}

function send(reply: FastifyReply, statusCode: number, body: { code: string; message: string; details: ErrorDetail[] }) {
  return reply
    .code(statusCode)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemDetails(statusCode, body.code, body.message, body.details, instanceOf(reply.request.url)));
}

export function installErrorHandling(app: FastifyInstance, routes?: RouteMethods): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const known = asWaveplanError(error);
    if (known) {
      if (known.statusCode >= 500) request.log.error({ err: error }, known.message);
      return send(reply, known.statusCode, { code: known.code, message: known.message, details: known.details });
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const part = (fe.validationContext ?? 'body') as Part;
      const details = fe.validation.map((v) => validationDetail(part, v));
      // One line per field: a union failure reports the same path several times.
      const unique = details.filter((d, i) => details.findIndex((o) => o.path === d.path && o.message === d.message) === i);
      return send(reply, 400, {
        code: 'validation_failed',
        message: `${part} is invalid: ${unique
          .slice(0, 3)
          .map((d) => `${d.path || '(root)'} ${d.message}`)
          .join('; ')}${unique.length > 3 ? '; …' : ''}`,
        details: unique.slice(0, 100),
      });
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'invalid_json' : (fe.code ?? 'bad_request');
      return send(reply, status, { code: code.toLowerCase(), message: fe.message, details: [] });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(reply, 503, { code: 'database_unavailable', message: 'the database is unavailable or too slow to answer; retry shortly', details: [] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { code: 'internal_error', message: 'internal error; the request id in the logs has the details', details: [] });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allow = routes?.allowed(path) ?? [];
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      return send(reply, 405, { code: 'method_not_allowed', message: `${request.method} is not allowed on ${path}; use ${allow.join(', ')}`, details: [] });
    }
    return send(reply, 404, { code: 'route_not_found', message: `no route ${request.method} ${path}`, details: [] });
  });
}
