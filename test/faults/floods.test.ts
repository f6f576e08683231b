import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';

const ADMIN = 'admin-token-for-flood-tests-0123456789';

/** Reads an SSE response until a frame matching pattern arrives, or gives up. */
async function readUntil(res: Response, pattern: RegExp, timeoutMs: number): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<'late'>((r) => setTimeout(() => r('late'), deadline - Date.now()))]);
      if (next === 'late' || next.done) break;
      text += decoder.decode(next.value, { stream: true });
      if (pattern.test(text)) return text;
    }
    return text;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

describe('floods: event streams, slow bodies, anonymous and invalid traffic', () => {
  // Polling every minute: only a pushed notification can deliver an event within seconds.
  const { call, base } = listeningApp(() => startApp('postgres', { eventPollMs: 60_000, maxStreamsPerPrincipal: 3, requestTimeoutMs: 1_500 }));

  it('an event reaches an open stream by LISTEN/NOTIFY, not by polling', async () => {
    const planId = (await call('POST', '/plans', exampleInput())).body.planId as string;
    const stream = await fetch(`${base()}/plans/${planId}/events`);
    expect(stream.status).toBe(200);
    const session = (await call('POST', `/plans/${planId}/sessions`, { label: 'pushed' })).body.id as string;
    const claimed = (await call('POST', `/plans/${planId}/claims`, { sessionId: session })).body.phaseId as string;
    const text = await readUntil(stream, /event: phase\ndata: .*"claimed"/, 10_000);
    expect(text).toContain(`"phaseId":"${claimed}"`);
  });

  it('streams are capped per principal: the 4th is 429 with Retry-After, and a closed one frees its place', async () => {
    const planId = (await call('POST', '/plans', exampleInput())).body.planId as string;
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    // One stream of the previous test may still be closing: wait until three fit.
    const open = await Promise.all(controllers.map((c) => fetch(`${base()}/plans/${planId}/events`, { signal: c.signal })));
    expect(open.map((r) => r.status)).toEqual([200, 200, 200]);
    const fourth = await fetch(`${base()}/plans/${planId}/events`);
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('30');
    expect(await fourth.json()).toMatchObject({ code: 'too_many_streams' });
    controllers[0]!.abort();
    let again = 0;
    for (let i = 0; i < 40 && again !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await fetch(`${base()}/plans/${planId}/events`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
      again = r?.status ?? 0;
      if (r?.status === 200) await r.body?.cancel();
    }
    expect(again).toBe(200);
    for (const c of controllers) c.abort();
  });

  it('a body that never finishes arriving is cut off by the request timeout', async () => {
    const u = new URL(base());
    const socket = net.connect(Number(u.port), u.hostname);
    await new Promise((r) => socket.once('connect', r));
    socket.write('POST /plans HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"name":');
    const ended = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      setTimeout(() => resolve('still open'), 10_000);
    });
    socket.destroy();
    expect(ended).not.toBe('still open');
    if (ended) expect(ended).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('the rate limit runs before authentication and validation', () => {
  const { base } = listeningApp(() => startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN, cacheMs: 0 }, rateLimitPerMinute: 20 }));

  it('unknown tokens from one address are limited, and so are invalid bodies', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${base()}/plans`, { headers: { authorization: `Bearer wp_random_${i}` } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    const invalid: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${base()}/plans`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: '{"name":1}' });
      invalid.push(res.status);
      await res.arrayBuffer();
    }
    expect(invalid[0]).toBe(400);
    expect(invalid).toContain(429);
  });
});
