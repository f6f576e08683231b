import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../store/database.js';
import * as tracking from '../../store/tracking.js';
import { PlanIdParams, errors, mediaResponse } from '../schemas/common.js';
import { workspaceOf } from '../workspace.js';

/** Last-Event-ID is "<eventId>.<alertId>": where this client had got to in both logs. */
function parseLastEventId(v: unknown): { event: number; alert: number } {
  const m = typeof v === 'string' ? v.match(/^(\d{1,15})\.(\d{1,15})$/) : null;
  return m ? { event: Number(m[1]), alert: Number(m[2]) } : { event: 0, alert: 0 };
}

/**
 * Server-Sent Events for dashboards: every tracking event ("phase") and alert ("alert"), in
 * order, resumable with Last-Event-ID. The database is the source, so any instance can serve
 * any plan; it is polled on a short interval, which keeps the stream correct across instances.
 */
export const eventStreamRoutes: FastifyPluginAsyncTypebox<{ db: Db; pollMs?: number }> = async (app, { db, pollMs = 500 }) => {
  const open = new Set<() => void>();
  // Streams never end on their own: close them so that shutdown is not held up.
  app.addHook('onClose', async () => {
    for (const end of open) end();
  });
  app.get(
    '/plans/:id/events',
    {
      schema: {
        tags: ['tracking'],
        operationId: 'streamEvents',
        summary: 'Server-Sent Events: "phase" for each tracking event, "alert" for each alert; resumable with Last-Event-ID',
        params: PlanIdParams,
        querystring: Type.Object({ after: Type.Optional(Type.String({ pattern: '^\\d{1,15}\\.\\d{1,15}$', description: 'Same as Last-Event-ID.' })) }),
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ description: 'The id of the last event received ("<eventId>.<alertId>"): the stream resumes after it.' })) }),
        response: { 200: mediaResponse('text/event-stream', 'An endless stream of "phase" and "alert" events'), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      await tracking.trackingBasis(db, workspaceOf(request), request.params.id);
      const planId = request.params.id;
      let cursor = parseLastEventId(request.headers['last-event-id'] ?? request.query.after);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': waveplan event stream\n\n');
      let closed = false;
      let timer: NodeJS.Timeout | undefined;
      let idle = 0;
      const close = () => {
        closed = true;
        if (timer) clearTimeout(timer);
        open.delete(end);
      };
      const end = () => {
        close();
        res.end();
      };
      open.add(end);
      request.raw.on('close', close);
      const tick = async () => {
        if (closed) return;
        try {
          const [events, alerts] = await Promise.all([tracking.loadEvents(db, planId, cursor.event, 500), tracking.listAlerts(db, planId, cursor.alert)]);
          for (const e of events) {
            cursor = { ...cursor, event: e.id };
            res.write(`id: ${cursor.event}.${cursor.alert}\nevent: phase\ndata: ${JSON.stringify(e)}\n\n`);
          }
          for (const a of alerts) {
            cursor = { ...cursor, alert: a.id };
            res.write(`id: ${cursor.event}.${cursor.alert}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
          }
          idle = events.length + alerts.length > 0 ? 0 : idle + pollMs;
          if (idle >= 15_000) {
            res.write(': keep-alive\n\n');
            idle = 0;
          }
        } catch (err) {
          request.log.warn({ err }, 'event stream poll failed');
        }
        if (!closed) timer = setTimeout(() => void tick(), pollMs);
      };
      await tick();
    },
  );
};
