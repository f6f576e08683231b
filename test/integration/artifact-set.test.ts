import { describe, expect, it } from 'vitest';
import { ARTIFACT_NAMES } from '../../src/schemas/artifacts/index.js';
import { delayedPlan, suiteApp } from '../support/app.js';

/** GET /plans/{id}/artifacts?names=…: some artifacts of the latest version, as the full version has them. */
describe('a set of artifacts of the latest version', () => {
  const ctx = suiteApp('postgres');
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await ctx().app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, etag: res.headers.etag, body: res.body ? JSON.parse(res.body) : null };
  };

  it('holds the named artifacts and the metadata, the same as the full version; all five by default; follows a new version', async () => {
    const created = await ctx().app.inject({ method: 'POST', url: '/plans', payload: delayedPlan('set') });
    const id = created.json().planId as string;
    const full = (await get(`/plans/${id}`)).body;

    const two = await get(`/plans/${id}/artifacts?names=risk-mitigation-plan.json,execution-plan.json,execution-plan.json`);
    expect(two.status).toBe(200);
    expect(two.etag).toBe('"v1"');
    expect(Object.keys(two.body.artifacts).sort()).toEqual(['execution-plan.json', 'risk-mitigation-plan.json']);
    expect(two.body.artifacts['execution-plan.json']).toEqual(full.artifacts['execution-plan.json']);
    expect(two.body.artifacts['risk-mitigation-plan.json']).toEqual(full.artifacts['risk-mitigation-plan.json']);
    const { input: _input, artifacts: _artifacts, ...meta } = full;
    expect({ ...two.body, artifacts: undefined }).toEqual({ ...meta, artifacts: undefined });
    expect(two.body).not.toHaveProperty('input');

    const all = await get(`/plans/${id}/artifacts`);
    expect(Object.keys(all.body.artifacts).sort()).toEqual([...ARTIFACT_NAMES].sort());
    expect(all.body.artifacts).toEqual(full.artifacts);
    expect((await get(`/plans/${id}/artifacts?names=execution-plan.json`, { 'if-none-match': '"v1"' })).status).toBe(304);

    const next = await ctx().app.inject({ method: 'POST', url: `/plans/${id}/versions`, payload: { ...delayedPlan('set'), name: 'set v2' }, headers: { 'if-match': '"v1"' } });
    expect(next.statusCode).toBe(201);
    const after = await get(`/plans/${id}/artifacts?names=execution-plan.json`, { 'if-none-match': '"v1"' });
    expect(after.status).toBe(200);
    expect(after.etag).toBe('"v2"');
    expect(after.body).toMatchObject({ version: 2, name: 'set v2' });
    expect(after.body.artifacts['execution-plan.json']).toEqual((await get(`/plans/${id}/versions/2/artifacts/execution-plan.json`)).body);
  });

  it('refuses a name that is not an artifact, and a plan that does not exist, in the error shape', async () => {
    const created = await ctx().app.inject({ method: 'POST', url: '/plans', payload: delayedPlan('set-bad') });
    const id = created.json().planId as string;
    for (const q of ['names=state.tar', 'names=', 'names=execution-plan.json,,wave-schedules.json']) {
      const bad = await get(`/plans/${id}/artifacts?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ in: 'querystring' })] });
    }
    const missing = await get('/plans/00000000-0000-4000-8000-000000000000/artifacts?names=execution-plan.json');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toMatch(/not_found/);
  });
});
