/** What sessions report about a phase. Stored append-only; all tracking state is derived from them. */
export type EventType =
  'claimed' | 'started' | 'progress' | 'blocked' | 'unblocked' | 'completed' | 'gate_passed' | 'gate_failed' | 'released' | 'expired' | 'failed' | 'heartbeat_lost';

export interface TrackingEvent {
  id: number;
  phaseId: string | null;
  sessionId: string | null;
  type: EventType;
  data: { percent?: number; reason?: string; gate?: string; /** Set on a claim taken despite a refusal (skill_mismatch), with the reason given. */ override?: string };
  /** ISO timestamp of when it happened (as reported). */
  occurredAt: string;
}

export type PhaseStatus = 'pending' | 'claimed' | 'in_progress' | 'blocked' | 'completed';

export interface PhaseState {
  status: PhaseStatus;
  sessionId: string | null;
  claimedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  percent: number;
  blockedSince: string | null;
  blockedReason: string | null;
  /** Latest quality-gate verdict on this phase's deliverable. */
  gate: 'none' | 'passed' | 'failed';
  gateFailures: number;
}

export const initialPhaseState = (): PhaseState => ({
  status: 'pending',
  sessionId: null,
  claimedAt: null,
  startedAt: null,
  completedAt: null,
  percent: 0,
  blockedSince: null,
  blockedReason: null,
  gate: 'none',
  gateFailures: 0,
});
