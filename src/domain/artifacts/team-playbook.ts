import type { CoordinationProtocols } from '../../schemas/artifacts/coordination-protocols.js';
import type { RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { finishDateOf, isCritical, startDateOf, teamIdOf, type ArtifactContext } from './context.js';
import { figure, percent, plural, r2 } from '../format.js';
import { handoverOutputs } from './sync-points.js';

/** A bullet with the given items, or what stands in for them. */
const listed = (what: string, items: string[] | undefined, none: string) => (items && items.length > 0 ? [`- ${what}: ${items.join('; ')}`] : [`- ${what}: ${none}`]);

/** What the phase hands to other teams' phases, in the hand-over's terms. */
function handOvers(ctx: ArtifactContext, j: number, team: number): string[] {
  const { project, schedule } = ctx.result;
  return project.phases[j]!.dependents.filter((d) => schedule.team[d] !== team && schedule.team[d]! >= 0).map(
    (d) => `- hand-over to ${project.phases[d]!.id} (${teamIdOf(ctx, d)}): ${handoverOutputs(ctx, j, d).join(', ') || 'the completed phase'}`,
  );
}

/** One team's playbook in Markdown: its sessions in order, what it waits for and hands over, its meetings and risks. */
export function teamPlaybook(ctx: ArtifactContext, team: number, coordination: CoordinationProtocols, risk: RiskMitigationPlan): string {
  const { project, schedule, metrics } = ctx.result;
  const t = project.teams[team]!;
  const mine = project.phases.filter((p) => schedule.team[p.index] === team).sort((a, b) => schedule.start[a.index]! - schedule.start[b.index]!);
  const slotOf = new Map(coordination.session_coordination.sessions.map((s) => [s.phase, s.session_id]));
  const load = metrics.teamLoads[team]!;
  const cp = coordination.coordination_protocols;
  const lines = [
    `# Playbook: ${t.name}`,
    '',
    `${project.name}. ${t.name} has ${t.size} people (${percent(t.availability)} available, ${figure(t.capacity)} full-time equivalents usable after hours, availability and the capacity buffer) ` +
      `and carries ${plural(mine.length, 'phase')}: ${r2(load.workDays)} person-days, ${percent(load.utilisation)} utilisation.`,
    '',
    '## Your phases',
    '',
  ];
  for (const p of mine) {
    const waits = p.dependencies.filter((d) => schedule.team[d] !== team).map((d) => `${project.phases[d]!.id} (${teamIdOf(ctx, d) ?? 'no team'})`);
    const feeds = p.dependents.filter((d) => schedule.team[d] !== team).map((d) => `${project.phases[d]!.id} (${teamIdOf(ctx, d) ?? 'no team'})`);
    lines.push(
      `### ${p.name} — ${slotOf.get(p.id)}`,
      '',
      `- ${startDateOf(ctx, p.index)} → ${finishDateOf(ctx, p.index)}, ${plural(p.teamSize, 'person', 'people')}${isCritical(ctx, p.index) ? ', **critical: no slack**' : `, ${r2(ctx.result.scheduleSlack[p.index]!)} days of slack`}`,
      `- claim with \`POST /plans/{id}/claims {"sessionId": …, "phaseId": "${p.id}"}\` once ${p.dependencies.length > 0 ? p.dependencies.map((d) => project.phases[d]!.id).join(', ') + ' are complete' : 'the plan starts'}`,
      ...(waits.length > 0 ? [`- waits for other teams: ${waits.join(', ')}`] : []),
      ...(feeds.length > 0 ? [`- hands over to: ${feeds.join(', ')}`] : []),
      ...(p.areas.length > 0 ? [`- touches: ${p.areas.join(', ')}`] : ['- touches: no areas declared']),
      ...handOvers(ctx, p.index, team),
      ...listed('deliverables', ctx.input.phases[p.index]?.deliverables, p.areas.length > 0 ? `none given; its areas stand for them (${p.areas.join(', ')})` : 'none given'),
      ...listed('acceptance criteria', ctx.input.phases[p.index]?.acceptanceCriteria, 'none given: its wave gate decides'),
      '',
    );
  }
  const meetings = cp.communication_schedule.filter((m) => m.participants.includes(t.id));
  const syncs = cp.synchronization_points.filter((s) => s.kind === 'handover' && s.participants.includes(t.id));
  const risks = risk.risk_management.risks.filter((r) => r.teams.includes(t.id));
  lines.push(
    '## Meetings and hand-overs',
    '',
    ...meetings
      .filter((m) => m.kind !== 'handover_meeting' && m.kind !== 'contract_meeting')
      .map((m) => `- ${m.name}: ${m.cadence}, ${m.duration_minutes} min, ${m.start_date} → ${m.finish_date}`),
    ...syncs.map((s) => `- ${s.sync_id} on ${s.planned_date}: ${s.trigger} (${s.participants.join(' ↔ ')})`),
    '',
    '## Risks that involve you',
    '',
    ...(risks.length > 0 ? risks.map((r) => `- **${r.level}** ${r.title}: ${r.prevention[0] ?? ''}`) : ['- none detected for this team']),
    '',
    '## Escalation',
    '',
    ...cp.escalation.rules.map((r) => `- ${r.condition}: ${r.action}`),
    '',
  );
  return lines.join('\n');
}
