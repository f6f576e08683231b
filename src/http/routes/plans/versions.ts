import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PlanInput } from '../../../schemas/plan-input.js';
import * as store from '../../../store/plans.js';
import { NotModified, PlanIdParams, VersionParams, errors } from '../../schemas/common.js';
import { PlanVersion, VersionList } from '../../schemas/plans.js';
import { workspaceOf } from '../../workspace.js';
import { PageQuery, pageOf } from '../../pagination.js';
import { bodyExample, type PlanRouteOptions } from './collection.js';
import { metaJson, sendVersion } from './version-body.js';
import { storeNextVersion } from './next-version.js';

/** The versions of a plan: list them, read one, store new input as the next (If-Match). */
export const versionRoutes: FastifyPluginAsyncTypebox<Pick<PlanRouteOptions, 'db' | 'planner' | 'bodies'>> = async (app, { db, planner, bodies }) => {
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
    async (request, reply) => sendVersion(db, bodies, request, reply, request.params.id, request.params.version),
  );

  app.post(
    '/plans/:id/versions',
    {
      schema: {
        tags: ['plans'],
        operationId: 'createVersion',
        summary: 'Store new input as the next version. Requires If-Match with the current ETag, or * (412 when stale or weak, 428 when absent)',
        params: PlanIdParams,
        headers: Type.Object({
          'if-match': Type.Optional(
            Type.String({ description: 'The ETag of the version this change is based on, e.g. "v3" (strong comparison), or * for whatever version is current.' }),
          ),
        }),
        body: { ...PlanInput, ...bodyExample },
        response: { 201: PlanVersion, ...errors(400, 404, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => storeNextVersion({ db, planner }, request, reply, request.params.id, request.body),
  );
};
