import type { EventType, PhaseState } from './events.js';

export interface TimelineRefusal {
  reason: 'before_project_start' | 'before_dependency_completed' | 'before_claim' | 'out_of_order';
  message: string;
  ids: string[];
}

const EARLIEST_BEFORE_START_MS = 365 * 86_400_000;

/** The latest moment already on a phase's record (claim, start, block or completion). */
function latestOf(s: PhaseState | undefined): string | null {
  if (!s) return null;
  const times = [s.claimedAt, s.startedAt, s.blockedSince, s.completedAt].filter((t): t is string => t !== null);
  return times.length ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

/**
 * Whether a report dated `at` fits the plan's timeline as the event log tells it: nothing
 * happens more than a year before the project's start date, a phase is not claimed before every dependency
 * completed, and nothing of a phase is reported earlier than what is already on its record (a
 * completion before its own claim or start). Undated reports happen now, which always fits
 * unless the clock itself is behind the log — then the log wins and the report is refused too.
 */
export function timelineRefusal(
  e: { type: EventType | 'claimed'; phaseId: string; at: string },
  ctx: { startDate: string; states: ReadonlyMap<string, PhaseState>; dependencies: readonly string[] },
): TimelineRefusal | undefined {
  const at = Date.parse(e.at);
  // Work may begin before the planned start; a report dated a year before it is a wrong clock.
  if (at < Date.parse(`${ctx.startDate}T00:00:00Z`) - EARLIEST_BEFORE_START_MS) {
    return {
      reason: 'before_project_start',
      message: `${e.type} of ${e.phaseId} is dated ${e.at}, more than a year before the project starts on ${ctx.startDate}`,
      ids: [e.phaseId],
    };
  }
  if (e.type === 'claimed') {
    const late = ctx.dependencies.filter((d) => {
      const done = ctx.states.get(d)?.completedAt;
      return done !== null && done !== undefined && Date.parse(done) > at;
    });
    if (late.length > 0) {
      return { reason: 'before_dependency_completed', message: `${e.phaseId} cannot be claimed at ${e.at}: ${late.join(', ')} completed later than that`, ids: late };
    }
    return undefined;
  }
  const latest = latestOf(ctx.states.get(e.phaseId));
  if (latest !== null && Date.parse(latest) > at) {
    const claimedAt = ctx.states.get(e.phaseId)?.claimedAt;
    const reason = claimedAt && Date.parse(claimedAt) > at ? 'before_claim' : 'out_of_order';
    return { reason, message: `${e.type} of ${e.phaseId} is dated ${e.at}, earlier than what its record already holds (${latest})`, ids: [e.phaseId] };
  }
  return undefined;
}
