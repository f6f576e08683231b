import { describe, expect, it } from 'vitest';
import { suiteApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const ADMIN = 'admin-token-for-fault-tests-0123456789';

/** Requests that pass a schema but once broke the service: each must be a 4xx in the one error shape, and the service must go on serving. */
describe('hostile requests are 4xx, never 500, a crash or a stall', () => {
  const ctx = suiteApp('postgres', { auth: { mode: 'on', adminToken: ADMIN, cacheMs: 0 } });
  const admin = { authorization: `Bearer ${ADMIN}` };
  const inject = (o: { method: 'GET' | 'POST'; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    ctx().app.inject({ ...o, headers: { ...admin, ...(o.headers ?? {}) } } as never);
  const expectError = (res: { statusCode: number; json(): unknown }, status: number, code?: string) => {
    expect(res.statusCode).toBe(status);
    const body = res.json() as { statusCode: number; code: string; message: string; details: unknown[] };
    expect(body).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    if (code) expect(body.code).toBe(code);
    return body;
  };
  const plan = async (input: PlanInput = exampleInput()) => {
    const res = await inject({ method: 'POST', url: '/plans', payload: input });
    expect(res.statusCode).toBe(201);
    return res.json().planId as string;
  };

  it('POST /imports with ~2 kB of nested [ is 422, parsed at most once, and the process goes on', async () => {
    for (const text of ['['.repeat(2048), '{"a":'.repeat(3000), '- '.repeat(10) + '['.repeat(5000)]) {
      const res = await inject({ method: 'POST', url: '/imports', payload: text, headers: { 'content-type': 'application/yaml' } });
      const body = expectError(res, 422, 'import_failed');
      expect(body.message).toMatch(/nested more than 64 levels/);
    }
    expect((await inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('a JSON body nested 10,000+ deep is 400 too_deeply_nested, not a stack overflow', async () => {
    const deep = '{"name":' + '['.repeat(12_000) + ']'.repeat(12_000) + '}';
    const res = await inject({ method: 'POST', url: '/plans', payload: deep, headers: { 'content-type': 'application/json' } });
    expectError(res, 400, 'too_deeply_nested');
  });

  it('lone UTF-16 surrogates in any stored string are 400 invalid_character with the path', async () => {
    const input = exampleInput();
    input.phases[2]!.name = 'bad \ud800 name';
    const res = await inject({ method: 'POST', url: '/plans', payload: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
    const body = expectError(res, 400, 'invalid_character');
    expect(body.details).toEqual([expect.objectContaining({ path: '/phases/2/name' })]);
    const key = await inject({ method: 'POST', url: '/admin/keys', payload: { workspace: 'w', name: 'x\udfff', role: 'read' } });
    expectError(key, 400, 'invalid_character');
  });

  it('team and phase ids that are Object.prototype names plan and track like any other id', async () => {
    const input: PlanInput = {
      name: 'prototype ids',
      startDate: '2026-01-05',
      teams: [
        { id: 'toString', size: 2, skills: ['constructor'] },
        { id: 'constructor', size: 1, skills: ['hasOwnProperty'] },
      ],
      phases: [
        { id: 'constructor', name: 'C', duration: 2, skills: ['constructor'] },
        { id: 'hasOwnProperty', name: 'P', duration: 1, dependencies: ['constructor'], skills: ['hasOwnProperty'] },
        { id: 'valueOf', name: 'V', duration: 3, skills: ['constructor'] },
      ],
    };
    const id = await plan(input);
    for (const url of [
      `/plans/${id}/status`,
      `/plans/${id}/artifacts/execution-plan.json`,
      `/plans/${id}/document`,
      `/plans/${id}/playbooks/toString`,
      `/plans/${id}/playbooks/constructor`,
    ]) {
      const res = await inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
    const status = (await inject({ method: 'GET', url: `/plans/${id}/status` })).json();
    expect(status.phases.map((p: { id: string }) => p.id).sort()).toEqual(['constructor', 'hasOwnProperty', 'valueOf']);
    expect((await inject({ method: 'GET', url: `/plans/${id}/playbooks/isPrototypeOf` })).statusCode).toBe(404);
  });

  it('dates outside 1970-01-01 … 2199-12-31 are 400 and answered at once: status asOf, replan asOf, progress asOf, event at', async () => {
    const id = await plan();
    expectError(await inject({ method: 'GET', url: `/plans/${id}/status?asOf=9999-12-31T00:00:00Z` }), 400, 'validation_failed');
    expectError(await inject({ method: 'POST', url: `/plans/${id}/replan`, payload: { asOf: '9999-12-31' } }), 400, 'validation_failed');
    const progress = { ...exampleInput(), progress: { asOf: '9999-12-31', phases: [] } } as unknown as PlanInput;
    expectError(await inject({ method: 'POST', url: '/plans', payload: progress }), 400, 'validation_failed');
    const session = (await inject({ method: 'POST', url: `/plans/${id}/sessions`, payload: { label: 'a' } })).json();
    const claim = await inject({ method: 'POST', url: `/plans/${id}/claims`, payload: { sessionId: session.id, at: '0000-01-01T00:00:00Z' } });
    expectError(claim, 400, 'validation_failed');
    // Inside the window a far date is fine and fast: the calendar does not walk to it.
    const far = await inject({ method: 'GET', url: `/plans/${id}/status?asOf=2199-12-31T00:00:00Z` });
    expect(far.statusCode).toBe(200);
  });

  it('event-log after=1e20 and a NUL in a path are 400; the service is still up', async () => {
    const id = await plan();
    expectError(await inject({ method: 'GET', url: `/plans/${id}/event-log?after=1e20` }), 400);
    expectError(await inject({ method: 'GET', url: `/plans/${id}/event-log?after=100000000000000000000` }), 400);
    const nul = await inject({ method: 'GET', url: `/plans/${id}/playbooks/%00` });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect((await inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('an Idempotency-Key replay is scoped to its principal and never returns a stored secret', async () => {
    const other = (await inject({ method: 'POST', url: '/admin/keys', payload: { workspace: 'default', name: 'writer', role: 'write' } })).json().token as string;
    const body = { workspace: 'team-x', name: 'ci', role: 'write' };
    const first = await inject({ method: 'POST', url: '/admin/keys', payload: body, headers: { 'idempotency-key': 'k-1' } });
    expect(first.statusCode).toBe(201);
    expect(first.json().token).toMatch(/^wp_/);
    // Another principal of the same workspace replaying the key and body: not the admin's response.
    const stolen = await ctx().app.inject({ method: 'POST', url: '/admin/keys', payload: body, headers: { authorization: `Bearer ${other}`, 'idempotency-key': 'k-1' } });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.body).not.toContain(first.json().token);
    // The admin's own replay: the secret is not stored, so it is refused rather than re-sent or re-created.
    const replay = await inject({ method: 'POST', url: '/admin/keys', payload: body, headers: { 'idempotency-key': 'k-1' } });
    expectError(replay, 409, 'secret_not_replayable');
    expect(replay.body).not.toContain(first.json().token);
    const stored = await ctx().handle.db.selectFrom('idempotency_keys').select('response').execute();
    expect(JSON.stringify(stored)).not.toContain(first.json().token);
  });
});

describe('impossible timelines are 422 with the reason', () => {
  const ctx = suiteApp('postgres');
  it('a claim before its dependency completed, a completion before its claim, a report from 1970', async () => {
    const app = () => ctx().app;
    const planId = (
      await app().inject({
        method: 'POST',
        url: '/plans',
        payload: {
          name: 't',
          startDate: '2026-01-05',
          teams: [{ id: 'a', size: 2, skills: ['x'] }],
          constraints: { capacityBuffer: 0 },
          phases: [
            { id: 'one', name: 'One', duration: 2, skills: ['x'] },
            { id: 'two', name: 'Two', duration: 1, dependencies: ['one'], skills: ['x'] },
          ],
        },
      })
    ).json().planId;
    const s1 = (await app().inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: {} })).json().id;
    const s2 = (await app().inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: {} })).json().id;
    expect((await app().inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: s1, phaseId: 'one', at: '2026-01-05T09:00:00Z' } })).statusCode).toBe(201);
    const early = await app().inject({ method: 'POST', url: `/plans/${planId}/sessions/${s1}/events`, payload: { type: 'completed', phaseId: 'one', at: '2026-01-04T09:00:00Z' } });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('before_claim');
    expect(
      (await app().inject({ method: 'POST', url: `/plans/${planId}/sessions/${s1}/events`, payload: { type: 'completed', phaseId: 'one', at: '2026-01-07T17:00:00Z' } }))
        .statusCode,
    ).toBe(201);
    const beforeDep = await app().inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: s2, phaseId: 'two', at: '2026-01-06T09:00:00Z' } });
    expect(beforeDep.statusCode).toBe(422);
    expect(beforeDep.json()).toMatchObject({ code: 'before_dependency_completed', details: [{ path: '/at', ids: ['one'] }] });
    const ancient = await app().inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: s2, phaseId: 'two', at: '1970-01-02T09:00:00Z' } });
    expect(ancient.json().code).toBe('before_project_start');
    const rows = await ctx().handle.db.selectFrom('phase_events').select('type').where('plan_id', '=', planId).execute();
    expect(rows.map((r) => r.type)).toEqual(['claimed', 'completed']);
  });
});
