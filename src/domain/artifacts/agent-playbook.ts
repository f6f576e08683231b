import type { AgentPlaybook } from '../../schemas/agent-playbook.js';
import type { Artifacts } from '../../schemas/artifacts/index.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import { areasOverlap } from '../tracking/areas.js';

export interface PlaybookSource {
  planId: string;
  version: number;
  input: PlanInput;
  artifacts: Artifacts;
}

const overlapsInTime = (a: { start_day: number; finish_day: number }, b: { start_day: number; finish_day: number }) =>
  a.start_day < b.finish_day - 1e-9 && b.start_day < a.finish_day - 1e-9;

/** What the agent sends at each step, as an MCP tool call and as the REST call behind it. */
function calls(planId: string, phaseId: string, team: string | null): AgentPlaybook['calls'] {
  const sid = '<sessionId>';
  const events = `/plans/${planId}/sessions/${sid}/events`;
  const step = (s: string, tool: string, args: Record<string, unknown>, method: string, path: string, body?: Record<string, unknown>) => ({
    step: s,
    mcp: { tool, arguments: { planId, ...args } },
    rest: { method, path, ...(body ? { body } : {}) },
  });
  const session = team ? { team } : {};
  return [
    step('register once, with your team', 'register_session', { ...session, label: `agent for ${phaseId}` }, 'POST', `/plans/${planId}/sessions`, {
      ...session,
      label: `agent for ${phaseId}`,
    }),
    step(
      'check that the phase is ready (read-only; explain says why not)',
      'ready_phases',
      { session: sid, explain: true },
      'GET',
      `/plans/${planId}/ready?session=${sid}&explain=1`,
    ),
    step('claim it', 'claim_phase', { sessionId: sid, phaseId }, 'POST', `/plans/${planId}/claims`, { sessionId: sid, phaseId }),
    step('say you started', 'report_progress', { sessionId: sid, phaseId, type: 'started' }, 'POST', events, { type: 'started', phaseId }),
    step('keep the session alive', 'heartbeat', { sessionId: sid }, 'POST', `/plans/${planId}/sessions/${sid}/heartbeat`),
    step('report progress', 'report_progress', { sessionId: sid, phaseId, type: 'progress', percent: 50 }, 'POST', events, { type: 'progress', phaseId, percent: 50 }),
    step('when blocked, say why (and unblocked when it clears)', 'report_progress', { sessionId: sid, phaseId, type: 'blocked', reason: '<why>' }, 'POST', events, {
      type: 'blocked',
      phaseId,
      reason: '<why>',
    }),
    step('when the deliverables are done', 'complete_phase', { sessionId: sid, phaseId }, 'POST', events, { type: 'completed', phaseId }),
    step('after the quality gate is judged', 'gate_passed', { sessionId: sid, phaseId, gate: '<gate>' }, 'POST', events, { type: 'gate_passed', phaseId, gate: '<gate>' }),
    step('or, if it failed', 'gate_failed', { sessionId: sid, phaseId, gate: '<gate>', reason: '<what failed>' }, 'POST', events, {
      type: 'gate_failed',
      phaseId,
      gate: '<gate>',
      reason: '<what failed>',
    }),
  ];
}

/** The brief for the agent working one phase: what to deliver, where to work and where not, what to wait for, how to report. Undefined for an unknown phase. */
export function agentPlaybook(src: PlaybookSource, phaseId: string): AgentPlaybook | undefined {
  const { input, artifacts, planId } = src;
  const inputPhase = input.phases.find((p) => p.id === phaseId);
  const plan = artifacts['execution-plan.json'];
  const entry = plan.schedule.find((s) => s.id === phaseId);
  if (!inputPhase || !entry) return undefined;
  const areasOf = new Map(input.phases.map((p) => [p.id, p.areas ?? []]));
  const slack = plan.critical_path.slack.find((s) => s.id === phaseId);
  const waves = artifacts['wave-schedules.json'];
  const gating = waves.wave_gating?.mode ?? 'flow';
  const gate = artifacts['risk-mitigation-plan.json'].quality_assurance.quality_gates.find((g) => g.wave === entry.wave);
  const coordination = artifacts['coordination-protocols.json'];

  const mustNotTouch = plan.schedule
    .filter((o) => o.id !== phaseId && (areasOf.get(o.id) ?? []).length > 0 && (overlapsInTime(o, entry) || (gating === 'flow' && o.wave === entry.wave)))
    .map((o) => ({ phase: o.id, team: o.team, areas: areasOf.get(o.id)!, start_date: o.start_date, finish_date: o.finish_date }));

  const byId = new Map(plan.schedule.map((s) => [s.id, s]));
  const waitFor: AgentPlaybook['wait_for'] = entry.dependencies.map((d) => ({
    kind: 'dependency' as const,
    id: d,
    what: `${d} (${byId.get(d)?.team ?? 'no team'}) completed${byId.get(d)?.team !== entry.team ? ' and its quality gate not failed' : ''}`,
    planned_date: byId.get(d)?.finish_date ?? entry.start_date,
  }));
  for (const sp of coordination.coordination_protocols.synchronization_points) {
    if (sp.phases.includes(phaseId) && sp.planned_day <= entry.start_day + 1e-9)
      waitFor.push({ kind: 'sync_point', id: sp.sync_id, what: sp.trigger, planned_date: sp.planned_date });
  }
  if (gating === 'barrier' && entry.wave > 1) {
    const before = waves.waves.find((w) => w.wave === entry.wave - 1);
    waitFor.push({
      kind: 'wave',
      id: `wave_${entry.wave - 1}`,
      what: `every phase of wave ${entry.wave - 1} completed with its quality gate passed (${before?.phases.map((p) => p.id).join(', ') ?? ''})`,
      planned_date: before?.finish_date ?? entry.start_date,
    });
  }
  const handsOver = plan.schedule.filter((s) => s.dependencies.includes(phaseId)).map((s) => ({ phase: s.id, team: s.team }));
  const branch = `wp/${planId}/${phaseId}`;
  return {
    plan: { id: planId, name: input.name, version: src.version, wave_gating: gating },
    phase: {
      id: phaseId,
      name: inputPhase.name,
      description: inputPhase.description ?? null,
      team: entry.team,
      team_size: entry.team_size,
      skills: inputPhase.skills ?? [],
      wave: entry.wave,
      start_date: entry.start_date,
      finish_date: entry.finish_date,
      duration_days: entry.duration_days,
      critical: entry.critical,
      slack_days: slack?.schedule_slack_days ?? 0,
    },
    deliverables: inputPhase.deliverables ?? [],
    acceptance_criteria: inputPhase.acceptanceCriteria ?? [],
    quality_gate: gate ? { gate_id: gate.gate_id, name: gate.name, exit_criteria: gate.exit_criteria } : null,
    branch,
    worktree: `git worktree add ../wp-${phaseId} -b ${branch}`,
    owns: inputPhase.areas ?? [],
    must_not_touch: mustNotTouch.filter((m) => !m.areas.every((a) => (inputPhase.areas ?? []).some((own) => areasOverlap(a, own)))),
    wait_for: waitFor,
    hands_over_to: handsOver,
    heartbeat_interval_seconds: coordination.session_coordination.heartbeat_interval_seconds,
    calls: calls(planId, phaseId, entry.team),
  };
}

const list = (items: string[], none: string) => (items.length > 0 ? items.map((i) => `- ${i}`) : [`- ${none}`]);

/** The same brief as Markdown, for an agent's prompt. */
export function agentPlaybookMarkdown(pb: AgentPlaybook): string {
  const p = pb.phase;
  const lines = [
    `# ${p.name} (${p.id})`,
    '',
    `Plan **${pb.plan.name}** v${pb.plan.version} (${pb.plan.id}), wave ${p.wave} (${pb.plan.wave_gating} gating). Team ${p.team ?? 'none'}, ${p.team_size} ${p.team_size === 1 ? 'person' : 'people'}; ` +
      `planned ${p.start_date} → ${p.finish_date} (${p.duration_days} working days)${p.critical ? ', **critical: no slack**' : `, ${p.slack_days} days of slack`}.`,
    ...(p.description ? ['', p.description] : []),
    '',
    '## Deliver',
    '',
    ...list(pb.deliverables, 'no deliverables were given in the input'),
    '',
    '## Acceptance criteria',
    '',
    ...list(pb.acceptance_criteria, 'none given in the input'),
    ...(pb.quality_gate ? ['', `Quality gate ${pb.quality_gate.gate_id} (${pb.quality_gate.name}):`, ...pb.quality_gate.exit_criteria.map((c) => `- ${c}`)] : []),
    '',
    '## Where to work',
    '',
    `- branch \`${pb.branch}\` — \`${pb.worktree}\``,
    ...list(
      pb.owns.map((a) => `you own \`${a}\``),
      'no areas were given for this phase',
    ),
    '',
    '## Do not touch (held by phases running in parallel)',
    '',
    ...list(
      pb.must_not_touch.map((m) => `${m.areas.map((a) => `\`${a}\``).join(', ')} — ${m.phase} (${m.team ?? 'no team'}, ${m.start_date} → ${m.finish_date})`),
      'no parallel phase holds an area',
    ),
    '',
    '## Wait for',
    '',
    ...list(
      pb.wait_for.map((w) => `${w.kind} ${w.id}: ${w.what} (planned ${w.planned_date})`),
      'nothing: this phase can start when the plan starts',
    ),
    ...(pb.hands_over_to.length > 0 ? ['', `Hands over to: ${pb.hands_over_to.map((h) => `${h.phase} (${h.team ?? 'no team'})`).join(', ')}.`] : []),
    '',
    '## Report with',
    '',
    `Send a heartbeat at least every ${pb.heartbeat_interval_seconds} s.`,
    '',
    '| step | MCP tool and arguments | REST |',
    '| --- | --- | --- |',
    ...pb.calls.map(
      (c) => `| ${c.step} | \`${c.mcp.tool} ${JSON.stringify(c.mcp.arguments)}\` | \`${c.rest.method} ${c.rest.path}${c.rest.body ? ` ${JSON.stringify(c.rest.body)}` : ''}\` |`,
    ),
    '',
  ];
  return lines.join('\n');
}
