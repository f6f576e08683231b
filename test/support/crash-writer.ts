/**
 * Writes plan versions in a loop until it is killed: the crash test SIGKILLs it mid-write.
 * Usage: tsx test/support/crash-writer.ts <database url>
 */
import { randomUUID } from 'node:crypto';
import { planProject } from '../../src/domain/plan.js';
import { connectPostgres } from '../../src/store/database.js';
import * as store from '../../src/store/plans.js';
import { exampleInput } from './fixtures.js';

const handle = connectPostgres(process.argv[2]!, 4);
const input = exampleInput();
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
