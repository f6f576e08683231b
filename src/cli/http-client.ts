import type { Client } from 'openapi-fetch';
import type { paths, Problem } from '../client/index.js';
import { createWaveplanClient } from '../client/index.js';
import { CliError, EXIT } from './cli-error.js';

/** An error answer: RFC 9457 problem details with the service's code, message and details[] (any of them may be missing from a proxy's answer). */
type ErrorBody = Partial<Problem>;

/** A plan id as the API takes it. */
export const isPlanId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The --server URL, checked: http or https. */
export function serverUrl(server: string | undefined): URL {
  if (!server) throw new CliError(EXIT.usage, 'this command needs --server URL');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError(EXIT.usage, `--server ${server} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(EXIT.usage, `--server ${server} is not an http(s) URL`);
  return url;
}

/** What an openapi-fetch call resolves to. */
interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The CLI's client of the Waveplan API: `api` is the typed client (openapi-fetch over the types
 * generated from openapi/openapi.json), so a call the API does not have does not compile; a
 * failed connection is exit 4, an error answer exit 3 (4xx) or 1 (5xx).
 */
export class ApiClient {
  readonly api: Client<paths>;

  constructor(
    private readonly server: URL,
    apiKey?: string,
    private readonly timeoutMs = 120_000,
  ) {
    this.api = createWaveplanClient(server, {
      ...(apiKey ? { apiKey } : {}),
      headers: { accept: 'application/json, application/problem+json' },
      fetch: (request) => this.send(request),
    });
  }

  /** Sends a request; throws CliError(4) when the server cannot be reached or does not answer in time. */
  private async send(request: Request): Promise<Response> {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new CliError(EXIT.unreachable, `cannot reach ${this.server.origin}: ${why}`);
    }
  }

  /** The answer of a call of `api`, or a CliError for an error status (404 with `notFound` as its message, when given). */
  async ok<D>(call: Promise<Answer<D>>, notFound?: string): Promise<{ data: D; response: Response }> {
    let answer: Answer<D>;
    try {
      answer = await call;
    } catch (err) {
      if (err instanceof SyntaxError) throw new CliError(EXIT.unexpected, `the server answered with a body that is not JSON`);
      throw err;
    }
    const { response } = answer;
    if (response.status >= 400) throw apiError(response.status, (typeof answer.error === 'object' ? answer.error : null) as ErrorBody | null, notFound);
    return { data: answer.data as D, response };
  }
}

/** An error answer as a CliError: 404 on a route of the API (not an unknown route) and other 4xx are exit 3, the rest exit 1. */
export function apiError(status: number, body: ErrorBody | null, notFound?: string): CliError {
  const details = (body?.details ?? []).map((d) => ({ path: d.path ?? '/', message: d.message ?? '' }));
  const said = body?.detail ?? body?.message ?? `the server answered ${status}`;
  if (status === 404 && notFound && body?.code !== 'route_not_found') return new CliError(EXIT.invalidInput, `${notFound} (${said})`);
  if (status === 401 || status === 403) return new CliError(EXIT.invalidInput, `${said} (check --api-key)`, details);
  return new CliError(status < 500 ? EXIT.invalidInput : EXIT.unexpected, said, details);
}

/** The client for a command on one plan: needs --server and a plan id. */
export function clientFor(planId: string, values: { server?: string; 'api-key'?: string }): ApiClient {
  const server = serverUrl(values.server);
  if (!isPlanId(planId)) throw new CliError(EXIT.usage, `${planId} is not a plan id (a UUID, as \`waveplan plan --server\` prints)`);
  return new ApiClient(server, values['api-key']);
}
