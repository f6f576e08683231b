import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../../store/database.js';
import * as tracking from '../../../store/tracking.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { Session, SessionBody } from '../../schemas/tracking.js';
import { workspaceOf } from '../../workspace.js';
import { NextLink, PageQuery, pageOf } from '../../pagination.js';

export const SessionParams = Type.Object({ id: Type.String({ format: 'uuid' }), sessionId: Type.String({ format: 'uuid' }) });

const sessionJson = (s: tracking.SessionRecord) => ({
  ...s,
  registeredAt: s.registeredAt.toISOString(),
  lastHeartbeatAt: s.lastHeartbeatAt.toISOString(),
});

/** Live sessions of a plan: register, list, heartbeat. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/plans/:id/sessions',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'createSession',
        summary: 'Register a session (an agent or team member) that will claim and work phases',
        params: PlanIdParams,
        body: SessionBody,
        response: { 201: Session, ...errors(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const s = await tracking.registerSession(db, workspaceOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/plans/${s.planId}/sessions/${s.id}`).send(sessionJson(s));
    },
  );

  app.get(
    '/plans/:id/sessions',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'listSessions',
        summary: 'Sessions of a plan, oldest first',
        params: PlanIdParams,
        querystring: PageQuery,
        response: { 200: Type.Object({ items: Type.Array(Session), next: NextLink }, { title: 'SessionPage' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const sessions = await tracking.listSessions(db, { workspaceId: workspaceOf(request), planId: request.params.id });
      return pageOf(request, reply, sessions.map(sessionJson), request.query);
    },
  );

  app.post(
    '/plans/:id/sessions/:sessionId/heartbeat',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'heartbeatSession',
        summary: 'Keep a session alive; a session silent past its timeout loses its claims',
        params: SessionParams,
        response: { 200: Session, ...errors(400, 404, 409) },
      },
    },
    async (request) => sessionJson(await tracking.heartbeat(db, workspaceOf(request), request.params.id, request.params.sessionId)),
  );
};
