import type { WaveSchedules } from '../../schemas/artifacts/wave-schedules.js';
import { plural, r2 } from '../format.js';
import { linkReady } from '../links.js';
import type { CoordinationProtocols } from '../../schemas/artifacts/coordination-protocols.js';
import type { Risk } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { phaseOutputs } from './sync-points.js';
import { executionPlanId, finishDateOf, isCritical, startDateOf, teamIdOf, type ArtifactContext } from './context.js';

const EPS = 1e-6;

/** A phase's deliverables: the input's, else its declared areas, else none; and where they come from. */
function phaseDeliverables(ctx: ArtifactContext, j: number) {
  const out = phaseOutputs(ctx, j);
  return { deliverables: out.items, deliverables_source: out.source };
}

/** Days a phase waited after its links (type and lag) and release allowed it to start: the resource wait. */
export function resourceWait(ctx: ArtifactContext, j: number): number {
  const { schedule, project } = ctx.result;
  let ready = Math.max(ctx.result.replan ? ctx.result.replan.asOfDay : 0, linkReady(project, schedule.start, schedule.finish, j));
  // Under barrier gating the wave before must finish too: that wait is the gate's, not a resource's.
  const w = ctx.result.waveOf[j]!;
  if (ctx.result.waveGating === 'barrier' && w > 0) ready = Math.max(ready, ctx.result.waves[w - 1]!.finish);
  return Math.max(0, schedule.start[j]! - ready);
}

/** The gating mode and what it means for this schedule: which waves overlap in time, and what claims check. */
function waveGating(ctx: ArtifactContext): WaveSchedules['wave_gating'] {
  const { waves, waveGating: mode = 'flow' } = ctx.result;
  const overlaps = waves.slice(1).filter((w, k) => w.start < waves[k]!.finish - EPS);
  const first = overlaps[0];
  if (mode === 'barrier') {
    return {
      mode,
      description:
        `barrier: the ${waves.length} waves run one after the other; each opens when every phase of the wave before is completed and its quality gate passed. ` +
        `The schedule keeps them apart${waves.length > 1 ? ` (wave 1 ends on day ${r2(waves[0]!.finish)}, wave 2 starts on day ${r2(waves[1]!.start)})` : ''}.`,
      overlapping_wave_pairs: overlaps.length,
      claims_enforce: 'a phase of wave N+1 is refused (409 wave_pending) until every phase of waves 1…N is completed with its quality gate passed',
    };
  }
  return {
    mode,
    description:
      `flow: waves are dependency levels, not time boxes; a phase starts when its own dependencies are done, so waves overlap in time: ${overlaps.length} of ${Math.max(0, waves.length - 1)} consecutive pairs do` +
      (first ? ` (wave ${first.index + 1} starts on day ${r2(first.start)}, before wave ${first.index} ends on day ${r2(waves[first.index - 1]!.finish)})` : '') +
      '.',
    overlapping_wave_pairs: overlaps.length,
    claims_enforce: 'a phase is claimable once its own dependencies are completed and its cross-team hand-overs have not failed their quality gate; waves do not gate claims',
  };
}

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

/** The highest level of the risks that touch the wave's phases, and their ids ('low' when none does). */
function waveRisk(phaseIds: string[], risks: Risk[]): { risk_level: (typeof LEVELS)[number]; risks: string[] } {
  const touching = risks.filter((r) => r.phases.some((p) => phaseIds.includes(p)));
  const level = touching.reduce((a, r) => Math.max(a, LEVELS.indexOf(r.level)), 0);
  return { risk_level: LEVELS[level]!, risks: touching.map((r) => r.id) };
}

type Standup = CoordinationProtocols['coordination_protocols']['communication_schedule'][number];

/** The wave's coordination: its stand-up, and the hand-overs and contracts planned within it, with their actual participants. */
function coordinationRequirements(
  waveNumber: number,
  start: number,
  finish: number,
  coordination: CoordinationProtocols,
  standups: Map<string, Standup>,
): WaveSchedules['waves'][number]['coordination_requirements'] {
  const cp = coordination.coordination_protocols;
  const standup = standups.get(`standup_wave_${waveNumber}`);
  // Sync points are sorted by planned day: the wave's are one stretch of them.
  const points = cp.synchronization_points;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.planned_day < start - EPS) lo = mid + 1;
    else hi = mid;
  }
  const within: typeof points = [];
  for (let k = lo; k < points.length && points[k]!.planned_day <= finish + EPS; k++) if (points[k]!.kind !== 'wave_boundary') within.push(points[k]!);
  return [
    ...(standup
      ? [{ type: 'daily_standup' as const, frequency: standup.cadence, participants: standup.participants, duration_minutes: standup.duration_minutes, sync_id: null }]
      : []),
    ...within.map((s) => ({
      type: s.kind === 'handover' ? ('handover' as const) : ('contract' as const),
      frequency: `once, on ${s.planned_date}`,
      participants: s.participants,
      duration_minutes: s.duration_minutes,
      sync_id: s.sync_id,
    })),
  ];
}

/** wave-schedules.json: each wave with dates, phases, teams and sessions, success criteria, blocking factors, risk level and coordination. */
export function waveSchedules(ctx: ArtifactContext, sessionOf: (j: number) => string, risks: Risk[], coordination: CoordinationProtocols): WaveSchedules {
  const { result, calendar } = ctx;
  const { project, schedule } = result;
  const standups = new Map(coordination.coordination_protocols.communication_schedule.filter((m) => m.kind === 'daily_standup').map((m) => [m.id, m]));
  return {
    execution_plan_id: executionPlanId(ctx),
    wave_gating: waveGating(ctx),
    waves: result.waves.map((w) => {
      const teams = [...new Set(w.phases.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))];
      const violations: { phase: string; dependency: string; reason: string }[] = [];
      let checked = 0;
      for (const j of w.phases) {
        for (const d of project.phases[j]!.dependencies) {
          checked++;
          if (result.waveOf[d]! >= w.index) violations.push({ phase: project.phases[j]!.id, dependency: project.phases[d]!.id, reason: 'dependency is not in an earlier wave' });
          else if (schedule.finish[d]! > schedule.start[j]! + EPS)
            violations.push({ phase: project.phases[j]!.id, dependency: project.phases[d]!.id, reason: 'starts before its dependency finishes' });
        }
      }
      const blocking = w.phases
        .filter((j) => result.descendants[j]! > 0)
        .sort((a, b) => result.descendants[b]! - result.descendants[a]! || a - b)
        .map((j) => ({
          kind: 'blocks_dependents' as const,
          phase: project.phases[j]!.id,
          blocks_phases: result.descendants[j]!,
          waits_days: 0,
          dependents: project.phases[j]!.dependents.map((s) => project.phases[s]!.id),
          critical: isCritical(ctx, j),
          description: `${project.phases[j]!.name} blocks ${plural(result.descendants[j]!, 'dependent phase')}${isCritical(ctx, j) ? ' and is on the critical path' : ''}`,
        }));
      const waits = w.phases
        .map((j) => ({ j, wait: resourceWait(ctx, j) }))
        .filter((x) => x.wait > EPS)
        .map(({ j, wait }) => ({
          kind: 'resource_wait' as const,
          phase: project.phases[j]!.id,
          blocks_phases: result.descendants[j]!,
          waits_days: r2(wait),
          dependents: project.phases[j]!.dependents.map((s) => project.phases[s]!.id),
          critical: isCritical(ctx, j),
          description: `${project.phases[j]!.name} waits ${r2(wait)} working days for ${teamIdOf(ctx, j) ?? 'a shared resource'} or shared infrastructure after its dependencies finish`,
        }));
      const effort = w.phases.reduce((a, j) => a + (schedule.finish[j]! - schedule.start[j]!) * project.phases[j]!.demand, 0);
      return {
        wave_id: `wave_${w.index + 1}`,
        wave: w.index + 1,
        kind: w.kind,
        name: `${w.kind === 'foundation' ? 'Foundation' : w.kind === 'integration' ? 'Integration' : 'Parallel'} wave ${w.index + 1}`,
        start_date: calendar.dateOf(w.start),
        finish_date: calendar.finishDate(w.start, w.finish),
        start_day: r2(w.start),
        finish_day: r2(w.finish),
        duration_days: r2(w.finish - w.start),
        max_concurrent_sessions: w.maxConcurrent,
        effort_person_days: r2(effort),
        teams,
        ...waveRisk(
          w.phases.map((j) => project.phases[j]!.id),
          risks,
        ),
        coordination_requirements: coordinationRequirements(w.index + 1, w.start, w.finish, coordination, standups),
        phases: w.phases.map((j) => ({
          id: project.phases[j]!.id,
          name: project.phases[j]!.name,
          team: teamIdOf(ctx, j),
          session_id: sessionOf(j),
          team_size: project.phases[j]!.teamSize,
          start_date: startDateOf(ctx, j),
          finish_date: finishDateOf(ctx, j),
          start_day: r2(schedule.start[j]!),
          finish_day: r2(schedule.finish[j]!),
          critical: isCritical(ctx, j),
          dependencies: project.phases[j]!.dependencies.map((d) => project.phases[d]!.id),
          ...phaseDeliverables(ctx, j),
        })),
        success_criteria: [
          `All ${plural(w.phases.length, 'phase')} of the wave completed by ${calendar.finishDate(w.start, w.finish)}`,
          `Quality gate of wave ${w.index + 1} passed (deliverables reviewed, integration tests green)`,
          ...w.phases
            .filter((j) => project.phases[j]!.dependents.some((s) => result.waveOf[s]! > w.index))
            .slice(0, 20)
            .map((j) => `${project.phases[j]!.name} handed over to ${project.phases[j]!.dependents.map((s) => project.phases[s]!.id).join(', ')}`),
        ],
        blocking_factors: [...blocking, ...waits],
        dependency_validation: { valid: violations.length === 0, dependencies_checked: checked, violations },
      };
    }),
  };
}
