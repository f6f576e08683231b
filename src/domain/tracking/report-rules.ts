import type { EventType, PhaseState } from './events.js';
import { timelineRefusal } from './timeline.js';

/** Events only the session holding the phase's claim may report. */
export const HOLDER_EVENTS: ReadonlySet<EventType> = new Set(['started', 'progress', 'blocked', 'unblocked', 'completed', 'released', 'failed']);

/** Why a report is refused: `conflict` when the phase's state forbids it now, `unprocessable` when its time contradicts the record. */
export interface ReportRefusal {
  kind: 'conflict' | 'unprocessable';
  reason: string;
  message: string;
  /** The offending field of the report. */
  path: '/phaseId' | '/type' | '/at';
  ids?: string[];
}

export interface ReportContext {
  sessionId: string;
  /** The phase's state replayed from the event log; undefined when nothing happened to it yet. */
  state: PhaseState | undefined;
  states: ReadonlyMap<string, PhaseState>;
  startDate: string;
}

/** The claim-state rules of a report, then its timeline: the first rule it breaks, or undefined. */
export function reportRefusal(e: { type: EventType; phaseId: string; at: string }, ctx: ReportContext): ReportRefusal | undefined {
  const { state } = ctx;
  const holds = state?.sessionId === ctx.sessionId && state.status !== 'completed' && state.status !== 'pending';
  if (HOLDER_EVENTS.has(e.type) && !holds) {
    return {
      kind: 'conflict',
      reason: 'not_claim_holder',
      message: `session ${ctx.sessionId} does not hold phase ${e.phaseId}; claim it first`,
      path: '/phaseId',
      ids: [e.phaseId],
    };
  }
  if ((e.type === 'gate_passed' || e.type === 'gate_failed') && state?.status !== 'completed') {
    return {
      kind: 'conflict',
      reason: 'phase_not_completed',
      message: `a quality gate is judged on a completed phase; ${e.phaseId} is ${state?.status ?? 'pending'}`,
      path: '/phaseId',
      ids: [e.phaseId],
    };
  }
  if (e.type === 'unblocked' && state?.status !== 'blocked') {
    return { kind: 'conflict', reason: 'not_blocked', message: `phase ${e.phaseId} is not blocked`, path: '/type' };
  }
  const late = timelineRefusal(e, { startDate: ctx.startDate, states: ctx.states, dependencies: [] });
  return late && { kind: 'unprocessable', reason: late.reason, message: late.message, path: '/at', ids: late.ids };
}

/** The claim status a report ends, or null when the claim stays active. */
export function endedClaimStatus(type: EventType): 'completed' | 'released' | 'failed' | null {
  return type === 'completed' || type === 'released' || type === 'failed' ? type : null;
}
