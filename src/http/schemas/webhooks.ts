import { Type } from 'typebox';

export const WEBHOOK_EVENT_TYPES = [
  'phase.claimed',
  'phase.started',
  'phase.progress',
  'phase.blocked',
  'phase.unblocked',
  'phase.completed',
  'phase.gate_passed',
  'phase.gate_failed',
  'phase.released',
  'phase.failed',
  'phase.heartbeat_lost',
  'alert.raised',
  '*',
] as const;

export const SubscriptionBody = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000, description: 'http(s) URL that receives a POST per event; checked against the allow-list.' }),
    eventTypes: Type.Array(Type.Enum([...WEBHOOK_EVENT_TYPES]), { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true, description: '"*" for every type.' }),
    secret: Type.Optional(
      Type.String({ pattern: '^whsec_[A-Za-z0-9+/]{32,}={0,2}$', maxLength: 200, description: 'Standard Webhooks secret (whsec_ + base64 of 24+ bytes); generated when absent.' }),
    ),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const SubscriptionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  planId: Type.String({ format: 'uuid' }),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  secret: Type.Optional(Type.String({ description: 'Only in the answer to its creation: verify webhook-signature with it.' })),
});

export const DeliveryView = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The webhook-id header: the same on every retry.' }),
  eventType: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed']),
  attempts: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      statusCode: Type.Union([Type.Integer(), Type.Null()]),
      error: Type.Union([Type.String(), Type.Null()]),
      durationMs: Type.Integer(),
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
