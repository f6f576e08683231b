import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { PlanQueue } from '../../src/jobs/plan-queue.js';
import { planJobHandler } from '../../src/jobs/plan-job-handler.js';
import { Metrics } from '../../src/observability/metrics.js';
import { startTracing, type Tracing } from '../../src/observability/tracing-sdk.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import { observedPlanner } from '../../src/service/observed-planner.js';
import { freshDatabase } from '../support/db.js';
import { delayedPlan } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

/** With tracing on (an in-memory exporter in place of OTLP), the service's own spans. */
describe('tracing on', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let queue: PlanQueue;
  let app: App;

  beforeAll(async () => {
    tracing = await startTracing({ exporter });
    shared = await freshDatabase('postgres');
    const metrics = new Metrics();
    const planner = createDomainPlanner();
    queue = await PlanQueue.start(shared.url!, { metrics });
    await queue.work((job, meta) => planJobHandler(shared.db, observedPlanner(planner, metrics, 'queue'))(job, meta).then(() => undefined), 0.5);
    app = await buildApp({ db: shared.db, planner, queue, asyncPhaseThreshold: 5, metrics });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await shared?.close();
    await tracing?.shutdown();
  });

  const spans = (name: string | RegExp) => exporter.getFinishedSpans().filter((s) => (typeof name === 'string' ? s.name === name : name.test(s.name)));
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it('POST /plans records a planning span and the statements that stored the plan', async () => {
    exporter.reset();
    const res = await app.inject({ method: 'POST', url: '/plans', payload: delayedPlan('traced') });
    expect(res.statusCode).toBe(201);
    const planId = res.json().planId as string;
    const planning = spans('waveplan.plan');
    expect(planning).toHaveLength(1);
    expect(planning[0]!.attributes).toMatchObject({ 'waveplan.plan.id': planId, 'waveplan.plan.version': 1, 'waveplan.phases': 4, 'waveplan.source': 'request' });
    expect(planning[0]!.endTime[0] + planning[0]!.endTime[1] / 1e9).toBeGreaterThanOrEqual(planning[0]!.startTime[0] + planning[0]!.startTime[1] / 1e9);
    const inserts = spans('pg insert');
    expect(inserts.map((s) => s.attributes['db.query.text'])).toEqual(expect.arrayContaining([expect.stringMatching(/insert into "plans" .*insert into "plan_versions"/)]));
    for (const s of inserts) expect(s.attributes['db.system.name']).toBe('postgresql');
    // Statements carry their text, never their values.
    expect(JSON.stringify(inserts.map((s) => s.attributes))).not.toContain('traced');
  });

  it('a queued plan is traced from enqueue through the job to its planning and statements', async () => {
    exporter.reset();
    const res = await app.inject({ method: 'POST', url: '/plans', payload: exampleInput() });
    expect(res.statusCode).toBe(202);
    const { jobId, planId } = res.json();
    for (let i = 0; i < 100 && spans('waveplan.queue.job').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [enqueue] = spans('waveplan.queue.enqueue');
    expect(enqueue?.attributes).toMatchObject({ 'messaging.message.id': jobId, 'waveplan.plan.id': planId });
    const [job] = spans('waveplan.queue.job');
    expect(job?.attributes).toMatchObject({ 'messaging.message.id': jobId, 'waveplan.plan.id': planId });
    // Children of the job span, through the async context: its planning and the statements it ran.
    const planning = spans('waveplan.plan').filter((s) => s.attributes['waveplan.source'] === 'queue');
    expect(planning).toHaveLength(1);
    expect(parentOf(planning[0]!)).toBe(job!.spanContext().spanId);
    expect(planning[0]!.spanContext().traceId).toBe(job!.spanContext().traceId);
    const stored = spans(/^pg /).filter((s) => parentOf(s) === job!.spanContext().spanId);
    expect(stored.map((s) => s.attributes['db.query.text'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^select "id" from "plans"/), expect.stringMatching(/insert into "plan_versions"/)]),
    );
  });
});
