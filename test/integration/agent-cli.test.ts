import { beforeAll, describe, expect, it } from 'vitest';
import { delayedPlan, startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';
import { ensureBuilt, runCli } from '../support/built.js';

const run = (...args: string[]) => runCli(args);

describe('the agent commands of the CLI: ready, claim, heartbeat, report, done', () => {
  beforeAll(ensureBuilt, 300_000);
  const server = listeningApp(() => startApp('postgres'));

  it('a shell-driven agent works a phase through with --json, and refusals exit 3 with the reason', async () => {
    const planId = (await server.call('POST', '/plans', delayedPlan('agent cli'))).body.planId as string;
    const s = ['--server', server.base()];

    const ready = await run('ready', planId, ...s, '--team', 'a', '--explain', '--json');
    expect(ready.code, ready.stderr).toBe(0);
    const view = JSON.parse(ready.stdout);
    expect(view.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['design']);
    expect(view.notReady.find((n: { phaseId: string }) => n.phaseId === 'build').reasons[0].reason).toBe('dependency_not_done');
    const text = await run('ready', planId, ...s, '--team', 'a', '--explain');
    expect(text.stdout).toMatch(/^design\ta\twave 1/m);
    expect(text.stdout).toContain('not ready: build (pending): phase build waits for design to complete');

    const claimed = await run('claim', planId, ...s, '--team', 'a', '--json');
    expect(claimed.code, claimed.stderr).toBe(0);
    const claim = JSON.parse(claimed.stdout);
    expect(claim).toMatchObject({ phaseId: 'design', team: 'a', registered: { team: 'a', claimLimit: 1 } });
    const sid = claim.sessionId as string;

    const busy = await run('claim', planId, ...s, '--session', sid, '--phase', 'docs');
    expect(busy.code).toBe(3);
    expect(busy.stderr).toContain('already holds design');
    const mismatch = await run('claim', planId, ...s, '--team', 'a', '--phase', 'docs');
    expect(mismatch.code).toBe(3);
    expect(mismatch.stderr).toContain('needs y');

    expect((await run('heartbeat', planId, ...s, '--session', sid)).stdout).toContain(`session ${sid} alive`);
    const progress = await run('report', planId, ...s, '--session', sid, '--phase', 'design', '--percent', '60', '--json');
    expect(JSON.parse(progress.stdout)).toMatchObject({ type: 'progress', data: { percent: 60 } });
    const done = await run('done', planId, ...s, '--session', sid, '--phase', 'design', '--gate', 'passed', '--json');
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout).events.map((e: { type: string }) => e.type)).toEqual(['completed', 'gate_passed']);
    expect(JSON.parse((await run('ready', planId, ...s, '--session', sid, '--json')).stdout).ready[0].phaseId).toBe('build');

    expect((await run('report', planId, ...s, '--session', sid, '--phase', 'design')).code).toBe(2);
    expect((await run('done', planId, ...s, '--phase', 'design')).code).toBe(2);
    expect((await run('ready', 'not-a-plan', ...s)).code).toBe(2);
  }, 120_000);
});
