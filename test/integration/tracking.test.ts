import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { replay } from '../../src/domain/tracking/replay.js';
import { listEvents } from '../../src/store/tracking.js';
import { delayedPlan, startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';
import { dependencyIds } from '../../src/schemas/dependency-links.js';

/** A layered graph: `width` phases per layer, each depending on two of the layer before. */
function layeredPlan(layers: number, width: number): PlanInput {
  const phases: PlanInput['phases'] = [];
  for (let l = 0; l < layers; l++) {
    for (let w = 0; w < width; w++) {
      const deps = l === 0 ? [] : [...new Set([`p${l - 1}_${w}`, `p${l - 1}_${(w + 1) % width}`])];
      phases.push({ id: `p${l}_${w}`, name: `Phase ${l}.${w}`, duration: 1 + ((l + w) % 3), dependencies: deps, skills: ['dev'] });
    }
  }
  return {
    name: 'layered',
    startDate: '2027-01-04',
    teams: [{ id: 'devs', size: 40, skills: ['dev'] }],
    phases,
    constraints: { capacityBuffer: 0 },
    planning: { seed: 1, monteCarloIterations: 100 },
  };
}

describe('live tracking', () => {
  const server = listeningApp(() => startApp('postgres'));
  const call = server.call;
  const createPlan = async (input: PlanInput) => {
    const r = await call('POST', '/plans', input);
    expect(r.status).toBe(201);
    return r.body.planId as string;
  };
  const expectOk = (r: { status: number; body: unknown }) => expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  const session = async (planId: string, extra: object = {}) => (await call('POST', `/plans/${planId}/sessions`, { label: 'agent', ...extra })).body.id as string;

  it('50 concurrent claimers: each phase claimed once, never before its dependencies, and the log replays to the stored state', async () => {
    const input = layeredPlan(6, 8);
    const planId = await createPlan(input);
    const sessions = await Promise.all(Array.from({ length: 50 }, () => session(planId)));
    const deps = new Map(input.phases.map((p) => [p.id, dependencyIds(p)]));

    async function worker(sessionId: string) {
      const done: string[] = [];
      for (let idle = 0; idle < 200;) {
        const c = await call('POST', `/plans/${planId}/claims`, { sessionId });
        if (c.status === 409) {
          if (c.body.code === 'nothing_claimable' && c.body.message.startsWith('every phase')) return done;
          idle++;
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        expect(c.status).toBe(201);
        const phaseId = c.body.phaseId as string;
        expect((await call('POST', `/plans/${planId}/sessions/${sessionId}/events`, { type: 'started', phaseId })).status).toBe(201);
        expect((await call('POST', `/plans/${planId}/sessions/${sessionId}/events`, { type: 'completed', phaseId })).status).toBe(201);
        done.push(phaseId);
      }
      return done;
    }
    const results = await Promise.all(sessions.map(worker));
    const all = results.flat();
    expect(all.sort()).toEqual(input.phases.map((p) => p.id).sort());

    const claims = await server.ctx().handle.db.selectFrom('claims').select(['phase_id', 'status']).where('plan_id', '=', planId).execute();
    expect(claims).toHaveLength(input.phases.length);
    expect(claims.every((c) => c.status === 'completed')).toBe(true);

    const events = await listEvents(server.ctx().handle.db, {
      planId,
      workspaceId: (await server.ctx().handle.db.selectFrom('plans').select('workspace_id').where('id', '=', planId).executeTakeFirstOrThrow()).workspace_id,
    });
    const completedAt = new Map(events.filter((e) => e.type === 'completed').map((e) => [e.phaseId!, e.id]));
    for (const e of events.filter((x) => x.type === 'claimed')) {
      for (const d of deps.get(e.phaseId!)!) expect(completedAt.get(d)!, `${d} before ${e.phaseId}`).toBeLessThan(e.id);
    }
    const replayed = replay(events);
    for (const c of claims) expect(replayed.get(c.phase_id)!.status).toBe('completed');
  });

  it('refuses claims with each reason', async () => {
    const input: PlanInput = {
      name: 'refusals',
      startDate: '2027-01-04',
      teams: [
        { id: 'back', size: 4, skills: ['api'] },
        { id: 'front', size: 4, skills: ['ui'] },
      ],
      constraints: { capacityBuffer: 0 },
      planning: { monteCarloIterations: 50 },
      phases: [
        { id: 'schema', name: 'Schema', duration: 2, skills: ['api'], areas: ['db/'] },
        { id: 'api', name: 'API', duration: 3, dependencies: ['schema'], skills: ['api'], areas: ['api/'] },
        { id: 'ui', name: 'UI', duration: 3, dependencies: ['schema'], skills: ['ui'], areas: ['web/'] },
        { id: 'migrate', name: 'Data migration', duration: 1, skills: ['api'], areas: ['db/migrations/'] },
      ],
    };
    const planId = await createPlan(input);
    const s1 = await session(planId, { team: 'back' });
    const s2 = await session(planId, { team: 'front' });
    const claim = (sessionId: string, phaseId?: string) => call('POST', `/plans/${planId}/claims`, { sessionId, ...(phaseId ? { phaseId } : {}) });
    const report = (sessionId: string, type: string, phaseId: string) => call('POST', `/plans/${planId}/sessions/${sessionId}/events`, { type, phaseId });

    const early = await claim(s2, 'ui');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'dependency_not_done', details: [{ path: '/phaseId', ids: ['schema'] }] });

    expect((await claim(s1, 'schema')).status).toBe(201);
    expect((await claim(s2, 'schema')).body.code).toBe('phase_taken');
    const locked = await claim(s2, 'migrate');
    expect(locked.body.code).toBe('area_locked');
    expect(locked.body.details[0].ids).toContain('schema');

    expect((await report(s2, 'completed', 'schema')).body.code).toBe('not_claim_holder');
    expect((await report(s1, 'completed', 'schema')).status).toBe(201);
    expect((await claim(s2, 'schema')).body.code).toBe('phase_completed');
    expect((await report(s1, 'gate_failed', 'schema')).status).toBe(201);
    const held = await claim(s2, 'ui');
    expect(held.body).toMatchObject({ code: 'sync_point_pending', details: [{ ids: ['schema'] }] });
    expect((await report(s1, 'gate_passed', 'schema')).status).toBe(201);
    expect((await claim(s2, 'ui')).status).toBe(201);

    const unknown = await claim(s1, 'nope');
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('unknown_phase');

    const alerts = (await call('GET', `/plans/${planId}/alerts`)).body.items;
    const gate = alerts.find((a: { kind: string }) => a.kind === 'quality_gate_failed');
    expect(gate).toMatchObject({ subject: 'schema', severity: 'critical' });
    expect(gate.resolvedAt).not.toBeNull();
  });

  it('a retried POST with the same Idempotency-Key is applied once', async () => {
    const planId = await createPlan(layeredPlan(2, 2));
    const sessionId = await session(planId);
    const key = { 'idempotency-key': `claim-${sessionId}` };
    const first = await call('POST', `/plans/${planId}/claims`, { sessionId }, key);
    const again = await call('POST', `/plans/${planId}/claims`, { sessionId }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const claims = await server.ctx().handle.db.selectFrom('claims').select('id').where('plan_id', '=', planId).execute();
    expect(claims).toHaveLength(1);

    const reused = await call('POST', `/plans/${planId}/claims`, { sessionId, phaseId: 'p0_1' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');

    const planKey = { 'idempotency-key': `plan-${sessionId}` };
    const p1 = await call('POST', '/plans', layeredPlan(1, 2), planKey);
    const p2 = await call('POST', '/plans', layeredPlan(1, 2), planKey);
    expect(p2.body.planId).toBe(p1.body.planId);
    expect(p2.headers.get('location')).toBe(p1.headers.get('location'));
  });

  it('a session that stops sending heartbeats loses its claim and raises an alert', async () => {
    const planId = await createPlan(layeredPlan(1, 2));
    const silent = await session(planId, { heartbeatTimeoutSeconds: 1 });
    const alive = await session(planId, { heartbeatTimeoutSeconds: 60 });
    expect((await call('POST', `/plans/${planId}/claims`, { sessionId: silent, phaseId: 'p0_0' })).status).toBe(201);
    expect((await call('POST', `/plans/${planId}/sessions/${silent}/heartbeat`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2200));
    const taken = await call('POST', `/plans/${planId}/claims`, { sessionId: alive, phaseId: 'p0_0' });
    expect(taken.status).toBe(201);
    const alerts = (await call('GET', `/plans/${planId}/alerts`)).body.items;
    expect(alerts).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'session_expired', subject: silent, severity: 'critical' })]));
    const hb = await call('POST', `/plans/${planId}/sessions/${silent}/heartbeat`);
    expect(hb.status).toBe(409);
    expect(hb.body.code).toBe('session_not_active');
    const log = (await call('GET', `/plans/${planId}/event-log`)).body.items;
    expect(log.map((e: { type: string }) => e.type)).toEqual(['claimed', 'heartbeat_lost', 'claimed']);
  });

  it('alerts do not flap when reports arrive late: the alert clock never runs backwards', async () => {
    // A plan that started months ago with nothing reported: behind schedule as of now.
    const planId = await createPlan({ ...layeredPlan(2, 2), startDate: '2026-01-05' });
    const now = (await call('GET', `/plans/${planId}/status`)).body;
    const variance = now.alerts.find((a: { kind: string }) => a.kind === 'schedule_variance');
    expect(variance).toBeDefined();
    // A session then backfills its start on the first day. As of that day nothing was behind,
    // but it is still behind now: the alert stays open, and is not raised a second time.
    const s = await session(planId);
    expectOk(await call('POST', `/plans/${planId}/claims`, { sessionId: s, phaseId: 'p0_0', at: '2026-01-05T09:00:00Z' }));
    expectOk(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'started', phaseId: 'p0_0', at: '2026-01-05T09:00:00Z' }));
    const alerts = (await call('GET', `/plans/${planId}/alerts`)).body.items.filter((a: { kind: string }) => a.kind === 'schedule_variance');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: variance.id, resolvedAt: null });
    // Asking for the status as of a past moment is a view: it changes no alert.
    const then = (await call('GET', `/plans/${planId}/status?asOf=2026-01-05T12:00:00Z`)).body;
    expect(then.metrics.behindSchedulePercent).toBeLessThan(now.metrics.behindSchedulePercent);
    expect((await call('GET', `/plans/${planId}/alerts?open=true`)).body.items.map((a: { id: number }) => a.id)).toContain(variance.id);
  });

  it('keeps an open alert saying what is true now: progress rewrites its text, not its id', async () => {
    const planId = await createPlan({ ...layeredPlan(2, 2), startDate: '2026-01-05' });
    const before = (await call('GET', `/plans/${planId}/status`)).body;
    const variance = before.alerts.find((a: { kind: string }) => a.kind === 'schedule_variance');
    expect(variance.message).toContain(`${before.metrics.behindSchedulePercent}% behind`);
    const s = await session(planId, { claimLimit: 2 });
    for (const phaseId of ['p0_0', 'p0_1']) {
      expectOk(await call('POST', `/plans/${planId}/claims`, { sessionId: s, phaseId, at: '2026-01-05T09:00:00Z' }));
      expectOk(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'started', phaseId, at: '2026-01-05T09:00:00Z' }));
      expectOk(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'completed', phaseId, at: '2026-01-06T17:00:00Z' }));
    }
    const after = (await call('GET', `/plans/${planId}/status`)).body;
    expect(after.metrics.behindSchedulePercent).toBeLessThan(before.metrics.behindSchedulePercent);
    expect(after.metrics.behindSchedulePercent).toBeGreaterThan(5);
    const open = (await call('GET', `/plans/${planId}/alerts?open=true`)).body.items.filter((a: { kind: string }) => a.kind === 'schedule_variance');
    expect(open).toHaveLength(1);
    expect(open[0].id).toBe(variance.id);
    expect(open[0].message).toContain(`${after.metrics.behindSchedulePercent}% behind`);
    expect(open[0].message).not.toBe(variance.message);
    expect(after.alerts.find((a: { kind: string }) => a.kind === 'schedule_variance').message).toBe(open[0].message);
  });

  it('re-plans after a delay: exactly the dependent phases move, by the delay', async () => {
    const input = delayedPlan();
    const planId = await createPlan(input);
    const s = await session(planId);
    const d = await session(planId);
    expectOk(await call('POST', `/plans/${planId}/claims`, { sessionId: s, phaseId: 'design', at: '2026-01-05T09:00:00Z' }));
    expectOk(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'started', phaseId: 'design', at: '2026-01-05T09:00:00Z' }));
    expectOk(await call('POST', `/plans/${planId}/claims`, { sessionId: d, phaseId: 'docs', at: '2026-01-05T09:00:00Z' }));
    expectOk(await call('POST', `/plans/${planId}/sessions/${d}/events`, { type: 'started', phaseId: 'docs', at: '2026-01-05T09:00:00Z' }));
    // dates lie in the past: the server refuses events from the future
    // design was planned for Mon–Tue and finishes on Thursday: two working days late
    expectOk(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type: 'completed', phaseId: 'design', at: '2026-01-08T17:00:00Z' }));
    expectOk(await call('POST', `/plans/${planId}/sessions/${d}/events`, { type: 'progress', phaseId: 'docs', percent: 75, at: '2026-01-08T17:00:00Z' }));

    const r = await call('POST', `/plans/${planId}/replan`, { asOf: '2026-01-09' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: 2, parentVersion: 1, reason: 'replan' });
    expect(r.body.changes.phases.map((p: { id: string }) => p.id).sort()).toEqual(['build', 'ship']);
    for (const p of r.body.changes.phases) expect(p.to - p.from).toBe(2);
    expect(r.body.changes.moved).toBe(2);
    const versions = (await call('GET', `/plans/${planId}/versions`)).body.items;
    expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['create', 'replan']);
  });
});
