import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IsoDateTime } from '../../../schemas/dates.js';
import type { Db } from '../../../store/database.js';
import * as tracking from '../../../store/tracking.js';
import { planStatus } from '../../../service/tracking.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { AlertView, StatusView } from '../../schemas/tracking.js';
import { workspaceOf } from '../../workspace.js';
import { NextLink, PageQuery, pageOf } from '../../pagination.js';

/** Planned vs actual status of a plan, and the alerts raised for it. */
export const statusRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/plans/:id/status',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'getStatus',
        summary: 'Planned vs actual per phase and wave, metrics from actuals, and open alerts',
        params: PlanIdParams,
        querystring: Type.Object({ asOf: Type.Optional(IsoDateTime) }),
        response: { 200: StatusView, ...errors(400, 404) },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request);
      await tracking.expireSessions(db, request.params.id);
      return planStatus(db, workspaceId, request.params.id, request.query.asOf);
    },
  );

  app.get(
    '/plans/:id/alerts',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'listAlerts',
        summary: 'Alerts raised for a plan, oldest first',
        params: PlanIdParams,
        querystring: Type.Object({ open: Type.Optional(Type.Boolean()), ...PageQuery.properties }),
        response: { 200: Type.Object({ items: Type.Array(AlertView), next: NextLink }, { title: 'AlertPage' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const all = await tracking.listAlerts(db, { workspaceId: workspaceOf(request), planId: request.params.id });
      return pageOf(request, reply, request.query.open ? all.filter((a) => a.resolvedAt === null) : all, request.query);
    },
  );
};
