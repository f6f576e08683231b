import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPlanner } from '../../src/service/worker-planner.js';
import { planProject } from '../../src/domain/plan.js';
import { AppError } from '../../src/errors.js';
import { exampleInput } from '../support/fixtures.js';

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
    expect(planned).toEqual(planProject(input));
    // The main thread was free while the worker planned (it started a thread and planned there).
    expect(ticks).toBeGreaterThan(0);
  });

  it('turns the domain\'s input errors from the worker into the same 422 with field paths', async () => {
    const input = exampleInput();
    input.phases[0]!.dependencies = ['launch'];
    const err = await workers.planner(input, { planId: 'x', version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ statusCode: 422, code: 'dependency_cycle' });
    expect((err as AppError).details[0]).toMatchObject({ path: expect.stringMatching(/^\/phases\/\d+\/dependencies\/\d+$/) });
  });
});
