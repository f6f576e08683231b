/**
 * Writes plan versions in a loop until it is killed: the crash test SIGKILLs it mid-write.
 * Usage: tsx test/support/crash-writer.ts <database url>
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { connectPostgres } from '../../src/store/database.js';
import * as store from '../../src/store/plans.js';

const handle = connectPostgres(process.argv[2]!, 4);
const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
const computed = planProject(input);
const planId = randomUUID();
await store.createPlan(handle.db, { id: planId, workspaceId: 'default', name: input.name, input, computed });
let version = 1;
// Two writers per plan race for each next version, as concurrent requests would.
for (;;) {
  const results = await Promise.allSettled(
    [0, 1].map(() => store.addVersion(handle.db, { planId, workspaceId: 'default', expectedVersion: version, reason: 'update', name: input.name, input, computed })),
  );
  if (results.some((r) => r.status === 'fulfilled')) version++;
  process.stdout.write(`${version}\n`);
}
