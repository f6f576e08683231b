import { afterAll, describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { freshDatabase } from '../support/db.js';
import { eventually, probe, startService, type ServiceProcess } from './support/service-process.js';

/** A plan that keeps its worker busy for seconds: a long search budget over a few hundred phases. */
function slowInput(): PlanInput {
  const phases = Array.from({ length: 300 }, (_, i) => ({
    id: `p${i}`,
    name: `Phase ${i}`,
    duration: 1 + (i % 5),
    skills: [i % 2 ? 'web' : 'api'],
    dependencies: i < 10 ? [] : [`p${i - 10}`, ...(i % 3 === 0 ? [`p${i - 7}`] : [])],
  }));
  return {
    name: 'slow queued plan',
    startDate: '2027-01-04',
    teams: [
      { id: 'web', size: 3, skills: ['web'] },
      { id: 'api', size: 3, skills: ['api'] },
    ],
    planning: { iterations: 1_000_000, timeBudgetMs: 8_000, monteCarloIterations: 100 },
    phases,
  };
}

describe('a queued job whose process is killed mid-run', () => {
  const running: ServiceProcess[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  afterAll(async () => {
    for (const s of running) await s.stop();
    await db?.close();
  });

  it('is handed back and completed by another instance within a minute, once', async () => {
    db = await freshDatabase('postgres');
    const env = { DATABASE_URL: db.url!, ASYNC_PHASE_THRESHOLD: '50', JOB_HEARTBEAT_MS: '500', JOB_STALE_AFTER_MS: '3000' };
    const a = await startService(env);
    running.push(a);
    const queued = await probe(a.base + '/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slowInput()) });
    expect(queued.status).toBe(202);
    const { jobId, planId } = (queued as { body: { jobId: string; planId: string } }).body;
    await eventually(
      async () => {
        const job = await probe(`${a.base}/jobs/${jobId}`, {}, 3_000);
        return job.status === 200 && (job as { body: { state: string } }).body.state === 'running';
      },
      30_000,
      'the job to start running',
    );
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const killedAt = Date.now();

    const b = await startService(env);
    running.push(b);
    await eventually(
      async () => {
        const job = await probe(`${b.base}/jobs/${jobId}`, {}, 3_000);
        return job.status === 200 && (job as { body: { state: string } }).body.state === 'completed';
      },
      60_000 - (Date.now() - killedAt),
      'the job completed by the second instance',
    );
    const plan = await probe(`${b.base}/plans/${planId}`);
    expect(plan.status).toBe(200);
    const versions = await db.db.selectFrom('plan_versions').select('version').where('plan_id', '=', planId).execute();
    expect(versions).toEqual([{ version: 1 }]);
    expect(b.exited()).toBeUndefined();
  });
});
