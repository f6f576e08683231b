import { initialPhaseState, type PhaseState, type TrackingEvent } from './events.js';

/** Applies one event to a phase's state (a pure reducer). */
export function applyEvent(s: PhaseState, e: TrackingEvent): PhaseState {
  switch (e.type) {
    case 'claimed':
      return { ...s, status: 'claimed', sessionId: e.sessionId, claimedAt: e.occurredAt, blockedSince: null, blockedReason: null };
    case 'started':
      return { ...s, status: 'in_progress', startedAt: s.startedAt ?? e.occurredAt };
    case 'progress':
      return { ...s, status: s.status === 'claimed' ? 'in_progress' : s.status, startedAt: s.startedAt ?? e.occurredAt, percent: e.data.percent ?? s.percent };
    case 'blocked':
      return { ...s, status: 'blocked', blockedSince: s.blockedSince ?? e.occurredAt, blockedReason: e.data.reason ?? null };
    case 'unblocked':
      return { ...s, status: s.startedAt ? 'in_progress' : 'claimed', blockedSince: null, blockedReason: null };
    case 'completed':
      return { ...s, status: 'completed', completedAt: e.occurredAt, startedAt: s.startedAt ?? s.claimedAt ?? e.occurredAt, percent: 100, blockedSince: null, blockedReason: null };
    case 'gate_passed':
      return { ...s, gate: 'passed' };
    case 'gate_failed':
      return { ...s, gate: 'failed', gateFailures: s.gateFailures + 1 };
    case 'released':
    case 'expired':
    case 'failed':
    case 'heartbeat_lost':
      // The phase goes back to the pool; what was learnt about its gate stays.
      return { ...initialPhaseState(), gate: s.gate, gateFailures: s.gateFailures };
  }
}

/** Folds the event log (in id order) into the state of every phase it mentions. */
export function replay(events: readonly TrackingEvent[]): Map<string, PhaseState> {
  const states = new Map<string, PhaseState>();
  for (const e of events) {
    if (e.phaseId === null) continue;
    states.set(e.phaseId, applyEvent(states.get(e.phaseId) ?? initialPhaseState(), e));
  }
  return states;
}
