import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { PlanInput } from '../../../schemas/plan-input.js';
import type { Db } from '../../../store/database.js';
import * as store from '../../../store/plans.js';
import type { Planner } from '../../../service/planner.js';
import type { PlanQueue } from '../../../jobs/plan-queue.js';
import { NotModified, PlanIdParams, errors } from '../../schemas/common.js';
import type { VersionBodyCache } from '../../version-body-cache.js';
import { ListQuery, PlanPage, PlanVersion } from '../../schemas/plans.js';
import { workspaceOf } from '../../workspace.js';
import { linkWith, nextLink } from '../../pagination.js';
import { exampleInput } from '../../openapi-info.js';
import { sendCreatedVersion, sendVersion } from './version-body.js';
import { bindLog } from '../../log-bindings.js';

export const bodyExample = { examples: [exampleInput] };

export interface PlanRouteOptions {
  db: Db;
  planner: Planner;
  bodies: VersionBodyCache;
  /** With a queue, inputs with more phases than asyncPhaseThreshold are planned by a job (202). */
  queue?: PlanQueue;
  asyncPhaseThreshold?: number;
}

/** The plans collection: plan a project (version 1), list plans, read a plan's latest version. */
export const planCollectionRoutes: FastifyPluginAsyncTypebox<PlanRouteOptions> = async (app, { db, planner, bodies, queue, asyncPhaseThreshold = Infinity }) => {
  app.post(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        operationId: 'createPlan',
        summary: 'Plan a project: validates the graph, schedules it and stores version 1 with its artifacts',
        body: { ...PlanInput, ...bodyExample },
        response: {
          201: PlanVersion,
          202: Type.Object(
            { jobId: Type.String({ format: 'uuid' }), planId: Type.String({ format: 'uuid' }), state: Type.Literal('queued') },
            { description: 'A large plan: poll the job in Location.' },
          ),
          ...errors(400, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      bindLog(request, reply, { planId: id });
      if (queue && request.body.phases.length > asyncPhaseThreshold) {
        const jobId = await queue.enqueue({ planId: id, workspaceId: workspaceOf(request), input: request.body });
        bindLog(request, reply, { jobId });
        return reply
          .code(202)
          .header('location', `/jobs/${jobId}`)
          .header('retry-after', '1')
          .send({ jobId, planId: id, state: 'queued' as const });
      }
      const computed = await planner(request.body, { planId: id, version: 1 });
      const meta = await store.createPlan(db, { id, workspaceId: workspaceOf(request), name: request.body.name, input: request.body, computed });
      return sendCreatedVersion(reply, `/plans/${id}`, meta, request.body, computed.artifacts);
    },
  );

  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        operationId: 'listPlans',
        summary: 'List plans, newest first',
        querystring: ListQuery,
        response: { 200: PlanPage, ...errors(400) },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 50;
      const page = await store.listPlans(db, workspaceOf(request), { limit, cursor: request.query.cursor, includeArchived: request.query.includeArchived === true });
      return {
        nextCursor: page.nextCursor,
        next: nextLink(reply, page.nextCursor ? linkWith(request, { cursor: page.nextCursor, limit }) : null),
        items: page.items.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), archivedAt: p.archivedAt?.toISOString() ?? null })),
      };
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getPlan',
        summary: 'The latest version of a plan, with its input and artifacts (ETag names the version)',
        params: PlanIdParams,
        response: { 200: PlanVersion, 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => sendVersion(db, bodies, request, reply, request.params.id),
  );
};
