import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { exportPlan } from '../../src/exports/index.js';
import { repoPath } from '../../src/paths.js';
import { startApp } from '../support/app.js';
import { ensureBuilt, runCli } from '../support/built.js';
import { examplePath, exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';

const run = (...args: string[]) => runCli(args);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'waveplan-export-'));

describe('waveplan export and the new importers on the command line', () => {
  beforeAll(ensureBuilt, 300_000);
  const server = listeningApp(() => startApp('postgres'));

  it('exports a local input as CSV and MS Project XML, the same as the export of its plan', async () => {
    const csv = await run('export', 'csv', examplePath);
    expect(csv.code, csv.stderr).toBe(0);
    const planned = planProject(exampleInput());
    expect(csv.stdout).toBe(exportPlan('csv', { input: exampleInput(), artifacts: planned.artifacts }).body);
    const out = path.join(tmp(), 'plan.xml');
    const xml = await run('export', 'mspdi', examplePath, '--out', out, '--json');
    expect(xml.code, xml.stderr).toBe(0);
    expect(JSON.parse(xml.stdout)).toMatchObject({ format: 'mspdi', out });
    expect(readFileSync(out, 'utf8')).toBe(exportPlan('mspdi', { input: exampleInput(), artifacts: planned.artifacts }).body);
  });

  it("exports a stored plan from a server: the version asked for, one team's feed", async () => {
    const created = await server.call('POST', '/plans', exampleInput());
    const id = (created.body as { planId: string }).planId;
    const ical = await run('export', 'ical', id, '--server', server.base(), '--team', 'web', '--version', '1');
    expect(ical.code, ical.stderr).toBe(0);
    const served = await fetch(`${server.base()}/plans/${id}/versions/1/export/ical?team=web`);
    expect(ical.stdout).toBe(await served.text());
    const rows = parseCsv((await run('export', 'csv', id, '--server', server.base(), '--team', 'web')).stdout, { columns: true }) as { team: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.team))).toEqual(new Set(['web']));
    const missing = await run('export', 'ical', id, '--server', server.base(), '--team', 'nobody');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nobody/);
  });

  it('refuses an unknown format or a missing --tasks with usage (exit 2)', async () => {
    expect((await run('export', 'pdf', examplePath)).code).toBe(2);
    const noTasks = await run('export', 'task-master', examplePath);
    expect(noTasks.code).toBe(2);
    expect(noTasks.stderr).toMatch(/--tasks/);
  });

  it('imports a ccpm epics folder and a beads issues.jsonl, and writes planned dates back into tasks.json', async () => {
    const ccpm = await run('import', repoPath('examples', 'import', 'ccpm', 'epics'), '--start-date', '2027-01-04', '--json');
    expect(ccpm.code, ccpm.stderr).toBe(0);
    expect(JSON.parse(ccpm.stdout)).toMatchObject({ format: 'ccpm', input: { phases: [{ id: 'checkout:2' }, { id: 'checkout:3' }, { id: 'checkout:4' }] } });
    const beads = await run('import', repoPath('examples', 'import', 'beads', 'issues.jsonl'), '--start-date', '2027-01-04', '--json');
    expect(beads.code, beads.stderr).toBe(0);
    expect(JSON.parse(beads.stdout).format).toBe('beads');

    const dir = tmp();
    const tasks = repoPath('examples', 'import', 'tasks.json');
    const input = path.join(dir, 'input.json');
    expect((await run('import', tasks, '--start-date', '2027-01-04', '--out', input)).code).toBe(0);
    const back = await run('export', 'task-master', input, '--tasks', tasks);
    expect(back.code, back.stderr).toBe(0);
    const written = JSON.parse(back.stdout).master.tasks as { id: number; waveplan?: { plannedStart: string } }[];
    expect(written.every((t) => t.waveplan?.plannedStart)).toBe(true);
    const created = await server.call('POST', '/plans', JSON.parse(readFileSync(input, 'utf8')));
    const id = (created.body as { planId: string }).planId;
    const remote = await run('export', 'task-master', id, '--server', server.base(), '--tasks', tasks);
    expect(remote.code, remote.stderr).toBe(0);
    expect((JSON.parse(remote.stdout).master.tasks[0] as { waveplan: { planId: string } }).waveplan.planId).toBe(id);
  });
});
