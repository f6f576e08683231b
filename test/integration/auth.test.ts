import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestContext } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

const ADMIN = 'admin-token-for-tests-0123456789abcdef';

describe('API keys and workspaces', () => {
  let ctx: TestContext;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN, cacheMs: 0 } });
    for (const [name, workspace, role] of [
      ['aliceWrite', 'alice', 'write'],
      ['aliceRead', 'alice', 'read'],
      ['bobWrite', 'bob', 'write'],
    ] as const) {
      const res = await ctx.app.inject({ method: 'POST', url: '/admin/keys', headers: { authorization: `Bearer ${ADMIN}` }, payload: { workspace, name, role } });
      expect(res.statusCode).toBe(201);
      expect(res.json().token).toMatch(/^wp_/);
      keys[name] = res.json().token;
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const as = (key: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('a missing or unknown key is 401, health and docs stay open', async () => {
    const none = await as(undefined, 'GET', '/plans');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'unauthorized', details: [{ in: 'headers', path: '/authorization' }] });
    expect((await as('wp_not-a-key', 'GET', '/plans')).statusCode).toBe(401);
    expect((await as(undefined, 'GET', '/healthz')).statusCode).toBe(200);
    expect((await as(undefined, 'GET', '/docs/json')).statusCode).toBe(200);
  });

  it('a read-only key may read but writing is 403, and nothing is written', async () => {
    const denied = await as(keys.aliceRead, 'POST', '/plans', exampleInput());
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    expect((await as(keys.aliceRead, 'GET', '/plans')).json().items).toEqual([]);
  });

  it("another workspace's plan is 404, and listings are per workspace", async () => {
    const created = await as(keys.aliceWrite, 'POST', '/plans', exampleInput());
    expect(created.statusCode).toBe(201);
    const id = created.json().planId;
    expect((await as(keys.aliceRead, 'GET', `/plans/${id}`)).statusCode).toBe(200);
    for (const url of [
      `/plans/${id}`,
      `/plans/${id}/versions`,
      `/plans/${id}/artifacts/execution-plan.json`,
      `/plans/${id}/status`,
      `/plans/${id}/sessions`,
      `/plans/${id}/alerts`,
      `/plans/${id}/event-log`,
    ]) {
      expect((await as(keys.bobWrite, 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await as(keys.bobWrite, 'POST', `/plans/${id}/sessions`, {})).statusCode).toBe(404);
    expect((await as(keys.bobWrite, 'GET', '/plans')).json().items).toEqual([]);
    expect((await as(keys.aliceRead, 'GET', '/plans')).json().items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('only the admin key manages keys, and a revoked key stops working', async () => {
    expect((await as(keys.aliceWrite, 'POST', '/admin/keys', { workspace: 'alice', name: 'x', role: 'read' })).statusCode).toBe(403);
    const made = await as(ADMIN, 'POST', '/admin/keys', { workspace: 'carol', name: 'temp', role: 'write' });
    const { id, token } = made.json();
    expect((await as(token, 'GET', '/plans')).statusCode).toBe(200);
    const listed = await as(ADMIN, 'GET', '/admin/keys?workspace=carol');
    expect(listed.json().items).toHaveLength(1);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/admin/keys/${id}`, headers: { authorization: `Bearer ${ADMIN}` } })).statusCode).toBe(200);
    expect((await as(token, 'GET', '/plans')).statusCode).toBe(401);
  });
});
