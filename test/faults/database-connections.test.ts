import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleInput } from '../support/fixtures.js';
import { freshDatabase } from '../support/db.js';
import { PgProxy } from './support/pg-proxy.js';
import { eventually, probe, startService, type ServiceProcess } from './support/service-process.js';

/**
 * The service between a misbehaving network and PostgreSQL. Each case asserts: the process does
 * not exit, nothing answers 500 where 503 is right, /readyz tells the truth within its 2 s, and the
 * service recovers by itself within the stated time once the fault is gone.
 */
describe('PostgreSQL drops, stalls and severs the service’s connections', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let proxy: PgProxy;
  let svc: ServiceProcess;
  let planId = '';
  const get = (path: string, timeoutMs = 10_000) => probe(svc.base + path, {}, timeoutMs);
  const ok = async (path: string) => (await get(path, 3_000)).status === 200;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    proxy = await PgProxy.start(db.url!);
    svc = await startService({
      DATABASE_URL: proxy.url(db.url!),
      DB_CONNECT_TIMEOUT_MS: '1000',
      DB_STATEMENT_TIMEOUT_MS: '1500',
      DB_QUERY_TIMEOUT_MS: '2000',
      ASYNC_PHASE_THRESHOLD: '5',
    });
    const res = await probe(svc.base + '/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...exampleInput(), phases: exampleInput().phases.slice(0, 4) }),
    });
    expect(res.status).toBe(201);
    planId = (res as { body: { planId: string } }).body.planId;
  });

  afterAll(async () => {
    await svc?.stop();
    await proxy?.close();
    await db?.close();
  });

  it('pg_terminate_backend on every connection of the service: the process lives and serves again', async () => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      expect(killed.rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await eventually(() => ok(`/plans/${planId}`), 10_000, 'reads after the backends were terminated');
    expect((await get('/readyz')).status).toBe(200);
    expect(svc.exited()).toBeUndefined();
    expect(svc.logs.some((l) => l.msg === 'database connection error' || l.msg === 'job queue error')).toBe(true);
  });

  it('every connection reset at once (a restart, a failover): the process lives and serves again', async () => {
    expect(proxy.connections).toBeGreaterThan(0);
    proxy.reset();
    const during = await get(`/plans/${planId}`);
    expect(during.status === 200 || during.status === 503).toBe(true);
    await eventually(() => ok(`/plans/${planId}`), 10_000, 'reads after the reset');
    expect(svc.exited()).toBeUndefined();
  });

  it('a black-holed database: /readyz is 503 within its 2 s, reads fail with 503 instead of hanging, and all recovers', async () => {
    proxy.mode = 'blackhole';
    try {
      const ready = await get('/readyz', 5_000);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(4_000);
      const read = await get(`/plans/${planId}?fresh=1`, 10_000);
      expect(read.status).toBe(503);
      expect((read as { body: { code: string } }).body.code).toBe('database_unavailable');
      expect(svc.exited()).toBeUndefined();
    } finally {
      proxy.mode = 'pass';
    }
    await eventually(() => ok('/readyz'), 15_000, '/readyz after the black hole');
    await eventually(() => ok(`/plans/${planId}`), 15_000, 'reads after the black hole');
  });

  it('severed connections (silent, no FIN): their queries fail within the query timeout, the pool and the queue recover', async () => {
    proxy.sever();
    await eventually(() => ok(`/plans/${planId}/artifacts/execution-plan.json`), 15_000, 'reads after the sever');
    // The queue worker's connections were severed too: a queued plan must still be worked. One
    // read getting through does not mean every pooled connection has been replaced: a POST that
    // draws a severed one fails with 503 within the query timeout (nothing written), so retry.
    const post = () =>
      probe(svc.base + '/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...exampleInput(), name: 'after the sever' }),
      });
    let queued = await post();
    await eventually(
      async () => {
        if (queued.status === 503) queued = await post();
        expect([202, 503]).toContain(queued.status);
        return queued.status === 202;
      },
      30_000,
      'a plan queued after the sever',
    );
    expect(queued.status).toBe(202);
    const jobId = (queued as { body: { jobId: string } }).body.jobId;
    await eventually(
      async () => {
        const job = await get(`/jobs/${jobId}`, 3_000);
        return job.status === 200 && (job as { body: { state: string } }).body.state === 'completed';
      },
      60_000,
      'the queued job after the sever',
    );
    expect((await get('/readyz')).status).toBe(200);
    expect(svc.exited()).toBeUndefined();
  });
});
