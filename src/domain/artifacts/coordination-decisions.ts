import type { CoordinationProtocols } from '../../schemas/artifacts/coordination-protocols.js';
import { list, plural } from '../format.js';
import { isCritical, type ArtifactContext } from './context.js';
import { qualityGates } from './quality-gates.js';
import { saturatedPools } from './resource-constraints.js';
import { sharedAreas } from './shared-work.js';

type Protocols = CoordinationProtocols['coordination_protocols'];

/** Who decides what, from the input's roles where given, else documented defaults derived from the plan. */
export function decisionMaking(ctx: ArtifactContext): Protocols['decision_making'] {
  const { project } = ctx.result;
  const roles = ctx.input.coordination?.decisionRoles ?? {};
  const criteria = ctx.input.coordination?.escalationCriteria ?? {};
  const esc = project.constraints.escalation;
  const reviewers = [...new Set(qualityGates(ctx).flatMap((g) => g.review_by))];
  const shared = sharedAreas(ctx);
  const pools = saturatedPools(ctx).map((k) => project.infrastructure[k]!.id);
  const critical = project.phases.filter((p) => isCritical(ctx, p.index)).map((p) => p.id);
  const role = (given: string | undefined, fallback: string) => (given !== undefined ? { role: given, source: 'input' as const } : { role: fallback, source: 'default' as const });
  const rule = (given: string | undefined, fallback: string) =>
    given !== undefined ? { criterion: given, source: 'input' as const } : { criterion: fallback, source: 'default' as const };
  return {
    decision_types: {
      technical_decisions: role(
        roles.technical,
        `lead of the team owning the phase (${project.teams.map((t) => t.id).join(', ')})${shared.length > 0 ? `; ${plural(shared.length, 'shared area')} decided by their teams together` : ''}`,
      ),
      coordination_decisions: role(roles.coordination, 'coordination lead'),
      resource_decisions: role(
        roles.resource,
        `steering, for ${plural(project.teams.length, 'team')}${project.infrastructure.length > 0 ? ` and ${plural(project.infrastructure.length, 'pool')}` : ''}`,
      ),
      quality_decisions: role(roles.quality, reviewers.length > 0 ? `gate reviewers: ${reviewers.join(', ')}` : 'coordination lead'),
    },
    escalation_criteria: {
      technical_conflicts: rule(criteria.technicalConflicts, `unresolved after ${esc.blockedHours} h of a blocked session`),
      resource_conflicts: rule(
        criteria.resourceConflicts,
        pools.length + shared.length > 0
          ? `a claim refused on ${list([...pools.map((p) => `pool ${p}`), ...shared.map((s) => `area ${s.area}`)], 4)}, or any conflict affecting two teams`
          : 'a conflict affecting two teams',
      ),
      timeline_impacts: rule(criteria.timelineImpacts, `a slip of a critical phase (${list(critical, 4)}) or more than ${esc.scheduleVariancePercent} % behind schedule`),
    },
  };
}

/** The decision hierarchy, each level naming what it decides in this plan. */
export function decisionHierarchy(ctx: ArtifactContext): Protocols['decision_hierarchy'] {
  const { project, waves } = ctx.result;
  const esc = project.constraints.escalation;
  const teamNames = project.teams.map((t) => t.id).join(', ');
  return [
    {
      level: 1,
      role: 'session',
      decides: [`how to do its claimed phase (one of ${project.phases.length})`, 'reporting progress, blocks and gate results'],
      escalates_to: 'team lead',
    },
    {
      level: 2,
      role: `team lead (${teamNames})`,
      decides: [`order of the team's claimable phases`, 'who takes a released phase', `blocks shorter than ${esc.blockedHours} h`],
      escalates_to: 'coordination lead',
    },
    {
      level: 3,
      role: 'coordination lead',
      decides: ['hand-over disputes between teams', `failed gates of the ${waves.length} waves`, 're-planning from the current state'],
      escalates_to: 'steering',
    },
    {
      level: 4,
      role: 'steering',
      decides: [
        `scope, staffing${project.constraints.deadline ? ` and the deadline ${project.constraints.deadline}` : ''}`,
        `variance beyond ${2 * esc.scheduleVariancePercent} %`,
      ],
      escalates_to: null,
    },
  ];
}

/** The escalation rules with their thresholds and what they touch in this plan. */
export function escalationRules(ctx: ArtifactContext): Protocols['escalation']['rules'] {
  const { project } = ctx.result;
  const esc = project.constraints.escalation;
  const critical = project.phases.filter((p) => isCritical(ctx, p.index)).map((p) => p.id);
  return [
    {
      condition: `a phase blocked longer than ${esc.blockedHours} h`,
      action: `escalate to the coordination lead; first the ${plural(critical.length, 'critical phase')}`,
      alert_kind: 'blocked_too_long',
      escalate_to_level: 3,
    },
    {
      condition: `more than ${esc.scheduleVariancePercent} % behind schedule (earned value)`,
      action: `review at the next stand-up; re-plan if it persists past ${2 * esc.scheduleVariancePercent} %`,
      alert_kind: 'schedule_variance',
      escalate_to_level: 3,
    },
    {
      condition: `more than ${2 * esc.scheduleVariancePercent} % behind schedule`,
      action: `re-plan now and inform steering (${critical.slice(0, 3).join(', ')} first)`,
      alert_kind: 'schedule_variance',
      escalate_to_level: 4,
    },
    {
      condition: `one of ${plural(ctx.result.waves.length, 'wave gate')} fails`,
      action: 'hold dependents; the owning team fixes and re-runs the gate',
      alert_kind: 'quality_gate_failed',
      escalate_to_level: 3,
    },
    {
      condition: `no heartbeat for ${esc.heartbeatTimeoutSeconds} s`,
      action: `release the claim so another session of the team can take the phase`,
      alert_kind: 'session_expired',
      escalate_to_level: 2,
    },
    {
      condition: project.constraints.deadline ? `projected completion after ${project.constraints.deadline}` : 'projected completion past the P80 date',
      action: `re-plan and decide on scope or staffing of ${critical.slice(0, 3).join(', ') || 'the critical phases'}`,
      alert_kind: 'deadline_at_risk',
      escalate_to_level: 4,
    },
  ];
}

/** The mechanisms the service offers to keep sessions in step, with this plan's figures. */
export function stateSynchronization(ctx: ArtifactContext, heartbeatInterval: number): CoordinationProtocols['session_coordination']['state_synchronization'] {
  const { project } = ctx.result;
  const esc = project.constraints.escalation;
  const shared = sharedAreas(ctx).length;
  const pools = project.infrastructure.length;
  const n = project.phases.length;
  return {
    mechanisms: [
      {
        mechanism: 'claims',
        endpoint: 'POST /plans/{id}/claims',
        description: `one session holds each of the ${n} phases at a time; ${plural(shared, 'shared area')} and ${plural(pools, 'pool')} are checked at every claim`,
      },
      {
        mechanism: 'heartbeats',
        endpoint: 'POST /plans/{id}/sessions/{sessionId}/heartbeat',
        description: `every ${heartbeatInterval} s; a session silent for ${esc.heartbeatTimeoutSeconds} s loses its claim`,
      },
      { mechanism: 'event_log', endpoint: 'GET /plans/{id}/event-log', description: `append-only: claims, progress, blocks, completions and gate results of the ${n} phases` },
      {
        mechanism: 'event_stream',
        endpoint: 'GET /plans/{id}/events',
        description: `Server-Sent Events of every state change and alert, for the ${project.teams.length} teams' dashboards`,
      },
      {
        mechanism: 'webhooks',
        endpoint: 'POST /plans/{id}/webhooks',
        description: 'signed POSTs of chosen event types to an orchestrator; present when the service runs on PostgreSQL (the embedded database answers 503)',
      },
    ],
    conflict_detection: `claims refused with area_locked, team_at_capacity or sync_point_pending; blocks over ${esc.blockedHours} h raise blocked_too_long`,
    conflict_resolution: 'escalation by the rules of coordination_protocols.escalation; re-plan from the event log (POST /plans/{id}/replan)',
  };
}
