import { afterAll, beforeAll } from 'vitest';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses of many shapes, checked by the tests
}

/** A JSON client for a service listening on a real port. */
export function httpClient(base: () => string) {
  return async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
    const res = await fetch(base() + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
}

/**
 * Registers hooks that start the app on a real port for the enclosing describe block; the
 * returned accessors work in the tests, once beforeAll has run.
 */
export function listeningApp<C extends { app: { listen(o: { port: number; host: string }): Promise<string> }; close(): Promise<void> }>(start: () => Promise<C>) {
  let ctx: C | undefined;
  let base = '';
  beforeAll(async () => {
    ctx = await start();
    base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  return { call: httpClient(() => base), base: () => base, ctx: () => ctx! };
}
