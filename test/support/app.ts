import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App, type AppOptions } from '../../src/http/app.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { freshDatabase, type Backend } from './db.js';
import type { DatabaseHandle } from '../../src/store/database.js';

export interface TestContext {
  app: App;
  handle: DatabaseHandle & { url?: string };
  close(): Promise<void>;
}

export async function startApp(backend: Backend = 'postgres', options: Partial<AppOptions> = {}): Promise<TestContext> {
  const handle = await freshDatabase(backend);
  const app = await buildApp({ db: handle.db, listener: handle.listener, planner: createDomainPlanner(), eventPollMs: 50, ...options });
  await app.ready();
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** Starts an app for the enclosing describe block and closes it after; the accessor works in its tests. */
export function suiteApp(backend: Backend = 'postgres', options: Partial<AppOptions> = {}): () => TestContext {
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    ctx = await startApp(backend, options);
  });
  afterAll(async () => {
    await ctx?.close();
  });
  return () => ctx!;
}

/** Row counts of every table: a rejected request must leave them unchanged. */
export async function rowCounts(ctx: TestContext): Promise<{ plans: number; plan_versions: number }> {
  const plans = await ctx.handle.db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const versions = await ctx.handle.db
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { plans: Number(plans.n), plan_versions: Number(versions.n) };
}

/** A small plan in the past (the server refuses reports from the future): design → build → ship on team a, docs on team b. */
export function delayedPlan(name = 'replan'): PlanInput {
  return {
    name,
    startDate: '2026-01-05',
    teams: [
      { id: 'a', size: 1, skills: ['x'] },
      { id: 'b', size: 1, skills: ['y'] },
    ],
    constraints: { capacityBuffer: 0 },
    planning: { monteCarloIterations: 50 },
    phases: [
      { id: 'design', name: 'Design', duration: 2, skills: ['x'] },
      { id: 'build', name: 'Build', duration: 3, dependencies: ['design'], skills: ['x'] },
      { id: 'ship', name: 'Ship', duration: 1, dependencies: ['build'], skills: ['x'] },
      { id: 'docs', name: 'Docs', duration: 4, skills: ['y'] },
    ],
  };
}
