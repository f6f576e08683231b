import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../../store/database.js';
import * as tracking from '../../../store/tracking.js';
import { PlanIdParams, errors } from '../../schemas/common.js';
import { Claim, ClaimBody, ReadyQuery, ReadyView } from '../../schemas/tracking.js';
import { workspaceOf } from '../../workspace.js';
import { checkReportedTime } from './reported-time.js';

/** Claiming phases, and the read-only ready set of what may be claimed now. */
export const claimRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
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
      const skills =
        q.skills === undefined
          ? undefined
          : q.skills
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
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
};
