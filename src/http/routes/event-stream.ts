import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { Db } from '../../store/database.js';
import type { Listener } from '../../store/listener.js';
import * as tracking from '../../store/tracking.js';
import { AppError } from '../../errors.js';
import { PlanIdParams, errors, mediaResponse } from '../schemas/common.js';
import { workspaceOf } from '../workspace.js';
import type { Metrics } from '../../observability/metrics.js';

/** Last-Event-ID is "<eventId>.<alertId>": where this client had got to in both logs. */
function parseLastEventId(v: unknown): { event: number; alert: number } {
  const m = typeof v === 'string' ? v.match(/^(\d{1,15})\.(\d{1,15})$/) : null;
  return m ? { event: Number(m[1]), alert: Number(m[2]) } : { event: 0, alert: 0 };
}

export interface EventStreamOptions {
  db: Db;
  /** Pushes: every tracking write notifies 'waveplan_events' with its plan id. Without one, streams poll. */
  listener?: Listener;
  /** How often a stream looks for new events when nothing was pushed (a lost notification, or no listener). */
  pollMs?: number;
  /** Open streams per API key (or client address), and per instance. */
  maxStreamsPerPrincipal?: number;
  maxStreams?: number;
  /** Reports the open streams (waveplan_sse_streams). */
  metrics?: Metrics;
}

/**
 * Server-Sent Events for dashboards: every tracking event ("phase") and alert ("alert"), in
 * order, resumable with Last-Event-ID. The database is the source, so any instance can serve any
 * plan. One LISTEN connection per instance wakes the streams of a plan when it is written to; a
 * stream then reads what is new once (concurrent wakes coalesce), and polls only as a slow
 * fallback. Streams are capped per principal and per instance, so a flood of streams cannot
 * take the pool.
 */
/** The open streams of one instance: to end them at shutdown, count them per principal, wake them per plan. */
interface Streams {
  open: Set<() => void>;
  byPrincipal: Map<string, number>;
  wakers: Map<string, Set<() => void>>;
}

/** Refuses a new stream past the instance's or the principal's cap (Retry-After: 30). */
function admitStream(streams: Streams, principal: string, limits: { total: number; perPrincipal: number }, reply: FastifyReply): void {
  if (streams.open.size >= limits.total) {
    reply.header('retry-after', '30');
    throw new AppError(503, 'too_many_streams', `this instance already serves ${limits.total} event streams; retry later or poll /plans/{id}/event-log`);
  }
  if ((streams.byPrincipal.get(principal) ?? 0) >= limits.perPrincipal) {
    reply.header('retry-after', '30');
    throw new AppError(429, 'too_many_streams', `at most ${limits.perPrincipal} open event streams per API key; close one first`);
  }
}

/**
 * Serves one stream, already hijacked, until the client goes or the instance closes: writes what
 * is new after the cursor whenever the plan is written to (wakes coalesce) or the poll comes due,
 * with a keep-alive comment after 15 s of silence.
 */
async function serveStream(s: {
  db: Db;
  streams: Streams;
  pollMs: number;
  request: FastifyRequest;
  res: ServerResponse;
  planId: string;
  workspaceId: string;
  principal: string;
  cursor: { event: number; alert: number };
}): Promise<void> {
  const { db, streams, pollMs, request, res, planId, principal } = s;
  const ref = { workspaceId: s.workspaceId, planId };
  const { open, byPrincipal, wakers } = streams;
  let cursor = s.cursor;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let reading = false;
  let again = false;
  let idle = 0;
  const set = wakers.get(planId) ?? new Set<() => void>();
  wakers.set(planId, set);
  byPrincipal.set(principal, (byPrincipal.get(principal) ?? 0) + 1);
  const close = () => {
    if (closed) return;
    closed = true;
    if (timer) clearTimeout(timer);
    open.delete(end);
    set.delete(wake);
    if (set.size === 0) wakers.delete(planId);
    const n = (byPrincipal.get(principal) ?? 1) - 1;
    if (n > 0) byPrincipal.set(principal, n);
    else byPrincipal.delete(principal);
  };
  const end = () => {
    close();
    res.end();
  };
  const read = async () => {
    const [events, alerts] = await Promise.all([tracking.listEvents(db, ref, cursor.event, 500), tracking.listAlerts(db, ref, cursor.alert)]);
    for (const e of events) {
      cursor = { ...cursor, event: e.id };
      res.write(`id: ${cursor.event}.${cursor.alert}\nevent: phase\ndata: ${JSON.stringify(e)}\n\n`);
    }
    for (const a of alerts) {
      cursor = { ...cursor, alert: a.id };
      res.write(`id: ${cursor.event}.${cursor.alert}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
    }
    // A full page means there is more: read on at once.
    return events.length >= 500;
  };
  const tick = async (): Promise<void> => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    if (timer) clearTimeout(timer);
    try {
      do {
        again = false;
        if (await read()) again = true;
      } while (again && !closed);
      idle = 0;
    } catch (err) {
      request.log.warn({ err }, 'event stream read failed');
    } finally {
      reading = false;
    }
    if (!closed) timer = setTimeout(() => void poll(), pollMs);
  };
  const poll = async () => {
    idle += pollMs;
    if (idle >= 15_000 && !closed) {
      res.write(': keep-alive\n\n');
      idle = 0;
    }
    await tick();
  };
  const wake = () => void tick();
  open.add(end);
  set.add(wake);
  request.raw.on('close', close);
  await tick();
}

/**
 * Server-Sent Events for dashboards: every tracking event ("phase") and alert ("alert"), in
 * order, resumable with Last-Event-ID. The database is the source, so any instance can serve any
 * plan. One LISTEN connection per instance wakes the streams of a plan when it is written to; a
 * stream then reads what is new once (concurrent wakes coalesce), and polls only as a slow
 * fallback. Streams are capped per principal and per instance, so a flood of streams cannot
 * take the pool.
 */
export const eventStreamRoutes: FastifyPluginAsyncTypebox<EventStreamOptions> = async (app, o) => {
  const { db, listener } = o;
  const pollMs = o.pollMs ?? (listener ? 10_000 : 500);
  const limits = { perPrincipal: o.maxStreamsPerPrincipal ?? 20, total: o.maxStreams ?? 1_000 };
  const streams: Streams = { open: new Set(), byPrincipal: new Map(), wakers: new Map() };
  const { open, wakers } = streams;
  o.metrics?.watchStreams(() => open.size);
  const unlisten = listener
    ? await listener.listen(
        'waveplan_events',
        (planId) => {
          for (const wake of wakers.get(planId) ?? []) wake();
        },
        () => {
          for (const set of wakers.values()) for (const wake of set) wake();
        },
      )
    : undefined;
  // Streams never end on their own: close them so that shutdown is not held up.
  app.addHook('onClose', async () => {
    for (const end of open) end();
    await unlisten?.();
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
        headers: Type.Object({
          'last-event-id': Type.Optional(Type.String({ description: 'The id of the last event received ("<eventId>.<alertId>"): the stream resumes after it.' })),
        }),
        response: { 200: mediaResponse('text/event-stream', 'An endless stream of "phase" and "alert" events'), ...errors(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      await tracking.trackingBasis(db, workspaceOf(request), request.params.id);
      const principal = request.principal?.keyId ?? `ip:${request.ip}`;
      admitStream(streams, principal, limits, reply);
      const planId = request.params.id;
      const cursor = parseLastEventId(request.headers['last-event-id'] ?? request.query.after);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': waveplan event stream\n\n');
      await serveStream({ db, streams, pollMs, request, res, planId, workspaceId: workspaceOf(request), principal, cursor });
    },
  );
};
