import { afterAll, describe, expect, it, vi } from 'vitest';
import { jsonText } from '../../src/store/json-text.js';
import { createWorkerPlanner } from '../../src/service/thread-pool-planner.js';
import { planProject } from '../../src/domain/plan.js';
import { WaveplanError } from '../../src/errors.js';
import { exampleInput } from '../support/fixtures.js';
import { inProcessImporter } from '../../src/service/importer.js';
import { ImportError } from '../../src/importers/index.js';
import { PlanInputError } from '../../src/domain/errors.js';

describe('planning in worker threads', () => {
  const workers = createWorkerPlanner({ inProcessBelowPhases: 1 });
  afterAll(async () => {
    await workers.close();
  });

  it('gives the same plan as in-process planning while the event loop keeps running', async () => {
    const input = exampleInput();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const planned = await workers.planner(input, { planId: 'x', version: 1 });
    clearInterval(timer);
    // The worker plans on the service's today, as the in-process planner does.
    expect(planned).toEqual(planProject(input, { planningDate: planned.artifacts['execution-plan.json'].planning_date }));
    expect(planned.artifacts['execution-plan.json'].planning_date).toBe(new Date().toISOString().slice(0, 10));
    // The main thread was free while the worker planned (it started a thread and planned there).
    expect(ticks).toBeGreaterThan(0);
  });

  it('brings the JSON text of the large parts from the worker: the main thread does not stringify them again', async () => {
    const input = { ...exampleInput(), name: 'texts from the worker' };
    const planned = await workers.planner(input, { planId: 'x', version: 1 });
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const texts = [jsonText(planned.artifacts), jsonText(planned.schedule), jsonText(planned.playbooks)];
      expect(stringify).not.toHaveBeenCalled();
      expect(texts.map((t) => JSON.parse(t))).toEqual([planned.artifacts, planned.schedule, planned.playbooks]);
    } finally {
      stringify.mockRestore();
    }
  });

  it("turns the domain's input errors from the worker into the same 422 with field paths", async () => {
    const input = exampleInput();
    input.phases[0]!.dependencies = ['launch'];
    const err = await workers.planner(input, { planId: 'x', version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaveplanError);
    expect(err).toMatchObject({ statusCode: 422, code: 'dependency_cycle' });
    expect((err as WaveplanError).details[0]).toMatchObject({ path: expect.stringMatching(/^\/phases\/\d+\/dependencies\/\d+$/) });
  });
});

describe("the advisor's options in the pool", () => {
  const workers = createWorkerPlanner({ inProcessBelowPhases: 1, threads: 1, advisor: { workBudget: 1, maxPlans: 3 } });
  afterAll(async () => {
    await workers.close();
  });

  it('reach the worker: its re-plans are warm-started on the stated budget, as planning in-process with the same options gives', async () => {
    const input = { ...exampleInput(), name: 'advisor options in the pool' };
    const planned = await workers.planner(input, { planId: 'x', version: 1 });
    const rec = planned.artifacts['execution-plan.json'].recommendations;
    expect(rec).toMatchObject({ evaluated: 3, complete: false, stopped_by: 'plan_count', warm_start: true, replan_iterations: 30 });
    const direct = planProject(input, { planningDate: planned.artifacts['execution-plan.json'].planning_date, advisor: { workBudget: 1, maxPlans: 3 } });
    expect(rec).toEqual(direct.artifacts['execution-plan.json'].recommendations);
  });
});

describe('importing large files in worker threads', () => {
  const workers = createWorkerPlanner({ importOffThreadBytes: 1 });
  afterAll(async () => {
    await workers.close();
  });

  const csv = (rows: number) =>
    ['id,name,duration,dependencies,skills', ...Array.from({ length: rows }, (_, i) => `t${i},Task ${i},${1 + (i % 4)},${i > 0 ? `t${i - 1}` : ''},web`)].join('\n');

  it('gives what importing in-process gives', async () => {
    const text = csv(2_000);
    const off = await workers.importer(undefined, 'big.csv', text, { startDate: '2027-01-04' });
    expect(off).toEqual(await inProcessImporter(undefined, 'big.csv', text, { startDate: '2027-01-04' }));
    expect(off.input.phases).toHaveLength(2_000);
  });

  it('keeps the importers’ located errors, and the planner’s', async () => {
    const broken = await workers.importer('csv', 'x.csv', 'id,name,duration\na,A,soon', { startDate: '2027-01-04' }).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(ImportError);
    expect((broken as ImportError).issues[0]!.path).toMatch(/^line 2/);
    const cycle = await workers.importer('csv', 'x.csv', 'id,name,duration,dependencies\na,A,1,b\nb,B,1,a', { startDate: '2027-01-04' }).catch((e: unknown) => e);
    expect(cycle).toBeInstanceOf(PlanInputError);
  });
});
