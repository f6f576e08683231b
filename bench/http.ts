/**
 * HTTP throughput on the real PostgreSQL: GET /plans/{id} and POST /plans with the example.
 * Starts the service in-process on a scratch database (created and dropped), auth off, no rate limit.
 *
 *   npm run bench:http        (BENCH_SECONDS, BENCH_CONNECTIONS, PG_ADMIN_URL override the defaults)
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { buildApp } from '../src/http/app.js';
import { createWorkerPlanner } from '../src/service/worker-planner.js';
import { connectPostgres } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { repoPath } from '../src/paths.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `waveplan_bench_${process.pid}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

await admin(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const handle = connectPostgres(url.toString(), 20);
const workers = createWorkerPlanner();
try {
  await migrateToLatest(handle.db);
  const app = await buildApp({ db: handle.db, planner: workers.planner });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const body = readFileSync(repoPath('examples', 'web-product.json'), 'utf8');
  const created = await fetch(`${base}/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const planId = ((await created.json()) as { planId: string }).planId;

  const run = (title: string, path: string, opts: Partial<autocannon.Options> = {}) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: base + path, connections, duration: seconds, ...opts }, (err, result) => (err ? reject(err) : resolve(result))),
    ).then((r) => {
      const bad = r.non2xx + r.errors;
      console.log(`${title.padEnd(34)} ${Math.round(r.requests.average).toLocaleString('en').padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   (${r.requests.total} requests, ${bad} failed)`);
      return r;
    });

  console.log(`HTTP bench: ${connections} connections, ${seconds} s each, PostgreSQL ${url.host}`);
  await run('GET /plans/{id}', `/plans/${planId}`);
  await run('GET /plans/{id}/artifacts/…', `/plans/${planId}/artifacts/execution-plan.json`);
  await run('POST /plans (example)', '/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  console.log('targets: GET ≥ 2,000 req/s with p99 ≤ 10 ms; POST of the example ≥ 200 req/s');
  await app.close();
} finally {
  await workers.close();
  await handle.close();
  await admin(`drop database if exists ${dbName} with (force)`);
}
