import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { delayedPlan, startApp } from '../support/app.js';
import { builtCli, ensureBuilt } from '../support/built.js';
import { listeningApp } from '../support/http.js';

const ADMIN = 'admin-token-for-the-cli-flags-test';

const run = async (args: string[], env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [builtCli, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};
const tmp = () => mkdtempSync(path.join(tmpdir(), 'waveplan-cli-flags-'));

describe('CLI flags', () => {
  const { base, call } = listeningApp(() => startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN } }));
  let proxy: http.Server;
  let prefixed = '';
  let key = '';
  beforeAll(ensureBuilt, 300_000);
  beforeAll(async () => {
    key = (await call('POST', '/admin/keys', { workspace: 'cli', name: 'cli', role: 'write' }, { authorization: `Bearer ${ADMIN}` })).body.token;
    // The service behind a reverse proxy at /waveplan/.
    proxy = http.createServer((req, res) => {
      if (!req.url!.startsWith('/waveplan/')) {
        res.writeHead(404).end();
        return;
      }
      const target = new URL(req.url!.slice('/waveplan'.length), base());
      const upstream = http.request(target, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    prefixed = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/waveplan/`;
  });
  afterAll(() => new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve())));

  it('--version, --help per subcommand, exit 2 for a missing file', async () => {
    const [version, planHelp, replanHelp, missing] = await Promise.all([
      run(['--version']),
      run(['plan', '--help']),
      run(['replan', '-h']),
      run(['plan', '/nonexistent/input.json']),
    ]);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).version);
    expect(planHelp.stdout).toMatch(/^usage: waveplan plan /);
    expect(planHelp.stdout).not.toContain('waveplan status');
    expect(replanHelp.stdout).toMatch(/^usage: waveplan replan /);
    expect(replanHelp.stdout).toContain('latest');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'no such file: /nonexistent/input.json']);
  });

  it('plan --server behind a path prefix, key from WAVEPLAN_API_KEY: the same files as a local plan, stale ones removed', async () => {
    const dir = tmp();
    const file = path.join(dir, 'input.json');
    const input = delayedPlan('cli flags');
    writeFileSync(file, JSON.stringify(input));
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'playbooks'), { recursive: true });
    writeFileSync(path.join(out, 'playbooks', 'gone-team.md'), 'stale');
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const remote = await run(['plan', file, '--server', prefixed, '--out', out, '--json'], { WAVEPLAN_API_KEY: key });
    expect(remote.code, remote.stderr).toBe(0);
    const local = await run(['plan', file, '--out', path.join(dir, 'local'), '--json']);
    const names = (d: string) => [...readdirSync(d).filter((n) => n !== 'playbooks'), ...readdirSync(path.join(d, 'playbooks')).map((n) => `playbooks/${n}`)].sort();
    expect(names(out).filter((n) => n !== 'notes.txt')).toEqual(names(path.join(dir, 'local')));
    expect(existsSync(path.join(out, 'playbooks', 'gone-team.md'))).toBe(false);
    expect(existsSync(path.join(out, 'notes.txt'))).toBe(true);
    expect(JSON.parse(local.stdout).files.length).toBe(JSON.parse(remote.stdout).files.length);
    const planId = JSON.parse(remote.stdout).planId as string;
    const svg = await fetch(`${base()}/plans/${planId}/gantt.svg`, { headers: { authorization: `Bearer ${key}` } });
    expect(readFileSync(path.join(out, 'gantt.svg'), 'utf8')).toBe(await svg.text());
  });

  it('replan without --as-of re-plans as of the latest event (or the plan start while it lies ahead)', async () => {
    const auth = { authorization: `Bearer ${key}` };
    const future = { ...delayedPlan('future'), startDate: '2099-01-05' };
    const futureId = (await call('POST', '/plans', future, auth)).body.planId as string;
    const ahead = await run(['replan', futureId, '--server', base(), '--json'], { WAVEPLAN_API_KEY: key });
    expect(ahead.code, ahead.stderr).toBe(0);
    expect((await call('GET', `/plans/${futureId}`, undefined, auth)).body.input.progress.asOf).toBe('2099-01-05');

    const id = (await call('POST', '/plans', delayedPlan('tracked'), auth)).body.planId as string;
    const session = (await call('POST', `/plans/${id}/sessions`, { team: 'a' }, auth)).body.id as string;
    await call('POST', `/plans/${id}/claims`, { sessionId: session, phaseId: 'design', at: '2026-01-06T09:00:00Z' }, auth);
    await call('POST', `/plans/${id}/sessions/${session}/events`, { type: 'started', phaseId: 'design', at: '2026-01-06T09:00:00Z' }, auth);
    const replanned = await run(['replan', id, '--server', base(), '--json'], { WAVEPLAN_API_KEY: key });
    expect(replanned.code, replanned.stderr).toBe(0);
    expect((await call('GET', `/plans/${id}`, undefined, auth)).body.input.progress.asOf).toBe('2026-01-06');
  });
});
