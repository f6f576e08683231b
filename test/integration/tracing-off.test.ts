import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { clientSpan, inSpan } from '../../src/observability/tracer.js';
import { delayedPlan } from '../support/app.js';
import { freshDatabase } from '../support/db.js';
import { find, parseExposition, value } from '../support/prometheus.js';

/**
 * Runs the service (on a fresh PostgreSQL database) with the given environment, posts one plan and stops it;
 * returns the modules it resolved, what it printed and the POST's status.
 */
async function runService(env: Record<string, string>): Promise<{ modules: string[]; stdout: string; status: number; metrics: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waveplan-tracing-'));
  const modules = path.join(dir, 'modules.txt');
  const db = await freshDatabase('postgres');
  await db.close();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', repoPath('test', 'support', 'record-modules.mjs'), repoPath('src', 'main.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url!,
      AUTH: 'off',
      DATA_DIR: path.join(dir, 'data'),
      PORT: '0',
      LOG_LEVEL: 'info',
      RECORD_MODULES_TO: modules,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${stdout}`)));
  });
  let status = 0;
  let metrics = '';
  try {
    const base = await listening;
    const res = await fetch(`${base}/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(delayedPlan('tracing')) });
    status = res.status;
    metrics = await (await fetch(`${base}/metrics`)).text();
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return { modules: readFileSync(modules, 'utf8').split('\n').filter(Boolean), stdout, status, metrics };
}

const sdkModules = (modules: string[]) => modules.filter((m) => /@opentelemetry\/(sdk-|exporter-|resources|context-async-hooks)|observability\/tracing-sdk/.test(m));

describe('tracing', () => {
  it('off (the default): the SDK is never loaded, spans record nothing; the process serves its own /metrics', async () => {
    const off = await runService({});
    expect(off.status).toBe(201);
    // The API is there (the service's hooks call it) and the recorder saw the service's own modules.
    expect(off.modules.some((m) => m.includes('/@opentelemetry/api/'))).toBe(true);
    expect(off.modules.some((m) => m.endsWith('/src/service/observed-planner.ts'))).toBe(true);
    expect(sdkModules(off.modules)).toEqual([]);
    // The process as started by npm start: its /metrics has Node's own families and the wiring of src/main.ts.
    const samples = parseExposition(off.metrics);
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    expect(value(samples, 'http_request_duration_seconds_count', { method: 'POST', route: '/plans', status_code: '201' })).toBe(1);
    expect(value(samples, 'waveplan_planning_duration_seconds_count', { source: 'request', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'waveplan_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'waveplan_queue_jobs', { queue: 'waveplan-plan', state: 'waiting' })).toBe(0);
    expect(value(samples, 'waveplan_cache_bytes', { cache: 'plan_memo' })).toBeGreaterThan(0);
    expect(off.stdout).not.toContain('waveplan.plan');
    // In this process no SDK is registered either: the hooks get non-recording spans.
    let described = false;
    expect(clientSpan(() => ((described = true), { name: 'pg select', attributes: {} }))).toBeUndefined();
    expect(described).toBe(false);
    expect(await inSpan('waveplan.plan', {}, async (span) => span.isRecording())).toBe(false);
  }, 60_000);

  it('on: TRACING=on loads the SDK at start and exports the planning span (console exporter here)', async () => {
    const on = await runService({ TRACING: 'on', TRACING_EXPORTER: 'console' });
    expect(on.status).toBe(201);
    expect(on.modules.some((m) => m.endsWith('/src/observability/tracing-sdk.ts'))).toBe(true);
    expect(sdkModules(on.modules).some((m) => m.includes('/@opentelemetry/sdk-trace-node/'))).toBe(true);
    // Flushed at shutdown by the batch processor.
    expect(on.stdout).toContain("name: 'waveplan.plan'");
  }, 60_000);
});
