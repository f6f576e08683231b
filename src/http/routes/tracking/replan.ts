import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../../store/database.js';
import type { Planner } from '../../../service/planner.js';
import { replan } from '../../../service/tracking.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { ReplanBody, ReplanResponse } from '../../schemas/tracking.js';
import { workspaceOf } from '../../workspace.js';
import { etagFor } from '../../../store/plans.js';

/** Re-planning from where things stand: a new version. */
export const replanRoutes: FastifyPluginAsyncTypebox<{ db: Db; planner: Planner }> = async (app, { db, planner }) => {
  app.post(
    '/plans/:id/replan',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'replanPlan',
        summary: 'Re-plan from where things stand: a new version that keeps completed work, pins running phases and moves as little as it can',
        params: PlanIdParams,
        body: Type.Optional(ReplanBody),
        response: {
          201: ReplanResponse,
          ...errors(400, 404, 412, 422),
        },
      },
    },
    async (request, reply) => {
      const result = await replan(db, planner, workspaceOf(request), request.params.id, request.body?.asOf);
      return reply.code(201).header('location', `/plans/${result.planId}/versions/${result.version}`).header('etag', etagFor(result.version)).send(result);
    },
  );
};
