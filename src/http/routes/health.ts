import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { Db } from '../../store/database.js';
import { errors } from '../schemas/common.js';
import { AppError } from '../../errors.js';

const Health = Type.Object({ status: Type.Enum(['ok']) }, { title: 'Health' });

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get('/healthz', { schema: { tags: ['health'], operationId: 'getLiveness', security: [], summary: 'The process is up', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], operationId: 'getReadiness', security: [], summary: 'The database answers', response: { 200: Health, ...errors(503) } } },
    async (request) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const };
      } catch (err) {
        request.log.warn({ err }, 'database not reachable');
        throw new AppError(503, 'database_unavailable', 'the database does not answer');
      }
    },
  );
};
