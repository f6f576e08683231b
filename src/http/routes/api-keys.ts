import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../store/database.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../store/api-keys.js';
import { requireAdmin } from '../auth.js';
import { errors } from '../schemas/common.js';

const Workspace = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const ApiKeyView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    workspaceId: Type.String(),
    name: Type.String(),
    role: Type.Enum(['read', 'write']),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'ApiKey' },
);

export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/admin/keys',
    {
      config: { secretFields: ['token'] },
      schema: {
        tags: ['admin'],
        operationId: 'createApiKey',
        summary: 'Create an API key for a workspace (admin key only). The token is shown once.',
        body: Type.Object({ workspace: Workspace, name: Type.String({ minLength: 1, maxLength: 200 }), role: Type.Enum(['read', 'write']) }, { additionalProperties: false }),
        response: { 201: Type.Object({ ...ApiKeyView.properties, token: Type.String() }), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.code(201).send(await createApiKey(db, { workspaceId: request.body.workspace, name: request.body.name, role: request.body.role }));
    },
  );

  app.get(
    '/admin/keys',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listApiKeys',
        summary: 'List API keys (admin key only)',
        querystring: Type.Object({ workspace: Type.Optional(Workspace) }),
        response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { items: await listApiKeys(db, request.query.workspace) };
    },
  );

  app.delete(
    '/admin/keys/:keyId',
    {
      schema: {
        tags: ['admin'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key (admin key only)',
        params: Type.Object({ keyId: Type.String({ format: 'uuid' }) }),
        response: { 200: ApiKeyView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return revokeApiKey(db, request.params.keyId);
    },
  );
};
