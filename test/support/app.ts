import { readFileSync } from 'node:fs';
import { buildApp, type App, type AppOptions } from '../../src/http/app.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { repoPath } from '../../src/paths.js';
import { freshDatabase, type Backend } from './db.js';
import type { DatabaseHandle } from '../../src/store/database.js';

export interface TestContext {
  app: App;
  handle: DatabaseHandle & { url?: string };
  close(): Promise<void>;
}

export async function startApp(backend: Backend = 'postgres', options: Partial<AppOptions> = {}): Promise<TestContext> {
  const handle = await freshDatabase(backend);
  const app = await buildApp({ db: handle.db, planner: createDomainPlanner(), eventPollMs: 50, ...options });
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

export function exampleInput(): PlanInput {
  return JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
}

/** Row counts of every table: a rejected request must leave them unchanged. */
export async function rowCounts(ctx: TestContext): Promise<{ plans: number; plan_versions: number }> {
  const plans = await ctx.handle.db.selectFrom('plans').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const versions = await ctx.handle.db.selectFrom('plan_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { plans: Number(plans.n), plan_versions: Number(versions.n) };
}
