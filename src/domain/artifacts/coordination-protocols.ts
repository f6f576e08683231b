import type { CoordinationProtocols, SyncPoint } from '../../schemas/artifacts/coordination-protocols.js';
import { plural, r2 } from '../format.js';
import { decisionHierarchy, decisionMaking, escalationRules, stateSynchronization } from './coordination-decisions.js';
import { synchronizationPoints } from './sync-points.js';
import { weeklyDates } from './plan-dates.js';
import { executionPlanId, finishDateOf, startDateOf, teamIdOf, type ArtifactContext } from './context.js';

const LIFECYCLE: CoordinationProtocols['session_coordination']['lifecycle'] = {
  states: ['registered', 'claimed', 'in_progress', 'blocked', 'completed', 'released', 'expired'],
  transitions: [
    { from: 'registered', to: 'claimed', event: 'claimed', endpoint: 'POST /plans/{id}/claims' },
    { from: 'claimed', to: 'in_progress', event: 'started', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'in_progress', to: 'in_progress', event: 'progress', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'in_progress', to: 'blocked', event: 'blocked', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'blocked', to: 'in_progress', event: 'unblocked', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'in_progress', to: 'completed', event: 'completed', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'completed', to: 'completed', event: 'gate_passed | gate_failed', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'claimed', to: 'released', event: 'released', endpoint: 'POST /plans/{id}/sessions/{sessionId}/events' },
    { from: 'in_progress', to: 'expired', event: 'heartbeat_lost', endpoint: 'POST /plans/{id}/sessions/{sessionId}/heartbeat (missed)' },
  ],
};

/** coordination-protocols.json: sessions and their lifecycle, sync points, meetings, decisions and escalation. */
export function coordinationProtocols(ctx: ArtifactContext, sessionOf: (j: number) => string, escalationSource: Record<string, 'input' | 'default'>): CoordinationProtocols {
  const { result } = ctx;
  const { project, schedule, waves, waveOf } = result;
  const id = (j: number) => project.phases[j]!.id;
  const esc = project.constraints.escalation;
  const teamsOf = (phases: number[]) => [...new Set(phases.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))];

  const byStart = project.phases.map((p) => p.index).sort((a, b) => sessionOf(a).localeCompare(sessionOf(b)));
  const sessions = byStart.map((j) => ({
    session_id: sessionOf(j),
    phase: id(j),
    phase_name: project.phases[j]!.name,
    team: teamIdOf(ctx, j),
    wave: waveOf[j]! + 1,
    start_date: startDateOf(ctx, j),
    finish_date: finishDateOf(ctx, j),
    start_day: r2(schedule.start[j]!),
    finish_day: r2(schedule.finish[j]!),
    waits_for: project.phases[j]!.dependencies.map(sessionOf),
    unblocks: project.phases[j]!.dependents.map(sessionOf),
    areas: project.phases[j]!.areas,
  }));

  const synchronization_points = synchronizationPoints(ctx, sessionOf, teamsOf);

  const communication = communicationSchedule(ctx, synchronization_points, teamsOf);

  const heartbeatInterval = Math.max(1, Math.floor(esc.heartbeatTimeoutSeconds / 3));
  const peak = Math.max(0, ...waves.map((w) => w.maxConcurrent));
  return {
    execution_plan_id: executionPlanId(ctx),
    session_coordination: {
      heartbeat_interval_seconds: heartbeatInterval,
      heartbeat_timeout_seconds: esc.heartbeatTimeoutSeconds,
      max_concurrent_sessions: project.constraints.maxConcurrentSessions ?? null,
      peak_concurrent_sessions: peak,
      lifecycle: LIFECYCLE,
      state_synchronization: stateSynchronization(ctx, heartbeatInterval),
      sessions,
    },
    coordination_protocols: {
      synchronization_points,
      communication_schedule: communication,
      decision_hierarchy: decisionHierarchy(ctx),
      decision_making: decisionMaking(ctx),
      escalation: {
        blocked_hours: esc.blockedHours,
        schedule_variance_percent: esc.scheduleVariancePercent,
        heartbeat_timeout_seconds: esc.heartbeatTimeoutSeconds,
        source: escalationSource,
        rules: escalationRules(ctx),
      },
    },
  };
}

/** Stand-ups per wave with parallel work, the weekly integration review, and a meeting per hand-over and contract. */
function communicationSchedule(
  ctx: ArtifactContext,
  synchronization_points: SyncPoint[],
  teamsOf: (phases: number[]) => string[],
): CoordinationProtocols['coordination_protocols']['communication_schedule'] {
  const { calendar } = ctx;
  const { project, waves } = ctx.result;
  const allTeams = teamsOf(project.phases.map((p) => p.index));
  const weeks = weeklyDates(ctx);
  return [
    ...waves
      .filter((w) => w.maxConcurrent > 1)
      .map((w) => ({
        id: `standup_wave_${w.index + 1}`,
        kind: 'daily_standup' as const,
        name: `Wave ${w.index + 1} stand-up`,
        cadence: 'every working day',
        duration_minutes: Math.min(30, 5 + 3 * w.maxConcurrent),
        participants: teamsOf(w.phases),
        start_date: calendar.dateOf(w.start),
        finish_date: calendar.finishDate(w.start, w.finish),
        agenda: [
          `progress of ${plural(w.phases.length, 'session')} against their planned finish, the last on ${calendar.finishDate(w.start, w.finish)}`,
          `blocked sessions of ${teamsOf(w.phases).join(', ')} and their reasons`,
          `sync points due: ${synchronization_points.filter((s) => s.kind !== 'wave_boundary' && s.planned_day >= w.start && s.planned_day <= w.finish).length} in this wave`,
        ],
      })),
    {
      id: 'weekly_integration_review',
      kind: 'weekly_integration_review' as const,
      name: 'Weekly integration review',
      cadence: `first working day of each of ${plural(weeks.length, 'week')}`,
      duration_minutes: Math.min(90, 15 + 10 * allTeams.length),
      participants: allTeams,
      start_date: weeks[0] ?? calendar.dateOf(0),
      finish_date: weeks.at(-1) ?? calendar.dateOf(0),
      dates: weeks,
      agenda: [
        `schedule variance and projected completion against ${calendar.finishDate(0, ctx.result.schedule.makespan)}`,
        `open risks of ${allTeams.join(', ')}`,
        `results of the ${plural(waves.length, 'wave gate')} due so far`,
        `re-planning past ${project.constraints.escalation.scheduleVariancePercent} % variance`,
      ],
    },
    ...synchronization_points
      .filter((s) => s.kind !== 'wave_boundary')
      .map((s) => ({
        id: `${s.kind}_${s.sync_id}`,
        kind: s.kind === 'handover' ? ('handover_meeting' as const) : ('contract_meeting' as const),
        name: s.kind === 'handover' ? `Hand-over ${s.phases[0]} → ${s.phases[1]}` : `Contract ${s.phases[0]} ↔ ${s.phases[1]}`,
        cadence: `once, on ${s.planned_date}`,
        duration_minutes: s.duration_minutes,
        participants: s.participants,
        start_date: s.planned_date,
        finish_date: s.planned_date,
        agenda: s.success_criteria,
      })),
  ];
}
