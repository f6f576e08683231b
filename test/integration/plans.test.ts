import { describe, expect, it } from 'vitest';
import { ARTIFACT_NAMES } from '../../src/http/schemas/artifacts.js';
import { rowCounts, suiteApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const backends = ['postgres', 'pglite'] as const;

describe.each(backends)('plans API on %s', (backend) => {
  const ctx = suiteApp(backend);

  const post = (body: unknown) => ctx().app.inject({ method: 'POST', url: '/plans', payload: body as object });

  it('creates a plan as version 1 with Location, ETag and the five artifacts', async () => {
    const input = exampleInput();
    const res = await post(input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/plans/${body.planId}`);
    expect(res.headers.etag).toBe('"v1"');
    expect(body.version).toBe(1);
    expect(body.parentVersion).toBeNull();
    expect(body.reason).toBe('create');
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(body.artifacts).sort()).toEqual([...ARTIFACT_NAMES].sort());
    expect(body.input).toEqual(input);
    expect(body.summary.phases).toBe(input.phases.length);
    expect(body.summary.teams).toBe(input.teams.length);
    expect(body.summary.makespanDays).toBeGreaterThanOrEqual(body.summary.lowerBoundDays);
    expect(body.summary.makespanDays).toBeLessThanOrEqual(body.summary.sequentialDays);
  });

  it('reads the latest version, a version, the version list and each artifact', async () => {
    const created = (await post(exampleInput())).json();
    const id = created.planId as string;

    const latest = await ctx().app.inject({ method: 'GET', url: `/plans/${id}` });
    expect(latest.statusCode).toBe(200);
    expect(latest.headers.etag).toBe('"v1"');
    expect(latest.json().artifacts).toEqual(created.artifacts);

    const v1 = await ctx().app.inject({ method: 'GET', url: `/plans/${id}/versions/1` });
    expect(v1.json().contentHash).toBe(created.contentHash);

    const list = await ctx().app.inject({ method: 'GET', url: `/plans/${id}/versions` });
    expect(list.json().items.map((v: { version: number }) => v.version)).toEqual([1]);

    for (const name of ARTIFACT_NAMES) {
      for (const url of [`/plans/${id}/artifacts/${name}`, `/plans/${id}/versions/1/artifacts/${name}`]) {
        const a = await ctx().app.inject({ method: 'GET', url });
        expect(a.statusCode, url).toBe(200);
        expect(a.headers['content-type']).toMatch(/^application\/json/);
        expect(a.json()).toEqual(created.artifacts[name]);
      }
    }
    const doc = await ctx().app.inject({ method: 'GET', url: `/plans/${id}/document` });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toMatch(/^text\/markdown/);
    expect(doc.body).toContain(created.name);
  });

  it('lists plans newest first with a working cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await post({ ...exampleInput(), name: `paged ${i}` })).json().planId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: { id: string }[]; nextCursor: string | null } } = await ctx().app.inject({
        method: 'GET',
        url: `/plans?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // newest first: the three just made appear in reverse order of creation
    const positions = ids.map((id) => seen.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions[0]).toBeGreaterThan(positions[1]!);
    expect(positions[1]).toBeGreaterThan(positions[2]!);
  });

  it('adds a version with If-Match, refuses a stale one with 412 and a missing one with 428', async () => {
    const created = (await post(exampleInput())).json();
    const id = created.planId as string;
    const changed: PlanInput = { ...exampleInput(), name: 'Marketplace v1, re-scoped' };
    changed.phases = changed.phases.filter((p) => p.id !== 'admin');
    changed.phases.find((p) => p.id === 'security-review')!.dependencies = ['payments'];

    const before = await rowCounts(ctx());
    const missing = await ctx().app.inject({ method: 'POST', url: `/plans/${id}/versions`, payload: changed });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('precondition_required');

    const v2 = await ctx().app.inject({ method: 'POST', url: `/plans/${id}/versions`, payload: changed, headers: { 'if-match': '"v1"' } });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, parentVersion: 1, reason: 'update', name: 'Marketplace v1, re-scoped' });
    expect(v2.headers.etag).toBe('"v2"');
    expect(v2.json().summary.phases).toBe(changed.phases.length);

    const stale = await ctx().app.inject({ method: 'POST', url: `/plans/${id}/versions`, payload: changed, headers: { 'if-match': '"v1"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ statusCode: 412, code: 'version_conflict' });
    expect(stale.json().details[0]).toMatchObject({ in: 'headers', path: '/if-match' });
    expect(await rowCounts(ctx())).toEqual({ ...before, plan_versions: before.plan_versions + 1 });

    const latest = await ctx().app.inject({ method: 'GET', url: `/plans/${id}` });
    expect(latest.json().version).toBe(2);
    const v1 = await ctx().app.inject({ method: 'GET', url: `/plans/${id}/versions/1` });
    expect(v1.json().input.phases).toHaveLength(exampleInput().phases.length);
  });

  it('answers If-None-Match with 304, and a cached latest version gives way to the next one', async () => {
    const created = (await post(exampleInput())).json();
    const id = created.planId as string;
    const get = (url: string, headers: Record<string, string> = {}) => ctx().app.inject({ method: 'GET', url, headers });

    for (const url of [`/plans/${id}`, `/plans/${id}/artifacts/wave-schedules.json`]) {
      const first = await get(url);
      expect(first.headers.etag).toBe('"v1"');
      const again = await get(url, { 'if-none-match': '"v1"' });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect((await get(url, { 'if-none-match': '"v7", "v9"' })).statusCode).toBe(200);
    }

    const changed: PlanInput = { ...exampleInput(), name: 'Marketplace, second cut' };
    const v2 = await ctx().app.inject({ method: 'POST', url: `/plans/${id}/versions`, payload: changed, headers: { 'if-match': '"v1"' } });
    expect(v2.statusCode).toBe(201);

    const latest = await get(`/plans/${id}`, { 'if-none-match': '"v1"' });
    expect(latest.statusCode).toBe(200);
    expect(latest.headers.etag).toBe('"v2"');
    expect(latest.json()).toMatchObject({ version: 2, name: 'Marketplace, second cut' });
    expect((await get(`/plans/${id}/versions/1`)).json()).toMatchObject({ version: 1, name: created.name });
    expect((await get(`/plans/${id}/versions/3`)).statusCode).toBe(404);
    expect((await get(`/plans/${id}/versions/3/artifacts/wave-schedules.json`)).statusCode).toBe(404);
  });

  it('gives 404 in the error shape for an unknown plan, version, artifact name and route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const url of [`/plans/${id}`, `/plans/${id}/versions`, `/plans/${id}/versions/3`, `/plans/${id}/artifacts/execution-plan.json`, '/nowhere']) {
      const res = await ctx().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('application/problem+json; charset=utf-8');
      expect(Object.keys(res.json()).sort()).toEqual(['code', 'detail', 'details', 'instance', 'message', 'status', 'statusCode', 'title', 'type']);
    }
    const created = (await post(exampleInput())).json();
    const v9 = await ctx().app.inject({ method: 'GET', url: `/plans/${created.planId}/versions/9` });
    expect(v9.statusCode).toBe(404);
    const badName = await ctx().app.inject({ method: 'GET', url: `/plans/${created.planId}/artifacts/secrets.json` });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().details[0]).toMatchObject({ in: 'params', path: '/name' });
    const notUuid = await ctx().app.inject({ method: 'GET', url: `/plans/not-a-uuid` });
    expect(notUuid.statusCode).toBe(400);
  });

  describe('rejected input writes nothing and names the field', () => {
    const cases: Array<[string, (i: PlanInput) => unknown, number, string, string, string[]?]> = [
      ['missing name', (i) => ({ ...i, name: undefined }), 400, 'validation_failed', '/name'],
      ['wrong type', (i) => ({ ...i, teams: [{ ...i.teams[0], size: 'three' }] }), 400, 'validation_failed', '/teams/0/size'],
      ['unknown field', (i) => ({ ...i, phases: [{ ...i.phases[0], colour: 'red' }, ...i.phases.slice(1)] }), 400, 'validation_failed', '/phases/0/colour'],
      ['bad date', (i) => ({ ...i, startDate: '2027-13-45' }), 400, 'validation_failed', '/startDate'],
      ['negative duration', (i) => ({ ...i, phases: [{ ...i.phases[0], duration: -2 }, ...i.phases.slice(1)] }), 400, 'validation_failed', '/phases/0/duration'],
      [
        'unknown dependency',
        (i) => ({ ...i, phases: i.phases.map((p, k) => (k === 3 ? { ...p, dependencies: ['db-schema', 'ghost'] } : p)) }),
        422,
        'unknown_dependency',
        '/phases/3/dependencies/1',
        ['ghost'],
      ],
      [
        'lag out of bounds',
        (i) => ({ ...i, phases: i.phases.map((p, k) => (k === 3 ? { ...p, dependencies: [{ id: 'db-schema', type: 'SS', lagDays: 5000 }] } : p)) }),
        400,
        'validation_failed',
        '/phases/3/dependencies/0/lagDays',
      ],
      [
        'typed link on an unknown phase',
        (i) => ({ ...i, phases: i.phases.map((p, k) => (k === 3 ? { ...p, dependencies: ['db-schema', { id: 'ghost', type: 'FF', lagDays: -1 }] } : p)) }),
        422,
        'unknown_dependency',
        '/phases/3/dependencies/1',
        ['ghost'],
      ],
      [
        'hard finish date the dependency chain cannot meet',
        (i) => ({ ...i, phases: i.phases.map((p) => (p.id === 'launch' ? { ...p, finishNoLaterThan: '2027-01-05' } : p)) }),
        422,
        'finish_constraint_infeasible',
        '/phases/13/finishNoLaterThan',
      ],
      [
        'a phase of more people than a team ever has, though it grows',
        (i) => ({
          ...i,
          teams: i.teams.map((t, k) => (k === 0 ? { ...t, calendar: { capacity: [{ from: '2027-02-01', size: t.size + 1 }] } } : t)),
          phases: i.phases.map((p, k) => (k === 0 ? { ...p, teamSize: 1000 } : p)),
        }),
        422,
        'no_eligible_team',
        '/phases/0/teamSize',
      ],
      [
        'a phase only a team that shrank before it could start had the people for',
        () => ({
          name: 'shrinking',
          startDate: '2027-01-04',
          teams: [{ id: 't', size: 6, skills: [], calendar: { capacity: [{ from: '2027-01-11', size: 4 }] } }],
          phases: [
            { id: 'a', name: 'A', duration: 10, teamSize: 0 },
            { id: 'big', name: 'Big', duration: 3, teamSize: 5, dependencies: ['a'] },
          ],
          constraints: { capacityBuffer: 0 },
        }),
        422,
        'no_capacity_window',
        '/phases/1/teamSize',
        ['big'],
      ],
      ['duplicate phase id', (i) => ({ ...i, phases: [...i.phases, { ...i.phases[1] }] }), 422, 'duplicate_id', `/phases/14/id`, ['db-schema']],
      [
        'dependency cycle',
        (i) => ({
          ...i,
          phases: i.phases.map((p) => (p.id === 'db-schema' ? { ...p, dependencies: ['launch'] } : p)),
        }),
        422,
        'dependency_cycle',
        '',
      ],
    ];

    it.each(cases)('%s', async (_label, mutate, status, code, path, ids) => {
      const before = await rowCounts(ctx());
      const res = await post(mutate(exampleInput()));
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body).toMatchObject({ statusCode: status, code });
      expect(typeof body.message).toBe('string');
      if (code === 'dependency_cycle') {
        const cycle: string[] = body.details[0].ids;
        expect(cycle[0]).toBe(cycle.at(-1));
        expect(cycle).toContain('db-schema');
        expect(cycle).toContain('launch');
      } else {
        expect(body.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      if (ids) expect(body.details.find((d: { path: string }) => d.path === path).ids).toEqual(ids);
      expect(await rowCounts(ctx())).toEqual(before);
    });

    it('a malformed JSON body is a 400 in the same shape', async () => {
      const before = await rowCounts(ctx());
      const res = await ctx().app.inject({ method: 'POST', url: '/plans', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'invalid_json' });
      expect(await rowCounts(ctx())).toEqual(before);
    });
  });
});
