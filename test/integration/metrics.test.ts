import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { PlanQueue, PLAN_QUEUE } from '../../src/jobs/plan-queue.js';
import { createDomainPlanner, PlanMemo } from '../../src/service/domain-planner.js';
import { Metrics } from '../../src/observability/metrics.js';
import { loadConfig } from '../../src/config.js';
import { freshDatabase } from '../support/db.js';
import { delayedPlan } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { find, parseExposition, value, type Sample } from '../support/prometheus.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('GET /metrics after some traffic', () => {
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let queue: PlanQueue;
  let app: App;
  let base: string;
  const memo = new PlanMemo();

  beforeAll(async () => {
    shared = await freshDatabase('postgres');
    // A queue nobody works: what is sent to it stays waiting, as seen from the database.
    queue = await PlanQueue.start(shared.url!);
    const metrics = new Metrics();
    metrics.addCache('plan_memo', () => memo.bytes);
    app = await buildApp({ db: shared.db, planner: createDomainPlanner({}, memo), queue, asyncPhaseThreshold: 5, metrics, poolStats: () => shared.poolStats(), eventPollMs: 50 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await shared?.close();
  });

  const scrape = async (): Promise<{ samples: Sample[]; type: string | null }> => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    return { samples: parseExposition(await res.text()), type: res.headers.get('content-type') };
  };

  it('counts requests per route template, times planning, and reads queue depth, streams, caches and the pool', async () => {
    const created = await app.inject({ method: 'POST', url: '/plans', payload: delayedPlan('metrics') });
    expect(created.statusCode).toBe(201);
    const id = created.json().planId as string;
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'GET', url: `/plans/${id}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/plans/${id}/artifacts/execution-plan.json` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/plans/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    const queued = await app.inject({ method: 'POST', url: '/plans', payload: exampleInput() });
    expect(queued.statusCode).toBe(202);
    // An open event stream, held while scraping.
    const abort = new AbortController();
    const stream = await fetch(`${base}/plans/${id}/events`, { signal: abort.signal });
    expect(stream.status).toBe(200);

    const { samples, type } = await scrape();
    abort.abort();
    expect(type).toMatch(/^text\/plain/);
    const count = (labels: Record<string, string>) => value(samples, 'http_request_duration_seconds_count', labels);
    expect(count({ method: 'POST', route: '/plans', status_code: '201' })).toBe(1);
    expect(count({ method: 'POST', route: '/plans', status_code: '202' })).toBe(1);
    expect(count({ method: 'GET', route: '/plans/:id', status_code: '200' })).toBe(2);
    expect(count({ method: 'GET', route: '/plans/:id', status_code: '404' })).toBe(1);
    expect(count({ method: 'GET', route: '/plans/:id/artifacts/:name', status_code: '200' })).toBe(1);
    // Route templates, never raw URLs (which would make a series per plan).
    expect(find(samples, 'http_request_duration_seconds_count').filter((s) => UUID.test(s.labels.route ?? ''))).toEqual([]);
    expect(value(samples, 'http_request_duration_seconds_sum', { method: 'POST', route: '/plans', status_code: '201' })).toBeGreaterThan(0);

    expect(value(samples, 'waveplan_planning_duration_seconds_count', { source: 'request', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'waveplan_planning_duration_seconds_sum', { source: 'request', outcome: 'ok' })).toBeGreaterThan(0);

    expect(value(samples, 'waveplan_queue_jobs', { queue: PLAN_QUEUE, state: 'waiting' })).toBe(1);
    expect(value(samples, 'waveplan_queue_jobs', { queue: PLAN_QUEUE, state: 'active' })).toBe(0);
    const age = value(samples, 'waveplan_queue_oldest_job_age_seconds', { queue: PLAN_QUEUE, state: 'waiting' });
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60);

    expect(value(samples, 'waveplan_sse_streams')).toBe(1);
    expect(value(samples, 'waveplan_cache_bytes', { cache: 'version_bodies' })).toBeGreaterThan(1000);
    expect(value(samples, 'waveplan_cache_bytes', { cache: 'tracking_bases' })).toBeGreaterThan(0);
    expect(value(samples, 'waveplan_cache_bytes', { cache: 'plan_memo' })).toBe(memo.bytes);
    expect(memo.bytes).toBeGreaterThan(1000);

    const total = value(samples, 'waveplan_db_pool_connections', { state: 'total' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'waveplan_db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(total);
    expect(value(samples, 'waveplan_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('sees the stream close and a job taken by another instance', async () => {
    await new Promise((r) => setTimeout(r, 100));
    expect(value((await scrape()).samples, 'waveplan_sse_streams')).toBe(0);
    // Another instance on the same database works the waiting job: this one's scrape sees it go.
    const other = await PlanQueue.start(shared.url!);
    try {
      await other.work(async () => undefined, 0.5);
      let waiting = 1;
      for (let i = 0; i < 50 && waiting > 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        waiting = value((await scrape()).samples, 'waveplan_queue_jobs', { queue: PLAN_QUEUE, state: 'waiting' });
      }
      expect(waiting).toBe(0);
    } finally {
      await other.stop();
    }
  });
});

describe('GET /metrics with a metrics token', () => {
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let app: App;
  const TOKEN = 'metrics-token-of-this-test-0123456789';

  beforeAll(async () => {
    shared = await freshDatabase('postgres');
    app = await buildApp({
      db: shared.db,
      planner: createDomainPlanner(),
      auth: { mode: 'on', adminToken: 'admin-token-of-the-metrics-test-xyz' },
      metricsEndpoint: { token: TOKEN },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await shared?.close();
  });

  it('needs the token, not an API key, and counts the refusals too', async () => {
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthorized');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer admin-token-of-the-metrics-test-xyz' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/plans' })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    const samples = parseExposition(ok.body);
    expect(value(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/plans', status_code: '401' })).toBe(1);
    // The scrapes themselves are not counted.
    expect(find(samples, 'http_request_duration_seconds_count', { route: '/metrics' })).toEqual([]);
  });
});

describe('metrics and tracing configuration', () => {
  it('has /metrics on and tracing off by default, and refuses a short metrics token', () => {
    const config = loadConfig({});
    expect(config.METRICS).toBe('on');
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.TRACING).toBe('off');
    expect(loadConfig({ TRACING: 'on', TRACING_EXPORTER: 'console' })).toMatchObject({ TRACING: 'on', TRACING_EXPORTER: 'console' });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ TRACING: 'yes' })).toThrow(/TRACING/);
  });

  it('METRICS=off removes the route', async () => {
    const shared = await freshDatabase('postgres');
    const app = await buildApp({ db: shared.db, planner: createDomainPlanner(), metricsEndpoint: { enabled: false } });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await shared.close();
    }
  });
});
