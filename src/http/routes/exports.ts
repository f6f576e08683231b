import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { EXPORT_FORMATS, EXPORT_MEDIA, exportPlan, type ExportFormat } from '../../exports/index.js';
import { planView } from '../../exports/plan-view.js';
import { WriteBackError, writeBackTaskMaster } from '../../exports/task-master-writeback.js';
import { AppError } from '../../errors.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import { Id } from '../../schemas/plan-input.js';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import { errors, NotModified, notModified } from '../schemas/common.js';
import type { VersionBodyCache } from '../version-body-cache.js';
import { workspaceOf } from '../workspace.js';

const Format = Type.Enum([...EXPORT_FORMATS], { description: 'mspdi: MS Project XML (opens in MS Project, ProjectLibre, GanttProject); ical: iCalendar; csv: one row per phase.' });
const Latest = Type.Object({ id: Type.String({ format: 'uuid' }), format: Format });
const AtVersion = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), format: Format });
const Query = Type.Object({ team: Type.Optional(Id) }, { additionalProperties: false });

const content = Object.fromEntries(Object.values(EXPORT_MEDIA).map((m) => [m.mediaType, { schema: Type.String() }]));
const response = {
  200: { description: 'The plan in the format named in the path, as an attachment (application/xml, text/calendar or text/csv).', content },
  304: NotModified,
  ...errors(400, 404),
};
const description =
  'MS Project XML (MSPDI): tasks with planned dates, groups as summary tasks, dependencies with type and lag, teams as resources with assignments, the project calendar. ' +
  "iCalendar: phases, milestones and sync points as all-day events with stable UIDs (subscribe and the events update in place); `team` narrows it to one team's feed. CSV: one row per phase with dates, team, slack and criticality.";

const ACCEPTED: Record<string, ExportFormat> = {
  'application/xml': 'mspdi',
  'text/xml': 'mspdi',
  'application/vnd.ms-project': 'mspdi',
  'text/calendar': 'ical',
  'text/csv': 'csv',
};

/** The format an Accept header prefers (highest q, then first named); 406 when it names none of them. */
export function negotiate(accept: string | undefined): ExportFormat {
  const ranked = (accept ?? '')
    .split(',')
    .map((part, k) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? '1',
      );
      return { format: ACCEPTED[type!.trim()], q: Number.isFinite(q) ? q : 0, k };
    })
    .filter((r): r is { format: ExportFormat; q: number; k: number } => r.format !== undefined && r.q > 0)
    .sort((a, b) => b.q - a.q || a.k - b.k);
  if (ranked.length === 0) {
    throw new AppError(
      406,
      'not_acceptable',
      `Accept ${JSON.stringify(accept ?? '')} names no export format: ask for application/xml (MS Project), text/calendar or text/csv, or use /export/{mspdi|ical|csv}`,
      [{ in: 'headers', path: '/accept', message: `acceptable: ${Object.keys(ACCEPTED).join(', ')}` }],
    );
  }
  return ranked[0]!.format;
}

export const exportRoutes: FastifyPluginAsyncTypebox<{ db: Db; bodies: VersionBodyCache }> = async (app, { db, bodies }) => {
  const send = async (request: FastifyRequest, reply: FastifyReply, id: string, format: ExportFormat, team: string | undefined, version?: number) => {
    const workspaceId = workspaceOf(request);
    const n = await store.resolveVersion(db, workspaceId, id, version);
    const etag = store.etagFor(n);
    reply.header('etag', etag);
    if (notModified(request, etag)) return reply.code(304).send(null);
    const body = await bodies.get(`${id}/${n}/export/${format}/${team ?? ''}`, async () => {
      const v = await store.getVersion(db, workspaceId, id, n);
      const file = exportPlan(
        format,
        { input: v.input as PlanInput, artifacts: v.artifacts, planId: v.planId, version: v.version, createdAt: v.createdAt },
        team !== undefined ? { team } : {},
      );
      return Buffer.from(file.body);
    });
    const name = `waveplan-${id}-v${n}${team ? `-${team}` : ''}.${EXPORT_MEDIA[format].extension}`;
    return reply.header('content-disposition', `attachment; filename="${name}"`).type(`${EXPORT_MEDIA[format].mediaType}; charset=utf-8`).send(body);
  };

  app.get(
    '/plans/:id/export',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'exportPlanNegotiated',
        summary: 'The latest version in the format the Accept header asks for',
        description: `Accept: application/xml (or text/xml, application/vnd.ms-project) for MS Project XML, text/calendar for iCalendar, text/csv for CSV; the highest q wins. 406 when none is acceptable. ${description}`,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Query,
        response: { ...response, ...errors(406) },
      },
    },
    async (request, reply) => send(request, reply, request.params.id, negotiate(request.headers.accept), request.query.team),
  );

  app.get(
    '/plans/:id/export/:format',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'exportPlan',
        summary: 'The latest version as MS Project XML, iCalendar or CSV',
        description,
        params: Latest,
        querystring: Query,
        response,
      },
    },
    async (request, reply) => send(request, reply, request.params.id, request.params.format, request.query.team),
  );

  app.get(
    '/plans/:id/versions/:version/export/:format',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'exportPlanVersion',
        summary: 'One version as MS Project XML, iCalendar or CSV',
        description,
        params: AtVersion,
        querystring: Query,
        response,
      },
    },
    async (request, reply) => send(request, reply, request.params.id, request.params.format, request.query.team, request.params.version),
  );

  await app.register(taskMasterWriteBackRoute, { db });
};

/** POST …/export/task-master: the user's tasks.json back with each scheduled task's planned dates and team added. */
const taskMasterWriteBackRoute: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  // The file is edited as text (its bytes kept), so this scope takes the body unparsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain', 'application/octet-stream'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post(
    '/plans/:id/export/task-master',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'writeBackTaskMaster',
        summary: "Write the latest version's planned dates and teams into a task-master tasks.json",
        description:
          'Send tasks.json as the body (application/json). Each task and subtask the plan schedules (task n is phase task-n, subtask m is task-n.m) gets a `waveplan` object: planId, version, plannedStart, plannedFinish, team, wave, critical, slackDays; everything else in the file is returned byte for byte. Nothing is stored. The header x-waveplan-written counts the tasks written.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object(
          { tag: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The tag to write (default master, or the only tag).' })) },
          { additionalProperties: false },
        ),
        body: { content: { 'application/json': { schema: Type.String({ minLength: 1, description: 'tasks.json as it is on disk.' }) } } },
        response: {
          200: { description: 'The file with the planned fields added.', content: { 'application/json': { schema: Type.String() } } },
          ...errors(400, 404, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const v = await store.getVersion(db, workspaceOf(request), request.params.id);
      const view = planView({ input: v.input as PlanInput, artifacts: v.artifacts });
      try {
        const result = writeBackTaskMaster(request.body as string, view, { planId: v.planId, version: v.version, ...(request.query.tag ? { tag: request.query.tag } : {}) });
        return reply.header('x-waveplan-written', String(result.written.length)).type('application/json; charset=utf-8').send(result.text);
      } catch (err) {
        if (err instanceof WriteBackError)
          throw new AppError(422, 'writeback_failed', `cannot write into the file: ${err.message}`, [{ in: 'body', path: err.path, message: err.message }]);
        throw err;
      }
    },
  );
};
