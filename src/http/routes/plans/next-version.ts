import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';
import type { PlanInput } from '../../../schemas/plan-input.js';
import type { Planner } from '../../../service/planner.js';
import type { Db } from '../../../store/database.js';
import * as store from '../../../store/plans.js';
import { ifMatchHolds, onlyWeakTags } from '../../if-match.js';
import { workspaceOf } from '../../workspace.js';
import { sendCreatedVersion } from './version-body.js';

/**
 * Plans input as the next version of a plan, through If-Match: 428 without it, 412 when it names
 * another version or only weak tags (strong comparison, RFC 9110), then the conditional write.
 * POST /plans/{id}/versions and adopting a scenario both store through here.
 */
export async function storeNextVersion({ db, planner }: { db: Db; planner: Planner }, request: FastifyRequest, reply: FastifyReply, planId: string, input: PlanInput) {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new AppError(428, 'precondition_required', 'send If-Match with the ETag of the version you are changing (GET /plans/{id} returns it)', [
      { in: 'headers', path: '/if-match', message: 'required' },
    ]);
  }
  const workspaceId = workspaceOf(request);
  // Fail fast (404/412) before the planning work; the conditional write below is what guarantees it.
  const currentVersion = await store.resolveVersion(db, workspaceId, planId);
  const currentEtag = store.etagFor(currentVersion);
  if (!ifMatchHolds(header, currentEtag)) {
    const why = onlyWeakTags(header) ? 'a weak tag never matches (If-Match compares strongly)' : `current ETag is ${currentEtag}`;
    throw new AppError(412, 'version_conflict', `plan is at ${currentEtag}, not ${header}; fetch it again and retry`, [{ in: 'headers', path: '/if-match', message: why }]);
  }
  const computed = await planner(input, { planId, version: currentVersion + 1 });
  const meta = await store.addVersion(db, { planId, workspaceId, expectedVersion: currentVersion, reason: 'update', name: input.name, input, computed });
  return sendCreatedVersion(reply, `/plans/${meta.planId}/versions/${meta.version}`, meta, input, computed.artifacts);
}
