import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IsoDateTime } from '../../schemas/dates.js';
import { AppError } from '../../errors.js';
import type { Db } from '../../store/database.js';
import * as tracking from '../../store/tracking.js';
import type { Planner } from '../../service/planner.js';
import { evaluateAlerts, planStatus, replan } from '../../service/tracking.js';
import { PlanIdParams, errors } from '../schemas/common.js';
import { AlertView, Claim, ClaimBody, EventBody, ReadyQuery, ReadyView, ReplanBody, ReplanResponse, Session, SessionBody, StatusView, TrackingEventView } from '../schemas/tracking.js';
import { workspaceOf } from '../workspace.js';
import { NextLink, PageQuery, pageOf, linkWith, nextLink } from '../pagination.js';
import { etagFor } from '../../store/plans.js';

const SessionParams = Type.Object({ id: Type.String({ format: 'uuid' }), sessionId: Type.String({ format: 'uuid' }) });

const sessionJson = (s: tracking.SessionRecord) => ({
  ...s,
  registeredAt: s.registeredAt.toISOString(),
  lastHeartbeatAt: s.lastHeartbeatAt.toISOString(),
});

/** Reported times may lag (queued reports) but not run ahead of the server clock. */
function checkReportedTime(at: string | undefined, path: string): void {
  if (at !== undefined && Date.parse(at) > Date.now() + 5 * 60_000) {
    throw new AppError(400, 'time_in_future', `${path.slice(1)} ${at} is in the future`, [{ path, message: 'more than 5 minutes ahead of the server clock' }]);
  }
}

export const trackingRoutes: FastifyPluginAsyncTypebox<{ db: Db; planner: Planner }> = async (app, { db, planner }) => {
  app.post(
    '/plans/:id/sessions',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'createSession',
        summary: 'Register a session (an agent or team member) that will claim and work phases',
        params: PlanIdParams,
        body: SessionBody,
        response: { 201: Session, ...errors(400, 404, 422) },
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
      await tracking.trackingBasis(db, workspaceOf(request), request.params.id);
      return pageOf(request, reply, (await tracking.listSessions(db, request.params.id)).map(sessionJson), request.query);
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

  app.post(
    '/plans/:id/claims',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'createClaim',
        summary:
          'Claim a phase for a session (atomic). 409 names the reason: dependency_not_done, phase_taken, phase_completed, sync_point_pending, wave_pending, area_locked, skill_mismatch (override with a reason), team_at_capacity, session_busy, nothing_claimable',
        params: PlanIdParams,
        body: ClaimBody,
        response: { 201: Claim, ...errors(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      checkReportedTime(request.body.at, '/at');
      const workspaceId = workspaceOf(request);
      await tracking.expireSessions(db, request.params.id);
      const { sessionId, phaseId, at, override } = request.body;
      const c = await tracking.claim(db, workspaceId, request.params.id, sessionId, {
        ...(phaseId !== undefined ? { phaseId } : {}),
        ...(at !== undefined ? { at } : {}),
        ...(override ? { overrideReason: override.reason } : {}),
      });
      return reply.code(201).send(c);
    },
  );

  app.get(
    '/plans/:id/ready',
    {
      schema: {
        tags: ['tracking'],
        summary:
          'The ready set, read-only: phases that may be claimed now (dependencies done, not held, areas free, sync points and, under barrier gating, earlier waves passed), for a session, a team or a set of skills',
        params: PlanIdParams,
        querystring: ReadyQuery,
        response: { 200: ReadyView, ...errors(400, 404, 409, 422) },
      },
    },
    async (request) => {
      const q = request.query;
      const skills = q.skills === undefined ? undefined : q.skills.split(',').map((x) => x.trim()).filter(Boolean);
      const explain = q.explain === true || q.explain === '1';
      const set = await tracking.readyPhases(
        db,
        workspaceOf(request),
        request.params.id,
        { ...(q.session ? { sessionId: q.session } : {}), ...(q.team ? { team: q.team } : {}), ...(skills ? { skills } : {}), ...(q.limit ? { limit: q.limit } : {}) },
        explain,
      );
      return { planId: request.params.id, version: set.version, gating: set.gating, ready: set.ready, ...(explain ? { notReady: set.notReady } : {}) };
    },
  );

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
        querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }),
        response: { 200: Type.Object({ items: Type.Array(TrackingEventView), next: NextLink }, { title: 'EventPage' }), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      await tracking.trackingBasis(db, workspaceOf(request), request.params.id);
      const limit = request.query.limit ?? 1000;
      const items = await tracking.loadEvents(db, request.params.id, request.query.after ?? 0, limit);
      const last = items.at(-1);
      return { items, next: nextLink(reply, items.length === limit && last ? linkWith(request, { after: last.id, limit }) : null) };
    },
  );

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
      await tracking.trackingBasis(db, workspaceOf(request), request.params.id);
      const all = await tracking.listAlerts(db, request.params.id);
      return pageOf(request, reply, request.query.open ? all.filter((a) => a.resolvedAt === null) : all, request.query);
    },
  );

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
      return reply
        .code(201)
        .header('location', `/plans/${result.planId}/versions/${result.version}`)
        .header('etag', etagFor(result.version))
        .send(result);
    },
  );
};
