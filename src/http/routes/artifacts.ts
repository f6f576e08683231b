import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id } from '../../schemas/plan-input.js';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import { NotModified, errors, mediaResponse, notModified } from '../schemas/common.js';
import type { VersionBodyCache } from '../version-body-cache.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { workspaceOf } from '../workspace.js';
import { ARTIFACT_NAMES, artifactResponses } from '../schemas/artifacts.js';
import { stateArchive } from '../state-archive.js';

const ArtifactName = Type.Enum([...ARTIFACT_NAMES], { description: 'One of the five artifact file names.' });
const Latest = Type.Object({ id: Type.String({ format: 'uuid' }), name: ArtifactName });
const AtVersion = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), name: ArtifactName });

/** Sets the ETag of the version a body belongs to; true when the client's If-None-Match already names it. */
function conditional(request: FastifyRequest, reply: FastifyReply, version: number): boolean {
  const etag = store.etagFor(version);
  reply.header('etag', etag);
  return notModified(request, etag);
}

export const artifactRoutes: FastifyPluginAsyncTypebox<{ db: Db; bodies: VersionBodyCache }> = async (app, { db, bodies }) => {
  const artifactResponse = { 200: artifactResponses, 304: NotModified, ...errors(400, 404) };

  /** One artifact as stored JSON text (no parse and re-serialise), from the body cache; 304 when unchanged. */
  const sendArtifact = async (request: FastifyRequest, reply: FastifyReply, id: string, name: string, version?: number) => {
    const workspaceId = workspaceOf(request);
    const n = await store.resolveVersion(db, workspaceId, id, version);
    const etag = store.etagFor(n);
    reply.header('etag', etag);
    if (notModified(request, etag)) return reply.code(304).send(null);
    const body = await bodies.get(`${id}/${n}/${name}`, async () => Buffer.from((await store.getArtifactJson(db, workspaceId, id, name, n)).json));
    return reply.type('application/json; charset=utf-8').send(body as never);
  };

  app.get(
    '/plans/:id/artifacts/:name',
    { schema: { tags: ['artifacts'], operationId: 'getArtifact', summary: 'One artifact of the latest version', params: Latest, response: artifactResponse } },
    async (request, reply) => sendArtifact(request, reply, request.params.id, request.params.name),
  );

  app.get(
    '/plans/:id/versions/:version/artifacts/:name',
    { schema: { tags: ['artifacts'], operationId: 'getVersionArtifact', summary: 'One artifact of a given version', params: AtVersion, response: artifactResponse } },
    async (request, reply) => sendArtifact(request, reply, request.params.id, request.params.name, request.params.version),
  );

  app.get(
    '/plans/:id/document',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'getDocument',
        summary: 'The strategy document (Markdown) of the latest version',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: mediaResponse('text/markdown', 'The strategy document'), 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const d = await store.getDocument(db, workspaceOf(request), request.params.id);
      if (conditional(request, reply, d.version)) return reply.code(304).send(null);
      return reply.type('text/markdown; charset=utf-8').send(d.document);
    },
  );

  app.get(
    '/plans/:id/gantt.svg',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'getGantt',
        summary: 'Gantt chart of the latest version (SVG): one lane per team, the critical phases in red',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: mediaResponse('image/svg+xml', 'The Gantt chart'), 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const g = await store.getGantt(db, workspaceOf(request), request.params.id);
      if (conditional(request, reply, g.version)) return reply.code(304).send(null);
      return reply.type('image/svg+xml; charset=utf-8').send(g.svg);
    },
  );

  app.get(
    '/plans/:id/playbooks/:team',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'getPlaybook',
        summary: "One team's playbook (Markdown) of the latest version",
        params: Type.Object({ id: Type.String({ format: 'uuid' }), team: Id }),
        response: { 200: mediaResponse('text/markdown', "The team's playbook"), 304: NotModified, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const p = await store.getPlaybook(db, workspaceOf(request), request.params.id, request.params.team);
      if (conditional(request, reply, p.version)) return reply.code(304).send(null);
      return reply.type('text/markdown; charset=utf-8').send(p.markdown);
    },
  );

  app.get(
    '/plans/:id/state.tar',
    {
      schema: {
        tags: ['artifacts'],
        operationId: 'getStateArchive',
        summary: 'The five artifacts of the latest version as parallel-execution/<name>.json in a tar archive',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: mediaResponse(
            'application/x-tar',
            'A tar archive of parallel-execution/<name>.json',
            Type.Unsafe<Buffer>({ type: 'string', contentMediaType: 'application/x-tar' }),
          ),
          304: NotModified,
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const v = await store.getVersion(db, workspaceOf(request), request.params.id);
      if (conditional(request, reply, v.version)) return reply.code(304).send(null);
      const body = await stateArchive(v.artifacts, v.createdAt);
      return reply.header('content-disposition', `attachment; filename="waveplan-${v.planId}-v${v.version}.tar"`).type('application/x-tar').send(body);
    },
  );
};
