/**
 * Soak: mixed traffic against the real service on the real PostgreSQL for BENCH_SOAK_SECONDS
 * (default 600), with every one of the service's database connections terminated every
 * BENCH_KILL_EVERY_S seconds (default 30). Traffic: plans created (distinct inputs), sessions that
 * claim, report progress and complete phases, status and artifact reads, and event streams held
 * open and reopened. Everything goes to loopback; every loop is bounded by the deadline.
 * Prints requests, error classes, p50/p99 latency and the service's RSS at start and end.
 *
 *   npm run bench:soak     (BENCH_SOAK_SECONDS, BENCH_SOAK_WORKERS, BENCH_KILL_EVERY_S, PG_ADMIN_URL)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoPath } from '../src/paths.js';
import { admin, adminUrl, freePort } from './support.js';

const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const workers = Number(process.env.BENCH_SOAK_WORKERS ?? 12);
const killEvery = Number(process.env.BENCH_KILL_EVERY_S ?? 30);
const dbName = `waveplan_soak_${process.pid}`;
const example = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as { name: string; phases: unknown[] };

const rssMb = (pid: number) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

await admin(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The built service, as production runs it (npm run bench:soak builds first).
const service = spawn(process.execPath, [repoPath('dist', 'src', 'main.js')], {
  env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), AUTH: 'off', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', ASYNC_PHASE_THRESHOLD: '1000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exited: number | null = null;
service.on('exit', (code) => (exited = code ?? -1));

const latencies: number[] = [];
const classes = new Map<string, number>();
const count = (k: string) => classes.set(k, (classes.get(k) ?? 0) + 1);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const t0 = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    count(`${Math.floor(res.status / 100)}xx${res.status >= 400 ? ` ${res.status}` : ''}`);
    return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : null };
  } catch (err) {
    count(`network ${(err as Error).name}`);
    return { status: 0, json: null };
  }
}

try {
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error('the service exited during start-up');
    if ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok) break;
    if (i > 600) throw new Error('the service did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const rssStart = rssMb(service.pid!);
  const deadline = Date.now() + seconds * 1000;
  let kills = 0;
  // RSS once a minute: growth that levels off is caches filling to their bounds; growth to the end is a leak.
  const rssSeries: number[] = [rssStart];
  const sampler = setInterval(() => exited === null && rssSeries.push(rssMb(service.pid!)), 60_000);
  const killer = setInterval(() => {
    void admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`)
      .then(() => kills++)
      .catch(() => undefined);
  }, killEvery * 1000);

  const agent = async (n: number) => {
    let round = 0;
    while (Date.now() < deadline && exited === null) {
      round++;
      const created = await call('POST', '/plans', { ...example, name: `soak ${n}.${round}`, planning: { iterations: 300, monteCarloIterations: 200 } });
      const planId = created.json?.planId as string | undefined;
      if (!planId) continue;
      const stream = new AbortController();
      void fetch(`${base}/plans/${planId}/events`, { signal: stream.signal })
        .then((r) => r.body?.cancel())
        .catch(() => undefined);
      const session = (await call('POST', `/plans/${planId}/sessions`, { label: `soak-${n}` })).json?.id as string | undefined;
      for (let k = 0; k < 4 && session && Date.now() < deadline; k++) {
        const claim = await call('POST', `/plans/${planId}/claims`, { sessionId: session });
        const phaseId = claim.json?.phaseId as string | undefined;
        if (!phaseId) break;
        await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'started', phaseId });
        await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'progress', phaseId, percent: 50 });
        await call('GET', `/plans/${planId}/status`);
        await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'completed', phaseId });
        await call('GET', `/plans/${planId}/artifacts/execution-plan.json`);
      }
      stream.abort();
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, n) => agent(n)));
  clearInterval(killer);
  clearInterval(sampler);
  const rssEnd = exited === null ? rssMb(service.pid!) : NaN;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(`soak ${seconds}s workers=${workers} connection kills=${kills} service ${exited === null ? 'alive' : `EXITED (${exited})`}`);
  console.log(`requests=${latencies.length} p50=${q(0.5)}ms p99=${q(0.99)}ms`);
  console.log(
    `classes: ${[...classes]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(`rss_start=${rssStart}MB rss_end=${rssEnd}MB`);
  console.log(`rss_per_minute=${rssSeries.join(',')}MB`);
  if (rssSeries.length >= 6) {
    const third = Math.floor(rssSeries.length / 3);
    const peak = (xs: number[]) => Math.max(...xs);
    const middle = peak(rssSeries.slice(third, 2 * third));
    const last = peak(rssSeries.slice(2 * third));
    console.log(`rss growth, last third's peak over the middle third's: ${(last / middle).toFixed(2)}`);
  }
  if (exited !== null) process.exitCode = 1;
} finally {
  service.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 2_000));
  await admin(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
}
