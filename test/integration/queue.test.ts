import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { ARTIFACT_NAMES } from '../../src/schemas/artifacts/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { PlanQueue } from '../../src/jobs/plan-queue.js';
import { planJobHandler } from '../../src/jobs/plan-job-handler.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import { connectPostgres, type DatabaseHandle } from '../../src/store/database.js';
import { freshDatabase } from '../support/db.js';
import { exampleInput } from '../support/fixtures.js';

interface Instance {
  handle: DatabaseHandle;
  queue: PlanQueue;
  app: App;
  jobsRun: number;
}

/** One service instance: its own pool, queue worker and app, on the shared database. */
async function instance(url: string): Promise<Instance> {
  const handle = connectPostgres(url, 4);
  const planner = createDomainPlanner();
  const queue = await PlanQueue.start(url);
  const inst = { handle, queue, jobsRun: 0 } as Instance;
  await queue.work(async (job) => {
    inst.jobsRun++;
    await planJobHandler(handle.db, planner)(job);
  }, 0.5);
  inst.app = await buildApp({ db: handle.db, planner, queue, asyncPhaseThreshold: 5 });
  await inst.app.ready();
  return inst;
}

describe('two instances on one database share the plan queue', () => {
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    shared = await freshDatabase('postgres');
    a = await instance(shared.url!);
    b = await instance(shared.url!);
  }, 60_000);
  afterAll(async () => {
    for (const i of [a, b]) {
      await i?.app.close();
      await i?.queue.stop();
      await i?.handle.close();
    }
    await shared?.close();
  });

  it('a large plan is answered 202, computed once by either instance and readable from both', async () => {
    const input = exampleInput();
    const posted = await a.app.inject({ method: 'POST', url: '/plans', payload: input });
    expect(posted.statusCode).toBe(202);
    const { jobId, planId } = posted.json();
    expect(posted.headers.location).toBe(`/jobs/${jobId}`);

    let state = 'queued';
    for (let i = 0; i < 100 && state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const job = await b.app.inject({ method: 'GET', url: `/jobs/${jobId}` });
      expect(job.statusCode).toBe(200);
      state = job.json().state;
      expect(state).not.toBe('failed');
    }
    expect(state).toBe('completed');
    expect(a.jobsRun + b.jobsRun).toBe(1);

    const plans = await shared.db.selectFrom('plans').select('id').where('id', '=', planId).execute();
    const versions = await shared.db.selectFrom('plan_versions').select('version').where('plan_id', '=', planId).execute();
    expect(plans).toHaveLength(1);
    expect(versions.map((v) => v.version)).toEqual([1]);
    for (const i of [a, b]) {
      const got = await i.app.inject({ method: 'GET', url: `/plans/${planId}` });
      expect(got.statusCode).toBe(200);
      expect(got.json().summary.phases).toBe(input.phases.length);
    }
  });

  it('a re-delivered job for a plan that already landed writes nothing', async () => {
    const planId = (await b.app.inject({ method: 'POST', url: '/plans', payload: { ...exampleInput(), phases: exampleInput().phases.slice(0, 3) } })).json().planId;
    const handler = planJobHandler(shared.db, createDomainPlanner());
    expect(await handler({ planId, workspaceId: 'default', input: exampleInput() })).toBe('already_done');
    const versions = await shared.db.selectFrom('plan_versions').select('version').where('plan_id', '=', planId).execute();
    expect(versions).toHaveLength(1);
  });

  it('the CLI waits for a queued plan and writes the artifacts the API serves for it', async () => {
    const base = await a.app.listen({ port: 0, host: '127.0.0.1' });
    const dir = mkdtempSync(path.join(tmpdir(), 'waveplan-queued-'));
    const input = path.join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ ...exampleInput(), name: 'queued through the CLI' }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), 'plan', input, '--server', base, '--out', dir, '--json'],
      { cwd: repoPath() },
    );
    const { planId } = JSON.parse(stdout);
    for (const name of ARTIFACT_NAMES) {
      const served = await b.app.inject({ method: 'GET', url: `/plans/${planId}/artifacts/${name}` });
      expect(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))).toEqual(served.json());
    }
  }, 60_000);
});
