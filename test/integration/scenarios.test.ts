import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/domain/advisor/changes.js';
import { planProject } from '../../src/domain/plan.js';
import { rowCounts, suiteApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

describe('what-if scenarios', () => {
  const ctx = suiteApp('pglite');
  const inject = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx().app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const changes = [{ kind: 'add_people', team: 'web', people: 1 }] as const;

  it('plans the changes without writing a version, beside the current version, with the differences', async () => {
    const created = (await inject('POST', '/plans', exampleInput())).json();
    const before = await rowCounts(ctx());
    const res = await inject('POST', `/plans/${created.planId}/scenarios`, { changes });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(await rowCounts(ctx())).toEqual(before);
    expect((await inject('GET', `/plans/${created.planId}`)).headers.etag).toBe('"v1"');

    expect(body.basedOnVersion).toBe(1);
    expect(body.changes[0].description).toBe('add 1 person to web');
    expect(body.current.summary).toEqual(created.summary);
    // The scenario is exactly the changed input planned directly.
    const direct = planProject(applyChanges(exampleInput(), [...changes]));
    expect(body.scenario.summary).toEqual(direct.summary);
    expect(body.scenario.success_criteria).toEqual(direct.artifacts['execution-plan.json'].success_criteria);
    const makespan = body.differences.find((d: { field: string }) => d.field === 'summary.makespanDays');
    expect(makespan).toEqual({
      field: 'summary.makespanDays',
      current: created.summary.makespanDays,
      scenario: direct.summary.makespanDays,
      delta: Math.round((direct.summary.makespanDays - created.summary.makespanDays) * 100) / 100,
    });
    expect(makespan.delta).toBeLessThan(0);
    expect(body.differences.some((d: { field: string }) => d.field === 'metrics.team_utilisation_percent.web')).toBe(true);
    // Unchanged figures are not listed.
    expect(body.differences.some((d: { field: string }) => d.field === 'summary.phases')).toBe(false);
  });

  it('rejects a change naming an unknown team with its path, and writes nothing', async () => {
    const created = (await inject('POST', '/plans', exampleInput())).json();
    const before = await rowCounts(ctx());
    const res = await inject('POST', `/plans/${created.planId}/scenarios`, {
      changes: [
        { kind: 'set_buffer', percent: 5 },
        { kind: 'add_people', team: 'nobody', people: 1 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unknown_team', details: [{ path: '/changes/1/team' }] });
    expect(await rowCounts(ctx())).toEqual(before);
  });

  it('adopt stores the scenario as the next version through If-Match: 428 without, 412 when stale, 201 with the current ETag', async () => {
    const created = (await inject('POST', '/plans', exampleInput())).json();
    const url = `/plans/${created.planId}/scenarios/adopt`;
    expect((await inject('POST', url, { changes })).statusCode).toBe(428);
    expect((await inject('POST', url, { changes }, { 'if-match': '"v7"' })).statusCode).toBe(412);
    const scenario = (await inject('POST', `/plans/${created.planId}/scenarios`, { changes })).json();
    const adopted = await inject('POST', url, { changes }, { 'if-match': '"v1"' });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.headers.etag).toBe('"v2"');
    const v2 = adopted.json();
    expect(v2.input.teams.find((t: { id: string }) => t.id === 'web').size).toBe(5);
    expect(v2.summary).toEqual(scenario.scenario.summary);
    // The ETag has moved on: adopting again on v1 is stale.
    expect((await inject('POST', url, { changes }, { 'if-match': '"v1"' })).statusCode).toBe(412);
  });
});
