import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../../store/database.js';
import * as store from '../../../store/plans.js';
import { VersionParams, errors } from '../../schemas/common.js';
import { VersionDiffView } from '../../schemas/plans.js';
import { diffVersions } from '../../../domain/version-diff.js';
import { workspaceOf } from '../../workspace.js';

/** What changed from one version of a plan to another. */
export const diffRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/plans/:id/versions/:version/diff/:other',
    {
      schema: {
        tags: ['plans'],
        operationId: 'diffVersions',
        summary: 'What changed from one version to another: input fields, phases and teams added, removed or changed; phases the schedule moved; the makespan',
        params: Type.Object({ ...VersionParams.properties, other: VersionParams.properties.version }),
        response: { 200: VersionDiffView, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request);
      const [a, b] = await Promise.all([
        store.getVersion(db, workspaceId, request.params.id, request.params.version),
        store.getVersion(db, workspaceId, request.params.id, request.params.other),
      ]);
      const side = (v: typeof a) => {
        const plan = v.artifacts['execution-plan.json'];
        return { input: v.input as Record<string, unknown>, schedule: plan.schedule, makespanDays: plan.optimisation.makespan_days };
      };
      // Both versions are immutable, so the diff is too.
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      return { planId: request.params.id, from: a.version, to: b.version, ...diffVersions(side(a), side(b)) };
    },
  );
};
