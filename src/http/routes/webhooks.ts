import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { checkTarget, type TargetPolicy } from '../../jobs/webhook-targets.js';
import type { Db } from '../../store/database.js';
import * as webhooks from '../../store/webhooks.js';
import { PlanIdParams, errors } from '../schemas/common.js';
import { DeliveryView, SubscriptionBody, SubscriptionView } from '../schemas/webhooks.js';
import { workspaceOf } from '../workspace.js';

const HookParams = Type.Object({ id: Type.String({ format: 'uuid' }), webhookId: Type.String({ format: 'uuid' }) });

export interface WebhookRouteOptions {
  db: Db;
  /** Off without the PostgreSQL job queue that delivers them. */
  enabled: boolean;
  policy: TargetPolicy;
}

/** Webhook subscriptions per plan and their delivery logs. */
export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookRouteOptions> = async (app, { db, enabled, policy }) => {
  app.post(
    '/plans/:id/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: "Subscribe a URL to a plan's events: signed POSTs (Standard Webhooks), retried with backoff; the URL must pass the allow-list",
        params: PlanIdParams,
        body: SubscriptionBody,
        response: { 201: SubscriptionView, ...errors(400, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      if (!enabled) throw new AppError(503, 'webhooks_unavailable', 'webhooks are delivered through the PostgreSQL job queue: run the service with DATABASE_URL', []);
      const target = await checkTarget(request.body.url, policy);
      if (!target.ok) throw new AppError(422, 'webhook_target_refused', `webhook URL refused: ${target.reason}`, [{ path: '/url', message: target.reason }]);
      const s = await webhooks.createSubscription(db, workspaceOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/plans/${s.planId}/webhooks/${s.id}`).send(s);
    },
  );

  app.get(
    '/plans/:id/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Webhook subscriptions of a plan (without their secrets)',
        params: PlanIdParams,
        response: { 200: Type.Object({ items: Type.Array(SubscriptionView) }), ...errors(400, 404) },
      },
    },
    async (request) => ({ items: await webhooks.listSubscriptions(db, workspaceOf(request), request.params.id) }),
  );

  app.delete(
    '/plans/:id/webhooks/:webhookId',
    { schema: { tags: ['webhooks'], summary: 'Remove a subscription (and its delivery log)', params: HookParams, response: { 204: Type.Null(), ...errors(400, 404) } } },
    async (request, reply) => {
      await webhooks.deleteSubscription(db, workspaceOf(request), request.params.id, request.params.webhookId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/plans/:id/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log of a subscription, newest first: each delivery with every attempt (status code or error)',
        params: HookParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(DeliveryView) }), ...errors(400, 404) },
      },
    },
    async (request) => ({ items: await webhooks.listDeliveries(db, workspaceOf(request), request.params.id, request.params.webhookId, request.query.limit ?? 100) }),
  );
};
