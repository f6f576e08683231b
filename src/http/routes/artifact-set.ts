import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import { NotModified, PlanIdParams, errors, notModified } from '../schemas/common.js';
import { ARTIFACT_NAMES } from '../schemas/artifacts.js';
import { ArtifactSet } from '../schemas/plans.js';
import type { VersionBodyCache } from '../version-body-cache.js';
import { workspaceOf } from '../workspace.js';
import { metaJson } from './plans/version-body.js';

// Dots escaped, hyphens not: the pattern is compiled with the u flag, where "\-" is invalid.
const name = ARTIFACT_NAMES.map((n) => n.replace(/\./g, '\\.')).join('|');
const Names = Type.String({
  pattern: `^(${name})(,(${name}))*$`,
  maxLength: 500,
  description: `Comma-separated artifact file names (${ARTIFACT_NAMES.join(', ')}); all five when absent.`,
  examples: ['execution-plan.json,coordination-protocols.json'],
});

/**
 * Several artifacts of the latest version in one answer, without the input or the others: the
 * dashboard's first paint needs three of the five (the waves alone are a quarter of a large
 * plan's bytes, fetched when their tab opens).
 */
export const artifactSetRoutes: FastifyPluginAsyncTypebox<{ db: Db; bodies: VersionBodyCache }> = async (app, { db, bodies }) => {
  app.get(
    '/plans/:id/artifacts',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'getArtifactSet',
        summary: 'Some artifacts of the latest version, with its metadata (ETag names the version)',
        params: PlanIdParams,
        querystring: Type.Object({ names: Type.Optional(Names) }),
        response: { 200: ArtifactSet, 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request);
      const id = request.params.id;
      const names = [...new Set(request.query.names?.split(',') ?? ARTIFACT_NAMES)].sort();
      const n = await store.resolveVersion(db, workspaceId, id);
      const etag = store.etagFor(n);
      reply.header('etag', etag);
      if (notModified(request, etag)) return reply.code(304).send(null);
      const body = await bodies.get(`${id}/${n}/set:${names.join(',')}`, async () => {
        const set = await store.getArtifactSetJson(db, workspaceId, id, names, n);
        const meta = Buffer.from(JSON.stringify(metaJson(set)));
        return Buffer.concat([meta.subarray(0, -1), Buffer.from(',"artifacts":'), Buffer.from(set.artifactsJson), Buffer.from('}')]);
      });
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
};
