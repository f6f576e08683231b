import { describe, expect, it } from 'vitest';
import { expireSessions } from '../../src/store/tracking.js';
import { suiteApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

/**
 * The heartbeat sweeper and tracking writes on one plan, racing. Before one lock order (plan row,
 * then sessions) the sweeper locked sessions then the plan while event writes locked the plan then
 * sessions: PostgreSQL broke the cycles with "deadlock detected", served as 500s.
 */
describe('the session sweeper racing claims and events', () => {
  const ctx = suiteApp('postgres');

  it('never deadlocks: every request is answered 2xx or a 4xx that names the state it met', async () => {
    const input = exampleInput();
    const planId = (await ctx().app.inject({ method: 'POST', url: '/plans', payload: input })).json().planId as string;
    const statuses: number[] = [];
    const codes = new Set<string>();
    let sweeping = true;
    const sweeper = (async () => {
      let sweeps = 0;
      while (sweeping || sweeps < 5) {
        await expireSessions(ctx().handle.db);
        sweeps++;
      }
      return sweeps;
    })();
    const agent = async (n: number) => {
      for (let round = 0; round < 6; round++) {
        // Sessions with a 1 s timeout go stale while they work, so the sweeper has work on the same plan.
        const session = await ctx().app.inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: { label: `agent-${n}`, heartbeatTimeoutSeconds: 1 } });
        statuses.push(session.statusCode);
        const sid = session.json().id as string;
        const claim = await ctx().app.inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: sid } });
        statuses.push(claim.statusCode);
        if (claim.statusCode !== 201) {
          codes.add(claim.json().code);
          continue;
        }
        const phaseId = claim.json().phaseId as string;
        for (const type of ['started', 'progress', 'completed'] as const) {
          // Odd agents go quiet past their timeout before completing; even ones beat and finish in time.
          if (type === 'completed' && n % 2 === 1) await new Promise((r) => setTimeout(r, 900 + (n % 3) * 200));
          if (type === 'completed' && n % 2 === 0) statuses.push((await ctx().app.inject({ method: 'POST', url: `/plans/${planId}/sessions/${sid}/heartbeat` })).statusCode);
          const ev = await ctx().app.inject({
            method: 'POST',
            url: `/plans/${planId}/sessions/${sid}/events`,
            payload: { type, phaseId, ...(type === 'progress' ? { percent: 50 } : {}) },
          });
          statuses.push(ev.statusCode);
          if (ev.statusCode >= 400) codes.add(ev.json().code);
        }
      }
    };
    // One holder that certainly goes quiet past its timeout (the agents' claims depend on the race).
    const quiet = await ctx().app.inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: { label: 'quiet', heartbeatTimeoutSeconds: 1 } });
    const quietClaim = await ctx().app.inject({ method: 'POST', url: `/plans/${planId}/claims`, payload: { sessionId: quiet.json().id } });
    expect(quietClaim.statusCode).toBe(201);
    await Promise.all([...Array.from({ length: 12 }, (_, n) => agent(n)), new Promise((r) => setTimeout(r, 1500))]);
    sweeping = false;
    expect(await sweeper).toBeGreaterThan(5);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // What a 4xx may say here: the session expired under it, or nothing was free to claim.
    for (const code of codes) expect(['session_not_active', 'nothing_claimable', 'not_claim_holder']).toContain(code);
    const events = await ctx().handle.db.selectFrom('phase_events').select(['type']).where('plan_id', '=', planId).execute();
    expect(events.some((e) => e.type === 'heartbeat_lost')).toBe(true);
    expect(events.some((e) => e.type === 'completed')).toBe(true);
  });
});
