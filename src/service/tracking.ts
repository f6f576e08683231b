import { UnprocessableError } from '../errors.js';
import type { PlanInput, PhaseProgress } from '../schemas/plan-input.js';
import type { Db } from '../store/database.js';
import * as store from '../store/plans.js';
import * as tracking from '../store/tracking.js';
import { replay } from '../domain/tracking/replay.js';
import { trackingStatus, type PlannedPhase } from '../domain/tracking/status.js';
import { inputCapacities } from '../domain/capacity.js';
import { groupProgress } from '../domain/tracking/group-progress.js';
import { milestonesReached } from '../domain/tracking/milestones-reached.js';
import { projectCalendar } from './calendar.js';
import type { Planner } from './planner.js';

const EVALUATED_KINDS = ['schedule_variance', 'quality_gate_failed', 'blocked_too_long', 'deadline_at_risk'];

function plannedPhases(basis: tracking.PlanTrackingBasis, demand: ReadonlyMap<string, number>): PlannedPhase[] {
  return basis.schedule.map((s) => ({
    id: s.id,
    team: s.team,
    wave: s.wave,
    start: s.start,
    finish: s.finish,
    critical: s.critical,
    // Person-days as the plan counts them (capacity.ts): duration × the FTE the phase holds.
    effort: (s.finish - s.start) * (s.team ? (demand.get(s.id) ?? 1) : 0) || s.finish - s.start,
  }));
}

/** "Now" for tracking: the server clock, or the latest reported event if that is later (replayed or simulated runs). */
function defaultAsOf(events: { occurredAt: string }[]): string {
  const last = events.at(-1)?.occurredAt;
  const now = new Date().toISOString();
  return last && last > now ? last : now;
}

async function computeStatus(db: Db, workspaceId: string, planId: string, asOf: string | undefined, judging: boolean) {
  const basis = await tracking.trackingBasis(db, workspaceId, planId);
  const events = await tracking.listEvents(db, { workspaceId, planId });
  let at = asOf ?? defaultAsOf(events);
  if (judging) at = await tracking.advanceJudgedAt(db, planId, at);
  const cal = projectCalendar(basis.input);
  const escalation = basis.input.constraints?.escalation ?? {};
  const deadline = basis.input.constraints?.deadline;
  const capacities = inputCapacities(basis.input);
  const planned = plannedPhases(basis, capacities.demand);
  const states = replay(events);
  const status = trackingStatus(
    planned,
    states,
    (iso) => cal.dayOf(iso.slice(0, 10)),
    at,
    {
      scheduleVariancePercent: escalation.scheduleVariancePercent ?? 5,
      blockedHours: escalation.blockedHours ?? 4,
      deadlineDay: deadline ? cal.dayOf(deadline) + 1 : undefined,
    },
    capacities.teams,
  );
  return { basis, status, at, cal, planned, states };
}

/**
 * Raises the alerts the thresholds call for and resolves the ones no longer true, as of asOf
 * (a reported event's time) — or as of the latest moment already judged, if that is later:
 * the alert clock never runs backwards, so late reports do not make alerts flap.
 */
export async function evaluateAlerts(db: Db, workspaceId: string, planId: string, asOf?: string) {
  const computed = await computeStatus(db, workspaceId, planId, asOf, true);
  for (const a of computed.status.alerts) await tracking.raiseAlert(db, planId, a);
  await tracking.resolveAlerts(db, planId, EVALUATED_KINDS, new Set(computed.status.alerts.map((a) => `${a.kind}:${a.subject}`)));
  return computed;
}

/** The status now (judging alerts), or as of a given moment (a read-only view: alerts are left as they are). */
export async function planStatus(db: Db, workspaceId: string, planId: string, asOf?: string) {
  const { basis, status, at, cal, planned, states } =
    asOf === undefined ? await evaluateAlerts(db, workspaceId, planId) : await computeStatus(db, workspaceId, planId, asOf, false);
  const alerts = (await tracking.listAlerts(db, { workspaceId, planId })).filter((a) => a.resolvedAt === null);
  return {
    planId,
    version: basis.version,
    asOf: at,
    asOfDay: status.asOfDay,
    phases: status.phases.map((p) => ({ ...p, plannedStartDate: cal.startDate(p.plannedStart), plannedFinishDate: cal.finishDate(p.plannedStart, p.plannedFinish) })),
    waves: status.waves,
    groups: groupProgress(basis.input, planned, status.phases),
    milestones: milestonesReached(basis.input, states, new Map(planned.map((p) => [p.id, p.finish]))),
    metrics: { ...status.metrics, projectedCompletionDate: cal.finishDate(0, status.metrics.projectedMakespan) },
    alerts,
  };
}

/**
 * A new version from where things stand: completed phases keep their actual dates, running
 * ones stay with their team and session, nothing else starts before asOf, and the order of
 * the rest follows the current version so that as little as possible moves.
 */
export async function replan(db: Db, planner: Planner, workspaceId: string, planId: string, asOfDate?: string) {
  const current = await store.getVersion(db, workspaceId, planId);
  const basis = await tracking.trackingBasis(db, workspaceId, planId);
  const events = await tracking.listEvents(db, { workspaceId, planId });
  const states = replay(events);
  const asOf = asOfDate ?? defaultAsOf(events).slice(0, 10);
  const cal = projectCalendar(basis.input);
  const scheduleById = new Map(basis.schedule.map((s) => [s.id, s]));

  const progress: PhaseProgress[] = [];
  for (const p of basis.input.phases) {
    const s = states.get(p.id);
    if (!s || s.status === 'pending') continue;
    const team = scheduleById.get(p.id)?.team ?? undefined;
    const actualStart = (s.startedAt ?? s.claimedAt)!.slice(0, 10);
    if (s.status === 'completed') {
      progress.push({ id: p.id, status: 'completed', actualStart, actualFinish: s.completedAt!.slice(0, 10), ...(team ? { team } : {}) });
    } else {
      progress.push({ id: p.id, status: 'in_progress', actualStart, percentComplete: s.percent, ...(team ? { team } : {}) });
    }
  }
  const baseline = Object.fromEntries(basis.schedule.map((s) => [s.id, s.start]));
  const input: PlanInput = { ...(current.input as PlanInput), progress: { asOf, phases: progress, baseline } };
  if (cal.dayOf(asOf) < 0) {
    throw new UnprocessableError('replan_before_start', `asOf ${asOf} is before the project start`, [{ path: '/asOf', message: 'before start' }]);
  }
  const computed = await planner(input, { planId, version: current.version + 1 });
  const meta = await store.addVersion(db, {
    planId,
    workspaceId,
    expectedVersion: current.version,
    reason: 'replan',
    name: input.name,
    input,
    computed,
  });
  const moved = computed.schedule.map((s) => ({ id: s.id, from: scheduleById.get(s.id)?.start ?? s.start, to: s.start })).filter((m) => Math.abs(m.to - m.from) > 1e-9);
  return {
    planId: meta.planId,
    name: meta.name,
    version: meta.version,
    parentVersion: meta.parentVersion,
    reason: meta.reason,
    contentHash: meta.contentHash,
    createdAt: meta.createdAt.toISOString(),
    summary: meta.summary,
    input,
    artifacts: computed.artifacts,
    changes: {
      basedOnVersion: current.version,
      moved: moved.length,
      totalShiftDays: Math.round(moved.reduce((a, m) => a + Math.abs(m.to - m.from), 0) * 100) / 100,
      maxShiftDays: Math.round(Math.max(0, ...moved.map((m) => Math.abs(m.to - m.from))) * 100) / 100,
      phases: moved,
    },
  };
}
