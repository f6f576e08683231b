import type { CoordinationProtocols, SyncPoint } from '../../schemas/artifacts/coordination-protocols.js';
import { r2 } from '../format.js';
import { crossTeamEdges } from '../efficiency.js';
import { weeklyDates } from './plan-dates.js';
import { executionPlanId, finishDateOf, startDateOf, teamIdOf, type ArtifactContext } from './context.js';

const LIFECYCLE = {
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
  const { result, calendar } = ctx;
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

  const sync: Omit<SyncPoint, 'sync_id'>[] = [];
  for (const [u, v] of crossTeamEdges(result.reducedEdges, schedule)) {
    const from = teamIdOf(ctx, u)!;
    const to = teamIdOf(ctx, v)!;
    const areas = project.phases[u]!.areas;
    sync.push({
      kind: 'handover',
      trigger: `${id(u)} completed and its quality gate passed`,
      planned_date: calendar.finishDate(schedule.start[u]!, schedule.finish[u]!),
      planned_day: r2(schedule.finish[u]!),
      participants: [from, to],
      sessions: [sessionOf(u), sessionOf(v)],
      phases: [id(u), id(v)],
      success_criteria: [
        `${project.phases[u]!.name} delivered${areas.length > 0 ? `: ${areas.join(', ')}` : ''}`,
        `${to} accepts the hand-over before ${id(v)} starts on ${startDateOf(ctx, v)}`,
      ],
      failure_procedure: `${id(v)} is held (claims refused with sync_point_pending); ${from} fixes and re-runs the gate; blocked longer than ${esc.blockedHours} h escalates to the coordination lead`,
    });
  }
  for (const w of waves.slice(1)) {
    const prev = waves[w.index - 1]!;
    const participants = teamsOf([...prev.phases, ...w.phases]);
    sync.push({
      kind: 'wave_boundary',
      trigger: `every phase of wave ${prev.index + 1} completed`,
      planned_date: calendar.finishDate(prev.start, prev.finish),
      planned_day: r2(prev.finish),
      participants,
      sessions: prev.phases.map(sessionOf),
      phases: prev.phases.map(id),
      success_criteria: [`${prev.phases.length} phases of wave ${prev.index + 1} completed`, `quality gate gate_wave_${prev.index + 1} passed`],
      failure_procedure: `phases of wave ${w.index + 1} whose dependencies are done may still start; the gate's open items go to the weekly integration review and, past ${esc.scheduleVariancePercent} % schedule variance, to re-planning`,
    });
  }
  sync.sort((a, b) => a.planned_day - b.planned_day || a.kind.localeCompare(b.kind));
  const synchronization_points = sync.map((s, k) => ({ sync_id: `sync_${String(k + 1).padStart(3, '0')}`, ...s }));

  const communication = communicationSchedule(ctx, synchronization_points, teamsOf);

  const teamNames = project.teams.map((t) => t.id).join(', ');
  const peak = Math.max(0, ...waves.map((w) => w.maxConcurrent));
  return {
    execution_plan_id: executionPlanId(ctx),
    session_coordination: {
      heartbeat_interval_seconds: Math.max(1, Math.floor(esc.heartbeatTimeoutSeconds / 3)),
      heartbeat_timeout_seconds: esc.heartbeatTimeoutSeconds,
      max_concurrent_sessions: project.constraints.maxConcurrentSessions ?? null,
      peak_concurrent_sessions: peak,
      lifecycle: LIFECYCLE,
      sessions,
    },
    coordination_protocols: {
      synchronization_points,
      communication_schedule: communication,
      decision_hierarchy: [
        { level: 1, role: 'session', decides: ['how to do the claimed phase', 'reporting progress, blocks and gate results'], escalates_to: 'team lead' },
        { level: 2, role: `team lead (${teamNames})`, decides: ['order of the team\'s claimable phases', 'who takes a released phase', `blocks shorter than ${esc.blockedHours} h`], escalates_to: 'coordination lead' },
        { level: 3, role: 'coordination lead', decides: ['hand-over disputes between teams', 'failed quality gates', 're-planning from the current state'], escalates_to: 'steering' },
        { level: 4, role: 'steering', decides: ['scope, deadline and staffing changes', `variance beyond ${2 * esc.scheduleVariancePercent} %`], escalates_to: null },
      ],
      escalation: {
        blocked_hours: esc.blockedHours,
        schedule_variance_percent: esc.scheduleVariancePercent,
        heartbeat_timeout_seconds: esc.heartbeatTimeoutSeconds,
        source: escalationSource,
        rules: [
          { condition: `a phase blocked longer than ${esc.blockedHours} h`, action: 'escalate to the coordination lead', alert_kind: 'blocked_too_long', escalate_to_level: 3 },
          { condition: `more than ${esc.scheduleVariancePercent} % behind schedule (earned value)`, action: 'review at the next stand-up; re-plan if it persists', alert_kind: 'schedule_variance', escalate_to_level: 3 },
          { condition: `more than ${2 * esc.scheduleVariancePercent} % behind schedule`, action: 're-plan now and inform steering', alert_kind: 'schedule_variance', escalate_to_level: 4 },
          { condition: 'a quality gate fails', action: 'hold dependents; the owning team fixes and re-runs the gate', alert_kind: 'quality_gate_failed', escalate_to_level: 3 },
          { condition: `no heartbeat for ${esc.heartbeatTimeoutSeconds} s`, action: 'release the claim so another session can take the phase', alert_kind: 'session_expired', escalate_to_level: 2 },
          { condition: 'projected completion after the deadline', action: 're-plan and decide on scope or staffing', alert_kind: 'deadline_at_risk', escalate_to_level: 4 },
        ],
      },
    },
  };
}

/** Stand-ups per wave with parallel work, the weekly integration review, and a meeting per hand-over. */
function communicationSchedule(ctx: ArtifactContext, synchronization_points: SyncPoint[], teamsOf: (phases: number[]) => string[]): CoordinationProtocols['coordination_protocols']['communication_schedule'] {
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
        agenda: ['progress against planned finish per session', 'blocked sessions and their reasons', `hand-overs due (${synchronization_points.filter((s) => s.kind === 'handover' && s.planned_day >= w.start && s.planned_day <= w.finish).length} in this wave)`],
      })),
    {
      id: 'weekly_integration_review',
      kind: 'weekly_integration_review' as const,
      name: 'Weekly integration review',
      cadence: 'first working day of each week',
      duration_minutes: Math.min(90, 15 + 10 * allTeams.length),
      participants: allTeams,
      start_date: weeks[0] ?? calendar.dateOf(0),
      finish_date: weeks.at(-1) ?? calendar.dateOf(0),
      dates: weeks,
      agenda: ['schedule variance and projected completion', 'risks at high or critical level', 'quality gates passed and failed', 'decide on re-planning'],
    },
    ...synchronization_points
      .filter((s) => s.kind === 'handover')
      .map((s) => ({
        id: `handover_${s.sync_id}`,
        kind: 'handover_meeting' as const,
        name: `Hand-over ${s.phases[0]} → ${s.phases[1]}`,
        cadence: 'once, when the trigger fires',
        duration_minutes: 30,
        participants: s.participants,
        start_date: s.planned_date,
        finish_date: s.planned_date,
        agenda: s.success_criteria,
      })),
  ];
}
