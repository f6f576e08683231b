import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agentPlaybook, agentPlaybookMarkdown } from '../../domain/artifacts/agent-playbook.js';
import { notFound } from '../../errors.js';
import { AgentPlaybook } from '../../schemas/agent-playbook.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import { Id } from '../../schemas/plan-input.js';
import { errors } from '../schemas/common.js';
import { workspaceOf } from '../workspace.js';

const Format = Type.Object(
  { format: Type.Optional(Type.Enum(['json', 'markdown'], { description: 'Default json; markdown also when the Accept header asks for text/markdown.' })) },
  { additionalProperties: false },
);

const wantsMarkdown = (format: string | undefined, accept: string | undefined) => format === 'markdown' || (format === undefined && /\btext\/markdown\b/.test(accept ?? ''));

/** Per-phase briefs an agent can act on, built from the latest version as it is stored. */
export const agentPlaybookRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const source = async (workspaceId: string, planId: string) => {
    const v = await store.getVersion(db, workspaceId, planId);
    return { planId, version: v.version, input: v.input as PlanInput, artifacts: v.artifacts };
  };

  app.get(
    '/plans/:id/agent-playbooks',
    {
      schema: {
        tags: ['artifacts'],
        summary: 'Agent playbooks of the latest version: one brief per phase (JSON, or Markdown with ?format=markdown)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Format,
        response: { 200: Type.Union([Type.Object({ items: Type.Array(AgentPlaybook) }), Type.String({ description: 'text/markdown' })]), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const src = await source(workspaceOf(request), request.params.id);
      const items = src.input.phases.map((p) => agentPlaybook(src, p.id)!).filter(Boolean);
      reply.header('etag', store.etagFor(src.version));
      if (wantsMarkdown(request.query.format, request.headers.accept)) return reply.type('text/markdown; charset=utf-8').send(items.map(agentPlaybookMarkdown).join('\n---\n\n'));
      return { items };
    },
  );

  app.get(
    '/plans/:id/agent-playbooks/:phaseId',
    {
      schema: {
        tags: ['artifacts'],
        summary:
          "One phase's agent playbook: deliverables and acceptance criteria, the areas it owns and those held by parallel phases, its branch, the sync points to wait for and the exact MCP/REST calls to report with",
        params: Type.Object({ id: Type.String({ format: 'uuid' }), phaseId: Id }),
        querystring: Format,
        response: { 200: Type.Union([AgentPlaybook, Type.String({ description: 'text/markdown' })]), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const src = await source(workspaceOf(request), request.params.id);
      const pb = agentPlaybook(src, request.params.phaseId);
      if (!pb) throw notFound(`phase ${request.params.phaseId} in plan ${request.params.id}`);
      reply.header('etag', store.etagFor(src.version));
      if (wantsMarkdown(request.query.format, request.headers.accept)) return reply.type('text/markdown; charset=utf-8').send(agentPlaybookMarkdown(pb));
      return pb;
    },
  );
};
