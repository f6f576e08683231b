import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { areasOverlap } from '../../src/domain/tracking/areas.js';
import { dependencyIds } from '../../src/schemas/dependency-links.js';
import { listEvents } from '../../src/store/tracking.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { startApp, type TestContext } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

const AGENTS_PER_TEAM = 5;

type Answer = { isError?: boolean; structuredContent?: any; content: Array<{ text?: string }> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tool answers of many shapes

/** One simulated agent: registers with its team, then claims, reports, completes and passes gates until every phase is done. */
async function agent(base: string, planId: string, team: string, label: string) {
  const client = new Client({ name: label, version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Answer;
  const must = async (name: string, args: Record<string, unknown>) => {
    const r = await call(name, args);
    if (r.isError) throw new Error(`${label} ${name}: ${r.content[0]?.text}`);
    return r.structuredContent;
  };
  const session = await must('register_session', { planId, team, label, heartbeatTimeoutSeconds: 3600 });
  const done: string[] = [];
  const refusals = new Map<string, number>();
  try {
    for (let round = 0; round < 4000; round++) {
      const claimed = await call('claim_phase', { planId, sessionId: session.id });
      if (claimed.isError) {
        const err = JSON.parse(claimed.content[0]!.text!) as { code: string; message: string };
        refusals.set(err.code, (refusals.get(err.code) ?? 0) + 1);
        if (err.code === 'nothing_claimable' && err.message.startsWith('every phase')) return { done, refusals };
        if (err.code !== 'nothing_claimable') throw new Error(`${label}: unexpected refusal ${claimed.content[0]!.text}`);
        if (round % 20 === 0) await must('heartbeat', { planId, sessionId: session.id });
        await new Promise((r) => setTimeout(r, 15));
        continue;
      }
      const phaseId = claimed.structuredContent.phaseId as string;
      const ids = { planId, sessionId: session.id, phaseId };
      await must('report_progress', { ...ids, type: 'started' });
      await must('report_progress', { ...ids, type: 'progress', percent: 50 });
      await must('complete_phase', ids);
      await must('gate_passed', { ...ids, gate: 'review' });
      done.push(phaseId);
    }
    throw new Error(`${label} did not finish`);
  } finally {
    await client.close();
  }
}

interface Check {
  input: PlanInput;
  events: Awaited<ReturnType<typeof listEvents>>;
  sessionTeam: Map<string, string>;
  capacity: Map<string, number>;
  waveOf: Map<string, number>;
}

/** Replays the log in order and checks every claim against the rules at the moment it was taken. */
function violations({ input, events, sessionTeam, capacity, waveOf }: Check): string[] {
  const phases = new Map(input.phases.map((p) => [p.id, p]));
  const teams = new Map(input.teams.map((t) => [t.id, t]));
  const live = new Map<string, string>(); // phase → session
  const completed = new Set<string>();
  const gated = new Set<string>();
  const out: string[] = [];
  for (const e of events) {
    const phase = phases.get(e.phaseId!)!;
    if (e.type === 'claimed') {
      const team = sessionTeam.get(e.sessionId!)!;
      const missing = (phase.skills ?? []).filter((s) => !teams.get(team)!.skills.includes(s));
      if (missing.length) out.push(`${phase.id} claimed by team ${team} lacking ${missing.join(', ')}`);
      const held = [...live.values()].filter((s) => s === e.sessionId).length;
      if (held >= 1) out.push(`session ${e.sessionId} held ${held} phases when claiming ${phase.id}`);
      for (const d of dependencyIds(phase)) if (!completed.has(d)) out.push(`${phase.id} claimed before its dependency ${d} completed`);
      for (const other of live.keys()) {
        const clash = (phase.areas ?? []).some((a) => (phases.get(other)!.areas ?? []).some((b) => areasOverlap(a, b)));
        if (clash) out.push(`${phase.id} claimed while ${other} held an overlapping area`);
      }
      const load = [...live].filter(([, s]) => sessionTeam.get(s) === team).reduce((a, [p]) => a + Math.min(phases.get(p)!.teamSize ?? 1, capacity.get(team)!), 0);
      if (load + Math.min(phase.teamSize ?? 1, capacity.get(team)!) > capacity.get(team)!) out.push(`${phase.id} claimed with team ${team} at ${load} of ${capacity.get(team)}`);
      if (input.constraints?.waveGating === 'barrier') {
        const w = waveOf.get(phase.id)!;
        const open = input.phases.filter((p) => waveOf.get(p.id)! < w && !gated.has(p.id)).map((p) => p.id);
        if (open.length) out.push(`${phase.id} (wave ${w}) claimed before ${open.join(', ')} of an earlier wave passed`);
      }
      live.set(phase.id, e.sessionId!);
    } else if (e.type === 'completed') {
      live.delete(phase.id);
      completed.add(phase.id);
    } else if (e.type === 'gate_passed') {
      gated.add(phase.id);
    } else if (e.type === 'released' || e.type === 'heartbeat_lost' || e.type === 'failed') {
      live.delete(phase.id);
    }
  }
  return out;
}

describe('a fleet of 20 agents in 4 teams drives the example to completion through MCP', () => {
  let ctx: TestContext;
  let base = '';
  beforeAll(async () => {
    ctx = await startApp('postgres');
    base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('the log checker itself catches each kind of violation', () => {
    const input: PlanInput = {
      name: 'bad',
      startDate: '2027-01-04',
      constraints: { waveGating: 'barrier' },
      teams: [
        { id: 'a', size: 1, skills: ['x'] },
        { id: 'b', size: 1, skills: ['y'] },
      ],
      phases: [
        { id: 'p', name: 'P', duration: 1, skills: ['x'], areas: ['src/'] },
        { id: 'q', name: 'Q', duration: 1, skills: ['x'], areas: ['src/q/'] },
        { id: 'r', name: 'R', duration: 1, skills: ['y'], dependencies: ['p'] },
      ],
    };
    let id = 0;
    const ev = (type: string, phaseId: string, sessionId: string) =>
      ({ id: ++id, type, phaseId, sessionId, data: {}, occurredAt: '2027-01-04T10:00:00Z' }) as Check['events'][number];
    const found = violations({
      input,
      events: [ev('claimed', 'p', 's1'), ev('claimed', 'q', 's1'), ev('claimed', 'r', 's2')],
      sessionTeam: new Map([
        ['s1', 'a'],
        ['s2', 'a'],
      ]),
      capacity: new Map([
        ['a', 1],
        ['b', 1],
      ]),
      waveOf: new Map([
        ['p', 1],
        ['q', 1],
        ['r', 2],
      ]),
    });
    expect(found.join('\n')).toMatch(/session s1 held 1/);
    expect(found.join('\n')).toMatch(/q claimed while p held an overlapping area/);
    expect(found.join('\n')).toMatch(/team a at 1 of 1/);
    expect(found.join('\n')).toMatch(/r claimed by team a lacking y/);
    expect(found.join('\n')).toMatch(/r claimed before its dependency p/);
    expect(found.join('\n')).toMatch(/r \(wave 2\) claimed before p, q/);
  });

  for (const gating of ['flow', 'barrier'] as const) {
    it(`${gating}: every phase done once, no claim against skills, the session limit, dependencies, areas or team capacity${gating === 'barrier' ? ', and no wave opened early' : ''}`, async () => {
      const input = exampleInput();
      input.name = `fleet ${gating}`;
      input.constraints = { ...input.constraints, waveGating: gating };
      input.planning = { ...input.planning, iterations: 300, monteCarloIterations: 100 };
      const created = await ctx.app.inject({ method: 'POST', url: '/plans', payload: input });
      expect(created.statusCode).toBe(201);
      const plan = created.json();
      const planId = plan.planId as string;

      const agents = input.teams.flatMap((t) => Array.from({ length: AGENTS_PER_TEAM }, (_, k) => ({ team: t.id, label: `${t.id}-${k + 1}` })));
      expect(agents).toHaveLength(20);
      const results = await Promise.all(agents.map((a) => agent(base, planId, a.team, a.label)));

      const done = results.flatMap((r) => r.done);
      expect(done.sort()).toEqual(input.phases.map((p) => p.id).sort());
      const events = await listEvents(ctx.handle.db, {
        planId,
        workspaceId: (await ctx.handle.db.selectFrom('plans').select('workspace_id').where('id', '=', planId).executeTakeFirstOrThrow()).workspace_id,
      });
      const sessions = await ctx.handle.db.selectFrom('sessions').select(['id', 'team_id']).where('plan_id', '=', planId).execute();
      const teams = plan.artifacts['execution-plan.json'].resource_analysis.teams as Array<{ id: string; usable_capacity: number }>;
      const schedule = plan.artifacts['execution-plan.json'].schedule as Array<{ id: string; wave: number }>;
      const found = violations({
        input,
        events,
        sessionTeam: new Map(sessions.map((s) => [s.id, s.team_id!])),
        capacity: new Map(teams.map((t) => [t.id, t.usable_capacity])),
        waveOf: new Map(schedule.map((s) => [s.id, s.wave])),
      });
      expect(found).toEqual([]);
      expect(events.filter((e) => e.type === 'claimed')).toHaveLength(input.phases.length);
      // Every phase went to a team holding its skills, and the agents really competed (some were told to wait).
      expect(results.reduce((a, r) => a + (r.refusals.get('nothing_claimable') ?? 0), 0)).toBeGreaterThan(20);
      if (gating === 'barrier') {
        const waves = plan.artifacts['wave-schedules.json'];
        expect(waves.wave_gating.overlapping_wave_pairs).toBe(0);
      }
    }, 240_000);
  }
});
