import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import { ARTIFACT_NAMES } from '../../src/schemas/artifacts/index.js';
import { parseInput, readInput } from '../../src/cli/read-input.js';
import { importText } from '../../src/importers/index.js';
import { delayedPlan, startApp } from '../support/app.js';
import { examplePath, exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';
import { builtCli, ensureBuilt } from '../support/built.js';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [builtCli, ...args], { cwd: repoPath(), env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
const example = examplePath;
const exampleYaml = repoPath('test', 'fixtures', 'cli', 'web-product.yaml');
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'waveplan-cli-'));
const UNKNOWN_PLAN = '00000000-0000-4000-8000-000000000000';

describe('the waveplan CLI', () => {
  beforeAll(ensureBuilt, 300_000);
  const server = listeningApp(() => startApp('postgres'));

  it('plans locally and writes what the domain computes', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'waveplan-cli-'));
    const r = await run('plan', example, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toHaveLength(ARTIFACT_NAMES.length + 1 + 1 + exampleInput().teams.length);
    const expected = planProject(exampleInput(), { planningDate: new Date().toISOString().slice(0, 10) }); // the CLI plans on today
    for (const name of ARTIFACT_NAMES) expect(JSON.parse(read(out, name))).toEqual(expected.artifacts[name]);
    expect(read(out, 'strategy.md')).toBe(expected.document);
  });

  it('plans on a server and writes exactly the artifacts the API serves', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'waveplan-cli-'));
    const r = await run('plan', example, '--server', server.base(), '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    const { planId } = JSON.parse(r.stdout);
    for (const name of ARTIFACT_NAMES) {
      const served = await server.ctx().app.inject({ method: 'GET', url: `/plans/${planId}/artifacts/${name}` });
      expect(JSON.parse(read(out, name))).toEqual(served.json());
    }
    expect(read(out, 'strategy.md')).toBe((await server.ctx().app.inject({ method: 'GET', url: `/plans/${planId}/document` })).body);
  });

  it('exit codes scripts can rely on: 2 usage, 3 invalid input (with paths), 4 unreachable server', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'waveplan-cli-')), 'cycle.json');
    const input = exampleInput();
    input.phases[0]!.dependencies = ['launch'];
    writeFileSync(bad, JSON.stringify(input));
    const local = await run('plan', bad, '--out', path.dirname(bad));
    expect(local.code).toBe(3);
    expect(local.stderr).toMatch(/\/phases\/\d+\/dependencies\/\d+/);
    const remote = await run('plan', bad, '--server', server.base(), '--out', path.dirname(bad));
    expect(remote.code).toBe(3);
    expect((await run('plan', example, '--server', 'http://127.0.0.1:9', '--out', path.dirname(bad))).code).toBe(4);
  });

  /** Creates the delayed plan and reports: design done two days late, docs 75% along. */
  const trackedPlan = async () => {
    const { call } = server;
    const created = await call('POST', '/plans', delayedPlan('cli replan'));
    expect(created.status).toBe(201);
    const planId = created.body.planId as string;
    const session = async () => (await call('POST', `/plans/${planId}/sessions`, { label: 'agent' })).body.id as string;
    const [s, d] = [await session(), await session()];
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    };
    const at = '2026-01-05T09:00:00Z';
    await ok(call('POST', `/plans/${planId}/claims`, { sessionId: s, phaseId: 'design', at }));
    await ok(call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'started', phaseId: 'design', at }));
    await ok(call('POST', `/plans/${planId}/claims`, { sessionId: d, phaseId: 'docs', at }));
    await ok(call('POST', `/plans/${planId}/sessions/${d}/events`, { type: 'started', phaseId: 'docs', at }));
    await ok(call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'completed', phaseId: 'design', at: '2026-01-08T17:00:00Z' }));
    await ok(call('POST', `/plans/${planId}/sessions/${d}/events`, { type: 'progress', phaseId: 'docs', percent: 75, at: '2026-01-08T17:00:00Z' }));
    return planId;
  };

  it('reads YAML: the YAML example is the JSON example, and plans to the same artifacts', async () => {
    expect(readInput(exampleYaml).value).toEqual(exampleInput());
    const out = tmp();
    const r = await run('plan', exampleYaml, '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // --json: no progress, no chatter
    const expected = planProject(exampleInput(), { planningDate: new Date().toISOString().slice(0, 10) }); // the CLI plans on today
    for (const name of ARTIFACT_NAMES) expect(JSON.parse(read(out, name))).toEqual(expected.artifacts[name]);
    expect(read(out, 'strategy.md')).toBe(expected.document);
    // Without --json and with stderr not a terminal: messages, but no progress line.
    const quiet = await run('plan', exampleYaml, '--out', tmp());
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('\r');
    expect(quiet.stderr).toMatch(/^planning locally…\nwrote \d+ files to /);
  });

  it('tells JSON from YAML by extension, else by content; a YAML syntax error is exit 3 with line and column', async () => {
    const yamlText = readFileSync(exampleYaml, 'utf8');
    const jsonText = readFileSync(example, 'utf8');
    expect(parseInput('input.yml', yamlText).format).toBe('yaml');
    expect(parseInput('input.txt', yamlText)).toMatchObject({ format: 'yaml', value: exampleInput() });
    expect(parseInput('input', `\uFEFF  ${jsonText}`)).toMatchObject({ format: 'json', value: exampleInput() });
    expect(parseInput('input.yaml', jsonText)).toMatchObject({ format: 'yaml', value: exampleInput() }); // JSON is YAML
    // Where a path points, for error details.
    expect(parseInput('x.yaml', yamlText).locate('/phases/3/dependencies/1')).toEqual({
      line: yamlText.split('\n').findIndex((l) => l.includes('[db-schema, infra-setup]')) + 1,
      col: expect.any(Number),
    });

    const dir = tmp();
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'name: broken\nphases:\n  - id: a\n    name: A\n   duration: 3\n');
    const r = await run('plan', broken, '--out', dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/as YAML: line 5, column \d+: /);
    const dup = path.join(dir, 'dup.yml');
    writeFileSync(dup, 'name: a\nname: b\n');
    expect((await run('plan', dup, '--out', dir)).stderr).toMatch(/line 2, column 1: .*unique/);
    // A schema error in YAML input names the line of the offending value.
    const cyclic = path.join(dir, 'cyclic.txt');
    copyFileSync(exampleYaml, cyclic);
    writeFileSync(cyclic, readFileSync(cyclic, 'utf8').replace('[db-schema, infra-setup]', '[db-schema, nope]'));
    const bad = await run('plan', cyclic, '--out', dir);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/\/phases\/3\/dependencies\/1 \(line \d+, column \d+\): .*nope/);
  });

  it("status --json prints the server's status; the table names every phase and the open alerts", async () => {
    const planId = await trackedPlan();
    const asOf = '2026-01-08T18:00:00.000Z';
    const j = await run('status', planId, '--server', server.base(), '--as-of', asOf, '--json');
    expect(j.code, j.stderr).toBe(0);
    const served = await server.call('GET', `/plans/${planId}/status?asOf=${encodeURIComponent(asOf)}`);
    expect(served.status).toBe(200);
    expect(JSON.parse(j.stdout)).toEqual(served.body);

    const h = await run('status', planId, '--server', server.base());
    expect(h.code, h.stderr).toBe(0);
    const now = (await server.call('GET', `/plans/${planId}/status`)).body;
    expect(h.stdout).not.toContain('\x1b'); // not a terminal (and NO_COLOR): no colours
    expect(h.stdout).toContain(`version ${now.version}`);
    const rows = h.stdout.split('\n');
    for (const p of now.phases) {
      const row = rows.find((l) => l.startsWith(`${p.id} `));
      expect(row, `a row for ${p.id}:\n${h.stdout}`).toBeDefined();
      expect(row).toContain(p.status);
    }
    expect(now.alerts.length).toBeGreaterThan(0);
    expect(h.stdout).toContain(`open alerts (${now.alerts.length})`);
    for (const a of now.alerts) expect(h.stdout).toContain(a.message);
  });

  it('replan creates the next version, prints what moved, and --out writes exactly what the API serves for it', async () => {
    const planId = await trackedPlan();
    const out = tmp();
    const r = await run('replan', planId, '--server', server.base(), '--as-of', '2026-01-09', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const latest = await server.call('GET', `/plans/${planId}`);
    expect(latest.body).toMatchObject({ version: 2, parentVersion: 1, reason: 'replan' });
    expect(r.stdout).toMatch(/version 2 \(re-planned from version 1 as of 2026-01-09\)/);
    expect(r.stdout).toMatch(/2 phases moved/);
    expect(r.stdout).toMatch(/^ {2}build +day \d+ → \d+ +\+2$/m);
    expect(r.stdout).toMatch(/^ {2}ship +day \d+ → \d+ +\+2$/m);
    for (const name of ARTIFACT_NAMES) {
      const served = await server.call('GET', `/plans/${planId}/versions/2/artifacts/${name}`);
      expect(JSON.parse(read(out, name))).toEqual(served.body);
    }
    expect(read(out, 'strategy.md')).toBe((await server.ctx().app.inject({ method: 'GET', url: `/plans/${planId}/document` })).body);

    const again = await run('replan', planId, '--server', server.base(), '--as-of', '2026-01-09T12:00:00Z', '--json');
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ planId, version: 3, parentVersion: 2, reason: 'replan', changes: { basedOnVersion: 2, moved: 0, phases: [] } });
    expect(summary).not.toHaveProperty('artifacts');
    expect((await server.call('GET', `/plans/${planId}`)).body.version).toBe(3);
  });

  it('status and replan exit codes: 3 no such plan, 4 unreachable, 2 usage', async () => {
    const [status404, replan404, unreachable, badId, noServer, badAsOf, help] = await Promise.all([
      run('status', UNKNOWN_PLAN, '--server', server.base()),
      run('replan', UNKNOWN_PLAN, '--server', server.base(), '--json'),
      run('status', UNKNOWN_PLAN, '--server', 'http://127.0.0.1:9'),
      run('status', 'not-a-plan', '--server', server.base()),
      run('replan', UNKNOWN_PLAN),
      run('replan', UNKNOWN_PLAN, '--server', server.base(), '--as-of', 'yesterday'),
      run('--help'),
    ]);
    expect(status404.code).toBe(3);
    expect(status404.stderr).toContain(`no such plan: ${UNKNOWN_PLAN}`);
    expect(replan404.code).toBe(3);
    expect(replan404.stdout).toBe('');
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
    expect([badId.code, noServer.code, badAsOf.code]).toEqual([2, 2, 2]);
    expect(help.code).toBe(0);
    for (const c of ['waveplan plan ', 'waveplan status ', 'waveplan replan ']) expect(help.stdout).toContain(c);
    expect(help.stdout).toContain('exit codes: 0 ok, 1 unexpected error, 2 usage (also a missing file), 3 invalid input or no such plan, 4 server unreachable');
  });

  it("import writes the plan input the importer maps, which then plans on the server to the API's artifacts", async () => {
    const dir = tmp();
    const source = repoPath('test', 'fixtures', 'importers', 'task-master-legacy.json');
    const teams = path.join(dir, 'teams.yaml');
    writeFileSync(teams, 'teams:\n  - { id: web, size: 3, skills: [] }\n');
    const input = path.join(dir, 'input.json');
    const imported = await run('import', source, '--start-date', '2027-01-04', '--teams', teams, '--out', input);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toMatch(/note: 2 finished item\(s\) were left out/);
    expect(imported.stderr).toContain(`imported 8 phases from ${source} (task-master) into ${input}`);
    const expected = importText('task-master', readFileSync(source, 'utf8'), { startDate: '2027-01-04', teams: [{ id: 'web', size: 3, skills: [] }] });
    expect(JSON.parse(read(dir, 'input.json'))).toEqual(expected.input);

    const out = path.join(dir, 'out');
    const planned = await run('plan', input, '--server', server.base(), '--out', out, '--json');
    expect(planned.code, planned.stderr).toBe(0);
    const { planId } = JSON.parse(planned.stdout);
    const waves = (await server.call('GET', `/plans/${planId}/artifacts/wave-schedules.json`)).body as { waves: { phases: { id: string }[] }[] };
    expect(JSON.parse(read(out, 'wave-schedules.json'))).toEqual(waves);
    expect(waves.waves.flatMap((w) => w.phases.map((p) => p.id)).sort()).toEqual(expected.input.phases.map((p) => p.id).sort());
  });

  it('import: --json and stdout output, exit 3 with the place of every problem, 2 for a bad flag', async () => {
    const csv = repoPath('test', 'fixtures', 'importers', 'phases.csv');
    const [json, stdout, broken, cyclic, noStart, badFormat] = await Promise.all([
      run('import', csv, '--start-date', '2027-01-04', '--json'),
      run('import', csv, '--start-date', '2027-01-04', '--name', 'Launch'),
      run('import', repoPath('test', 'fixtures', 'importers', 'broken.csv'), '--start-date', '2027-01-04'),
      (async () => {
        const file = path.join(tmp(), 'cycle.csv');
        writeFileSync(file, 'id,name,duration,dependencies\na,A,1,b\nb,B,1,a\n');
        return run('import', file, '--start-date', '2027-01-04');
      })(),
      run('import', csv),
      run('import', csv, '--format', 'xml'),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.format).toBe('csv');
    expect(body.input).toEqual(importText('csv', readFileSync(csv, 'utf8'), { startDate: '2027-01-04', fileName: csv }).input);
    expect(body.input.name).toBe('phases');
    expect(body.input.phases[0].description).toBe('kick-off, with "stakeholders"');
    expect(stdout.code).toBe(0);
    expect(JSON.parse(stdout.stdout).name).toBe('Launch');
    expect(broken.code).toBe(3);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('line 3, column duration: cannot read "three days" as a duration');
    expect(broken.stderr).toContain('line 4, column dependencies: c depends on zz, which the file does not define');
    expect(cyclic.code).toBe(3);
    expect(cyclic.stderr).toMatch(/impossible[\s\S]*cycle/i);
    expect(noStart.code).toBe(3);
    for (const [file, kind] of [
      [csv, 'CSV table'],
      [repoPath('test', 'fixtures', 'importers', 'task-master-legacy.json'), 'task-master tasks.json'],
      [repoPath('test', 'fixtures', 'importers', 'dependency-graph.yaml'), 'dependency graph'],
    ] as const) {
      const r = await run('plan', file, '--out', tmp());
      expect(r.code, file).toBe(3);
      expect(r.stderr).toContain(`${file} is not a plan input but looks like a ${kind}: map it with \`waveplan import ${file} --start-date YYYY-MM-DD --out input.json\``);
    }
    expect(noStart.stderr).toMatch(/no start date/);
    expect(badFormat.code).toBe(2);
  });

  it("the installed command itself: package.json's bin, built, run as `npx waveplan`, writes what the domain computes", async () => {
    const exec = promisify(execFile);
    const out = tmp();
    const { stdout } = await exec('npx', ['--no-install', 'waveplan', 'plan', example, '--out', out, '--json'], { cwd: repoPath(), env: { ...process.env, NO_COLOR: '1' } });
    expect(JSON.parse(stdout).out).toBe(out);
    const expected = planProject(exampleInput(), { planningDate: new Date().toISOString().slice(0, 10) }); // the CLI plans on today
    for (const name of ARTIFACT_NAMES) expect(JSON.parse(read(out, name))).toEqual(expected.artifacts[name]);
  }, 120_000);
});
