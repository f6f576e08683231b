/**
 * HTTP throughput of the real service on the real PostgreSQL: GET /plans/{id}, GET of one
 * artifact, and POST /plans with the example. The service runs as its own process (as in
 * production: auth on with a workspace key, request logging at info), autocannon drives it from
 * this one; the scratch database is created and dropped. In the same run, a baseline: a bare
 * Fastify server (bench/baseline-server.ts, its own process too) answering the same three
 * requests with the same bytes from memory; the service's figures are printed as ratios of it,
 * which is what to compare across commits on a shared, noisy machine.
 *
 *   npm run bench:http        (BENCH_SECONDS, BENCH_CONNECTIONS, PG_ADMIN_URL override the defaults;
 *                              BENCH_NODE_ARGS adds Node flags to the service, e.g. to profile it; BENCH_ONLY=text
 *                              runs only the scenarios whose title contains the text)
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
const bodies = mkdtempSync(path.join(tmpdir(), 'waveplan-bench-http-'));
const baselinePort = await freePort();
const baseline = `http://127.0.0.1:${baselinePort}`;
let baselineServer: ReturnType<typeof spawn> | undefined;
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
  const createdBytes = Buffer.from(await created.arrayBuffer());
  const planId = (JSON.parse(createdBytes.toString('utf8')) as { planId: string }).planId;
  const artifactPath = `/plans/${planId}/artifacts/execution-plan.json`;
  // The baseline serves exactly what the service answered.
  writeFileSync(path.join(bodies, 'created.json'), createdBytes);
  writeFileSync(path.join(bodies, 'version.json'), Buffer.from(await (await fetch(`${base}/plans/${planId}`, { headers })).arrayBuffer()));
  writeFileSync(path.join(bodies, 'artifact.json'), Buffer.from(await (await fetch(base + artifactPath, { headers })).arrayBuffer()));
  baselineServer = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', repoPath('bench', 'baseline-server.ts'), bodies, String(baselinePort)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; !(await fetch(`${baseline}/plans/x`).catch(() => undefined))?.ok; i++) {
    if (i > 300) throw new Error('the baseline server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  // BENCH_ONLY runs only the scenarios whose title contains it (e.g. "POST", to profile that path).
  const only = process.env.BENCH_ONLY;
  const run = (title: string, path: string, opts: Partial<autocannon.Options> = {}, target = base) =>
    only && !title.includes(only)
      ? Promise.resolve(undefined)
      : new Promise<autocannon.Result>((resolve, reject) =>
          autocannon({ url: target + path, connections, duration: seconds, headers, ...opts }, (err, result) => (err ? reject(err) : resolve(result))),
        ).then((r) => {
          const bad = r.non2xx + r.errors;
          const kb = Math.round(r.throughput.average / r.requests.average / 1024);
          console.log(
            `${title.padEnd(34)} ${Math.round(r.requests.average).toLocaleString('en').padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ${kb} KB/response   (${r.requests.total} requests, ${bad} failed)`,
          );
          return r;
        });

  /** The baseline and the service, back to back on one scenario: their figures and the ratio. */
  const ratios: string[] = [];
  const compare = async (title: string, path: string, opts: Partial<autocannon.Options> = {}) => {
    const bare = await run(`${title} [baseline]`, path, opts, baseline);
    const real = await run(title, path, opts);
    if (!bare || !real) return;
    const rate = real.requests.average / bare.requests.average;
    const p99 = real.latency.p99 / Math.max(bare.latency.p99, 1);
    ratios.push(`${title.padEnd(34)} throughput ${rate.toFixed(2)}× the baseline   p99 ${p99.toFixed(1)}× (${real.latency.p99} ms vs ${bare.latency.p99} ms)`);
  };

  console.log(`HTTP bench: service in its own process (auth on, info logs), ${connections} connections, ${seconds} s each, PostgreSQL ${url.host}`);
  console.log('baseline: a bare Fastify server in its own process answering the same requests with the same bytes from memory');
  await compare('GET /plans/{id}', `/plans/${planId}`);
  // Latency at the target rate, not at saturation (where queueing alone sets the tail).
  await run('GET /plans/{id} offered 2,000 req/s', `/plans/${planId}`, { overallRate: 2000 });
  await compare('GET /plans/{id}/artifacts/…', artifactPath);
  await compare('POST /plans (example)', '/plans', { method: 'POST', body });
  // Every request a different seed: no memo hit, the engine and Monte Carlo run each time.
  const example = JSON.parse(body) as { planning?: Record<string, unknown> };
  let seed = 1000;
  const distinct = () => JSON.stringify({ ...example, planning: { ...example.planning, seed: seed++ } });
  await run('POST /plans (example, new seed each)', '/plans', { method: 'POST', requests: [{ setupRequest: (req) => ({ ...req, body: distinct() }) }] });
  console.log('targets: GET ≥ 2,000 req/s with p99 ≤ 10 ms; POST of the example ≥ 200 req/s');
  console.log('\nservice ÷ bare Fastify with the same bytes (same machine, same run; compare these across commits):');
  for (const line of ratios) console.log(line);
} finally {
  baselineServer?.kill('SIGTERM');
  if (baselineServer && baselineServer.exitCode === null) await new Promise((r) => baselineServer!.once('exit', r));
  rmSync(bodies, { recursive: true, force: true });
  service.kill('SIGTERM');
  await new Promise((r) => service.once('exit', r));
  await admin(`drop database if exists ${dbName} with (force)`);
}
