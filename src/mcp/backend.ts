import type { FastifyInstance } from 'fastify';

export interface ApiAnswer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * The REST API as the MCP tools see it. Every tool is a call of a REST route, so that its
 * validation, auth, workspace scoping, claim rules and error shape are those of the API itself.
 */
export interface ApiBackend {
  request(method: string, path: string, body?: { json: unknown } | { text: string; contentType: string }): Promise<ApiAnswer>;
}

/** The request body as text, with its content type set in headers; undefined without a body. */
function encodeBody(body: Parameters<ApiBackend['request']>[2], headers: Record<string, string>): string | undefined {
  if (!body) return undefined;
  if ('json' in body) {
    headers['content-type'] = 'application/json';
    return JSON.stringify(body.json);
  }
  headers['content-type'] = body.contentType;
  return body.text;
}

/** In the service: the route is run in-process with the caller's own credentials. */
export function injectBackend(app: FastifyInstance, authorization?: string, requestId?: string): ApiBackend {
  return {
    async request(method, path, body) {
      const headers: Record<string, string> = {};
      if (authorization) headers.authorization = authorization;
      if (requestId) headers['x-request-id'] = requestId;
      const payload = encodeBody(body, headers);
      const res = await app.inject({ method: method as 'GET', url: path, headers, ...(payload !== undefined ? { payload } : {}) });
      return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text: res.body };
    },
  };
}

/** Against a Waveplan server over HTTP (`waveplan mcp --server URL --api-key KEY`). */
export function fetchBackend(server: URL, apiKey?: string, timeoutMs = 120_000): ApiBackend {
  const base = server.href.endsWith('/') ? server.href : `${server.href}/`;
  return {
    async request(method, path, body) {
      const headers: Record<string, string> = { accept: 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
      const payload = encodeBody(body, headers);
      try {
        const res = await fetch(new URL(path.replace(/^\//, ''), base), { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
        return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.message);
        const message = `cannot reach ${server.origin}: ${why}`;
        return { status: 503, contentType: 'application/json', text: JSON.stringify({ statusCode: 503, code: 'server_unreachable', message, details: [] }) };
      }
    },
  };
}
