import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { Db } from '../../store/database.js';
import type { PlanQueue } from '../../jobs/plan-queue.js';
import { errors } from '../schemas/common.js';
import { AppError } from '../../errors.js';

const Health = Type.Object({ status: Type.Enum(['ok']) }, { title: 'Health' });

/** Resolves to false when the promise does not settle in time or rejects. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; queue?: PlanQueue; readyTimeoutMs?: number }> = async (app, { db, queue, readyTimeoutMs = 2_000 }) => {
  app.get('/healthz', { schema: { tags: ['health'], operationId: 'getLiveness', security: [], summary: 'The process is up', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        security: [],
        summary: 'The database answers, and so does the job queue where there is one (each within 2 s)',
        response: { 200: Health, ...errors(503) },
      },
    },
    async (request, reply) => {
      const [database, jobs] = await Promise.all([within(readyTimeoutMs, sql`select 1`.execute(db)), queue ? queue.ready(readyTimeoutMs) : Promise.resolve(true)]);
      if (!database || !jobs) {
        request.log.warn({ database, queue: jobs }, 'not ready');
        reply.header('retry-after', '5');
        throw new AppError(503, database ? 'queue_unavailable' : 'database_unavailable', database ? 'the job queue does not answer' : 'the database does not answer');
      }
      return { status: 'ok' as const };
    },
  );
};
