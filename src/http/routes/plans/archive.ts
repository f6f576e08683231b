import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../../store/database.js';
import * as store from '../../../store/plans.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { workspaceOf } from '../../workspace.js';

/** Archiving a plan (DELETE): out of the list, no new versions, every version still readable. */
export const archiveRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.delete(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        operationId: 'archivePlan',
        summary: 'Archive a plan: it leaves GET /plans and takes no new versions; every version stays readable by its URL (repeatable)',
        params: PlanIdParams,
        response: {
          200: Type.Object({ planId: Type.String({ format: 'uuid' }), archivedAt: Type.String({ format: 'date-time' }), latestVersion: Type.Integer() }, { title: 'ArchivedPlan' }),
          ...errors(400, 403, 404),
        },
      },
    },
    async (request) => {
      const a = await store.archivePlan(db, workspaceOf(request), request.params.id);
      return { planId: a.planId, archivedAt: a.archivedAt.toISOString(), latestVersion: a.latestVersion };
    },
  );
};
