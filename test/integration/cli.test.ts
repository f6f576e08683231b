import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import { ARTIFACT_NAMES } from '../../src/schemas/artifacts/index.js';
import { exampleInput, startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), ...args], { cwd: repoPath(), env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
const example = repoPath('examples', 'web-product.json');
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('the waveplan CLI', () => {
  const server = listeningApp(() => startApp('postgres'));

  it('plans locally and writes what the domain computes', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'waveplan-cli-'));
    const r = await run('plan', example, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toHaveLength(ARTIFACT_NAMES.length + 1 + 1 + exampleInput().teams.length);
    const expected = planProject(exampleInput());
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
});
