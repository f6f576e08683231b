import { overlappingAreas } from './areas.js';
import type { PhaseState } from './events.js';

export interface TrackedPhase {
  id: string;
  dependencies: string[];
  areas: string[];
  /** Team the plan assigns, null when the phase needs no team. */
  team: string | null;
  plannedStart: number;
}

export type RefusalReason = 'unknown_phase' | 'phase_taken' | 'phase_completed' | 'dependency_not_done' | 'sync_point_pending' | 'area_locked';

export interface Refusal {
  reason: RefusalReason;
  message: string;
  /** The phases (or areas) behind the refusal. */
  ids: string[];
}

export interface ClaimContext {
  phases: Map<string, TrackedPhase>;
  states: Map<string, PhaseState>;
}

const isLive = (s: PhaseState | undefined) => s !== undefined && (s.status === 'claimed' || s.status === 'in_progress' || s.status === 'blocked');

/**
 * Why a phase may not be claimed now, or null when it may. A cross-team dependency is a
 * synchronisation point: it passes when the upstream phase is complete and its quality gate
 * has not failed (a failed gate holds it until a later pass).
 */
export function claimRefusal(ctx: ClaimContext, phaseId: string): Refusal | null {
  const phase = ctx.phases.get(phaseId);
  if (!phase) return { reason: 'unknown_phase', message: `phase ${phaseId} is not in the plan`, ids: [phaseId] };
  const state = ctx.states.get(phaseId);
  if (state?.status === 'completed') return { reason: 'phase_completed', message: `phase ${phaseId} is already completed`, ids: [phaseId] };
  if (isLive(state)) return { reason: 'phase_taken', message: `phase ${phaseId} is held by session ${state!.sessionId}`, ids: [phaseId] };

  const notDone = phase.dependencies.filter((d) => ctx.states.get(d)?.status !== 'completed');
  if (notDone.length > 0) {
    return { reason: 'dependency_not_done', message: `phase ${phaseId} waits for ${notDone.join(', ')} to complete`, ids: notDone };
  }
  const held = phase.dependencies.filter((d) => ctx.states.get(d)?.gate === 'failed');
  const crossTeam = held.filter((d) => ctx.phases.get(d)?.team !== phase.team);
  if (crossTeam.length > 0) {
    return {
      reason: 'sync_point_pending',
      message: `the hand-over from ${crossTeam.join(', ')} to ${phaseId} has not passed: its quality gate failed`,
      ids: crossTeam,
    };
  }
  if (held.length > 0) {
    return { reason: 'dependency_not_done', message: `${held.join(', ')} failed its quality gate and must pass it first`, ids: held };
  }
  for (const [otherId, other] of ctx.phases) {
    if (otherId === phaseId || !isLive(ctx.states.get(otherId))) continue;
    const pairs = overlappingAreas(phase.areas, other.areas);
    if (pairs.length > 0) {
      return {
        reason: 'area_locked',
        message: `phase ${phaseId} touches ${pairs.map(([a, b]) => (a === b ? a : `${a} (${b})`)).join(', ')}, locked by running phase ${otherId}`,
        ids: [otherId, ...new Set(pairs.map(([, b]) => b))],
      };
    }
  }
  return null;
}

/** Phases a session may claim now, best first: its own team's, then by planned start. */
export function claimablePhases(ctx: ClaimContext, team?: string | null): string[] {
  return [...ctx.phases.values()]
    .filter((p) => claimRefusal(ctx, p.id) === null)
    .sort((a, b) => Number(team != null && b.team === team) - Number(team != null && a.team === team) || a.plannedStart - b.plannedStart || (a.id < b.id ? -1 : 1))
    .map((p) => p.id);
}
