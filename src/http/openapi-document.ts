/**
 * Finishing touches on the document @fastify/swagger builds from the route schemas, for what no
 * single route owns: every schema with a `title` becomes a named component (referenced, not
 * repeated inline), and the headers and responses every operation shares are documented once
 * under components and referenced from each operation.
 */
import { PROBLEM_MEDIA_TYPE } from './problem-details.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

export const sharedHeaders = {
  ETag: { description: 'Strong validator of the plan version the body belongs to, e.g. "v3".', schema: { type: 'string', examples: ['"v3"'] } },
  Location: { description: 'URL of the created resource (or, on 202, of the job to poll).', schema: { type: 'string' } },
  RetryAfter: { description: 'Seconds to wait before retrying (or polling again).', schema: { type: 'integer', minimum: 0 } },
  RateLimitLimit: { description: 'Requests allowed per window (IETF RateLimit header fields).', schema: { type: 'integer', minimum: 0 } },
  RateLimitRemaining: { description: 'Requests left in the current window.', schema: { type: 'integer', minimum: 0 } },
  RateLimitReset: { description: 'Seconds until the window resets.', schema: { type: 'integer', minimum: 0 } },
  WWWAuthenticate: { description: 'The authentication scheme to use: Bearer.', schema: { type: 'string', examples: ['Bearer realm="waveplan"'] } },
  IdempotentReplayed: { description: '"true" when this response is a replay of the first request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
} as const;

export const sharedParameters = {
  IfNoneMatch: {
    name: 'if-none-match',
    in: 'header',
    required: false,
    description: 'ETags the client holds; 304 Not Modified when one names the current version.',
    schema: { type: 'string' },
  },
  IdempotencyKey: {
    name: 'idempotency-key',
    in: 'header',
    required: false,
    description: 'Makes the POST safe to retry: a repeat with the same key, path and body gets the first response (1–200 visible ASCII characters).',
    schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
  },
} as const;

const rateLimitHeaders = {
  'RateLimit-Limit': ref('headers', 'RateLimitLimit'),
  'RateLimit-Remaining': ref('headers', 'RateLimitRemaining'),
  'RateLimit-Reset': ref('headers', 'RateLimitReset'),
};

const errorContent = { [PROBLEM_MEDIA_TYPE]: { schema: ref('schemas', 'Error') } };

const sharedResponses = {
  Unauthorized: {
    description: 'No API key, or one that is unknown or revoked.',
    headers: { 'WWW-Authenticate': ref('headers', 'WWWAuthenticate') },
    content: errorContent,
  },
  TooManyRequests: {
    description: 'Rate limit exceeded: retry after Retry-After seconds.',
    headers: { 'Retry-After': ref('headers', 'RetryAfter'), ...rateLimitHeaders },
    content: errorContent,
  },
};

/** Moves every titled schema under components.schemas and puts a $ref in its place. */
function extractComponents(doc: Json): Json {
  const named = new Map<string, { schema: Json; text: string }>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === 'examples' || k === 'example' ? v : visit(v);
    const title = out.title;
    if (typeof title !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(title)) return out;
    const text = JSON.stringify(out);
    const seen = named.get(title);
    if (seen && seen.text !== text) throw new Error(`two different schemas are titled ${title}; give one another title`);
    named.set(title, { schema: out, text });
    return ref('schemas', title);
  };
  const paths = visit(doc.paths) as Json;
  const components = isObject(doc.components) ? doc.components : {};
  const existing = isObject(components.schemas) ? components.schemas : {};
  const schemas: Json = { ...existing };
  for (const name of [...named.keys()].sort()) schemas[name] = named.get(name)!.schema;
  return { ...doc, paths, components: { ...components, schemas } };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function fallbackOperationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((w) => w && !/^\{/.test(w));
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** Headers and responses every operation shares: rate limit, 401 when secured, Idempotency-Key on POST, ETag on cacheable GETs. */
function decorateOperations(doc: Json): Json {
  const paths = doc.paths as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      op.operationId ??= fallbackOperationId(method, path);
      const responses = (op.responses ??= {}) as Record<string, Json>;
      const parameters = (op.parameters ??= []) as Json[];
      const secured = !(Array.isArray(op.security) && op.security.length === 0);
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response) || '$ref' in response) continue;
        if (/^2/.test(status)) response.headers = { ...rateLimitHeaders, ...(isObject(response.headers) ? response.headers : {}) };
        if (status === '201' || status === '202') response.headers = { ...(response.headers as Json), Location: ref('headers', 'Location') };
        if (status === '202') response.headers = { ...(response.headers as Json), 'Retry-After': ref('headers', 'RetryAfter') };
        if (status === '304' || (method === 'get' && status === '200' && responses['304'])) {
          response.headers = { ...(isObject(response.headers) ? response.headers : {}), ETag: ref('headers', 'ETag') };
        }
      }
      if (responses['304']) parameters.push(ref('parameters', 'IfNoneMatch'));
      if (method === 'post') {
        parameters.push(ref('parameters', 'IdempotencyKey'));
        for (const [status, response] of Object.entries(responses)) {
          if (/^2/.test(status) && isObject(response)) response.headers = { ...(response.headers as Json), 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') };
        }
      }
      if (secured) responses['401'] = ref('responses', 'Unauthorized');
      responses['429'] = ref('responses', 'TooManyRequests');
      if (parameters.length === 0) delete op.parameters;
    }
  }
  return doc;
}

export function finishDocument(doc: Json): Json {
  const extracted = extractComponents(doc);
  const components = extracted.components as Json;
  extracted.components = {
    ...components,
    headers: sharedHeaders,
    parameters: sharedParameters,
    responses: sharedResponses,
  };
  return decorateOperations(extracted);
}
