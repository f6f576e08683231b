import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { PlanQueue } from '../../src/jobs/plan-queue.js';
import { planJobHandler } from '../../src/jobs/plan-job-handler.js';
import { createLogger } from '../../src/logger.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import { freshDatabase } from '../support/db.js';
import { delayedPlan } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

type Line = Record<string, unknown> & { msg?: string };

/** The process's logger (src/logger.ts), writing JSON lines into an array instead of stdout. */
function capturedLogger() {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  return { log: createLogger('info', {}, false, sink), lines };
}

describe('log lines carry plan id, session id and job id', () => {
  const { log, lines } = capturedLogger();
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let queue: PlanQueue;
  let app: App;

  beforeAll(async () => {
    shared = await freshDatabase('postgres');
    queue = await PlanQueue.start(shared.url!);
    app = await buildApp({ db: shared.db, planner: createDomainPlanner(), queue, asyncPhaseThreshold: 5, loggerInstance: log });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await shared?.close();
  });

  /** The "request completed" line of the response with this request id. */
  const completed = (reqId: string) => lines.find((l) => l.msg === 'request completed' && l.reqId === reqId);
  const reqId = (res: { headers: Record<string, unknown> }) => String(res.headers['x-request-id']);

  it('a request that makes or names a plan, a session or a job logs their ids', async () => {
    const created = await app.inject({ method: 'POST', url: '/plans', payload: delayedPlan('logs') });
    expect(created.statusCode).toBe(201);
    const planId = created.json().planId as string;
    expect(completed(reqId(created))).toMatchObject({ planId });

    const read = await app.inject({ method: 'GET', url: `/plans/${planId}/status` });
    expect(read.statusCode).toBe(200);
    expect(completed(reqId(read))).toMatchObject({ planId });
    expect(completed(reqId(read))).not.toHaveProperty('sessionId');

    const session = await app.inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: { label: 'agent', team: 'a' } });
    expect(session.statusCode).toBe(201);
    const sessionId = session.json().id as string;
    expect(completed(reqId(session))).toMatchObject({ planId, sessionId });

    const beat = await app.inject({ method: 'POST', url: `/plans/${planId}/sessions/${sessionId}/heartbeat` });
    expect(beat.statusCode).toBe(200);
    expect(completed(reqId(beat))).toMatchObject({ planId, sessionId });

    const claim = await app.inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId } });
    expect(claim.statusCode).toBeLessThan(300);
    expect(completed(reqId(claim))).toMatchObject({ planId, sessionId });

    // A refused request still says which plan it was about.
    const refused = await app.inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: '00000000-0000-4000-8000-000000000000' } });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(completed(reqId(refused))).toMatchObject({ planId, sessionId: '00000000-0000-4000-8000-000000000000' });

    const queued = await app.inject({ method: 'POST', url: '/plans', payload: exampleInput() });
    expect(queued.statusCode).toBe(202);
    const job = queued.json() as { jobId: string; planId: string };
    expect(completed(reqId(queued))).toMatchObject({ planId: job.planId, jobId: job.jobId });
    const polled = await app.inject({ method: 'GET', url: `/jobs/${job.jobId}` });
    expect(polled.statusCode).toBe(200);
    expect(completed(reqId(polled))).toMatchObject({ jobId: job.jobId });
  });

  it('the job handler logs under the job id and the plan id', async () => {
    const planId = '6f1c1f0e-5d2b-4c55-9a43-1d1e2c3b4a59';
    const jobId = '0b9e7c1a-2f4d-4e6b-8c3a-5d7e9f1a2b3c';
    const outcome = await planJobHandler(shared.db, createDomainPlanner(), { log })({ planId, workspaceId: 'default', input: delayedPlan('job logs') }, { id: jobId });
    expect(outcome).toBe('created');
    const done = lines.find((l) => l.msg === 'plan job done' && l.jobId === jobId);
    expect(done).toMatchObject({ planId, outcome: 'created', phases: 4 });
    expect(typeof done?.ms).toBe('number');
  });
});
