import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { buildApp, type App } from '../../src/http/app.js';
import { WebhookQueue } from '../../src/jobs/webhook-queue.js';
import { attemptDelivery } from '../../src/jobs/webhook-delivery.js';
import { badAllowlistEntries, checkTarget } from '../../src/jobs/webhook-targets.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import { delayedPlan } from '../support/app.js';
import { freshDatabase } from '../support/db.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A loopback receiver that answers 500 to the first `failFirst` requests of each webhook-id, then 200. */
function receiver(failFirst: () => number) {
  const got: Received[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      const answered = n <= failFirst() ? 500 : 200;
      got.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  return {
    got,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const POLICY = { allowlist: ['127.0.0.1/32'] };
const QUEUE = { ...POLICY, retryDelaySeconds: 1, maxAttempts: 5, dispatchMs: 100, pollingIntervalSeconds: 0.5, timeoutMs: 5_000 };

describe('webhooks', () => {
  let handle: DatabaseHandle & { url?: string };
  let app: App;
  let queue: WebhookQueue | undefined;
  let failFirst = 0;
  const hooks = receiver(() => failFirst);
  let hookUrl = '';

  beforeAll(async () => {
    handle = await freshDatabase('postgres');
    app = await buildApp({ db: handle.db, planner: createDomainPlanner(), webhooks: { enabled: true, policy: POLICY } });
    await app.ready();
    hookUrl = await hooks.start();
  });
  afterAll(async () => {
    await queue?.stop();
    await app?.close();
    await hooks.stop();
    await handle?.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  async function planWithHook(eventTypes: string[]) {
    const planId = (await call('POST', '/plans', delayedPlan('hooks'))).body.planId as string;
    const sub = await call('POST', `/plans/${planId}/webhooks`, { url: hookUrl, eventTypes });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    expect(sub.body.secret).toMatch(/^whsec_/);
    const session = (await call('POST', `/plans/${planId}/sessions`, { team: 'a', heartbeatTimeoutSeconds: 3600 })).body.id as string;
    return { planId, sub: sub.body as { id: string; secret: string }, session };
  }

  it('deliveries are signed the Standard Webhooks way, and one answered 500 is retried (same webhook-id) until it lands', async () => {
    queue = await WebhookQueue.start(handle.url!, handle.db, QUEUE);
    failFirst = 1;
    const { planId, sub, session } = await planWithHook(['phase.claimed', 'phase.completed']);
    expect((await call('POST', `/plans/${planId}/claims`, { sessionId: session, phaseId: 'design' })).status).toBe(201);
    expect((await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'started', phaseId: 'design' })).status).toBe(201);
    expect((await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'completed', phaseId: 'design' })).status).toBe(201);

    const mine = () => hooks.got.filter((g) => JSON.parse(g.body).data.planId === planId);
    await until('both deliveries to land', () => (mine().filter((g) => g.answered === 200).length === 2 ? true : undefined));
    const verifier = new Webhook(sub.secret);
    for (const g of mine()) {
      const payload = verifier.verify(g.body, g.headers as Record<string, string>) as { type: string; data: { event: { phaseId: string } } };
      expect(payload.data.event.phaseId).toBe('design');
      expect(() => verifier.verify(g.body.replace('design', 'docs'), g.headers as Record<string, string>)).toThrow();
    }
    const types = mine()
      .filter((g) => g.answered === 200)
      .map((g) => JSON.parse(g.body).type);
    expect(types.sort()).toEqual(['phase.claimed', 'phase.completed']);
    // each delivery first got a 500 and was retried under the same id
    const ids = new Set(mine().map((g) => g.headers['webhook-id']));
    expect(ids.size).toBe(2);
    for (const id of ids)
      expect(
        mine()
          .filter((g) => g.headers['webhook-id'] === id)
          .map((g) => g.answered),
      ).toEqual([500, 200]);

    // The receiver answers before the attempt is recorded: wait for the log to say so.
    const log = await until('both deliveries recorded', async () => {
      const l = await call('GET', `/plans/${planId}/webhooks/${sub.id}/deliveries`);
      return l.body.items.every((d: { status: string }) => d.status === 'delivered') ? l : undefined;
    });
    expect(log.body.items).toHaveLength(2);
    for (const d of log.body.items) {
      expect(d.status).toBe('delivered');
      expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    }
  }, 60_000);

  it('no delivery is lost across a restart: events while the service is down, or mid-retry, are all delivered after it comes back', async () => {
    queue ??= await WebhookQueue.start(handle.url!, handle.db, QUEUE);
    failFirst = 1000; // the receiver is failing when the service stops
    const { planId, session } = await planWithHook(['*']);
    await call('POST', `/plans/${planId}/claims`, { sessionId: session, phaseId: 'design' });
    await until('a failed attempt', () => (hooks.got.some((g) => JSON.parse(g.body).data.planId === planId) ? true : undefined));
    await queue.stop();
    queue = undefined;
    // while no queue runs: more events, written with their deliveries but handed to no job
    await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'progress', phaseId: 'design', percent: 50 });
    await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'completed', phaseId: 'design' });
    await call('POST', `/plans/${planId}/sessions/${session}/events`, { type: 'gate_passed', phaseId: 'design' });
    const rows = await handle.db.selectFrom('webhook_deliveries').select(['id', 'status', 'queued_at']).where('plan_id', '=', planId).execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.queued_at === null).length).toBeGreaterThanOrEqual(3);

    failFirst = 0;
    queue = await WebhookQueue.start(handle.url!, handle.db, QUEUE);
    const all = await until('every delivery', async () => {
      const now = await handle.db.selectFrom('webhook_deliveries').select(['id', 'status']).where('plan_id', '=', planId).execute();
      return now.every((r) => r.status === 'delivered') ? now : undefined;
    });
    const landed = new Set(hooks.got.filter((g) => g.answered === 200).map((g) => g.headers['webhook-id']));
    for (const r of all) expect(landed.has(r.id), r.id).toBe(true);
    const events = await handle.db.selectFrom('phase_events').select('id').where('plan_id', '=', planId).execute();
    expect(all.length).toBeGreaterThanOrEqual(events.length);
  }, 90_000);

  it('connects to the address the target check approved: a name that resolves differently later (DNS rebinding) is not looked up again', async () => {
    const { planId, session } = await planWithHook(['phase.claimed']);
    expect((await call('POST', `/plans/${planId}/claims`, { sessionId: session })).status).toBe(201);
    const delivery = await until(
      'a pending delivery',
      async () => (await handle.db.selectFrom('webhook_deliveries').select('id').where('plan_id', '=', planId).where('status', '=', 'pending').executeTakeFirst())?.id,
    );
    // The subscription now names a host the system resolver cannot find; only the checked answer can reach the receiver.
    const port = new URL(hookUrl).port;
    await handle.db
      .updateTable('webhook_subscriptions')
      .set({ url: `http://rebind.invalid:${port}/hook` })
      .where('plan_id', '=', planId)
      .execute();
    const answers: string[] = [];
    const resolve = (async () => {
      answers.push('127.0.0.1');
      return [{ address: '127.0.0.1', family: 4 }];
    }) as unknown as typeof import('node:dns/promises').lookup;
    const before = hooks.got.length;
    expect(await attemptDelivery(handle.db, delivery, { ...QUEUE, resolve })).toBe('delivered');
    expect(answers).toHaveLength(1);
    expect(hooks.got.length).toBe(before + 1);
    expect(hooks.got.at(-1)!.headers.host).toBe(`rebind.invalid:${port}`);
  });

  it('refuses targets outside the allow-list (and, without one, the service’s own network), with the field named', async () => {
    const planId = (await call('POST', '/plans', delayedPlan('refused'))).body.planId as string;
    for (const url of ['http://10.0.0.1/hook', 'http://169.254.169.254/latest/meta-data', 'http://8.8.8.8/hook', 'ftp://127.0.0.1/x', 'http://user:pw@127.0.0.1/x']) {
      const r = await call('POST', `/plans/${planId}/webhooks`, { url, eventTypes: ['*'] });
      expect(r.status, url).toBe(422);
      expect(r.body).toMatchObject({ code: 'webhook_target_refused', details: [{ path: '/url' }] });
    }
    expect((await handle.db.selectFrom('webhook_subscriptions').select('id').where('plan_id', '=', planId).execute()).length).toBe(0);
    // the default policy: public addresses only (checked without sending anything)
    expect(await checkTarget('http://127.0.0.1:9/x', {})).toMatchObject({ ok: false });
    expect(await checkTarget('http://[::1]/x', {})).toMatchObject({ ok: false });
    expect(await checkTarget('http://[::ffff:192.168.1.10]/x', {})).toMatchObject({ ok: false });
    expect(await checkTarget('http://172.20.0.5/x', {})).toMatchObject({ ok: false });
    expect(await checkTarget('https://93.184.216.34/x', {})).toEqual({ ok: true, addresses: ['93.184.216.34'] });
    const resolvesInside = async () => [{ address: '10.1.2.3', family: 4 }];
    expect(await checkTarget('https://hooks.example.test/x', {}, resolvesInside as never)).toMatchObject({ ok: false });
    expect(await checkTarget('https://hooks.example.test/x', { allowlist: ['hooks.example.test'] }, resolvesInside as never)).toEqual({ ok: true });
    expect(badAllowlistEntries(['10.0.0.0/8', 'hooks.example.com', '::1/128', '10.0.0.0/99', 'bad host'])).toEqual(['10.0.0.0/99', 'bad host']);
  });
});
