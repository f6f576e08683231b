import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { startApp, type TestContext } from '../support/app.js';
import { groupedInput } from '../support/fixtures.js';

describe('exports of a stored plan version', () => {
  let ctx: TestContext;
  let id: string;
  beforeAll(async () => {
    ctx = await startApp('postgres');
    const res = await ctx.app.inject({ method: 'POST', url: '/plans', payload: groupedInput() });
    id = res.json().planId;
    const changed = { ...groupedInput(), phases: groupedInput().phases.map((p) => (p.id === 'screens' ? { ...p, duration: 5 } : p)) };
    await ctx.app.inject({ method: 'POST', url: `/plans/${id}/versions`, headers: { 'if-match': '"v1"' }, payload: changed });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('serves each format under its media type as an attachment, with the version as ETag (304 when unchanged)', async () => {
    for (const [format, type, ext] of [
      ['mspdi', 'application/xml', 'xml'],
      ['ical', 'text/calendar', 'ics'],
      ['csv', 'text/csv', 'csv'],
    ] as const) {
      const res = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/${format}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="waveplan-${id}-v2.${ext}"`);
      expect(res.headers.etag).toBe('"v2"');
      const again = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/${format}`, headers: { 'if-none-match': '"v2"' } });
      expect(again.statusCode).toBe(304);
    }
  });

  it('exports an earlier version, and each version from its own schedule', async () => {
    const csv = async (url: string) => parseCsv((await ctx.app.inject({ method: 'GET', url })).body, { columns: true }) as Record<string, string>[];
    const v1 = await csv(`/plans/${id}/versions/1/export/csv`);
    const v2 = await csv(`/plans/${id}/export/csv`);
    const screens = (rows: Record<string, string>[]) => Number(rows.find((r) => r.id === 'screens')!.duration);
    expect(screens(v2)).toBeGreaterThan(screens(v1));
    const stored = (await ctx.app.inject({ method: 'GET', url: `/plans/${id}/versions/1/artifacts/execution-plan.json` })).json();
    expect(v1.map((r) => [r.id, r.start_date, r.finish_date])).toEqual(
      stored.schedule.map((e: { id: string; start_date: string; finish_date: string }) => [e.id, e.start_date, e.finish_date]),
    );
  });

  it('gives a team its own calendar feed, with UIDs that stay the same from version to version', async () => {
    const uids = async (url: string) =>
      new ICAL.Component(ICAL.parse((await ctx.app.inject({ method: 'GET', url })).body))
        .getAllSubcomponents('vevent')
        .map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('sequence')]);
    const v1 = await uids(`/plans/${id}/versions/1/export/ical?team=ui`);
    const v2 = await uids(`/plans/${id}/export/ical?team=ui`);
    expect(v1.map((u) => u[0]).sort()).toEqual(v2.map((u) => u[0]).sort());
    expect(v1.map((u) => u[0])).toContain(`${id}.phase.screens@waveplan`);
    expect(v1.map((u) => u[0])).not.toContain(`${id}.phase.schema@waveplan`);
    expect(new Set(v2.map((u) => u[1]))).toEqual(new Set([2]));
  });

  it('picks the format from the Accept header at /export, highest q first, and answers 406 when none is acceptable', async () => {
    const get = (accept: string) => ctx.app.inject({ method: 'GET', url: `/plans/${id}/export`, headers: { accept } });
    expect((await get('text/calendar')).headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect((await get('text/csv;q=0.5, application/xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
    const csv = await get('text/html, text/csv;q=0.9');
    expect(csv.body).toBe((await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/csv` })).body);
    const refused = await get('text/html, */*;q=0.8');
    expect(refused.statusCode).toBe(406);
    expect(refused.json()).toMatchObject({ code: 'not_acceptable', details: [{ in: 'headers', path: '/accept' }] });
  });

  it('answers 404 for an unknown team, plan or version and 400 for an unknown format', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/ical?team=nobody` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/plans/${id}/versions/9/export/csv` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/plans/00000000-0000-4000-8000-000000000000/export/csv' })).statusCode).toBe(404);
    const bad = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/pdf` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ in: 'params', path: '/format' });
  });

  it('imports its own MS Project XML back through POST /imports', async () => {
    const file = (await ctx.app.inject({ method: 'GET', url: `/plans/${id}/export/mspdi` })).body;
    const res = await ctx.app.inject({ method: 'POST', url: '/imports', headers: { 'content-type': 'application/xml' }, payload: file });
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe('mspdi');
    expect(
      res
        .json()
        .input.phases.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(
      groupedInput()
        .phases.map((p) => p.id)
        .sort(),
    );
    const broken = await ctx.app.inject({ method: 'POST', url: '/imports', headers: { 'content-type': 'application/xml' }, payload: '<Project><Tasks></Project>' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().details[0].path).toMatch(/^line \d+, column \d+$/);
  });

  it('writes the planned dates into a task-master tasks.json sent to POST …/export/task-master, keeping the rest of the file', async () => {
    const tasks = readFileSync(repoPath('examples', 'import', 'tasks.json'), 'utf8');
    const imported = (
      await ctx.app.inject({ method: 'POST', url: '/imports?startDate=2027-01-04&teamSize=2', headers: { 'content-type': 'application/json' }, payload: tasks })
    ).json();
    const plan = (await ctx.app.inject({ method: 'POST', url: '/plans', payload: imported.input })).json();
    const res = await ctx.app.inject({ method: 'POST', url: `/plans/${plan.planId}/export/task-master`, headers: { 'content-type': 'application/json' }, payload: tasks });
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['x-waveplan-written'])).toBe(imported.input.phases.length);
    const schedule = plan.artifacts['execution-plan.json'].schedule as { id: string; start_date: string; team: string }[];
    const first = JSON.parse(res.body).master.tasks[0];
    expect(first.waveplan).toMatchObject({ planId: plan.planId, version: 1, plannedStart: schedule.find((e) => e.id === `task-${first.id}`)!.start_date });
    expect(res.body.replace(/,\r?\n[ \t]*"waveplan": \{[^}]*\}/g, '')).toBe(tasks);
    const bad = await ctx.app.inject({ method: 'POST', url: `/plans/${plan.planId}/export/task-master?tag=nope`, headers: { 'content-type': 'application/json' }, payload: tasks });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'writeback_failed', details: [{ in: 'body', path: '/nope' }] });
  });
});
