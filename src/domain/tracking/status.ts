import type { PhaseState } from './events.js';

export interface PlannedPhase {
  id: string;
  team: string | null;
  wave: number;
  start: number;
  finish: number;
  critical: boolean;
  /** Person-days: duration × team size (at least the duration, for phases with no team). */
  effort: number;
}

export interface Thresholds {
  scheduleVariancePercent: number;
  blockedHours: number;
  /** Working day of the deadline, when there is one. */
  deadlineDay?: number;
}

/** Converts an ISO timestamp to the working day (from the project start) its date falls on. */
export type DayOf = (iso: string) => number;

export interface PhaseStatusView {
  id: string;
  team: string | null;
  wave: number;
  status: PhaseState['status'];
  sessionId: string | null;
  percent: number;
  plannedStart: number;
  plannedFinish: number;
  actualStart: number | null;
  actualFinish: number | null;
  /** Actual finish, or the finish the current pace projects. */
  projectedFinish: number;
  /** projectedFinish − plannedFinish, in working days (positive = late). */
  varianceDays: number;
  blockedHours: number | null;
  gate: PhaseState['gate'];
}

export interface WaveProgress {
  wave: number;
  phases: number;
  completed: number;
  percent: number;
  plannedFinish: number;
  projectedFinish: number;
}

export interface AlertCandidate {
  kind: 'schedule_variance' | 'quality_gate_failed' | 'blocked_too_long' | 'deadline_at_risk';
  severity: 'warning' | 'critical';
  subject: string;
  message: string;
  data: Record<string, number | string>;
}

export interface TrackingStatus {
  asOfDay: number;
  phases: PhaseStatusView[];
  waves: WaveProgress[];
  metrics: {
    completedPhases: number;
    percentComplete: number;
    /** Earned-value schedule variance: (planned value − earned value) / planned value × 100 at asOf (positive = behind). */
    behindSchedulePercent: number;
    plannedMakespan: number;
    projectedMakespan: number;
    /** The seed's parallel efficiency over the finished work: (Σ durations − elapsed span) / Σ durations × 100. */
    parallelEfficiencyPercent: number;
    /** Share of active session time spent blocked. */
    coordinationOverheadPercent: number;
    /** Team → busy person-days / (FTE capacity × elapsed days) so far, percent: the plan's definition (capacity.ts). */
    utilisationPercent: Record<string, number>;
  };
  alerts: AlertCandidate[];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Compares what happened (the replayed phase states) with the plan, as of a moment, and lists
 * the alerts the thresholds raise. Times are working days from the project start; a phase that
 * started on day s and completed on day f occupied [s, f + 1).
 */
export function trackingStatus(
  planned: PlannedPhase[],
  states: Map<string, PhaseState>,
  dayOf: DayOf,
  asOf: string,
  thresholds: Thresholds,
  /** Team id → FTE capacity (capacity.ts). */
  teamCapacities: ReadonlyMap<string, number>,
): TrackingStatus {
  const asOfDay = dayOf(asOf);
  const asOfMs = Date.parse(asOf);
  const views: PhaseStatusView[] = [];
  let pv = 0;
  let ev = 0;
  let totalEffort = 0;
  let activeDays = 0;
  let blockedDays = 0;
  const busy = new Map<string, number>();
  const finishedSpans: Array<[number, number, number]> = [];

  for (const p of planned) {
    const s = states.get(p.id);
    const duration = p.finish - p.start;
    const actualStart = s?.startedAt ? dayOf(s.startedAt) : s?.claimedAt && s.status !== 'pending' ? dayOf(s.claimedAt) : null;
    const actualFinish = s?.status === 'completed' && s.completedAt ? dayOf(s.completedAt) + 1 : null;
    const percent = s?.percent ?? 0;
    let projectedFinish: number;
    if (actualFinish !== null) projectedFinish = actualFinish;
    else if (actualStart !== null) {
      const elapsed = Math.max(asOfDay + 1 - actualStart, 0);
      const remaining = percent > 0 ? (elapsed * (100 - percent)) / percent : Math.max(duration - elapsed, 0);
      projectedFinish = Math.max(asOfDay + 1, actualStart + elapsed + remaining);
    } else projectedFinish = Math.max(p.start, asOfDay) + duration;
    const blockedHours = s?.status === 'blocked' && s.blockedSince ? (asOfMs - Date.parse(s.blockedSince)) / 3_600_000 : null;

    const effortPerDay = duration > 0 ? p.effort / duration : 0;
    totalEffort += p.effort;
    pv += effortPerDay * Math.min(Math.max(asOfDay - p.start, 0), duration);
    ev += (p.effort * (actualFinish !== null ? 100 : percent)) / 100;
    if (actualStart !== null) {
      const end = actualFinish ?? asOfDay + 1;
      activeDays += end - actualStart;
      if (p.team) busy.set(p.team, (busy.get(p.team) ?? 0) + (end - actualStart) * effortPerDay);
      if (actualFinish !== null) finishedSpans.push([actualStart, actualFinish, actualFinish - actualStart]);
    }
    if (blockedHours !== null) blockedDays += blockedHours / 24;

    views.push({
      id: p.id,
      team: p.team,
      wave: p.wave,
      status: s?.status ?? 'pending',
      sessionId: s?.sessionId ?? null,
      percent,
      plannedStart: p.start,
      plannedFinish: p.finish,
      actualStart,
      actualFinish,
      projectedFinish: round(projectedFinish),
      varianceDays: round(projectedFinish - p.finish),
      blockedHours: blockedHours === null ? null : round(blockedHours, 1),
      gate: s?.gate ?? 'none',
    });
  }

  // Project the rest of the plan: a phase cannot finish before its own projection, nor
  // before the latest projected finish among earlier-planned work of its wave chain.
  const plannedMakespan = Math.max(0, ...planned.map((p) => p.finish));
  const delay = Math.max(0, ...views.filter((v) => v.status !== 'pending' || v.plannedStart < asOfDay).map((v) => v.varianceDays));
  // Once every phase has finished the actual finish is the answer, not a projection.
  const allDone = views.every((v) => v.actualFinish !== null);
  const projectedMakespan = allDone ? Math.max(0, ...views.map((v) => v.actualFinish!)) : Math.max(plannedMakespan + delay, ...views.map((v) => v.projectedFinish));

  const waves = waveProgress(planned, views);

  let parallelEfficiencyPercent = 0;
  if (finishedSpans.length > 0) {
    const sum = finishedSpans.reduce((a, [, , d]) => a + d, 0);
    const span = Math.max(...finishedSpans.map(([, f]) => f)) - Math.min(...finishedSpans.map(([s]) => s));
    parallelEfficiencyPercent = sum > 0 ? round(((sum - span) / sum) * 100, 1) : 0;
  }
  const elapsed = Math.max(asOfDay + 1 - Math.min(...planned.map((p) => p.start)), 1);
  const utilisationPercent = Object.fromEntries(
    [...teamCapacities].map(([team, capacity]) => [team, capacity > 0 ? round(((busy.get(team) ?? 0) / (capacity * elapsed)) * 100, 1) : 0]),
  );
  const behindSchedulePercent = pv > 0 ? round(((pv - ev) / pv) * 100, 1) : 0;

  const alerts = statusAlerts(views, thresholds, { behindSchedulePercent, pv, ev, projectedMakespan });

  return {
    asOfDay,
    phases: views,
    waves,
    metrics: {
      completedPhases: views.filter((v) => v.status === 'completed').length,
      percentComplete: totalEffort > 0 ? round((ev / totalEffort) * 100, 1) : 0,
      behindSchedulePercent,
      plannedMakespan: round(plannedMakespan),
      projectedMakespan: round(projectedMakespan),
      parallelEfficiencyPercent,
      coordinationOverheadPercent: activeDays > 0 ? round((blockedDays / activeDays) * 100, 1) : 0,
      utilisationPercent,
    },
    alerts,
  };
}

/** Per wave: phases, completed ones, earned share of its effort, planned and projected finish. */
function waveProgress(planned: PlannedPhase[], views: PhaseStatusView[]): TrackingStatus['waves'] {
  return [...new Set(planned.map((p) => p.wave))]
    .sort((a, b) => a - b)
    .map((w) => {
      const vs = views.filter((v) => v.wave === w);
      const effort = planned.filter((p) => p.wave === w);
      const done = vs.filter((v) => v.status === 'completed').length;
      const weight = effort.reduce((a, p) => a + p.effort, 0) || 1;
      const earned = effort.reduce((a, p) => a + (p.effort * (vs.find((v) => v.id === p.id)!.status === 'completed' ? 100 : vs.find((v) => v.id === p.id)!.percent)) / 100, 0);
      return {
        wave: w,
        phases: vs.length,
        completed: done,
        percent: round((earned / weight) * 100, 1),
        plannedFinish: Math.max(...vs.map((v) => v.plannedFinish)),
        projectedFinish: Math.max(...vs.map((v) => v.projectedFinish)),
      };
    });
}

/** The alerts the thresholds raise: schedule variance, failed gates, phases blocked too long, the deadline at risk. */
function statusAlerts(
  views: PhaseStatusView[],
  thresholds: Thresholds,
  { behindSchedulePercent, pv, ev, projectedMakespan }: { behindSchedulePercent: number; pv: number; ev: number; projectedMakespan: number },
): AlertCandidate[] {
  const alerts: AlertCandidate[] = [];
  const t = thresholds.scheduleVariancePercent;
  if (behindSchedulePercent > t) {
    alerts.push({
      kind: 'schedule_variance',
      severity: behindSchedulePercent > 2 * t ? 'critical' : 'warning',
      subject: 'plan',
      message: `${behindSchedulePercent}% behind schedule (earned ${round(ev, 1)} of ${round(pv, 1)} planned person-days); threshold ${t}%`,
      data: { behindSchedulePercent, threshold: t, plannedValue: round(pv, 2), earnedValue: round(ev, 2) },
    });
  }
  for (const v of views) {
    if (v.gate === 'failed') {
      alerts.push({
        kind: 'quality_gate_failed',
        severity: 'critical',
        subject: v.id,
        message: `quality gate failed for phase ${v.id}; dependents are held until it passes`,
        data: { phase: v.id },
      });
    }
    if (v.blockedHours !== null && v.blockedHours > thresholds.blockedHours) {
      alerts.push({
        kind: 'blocked_too_long',
        severity: 'critical',
        subject: v.id,
        message: `phase ${v.id} blocked for ${v.blockedHours} h (threshold ${thresholds.blockedHours} h): escalate`,
        data: { phase: v.id, blockedHours: v.blockedHours, threshold: thresholds.blockedHours },
      });
    }
  }
  if (thresholds.deadlineDay !== undefined && projectedMakespan > thresholds.deadlineDay) {
    alerts.push({
      kind: 'deadline_at_risk',
      severity: 'critical',
      subject: 'plan',
      message: `projected finish on working day ${round(projectedMakespan, 1)} is after the deadline (day ${thresholds.deadlineDay})`,
      data: { projectedMakespan: round(projectedMakespan, 2), deadlineDay: thresholds.deadlineDay },
    });
  }
  return alerts;
}
