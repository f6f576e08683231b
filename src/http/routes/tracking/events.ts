import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../../store/database.js';
import * as tracking from '../../../store/tracking.js';
import { evaluateAlerts } from '../../../service/tracking.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { EventBody, TrackingEventView } from '../../schemas/tracking.js';
import { workspaceOf } from '../../workspace.js';
import { NextLink, linkWith, nextLink } from '../../pagination.js';
import { checkReportedTime } from './reported-time.js';
import { SessionParams } from './sessions.js';

/** Progress reports of a session on its held phase, and the append-only event log (JSON). */
export const trackingEventRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/plans/:id/sessions/:sessionId/events',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'reportEvent',
        summary: 'Report progress on a held phase: started, progress, blocked, unblocked, completed, gate_passed, gate_failed, released, failed',
        params: SessionParams,
        body: EventBody,
        response: { 201: TrackingEventView, ...errors(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      checkReportedTime(request.body.at, '/at');
      const workspaceId = workspaceOf(request);
      const event = await tracking.reportEvent(db, workspaceId, request.params.id, request.params.sessionId, request.body);
      // Judge the plan as of the reported moment, so queued or replayed reports raise the alerts of their time.
      await evaluateAlerts(db, workspaceId, request.params.id, request.body.at);
      return reply.code(201).send(event);
    },
  );

  app.get(
    '/plans/:id/event-log',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'listEvents',
        summary: 'The append-only event log (JSON), after a given event id',
        params: PlanIdParams,
        querystring: Type.Object({
          after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(TrackingEventView), next: NextLink }, { title: 'EventPage' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 1000;
      const items = await tracking.listEvents(db, { workspaceId: workspaceOf(request), planId: request.params.id }, request.query.after ?? 0, limit);
      const last = items.at(-1);
      return { items, next: nextLink(reply, items.length === limit && last ? linkWith(request, { after: last.id, limit }) : null) };
    },
  );
};
