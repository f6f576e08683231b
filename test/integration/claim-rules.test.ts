import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { listeningApp } from '../support/http.js';
import { startApp } from '../support/app.js';

/** back (api, 2 usable people) and front (ui, 1): schema → api, schema → page; tidy and docs are free. */
const INPUT: PlanInput = {
  name: 'claim rules',
  startDate: '2027-01-04',
  teams: [
    { id: 'back', size: 2, skills: ['api'] },
    { id: 'front', size: 1, skills: ['ui'] },
  ],
  constraints: { capacityBuffer: 0 },
  planning: { monteCarloIterations: 50 },
  phases: [
    { id: 'schema', name: 'Schema', duration: 2, skills: ['api'], areas: ['db/'] },
    { id: 'tidy', name: 'Tidy', duration: 1, skills: ['api'], areas: ['tools/'] },
    { id: 'extra', name: 'Extra', duration: 1, skills: ['api'], areas: ['extra/'] },
    { id: 'docs', name: 'Docs', duration: 2, skills: ['ui'], areas: ['docs/'] },
    { id: 'api', name: 'API', duration: 3, dependencies: ['schema'], skills: ['api'], areas: ['api/'] },
    { id: 'page', name: 'Page', duration: 3, dependencies: ['schema'], skills: ['ui'], areas: ['web/'] },
  ],
};

describe('claims respect teams, skills and limits', () => {
  const server = listeningApp(() => startApp('postgres'));
  const call = server.call;
  const session = async (planId: string, body: object) => {
    const r = await call('POST', `/plans/${planId}/sessions`, { label: 'agent', heartbeatTimeoutSeconds: 3600, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };

  it('skill_mismatch, the logged override, session_busy, team_at_capacity, and auto-pick for the own team', async () => {
    const planId = (await call('POST', '/plans', INPUT)).body.planId as string;
    const web = await session(planId, { team: 'front' });
    const b1 = await session(planId, { team: 'back' });
    const b2 = await session(planId, { team: 'back', claimLimit: 2 });
    const claim = (sessionId: string, extra: object = {}) => call('POST', `/plans/${planId}/claims`, { sessionId, ...extra });

    const mismatch = await claim(web, { phaseId: 'schema' });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body).toMatchObject({ code: 'skill_mismatch', details: [{ path: '/phaseId', ids: ['api'] }] });

    // auto-pick gives the web session its own team's phase, not the backend's least-slack one
    const picked = await claim(web);
    expect(picked.status).toBe(201);
    expect(picked.body).toMatchObject({ phaseId: 'docs', team: 'front' });
    const busy = await claim(web, { phaseId: 'tidy' });
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'session_busy', details: [{ ids: ['docs'] }] });
    expect((await claim(web)).body.code).toBe('session_busy');

    expect((await claim(b1, { phaseId: 'schema' })).status).toBe(201);
    expect((await claim(b2, { phaseId: 'tidy' })).status).toBe(201);
    const full = await claim(b2, { phaseId: 'extra' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('team_at_capacity');
    expect(full.body.details[0].ids.sort()).toEqual(['schema', 'tidy']);

    // the web session finishes docs, then takes a backend phase on purpose: allowed with a reason, logged, and counted on its own team
    await call('POST', `/plans/${planId}/sessions/${b2}/events`, { type: 'completed', phaseId: 'tidy' });
    expect((await call('POST', `/plans/${planId}/sessions/${web}/events`, { type: 'completed', phaseId: 'docs' })).status).toBe(201);
    const forced = await claim(web, { phaseId: 'extra', override: { reason: 'backend team is out today' } });
    expect(forced.status, JSON.stringify(forced.body)).toBe(201);
    expect(forced.body).toMatchObject({ phaseId: 'extra', team: 'front', override: 'backend team is out today' });
    const log = (await call('GET', `/plans/${planId}/event-log`)).body.items as Array<{ type: string; phaseId: string; data: Record<string, string> }>;
    expect(log.find((e) => e.type === 'claimed' && e.phaseId === 'extra')!.data).toEqual({ override: 'skill_mismatch', reason: 'backend team is out today' });
  });

  it('GET /ready is read-only, filters by session, team and skills, and explains every not-ready phase', async () => {
    const planId = (await call('POST', '/plans', INPUT)).body.planId as string;
    const b1 = await session(planId, { team: 'back' });
    const web = await session(planId, { team: 'front' });
    const all = await call('GET', `/plans/${planId}/ready`);
    expect(all.status).toBe(200);
    expect(all.body.gating).toBe('flow');
    expect(all.body.ready.map((r: { phaseId: string }) => r.phaseId).sort()).toEqual(['docs', 'extra', 'schema', 'tidy']);
    expect(all.body.notReady).toBeUndefined();
    expect((await call('GET', `/plans/${planId}/ready?team=front`)).body.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['docs']);
    expect((await call('GET', `/plans/${planId}/ready?skills=ui,x`)).body.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['docs']);
    expect((await call('GET', `/plans/${planId}/ready?session=${web}&limit=5`)).body.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['docs']);
    expect((await call('GET', `/plans/${planId}/ready?limit=1`)).body.ready).toHaveLength(1);

    await call('POST', `/plans/${planId}/claims`, { sessionId: b1, phaseId: 'schema' });
    const explained = await call('GET', `/plans/${planId}/ready?explain=1`);
    const why = Object.fromEntries(explained.body.notReady.map((n: { phaseId: string; reasons: Array<{ reason: string }> }) => [n.phaseId, n.reasons.map((r) => r.reason)]));
    expect(why).toEqual({ schema: ['phase_taken'], api: ['dependency_not_done'], page: ['dependency_not_done'] });
    const events = (await call('GET', `/plans/${planId}/event-log`)).body.items;
    expect(events).toHaveLength(1);

    expect((await call('GET', `/plans/${planId}/ready?team=nope`)).body.code).toBe('unknown_team');
    const bad = await call('GET', `/plans/${planId}/ready?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toContain('limit');
  });

  it('barrier gating: a phase of the next wave is refused wave_pending until the whole wave is completed with gates passed', async () => {
    const input: PlanInput = { ...INPUT, name: 'barrier claims', constraints: { capacityBuffer: 0, waveGating: 'barrier' } };
    const planId = (await call('POST', '/plans', input)).body.planId as string;
    const b = await session(planId, { team: 'back', claimLimit: 3 });
    const f = await session(planId, { team: 'front' });
    const report = (sid: string, type: string, phaseId: string) => call('POST', `/plans/${planId}/sessions/${sid}/events`, { type, phaseId });
    const claim = (sid: string, phaseId: string) => call('POST', `/plans/${planId}/claims`, { sessionId: sid, phaseId });
    expect((await claim(b, 'schema')).status).toBe(201);
    await report(b, 'completed', 'schema');
    await report(b, 'gate_passed', 'schema');
    const early = await claim(b, 'api');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('wave_pending');
    expect(early.body.details[0].ids.sort()).toEqual(['docs', 'extra', 'tidy']);
    expect(early.body.message).toContain('wave 1');
    for (const [sid, p] of [
      [b, 'tidy'],
      [b, 'extra'],
      [f, 'docs'],
    ] as const) {
      expect((await claim(sid, p)).status).toBe(201);
      await report(sid, 'completed', p);
    }
    expect((await claim(b, 'api')).body.code).toBe('wave_pending');
    for (const [sid, p] of [
      [b, 'tidy'],
      [b, 'extra'],
      [f, 'docs'],
    ] as const)
      await report(sid, 'gate_passed', p);
    expect((await claim(b, 'api')).status).toBe(201);
    const ready = await call('GET', `/plans/${planId}/ready?explain=1`);
    expect(ready.body.gating).toBe('barrier');
    expect(ready.body.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['page']);
  });

  it('a start-to-start successor may be claimed once its predecessor has started; a finish-to-finish one at once', async () => {
    const input: PlanInput = {
      ...INPUT,
      phases: [
        { id: 'schema', name: 'Schema', duration: 2, skills: ['api'], areas: ['db/'] },
        { id: 'api', name: 'API', duration: 3, dependencies: [{ id: 'schema', type: 'SS', lagDays: 1 }], skills: ['api'], areas: ['api/'] },
        { id: 'page', name: 'Page', duration: 3, dependencies: [{ id: 'schema', type: 'FF' }], skills: ['ui'], areas: ['web/'] },
      ],
    };
    const planId = (await call('POST', '/plans', input)).body.planId as string;
    const b1 = await session(planId, { team: 'back' });
    const b2 = await session(planId, { team: 'back' });
    const f = await session(planId, { team: 'front' });
    const claim = (sid: string, phaseId: string) => call('POST', `/plans/${planId}/claims`, { sessionId: sid, phaseId });
    const refused = await claim(b2, 'api');
    expect(refused.body.code).toBe('dependency_not_done');
    expect(refused.body.message).toContain('to start (start-to-start)');
    expect((await claim(f, 'page')).status).toBe(201);
    expect((await claim(b1, 'schema')).status).toBe(201);
    expect((await claim(b2, 'api')).body.code).toBe('dependency_not_done');
    expect((await call('POST', `/plans/${planId}/sessions/${b1}/events`, { type: 'started', phaseId: 'schema' })).status).toBe(201);
    expect((await claim(b2, 'api')).status).toBe(201);
  });
});
