import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { delayedPlan, startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';

const ADMIN = 'admin-token-for-the-http-semantics-test';
const auth = { authorization: `Bearer ${ADMIN}` };

/** A raw request, for what fetch will not send (oversized headers, odd URLs). */
function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP semantics (auth on)', () => {
  const { call, base } = listeningApp(() => startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN }, rateLimitPerMinute: 10_000 }));

  it('answers 304 to If-None-Match on every cacheable GET, and compares If-Match strongly (* matches any version)', async () => {
    const created = await call('POST', '/plans', delayedPlan('semantics'), auth);
    const id = created.body.planId as string;
    for (const path of [
      `/plans/${id}`,
      `/plans/${id}/versions/1`,
      `/plans/${id}/artifacts/execution-plan.json`,
      `/plans/${id}/artifacts?names=execution-plan.json,wave-schedules.json`,
      `/plans/${id}/document`,
      `/plans/${id}/gantt.svg`,
      `/plans/${id}/playbooks/a`,
      `/plans/${id}/state.tar`,
    ]) {
      const first = await fetch(base() + path, { headers: auth });
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toBe('"v1"');
      const again = await fetch(base() + path, { headers: { ...auth, 'if-none-match': `W/${etag}` } });
      expect(again.status, path).toBe(304);
    }
    const weak = await call('POST', `/plans/${id}/versions`, delayedPlan('v2'), { ...auth, 'if-match': 'W/"v1"' });
    expect(weak.status).toBe(412);
    expect(weak.body.details[0].message).toMatch(/weak/);
    const listed = await call('POST', `/plans/${id}/versions`, delayedPlan('v2'), { ...auth, 'if-match': '"v7", "v1"' });
    expect(listed.status).toBe(201);
    const star = await call('POST', `/plans/${id}/versions`, delayedPlan('v3'), { ...auth, 'if-match': '*' });
    expect(star.status).toBe(201);
    expect(star.body.version).toBe(3);
    const missing = await call('POST', `/plans/00000000-0000-4000-8000-000000000000/versions`, delayedPlan('none'), { ...auth, 'if-match': '*' });
    expect(missing.status).toBe(404);
  });

  it('names the scheme on 401, the methods on 405, and sends the IETF RateLimit fields', async () => {
    const anonymous = await call('GET', '/plans');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="waveplan"');
    const wrong = await call('PUT', '/plans', {}, auth);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(wrong.body).toMatchObject({ statusCode: 405, code: 'method_not_allowed', details: [] });
    const ok = await call('GET', '/plans', undefined, auth);
    expect(Number(ok.headers.get('ratelimit-limit'))).toBe(10_000);
    expect(Number(ok.headers.get('ratelimit-remaining'))).toBeLessThan(10_000);
    expect(ok.headers.get('ratelimit-reset')).toMatch(/^\d+$/);
  });

  it('sends security headers, and no CORS headers unless origins are configured', async () => {
    const res = await fetch(base() + '/ui/', { headers: { origin: 'https://elsewhere.test' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts a next link on every list, in the body and in Link', async () => {
    const id = (await call('POST', '/plans', delayedPlan('pages'), auth)).body.planId as string;
    for (let i = 0; i < 3; i++) await call('POST', `/plans/${id}/sessions`, { label: `s${i}` }, auth);
    await call('POST', `/plans/${id}/versions`, delayedPlan('pages 2'), { ...auth, 'if-match': '*' });
    const sessions = await call('GET', `/plans/${id}/sessions?limit=2`, undefined, auth);
    expect(sessions.body.items).toHaveLength(2);
    expect(sessions.headers.get('link')).toBe(`<${sessions.body.next}>; rel="next"`);
    const rest = await call('GET', sessions.body.next, undefined, auth);
    expect(rest.body.items.map((s: { label: string }) => s.label)).toEqual(['s2']);
    expect(rest.body.next).toBeNull();
    const versions = await call('GET', `/plans/${id}/versions?limit=1`, undefined, auth);
    expect((await call('GET', versions.body.next, undefined, auth)).body.items[0].version).toBe(2);
    expect((await call('GET', `/plans/${id}/alerts?limit=5`, undefined, auth)).body).toHaveProperty('next', null);
    const plans = await call('GET', '/plans?limit=1', undefined, auth);
    expect((await call('GET', plans.body.next, undefined, auth)).body.items).toHaveLength(1);
    const session = (await call('GET', `/plans/${id}/sessions`, undefined, auth)).body.items[0].id;
    await call('POST', `/plans/${id}/claims`, { sessionId: session, phaseId: 'design', at: '2026-01-05T09:00:00Z' }, auth);
    await call('POST', `/plans/${id}/sessions/${session}/events`, { type: 'started', phaseId: 'design', at: '2026-01-05T09:00:00Z' }, auth);
    await call('POST', `/plans/${id}/sessions/${session}/events`, { type: 'progress', phaseId: 'design', percent: 40, at: '2026-01-05T12:00:00Z' }, auth);
    const log = await call('GET', `/plans/${id}/event-log?limit=1`, undefined, auth);
    const second = await call('GET', log.body.next, undefined, auth);
    expect(second.body.items[0].id).toBeGreaterThan(log.body.items[0].id);
  });

  it('archives a plan on DELETE: gone from the list, no new versions, every version still readable', async () => {
    const id = (await call('POST', '/plans', delayedPlan('archive me'), auth)).body.planId as string;
    const session = (await call('POST', `/plans/${id}/sessions`, { label: 'before archive' }, auth)).body.id as string;
    const archived = await call('DELETE', `/plans/${id}`, undefined, auth);
    expect(archived.status).toBe(200);
    expect((await call('DELETE', `/plans/${id}`, undefined, auth)).body.archivedAt).toBe(archived.body.archivedAt);
    const live = await call('GET', '/plans?limit=200', undefined, auth);
    expect(live.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const all = await call('GET', '/plans?limit=200&includeArchived=true', undefined, auth);
    expect(all.body.items.find((p: { id: string }) => p.id === id).archivedAt).toBe(archived.body.archivedAt);
    expect((await call('GET', `/plans/${id}/versions/1`, undefined, auth)).status).toBe(200);
    const refused = await call('POST', `/plans/${id}/versions`, delayedPlan('after'), { ...auth, 'if-match': '"v1"' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('plan_archived');
    // An archived plan takes no tracking writes either: no new sessions, claims, reports or heartbeats.
    const writes = [
      await call('POST', `/plans/${id}/sessions`, { label: 'after archive' }, auth),
      await call('POST', `/plans/${id}/claims`, { sessionId: session, phaseId: 'design' }, auth),
      await call('POST', `/plans/${id}/sessions/${session}/events`, { type: 'started', phaseId: 'design' }, auth),
      await call('POST', `/plans/${id}/sessions/${session}/heartbeat`, {}, auth),
    ];
    expect(writes.map((r) => [r.status, r.body.code])).toEqual(writes.map(() => [409, 'plan_archived']));
    expect((await call('GET', `/plans/${id}/event-log`, undefined, auth)).body.items).toEqual([]);
  });

  it('diffs two versions: input changes by id and the phases the schedule moved', async () => {
    const input = delayedPlan('diff');
    const id = (await call('POST', '/plans', input, auth)).body.planId as string;
    const changed = {
      ...input,
      phases: input.phases.map((p) => (p.id === 'design' ? { ...p, duration: 4 } : p)).filter((p) => p.id !== 'docs'),
      teams: [...input.teams, { id: 'c', size: 2, skills: ['z'] }],
    };
    expect((await call('POST', `/plans/${id}/versions`, changed, { ...auth, 'if-match': '"v1"' })).body).toMatchObject({ version: 2 });
    const diff = await call('GET', `/plans/${id}/versions/1/diff/2`, undefined, auth);
    expect(diff.status).toBe(200);
    expect(diff.body.input.phases).toEqual({ added: [], removed: ['docs'], changed: [{ id: 'design', fields: ['duration'] }] });
    expect(diff.body.input.teams.added).toEqual(['c']);
    expect(diff.body.schedule.removed).toEqual(['docs']);
    expect(diff.body.schedule.moved.map((m: { id: string }) => m.id).sort()).toEqual(['build', 'design', 'ship']);
    expect(diff.body.schedule.makespanDays.delta).toBe(2);
    expect((await call('GET', `/plans/${id}/versions/1/diff/9`, undefined, auth)).status).toBe(404);
  });

  it('answers malformed requests in the one error shape: bad URL, long parameter, huge headers, compressed body, loose integers', async () => {
    const problem = { type: expect.stringMatching(/^urn:waveplan:problem:/), title: expect.any(String), status: expect.any(Number), detail: expect.any(String) };
    const shape = { ...problem, statusCode: expect.any(Number), code: expect.any(String), message: expect.any(String), details: expect.any(Array) };
    const at = (instance: string) => ({ ...shape, instance });
    const badUrl = await raw(base(), '/plans/%zz', auth);
    expect([badUrl.status, JSON.parse(badUrl.body)]).toEqual([400, { ...at('/plans/%zz'), code: 'bad_url' }]);
    const long = await raw(base(), `/plans/${'a'.repeat(500)}`, auth);
    expect([long.status, JSON.parse(long.body)]).toEqual([414, { ...at(`/plans/${'a'.repeat(500)}`), code: 'uri_too_long' }]);
    const huge = await raw(base(), '/plans', { ...auth, 'x-big': 'a'.repeat(20_000) });
    expect([huge.status, huge.type, JSON.parse(huge.body)]).toEqual([431, 'application/problem+json; charset=utf-8', { ...shape, code: 'headers_too_large' }]);
    const gzip = await fetch(base() + '/plans', { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: '{}' });
    expect([gzip.status, (await gzip.json()).code]).toEqual([415, 'unsupported_content_encoding']);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/plans/${id}/versions/1.5`, `/plans/${id}/versions/0x1`, '/plans?limit=1.5', '/plans?limit=1e1', `/plans/${id}/event-log?after=1e20`]) {
      const res = await call('GET', path, undefined, auth);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'validation_failed']);
    }
  });
});

describe('HTTP semantics (auth off, CORS on)', () => {
  const { call, base } = listeningApp(() => startApp('pglite', { corsOrigins: ['https://dashboard.test'] }));

  it('refuses to manage API keys when nobody is authenticated', async () => {
    const res = await call('POST', '/admin/keys', { workspace: 'w', name: 'n', role: 'read' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth_off');
    expect((await call('GET', '/admin/keys')).status).toBe(403);
  });

  it('allows the configured origin only', async () => {
    const allowed = await fetch(base() + '/plans', { headers: { origin: 'https://dashboard.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.test');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('etag');
    const other = await fetch(base() + '/plans', { headers: { origin: 'https://elsewhere.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
