import { CliError, EXIT } from './plan-command.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The body as the server sent it. */
  text: string;
}

interface ErrorBody {
  code?: string;
  message?: string;
  details?: { path?: string; message?: string }[];
}

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

/** A small client of the Waveplan API: a failed connection is exit 4, an error answer exit 3 (4xx) or 1 (5xx). */
export class ApiClient {
  constructor(
    private readonly server: URL,
    private readonly apiKey?: string,
    private readonly timeoutMs = 120_000,
  ) {}

  /** Sends a request (a JSON body as a value, or as text to send unchanged); throws CliError(4) when the server cannot be reached or does not answer in time. */
  async request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}, rawJson?: string): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json', ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) };
    if (body !== undefined || rawJson !== undefined) headers['content-type'] = 'application/json';
    // Resolve against the server URL keeping any path prefix it has (a service behind a proxy at /waveplan/).
    const base = this.server.href.endsWith('/') ? this.server.href : `${this.server.href}/`;
    const url = new URL(path.replace(/^\//, ''), base);
    try {
      const res = await fetch(url, { method, headers, body: rawJson ?? (body === undefined ? undefined : JSON.stringify(body)), signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new CliError(EXIT.unreachable, `cannot reach ${this.server.origin}: ${why}`);
    }
  }

  /** Sends a request and parses the JSON answer; an error status becomes a CliError (404 with `notFound` as its message, when given). */
  async json<T>(method: string, path: string, body?: unknown, notFound?: string, extraHeaders?: Record<string, string>): Promise<{ status: number; body: T; text: string; headers: Headers }> {
    const res = await this.request(method, path, body, extraHeaders);
    let parsed: unknown;
    try {
      parsed = res.text ? JSON.parse(res.text) : null;
    } catch {
      throw new CliError(EXIT.unexpected, `${method} ${path}: the server answered ${res.status} with a body that is not JSON`);
    }
    if (res.status >= 400) throw apiError(res.status, parsed as ErrorBody | null, notFound);
    return { status: res.status, body: parsed as T, text: res.text, headers: res.headers };
  }
}

/** An error answer as a CliError: 404 on a route of the API (not an unknown route) and other 4xx are exit 3, the rest exit 1. */
export function apiError(status: number, body: ErrorBody | null, notFound?: string): CliError {
  const details = (body?.details ?? []).map((d) => ({ path: d.path ?? '/', message: d.message ?? '' }));
  const said = body?.message ?? `the server answered ${status}`;
  if (status === 404 && notFound && body?.code !== 'route_not_found') return new CliError(EXIT.invalidInput, `${notFound} (${said})`);
  if (status === 401 || status === 403) return new CliError(EXIT.invalidInput, `${said} (check --api-key)`, details);
  return new CliError(status < 500 ? EXIT.invalidInput : EXIT.unexpected, said, details);
}
