import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';

// 2026-01-05 is a Monday: working days 0–4 are Jan 5–9.
const input: PlanInput = {
  name: 'grouped',
  startDate: '2026-01-05',
  teams: [{ id: 'devs', size: 4, skills: ['dev'] }],
  groups: [
    { id: 'backend', name: 'Backend' },
    { id: 'api', name: 'API', parent: 'backend' },
  ],
  phases: [
    { id: 'a', name: 'A', duration: 2, skills: ['dev'], group: 'api' },
    { id: 'b', name: 'B', duration: 4, skills: ['dev'], group: 'backend', dependencies: ['a'] },
    { id: 'c', name: 'C', duration: 2, skills: ['dev'], group: 'frontend' },
    { id: 'm1', name: 'Both started', duration: 0, dependencies: ['a', { id: 'c', type: 'SS' }] },
    { id: 'm2', name: 'Backend done', duration: 0, milestone: true, dependencies: ['b'] },
    { id: 'm3', name: 'Kick-off', duration: 0, milestone: true },
  ],
  constraints: { capacityBuffer: 0 },
  planning: { seed: 1, monteCarloIterations: 100 },
};

describe('tracking: group progress and milestones reached', () => {
  const server = listeningApp(() => startApp('postgres'));
  const call = server.call;
  const ok = (r: { status: number; body: unknown }) => expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);

  it('rolls progress up per group from real events and lists each milestone as reached or not, with when', async () => {
    const created = await call('POST', '/plans', input);
    expect(created.status).toBe(201);
    const planId = created.body.planId as string;
    const report = async (phaseId: string, events: [string, string, number?][]) => {
      const s = (await call('POST', `/plans/${planId}/sessions`, { label: phaseId })).body.id as string;
      ok(await call('POST', `/plans/${planId}/claims`, { sessionId: s, phaseId, at: events[0]![1] }));
      for (const [type, at, percent] of events)
        ok(await call('POST', `/plans/${planId}/sessions/${s}/events`, { type, phaseId, at, ...(percent !== undefined ? { percent } : {}) }));
    };
    await report('m3', [['completed', '2026-01-05T08:30:00Z']]);
    await report('a', [
      ['started', '2026-01-05T09:00:00Z'],
      ['completed', '2026-01-06T17:00:00Z'],
    ]);
    await report('c', [
      ['started', '2026-01-05T10:00:00Z'],
      ['progress', '2026-01-06T12:00:00Z', 50],
    ]);
    await report('b', [
      ['started', '2026-01-07T09:00:00Z'],
      ['progress', '2026-01-08T12:00:00Z', 25],
    ]);

    const status = (await call('GET', `/plans/${planId}/status?asOf=2026-01-08T18:00:00Z`)).body;
    const planned = (id: string) => status.phases.find((p: { id: string }) => p.id === id);
    expect([planned('a').plannedStart, planned('a').plannedFinish, planned('b').plannedFinish, planned('c').plannedFinish]).toEqual([0, 2, 6, 2]);
    // a (2 person-days) done, b (4) at 25 %, c (2) at 50 %. backend holds b and, through api, a: (2 + 1) / 6 = 50 %.
    // As of day 3, b (started day 2, 2 days in, 25 %) projects 2 + 2 + 6 = 10; c (4 days in, 50 %) 0 + 4 + 4 = 8.
    expect(status.groups).toEqual([
      {
        id: 'backend',
        name: 'Backend',
        parent: null,
        phases: 2,
        completed: 1,
        percent: 50,
        plannedStart: 0,
        plannedFinish: 6,
        actualStart: 0,
        actualFinish: null,
        projectedFinish: 10,
      },
      { id: 'api', name: 'API', parent: 'backend', phases: 1, completed: 1, percent: 100, plannedStart: 0, plannedFinish: 2, actualStart: 0, actualFinish: 2, projectedFinish: 2 },
      {
        id: 'frontend',
        name: 'frontend',
        parent: null,
        phases: 1,
        completed: 0,
        percent: 50,
        plannedStart: 0,
        plannedFinish: 2,
        actualStart: 0,
        actualFinish: null,
        projectedFinish: 8,
      },
    ]);
    // m1 waits for a's finish (FS) and c's start (SS): both happened, the later being a's completion.
    expect(status.milestones).toEqual([
      { id: 'm1', name: 'Both started', plannedDay: 2, reached: true, reachedAt: '2026-01-06T17:00:00.000Z', reachedBy: 'predecessors' },
      { id: 'm2', name: 'Backend done', plannedDay: 6, reached: false, reachedAt: null, reachedBy: null },
      { id: 'm3', name: 'Kick-off', plannedDay: 0, reached: true, reachedAt: '2026-01-05T08:30:00.000Z', reachedBy: 'reported' },
    ]);

    // b completes: backend is done (actual finish: b completed on Jan 9, day 4, so day 5) and m2 is reached.
    const sessions = (await call('GET', `/plans/${planId}/sessions`)).body.items as { id: string; label: string }[];
    ok(await call('POST', `/plans/${planId}/sessions/${sessions.find((s) => s.label === 'b')!.id}/events`, { type: 'completed', phaseId: 'b', at: '2026-01-09T16:00:00Z' }));
    const after = (await call('GET', `/plans/${planId}/status?asOf=2026-01-09T18:00:00Z`)).body;
    expect(after.groups[0]).toMatchObject({ id: 'backend', completed: 2, percent: 100, actualStart: 0, actualFinish: 5 });
    expect(after.milestones[1]).toEqual({ id: 'm2', name: 'Backend done', plannedDay: 6, reached: true, reachedAt: '2026-01-09T16:00:00.000Z', reachedBy: 'predecessors' });
  });
});
