import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../errors.js';
import type { PlanQueue } from '../../jobs/plan-queue.js';
import { ErrorFields, errors } from '../schemas/common.js';
import { workspaceOf } from '../workspace.js';

export const JobView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    state: Type.Enum(['queued', 'running', 'completed', 'failed']),
    planId: Type.String({ format: 'uuid', description: 'The plan this job creates; GET /plans/{planId} once completed.' }),
    error: Type.Optional(Type.Object(ErrorFields, { description: 'Why the job failed: the error the synchronous request would have answered.' })),
    createdAt: Type.String({ format: 'date-time' }),
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Job' },
);

export const jobRoutes: FastifyPluginAsyncTypebox<{ queue?: PlanQueue }> = async (app, { queue }) => {
  app.get(
    '/jobs/:jobId',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getJob',
        summary: 'A queued planning job (large plans are answered 202 with this URL)',
        params: Type.Object({ jobId: Type.String({ format: 'uuid' }) }),
        response: { 200: JobView, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const job = queue ? await queue.get(request.params.jobId, workspaceOf(request)) : undefined;
      if (!job) throw notFound(`job ${request.params.jobId}`);
      if (job.state === 'completed') reply.header('location', `/plans/${job.planId}`);
      else if (job.state !== 'failed') reply.header('retry-after', '1');
      return job as never;
    },
  );
};
