import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import { PlanInput } from '../../schemas/plan-input.js';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import type { Planner } from '../../service/planner.js';
import type { PlanQueue } from '../../jobs/plan-queue.js';
import { NotModified, PlanIdParams, VersionParams, errors, notModified } from '../schemas/common.js';
import { jsonBytes } from '../../store/json-text.js';
import type { VersionBodyCache } from '../version-body-cache.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListQuery, PlanPage, PlanVersion, VersionDiffView, VersionList } from '../schemas/plans.js';
import { diffVersions } from '../../domain/version-diff.js';
import { workspaceOf } from '../workspace.js';
import { ifMatchHolds, onlyWeakTags } from '../if-match.js';
import { PageQuery, linkWith, nextLink, pageOf } from '../pagination.js';
import { exampleInput } from '../openapi-info.js';

const bodyExample = { examples: [exampleInput] };

const INPUT_KEY = Buffer.from(',"input":');
const ARTIFACTS_KEY = Buffer.from(',"artifacts":');
const CLOSE = Buffer.from('}');
const bytesOf = (json: string | Buffer) => (typeof json === 'string' ? Buffer.from(json) : json);

/** A version as JSON bytes: the metadata serialised, input and artifacts spliced in as they were stored. */
function versionBody(v: store.VersionMeta & { inputJson: string | Buffer; artifactsJson: string | Buffer }): Buffer {
  const meta = Buffer.from(JSON.stringify(metaJson(v)));
  return Buffer.concat([meta.subarray(0, -1), INPUT_KEY, bytesOf(v.inputJson), ARTIFACTS_KEY, bytesOf(v.artifactsJson), CLOSE]);
}

function metaJson(m: store.VersionMeta) {
  return {
    planId: m.planId,
    name: m.name,
    version: m.version,
    parentVersion: m.parentVersion,
    reason: m.reason,
    contentHash: m.contentHash,
    createdAt: m.createdAt.toISOString(),
    summary: m.summary
  };
}

/**
 * Stores `input` as the next version of the plan in the URL, guarded by If-Match (428 when
 * absent, 412 when stale): POST /plans/{id}/versions and adopting a scenario both come here.
 */
export async function storeNextVersion({ db, planner }: { db: Db; planner: Planner }, request: FastifyRequest, reply: FastifyReply, planId: string, input: PlanInput) {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new AppError(428, 'precondition_required', 'send If-Match with the ETag of the version you are changing (GET /plans/{id} returns it)', [
      { in: 'headers', path: '/if-match', message: 'required' }
    ]);
  }
  const workspaceId = workspaceOf(request);
  // Fail fast (404/412) before the planning work; the conditional write below is what guarantees it.
  const currentVersion = await store.resolveVersion(db, workspaceId, planId);
  const currentEtag = store.etagFor(currentVersion);
  if (!ifMatchHolds(header, currentEtag)) {
    const why = onlyWeakTags(header) ? 'a weak tag never matches (If-Match compares strongly)' : `current ETag is ${currentEtag}`;
    throw new AppError(412, 'version_conflict', `plan is at ${currentEtag}, not ${header}; fetch it again and retry`, [
      { in: 'headers', path: '/if-match', message: why }
    ]);
  }
  const expected = currentVersion;
  const computed = await planner(input, { planId, version: expected + 1 });
  const meta = await store.addVersion(db, {
    planId,
    workspaceId,
    expectedVersion: expected,
    reason: 'update',
    name: input.name,
    input,
    computed,
  });
  return reply
    .code(201)
    .header('location', `/plans/${meta.planId}/versions/${meta.version}`)
    .header('etag', store.etagFor(meta.version))
    .type('application/json; charset=utf-8')
    .send(versionBody({ ...meta, inputJson: jsonBytes(input), artifactsJson: jsonBytes(computed.artifacts) }) as never);
}

export interface PlanRouteOptions {
  db: Db;
  planner: Planner;
  bodies: VersionBodyCache;
  /** With a queue, inputs with more phases than asyncPhaseThreshold are planned by a job (202). */
  queue?: PlanQueue;
  asyncPhaseThreshold?: number;
}

export const planRoutes: FastifyPluginAsyncTypebox<PlanRouteOptions> = async (app, { db, planner, bodies, queue, asyncPhaseThreshold = Infinity }) => {
  /** A stored version as JSON, from the body cache; 304 when the client already holds it. */
  const sendVersion = async (request: FastifyRequest, reply: FastifyReply, planId: string, version?: number) => {
    const workspaceId = workspaceOf(request);
    const n = await store.resolveVersion(db, workspaceId, planId, version);
    const etag = store.etagFor(n);
    reply.header('etag', etag);
    if (notModified(request, etag)) return reply.code(304).send();
    const body = await bodies.get(`${planId}/${n}`, async () => versionBody(await store.getVersionJson(db, workspaceId, planId, n)));
    return reply.type('application/json; charset=utf-8').send(body as never);
  };

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
          202: Type.Object({ jobId: Type.String({ format: 'uuid' }), planId: Type.String({ format: 'uuid' }), state: Type.Literal('queued') }, { description: 'A large plan: poll the job in Location.' }),
          ...errors(400, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      if (queue && request.body.phases.length > asyncPhaseThreshold) {
        const jobId = await queue.enqueue({ planId: id, workspaceId: workspaceOf(request), input: request.body });
        return reply.code(202).header('location', `/jobs/${jobId}`).header('retry-after', '1').send({ jobId, planId: id, state: 'queued' as const });
      }
      const computed = await planner(request.body, { planId: id, version: 1 });
      const meta = await store.createPlan(db, { id, workspaceId: workspaceOf(request), name: request.body.name, input: request.body, computed });
      return reply
        .code(201)
        .header('location', `/plans/${id}`)
        .header('etag', store.etagFor(meta.version))
        .type('application/json; charset=utf-8')
        .send(versionBody({ ...meta, inputJson: jsonBytes(request.body), artifactsJson: jsonBytes(computed.artifacts) }) as never);
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
    async (request, reply) => sendVersion(request, reply, request.params.id),
  );

  app.get(
    '/plans/:id/versions',
    {
      schema: {
        tags: ['plans'],
        operationId: 'listVersions',
        summary: 'Every version of a plan, oldest first (without artifacts)',
        params: PlanIdParams,
        querystring: PageQuery,
        response: { 200: VersionList, ...errors(400, 404) },
      },
    },
    async (request, reply) => pageOf(request, reply, (await store.listVersions(db, workspaceOf(request), request.params.id)).map(metaJson), request.query),
  );

  app.get(
    '/plans/:id/versions/:version',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getVersion',
        summary: 'One version of a plan, with its input and artifacts',
        params: VersionParams,
        response: { 200: PlanVersion, 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => sendVersion(request, reply, request.params.id, request.params.version),
  );

  app.post(
    '/plans/:id/versions',
    {
      schema: {
        tags: ['plans'],
        operationId: 'createVersion',
        summary: 'Store new input as the next version. Requires If-Match with the current ETag, or * (412 when stale or weak, 428 when absent)',
        params: PlanIdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The ETag of the version this change is based on, e.g. "v3" (strong comparison), or * for whatever version is current.' })) }),
        body: { ...PlanInput, ...bodyExample },
        response: { 201: PlanVersion, ...errors(400, 404, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => storeNextVersion({ db, planner }, request, reply, request.params.id, request.body),
  );
  app.delete(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        operationId: 'archivePlan',
        summary: 'Archive a plan: it leaves GET /plans and takes no new versions; every version stays readable by its URL (repeatable)',
        params: PlanIdParams,
        response: {
          200: Type.Object(
            { planId: Type.String({ format: 'uuid' }), archivedAt: Type.String({ format: 'date-time' }), latestVersion: Type.Integer() },
            { title: 'ArchivedPlan' },
          ),
          ...errors(400, 403, 404),
        },
      },
    },
    async (request) => {
      const a = await store.archivePlan(db, workspaceOf(request), request.params.id);
      return { planId: a.planId, archivedAt: a.archivedAt.toISOString(), latestVersion: a.latestVersion };
    },
  );

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
