/**
 * HTTP throughput of the real service on the real PostgreSQL: GET /plans/{id}, GET of one
 * artifact, and POST /plans with the example. The service runs as its own process (as in
 * production: auth on with a workspace key, request logging at info), autocannon drives it from
 * this one; the scratch database is created and dropped.
 *
 *   npm run bench:http        (BENCH_SECONDS, BENCH_CONNECTIONS, PG_ADMIN_URL override the defaults;
 *                              BENCH_NODE_ARGS adds Node flags to the service, e.g. to profile it; BENCH_ONLY=text
 *                              runs only the scenarios whose title contains the text)
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { repoPath } from '../src/paths.js';
import { admin, adminUrl, freePort } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const dbName = `waveplan_bench_${process.pid}`;

await admin(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const adminKey = randomBytes(24).toString('hex');
// BENCH_NODE_ARGS passes Node flags to the service, e.g. "--cpu-prof --cpu-prof-dir=.prof" to profile it.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const service = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', repoPath('src', 'main.ts')], {
  env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), AUTH: 'on', ADMIN_API_KEY: adminKey, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    if (service.exitCode !== null) throw new Error('the service exited during start-up');
    if ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok) break;
    if (i > 300) throw new Error('the service did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const keyRes = await fetch(`${base}/admin/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ workspace: 'bench', name: 'bench', role: 'write' }),
  });
  const { token } = (await keyRes.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = readFileSync(repoPath('examples', 'web-product.json'), 'utf8');
  const created = await fetch(`${base}/plans`, { method: 'POST', headers, body });
  const planId = ((await created.json()) as { planId: string }).planId;

  // BENCH_ONLY runs only the scenarios whose title contains it (e.g. "POST", to profile that path).
  const only = process.env.BENCH_ONLY;
  const run = (title: string, path: string, opts: Partial<autocannon.Options> = {}) =>
    only && !title.includes(only)
      ? Promise.resolve()
      : new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: base + path, connections, duration: seconds, headers, ...opts }, (err, result) => (err ? reject(err) : resolve(result))),
    ).then((r) => {
      const bad = r.non2xx + r.errors;
      const kb = Math.round(r.throughput.average / r.requests.average / 1024);
      console.log(
        `${title.padEnd(34)} ${Math.round(r.requests.average).toLocaleString('en').padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ${kb} KB/response   (${r.requests.total} requests, ${bad} failed)`,
      );
      return r;
    });

  console.log(`HTTP bench: service in its own process (auth on, info logs), ${connections} connections, ${seconds} s each, PostgreSQL ${url.host}`);
  await run('GET /plans/{id}', `/plans/${planId}`);
  // Latency at the target rate, not at saturation (where queueing alone sets the tail).
  await run('GET /plans/{id} offered 2,000 req/s', `/plans/${planId}`, { overallRate: 2000 });
  await run('GET /plans/{id}/artifacts/…', `/plans/${planId}/artifacts/execution-plan.json`);
  await run('POST /plans (example)', '/plans', { method: 'POST', body });
  // Every request a different seed: no memo hit, the engine and Monte Carlo run each time.
  const example = JSON.parse(body) as { planning?: Record<string, unknown> };
  let seed = 1000;
  const distinct = () => JSON.stringify({ ...example, planning: { ...example.planning, seed: seed++ } });
  await run('POST /plans (example, new seed each)', '/plans', { method: 'POST', requests: [{ setupRequest: (req) => ({ ...req, body: distinct() }) }] });
  console.log('targets: GET ≥ 2,000 req/s with p99 ≤ 10 ms; POST of the example ≥ 200 req/s');
} finally {
  service.kill('SIGTERM');
  await new Promise((r) => service.once('exit', r));
  await admin(`drop database if exists ${dbName} with (force)`);
}
