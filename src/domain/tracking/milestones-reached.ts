import { dependencyLinks, type LinkType } from '../../schemas/dependency-links.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import type { PhaseState } from './events.js';

export interface MilestoneReached {
  id: string;
  name: string;
  /** Working day the plan puts it on. */
  plannedDay: number;
  reached: boolean;
  /** When it was reached: its own completion when reported, else the latest predecessor event that satisfied its links. */
  reachedAt: string | null;
  /** reported: a session reported the milestone done; predecessors: every link's condition holds. */
  reachedBy: 'reported' | 'predecessors' | null;
}

/** A phase of the input that is a milestone: marked so, or of zero duration. */
export const isMilestone = (p: PlanInput['phases'][number]): boolean => p.milestone === true || (typeof p.duration === 'number' ? p.duration === 0 : p.duration.pessimistic === 0);

const started = (s: PhaseState | undefined) => s?.startedAt ?? (s && s.status !== 'pending' ? s.claimedAt : null);
const completed = (s: PhaseState | undefined) => (s?.status === 'completed' ? s.completedAt : null);

/**
 * The event of a predecessor a link waits for: its start for start-to-start and start-to-finish
 * links, its completion for finish-to-start and finish-to-finish ones. Lags are not waited for:
 * tracking knows when things happened, not how many working days a lag has run.
 */
const awaited = (type: LinkType, s: PhaseState | undefined) => (type === 'SS' || type === 'SF' ? started(s) : completed(s));

/**
 * Every milestone of the input, reached or not: a milestone is reached when it is reported done,
 * or when each of its predecessors has done what its link type asks. One without predecessors is
 * reached only when reported.
 */
export function milestonesReached(input: Pick<PlanInput, 'phases'>, states: ReadonlyMap<string, PhaseState>, plannedDay: ReadonlyMap<string, number>): MilestoneReached[] {
  return input.phases.filter(isMilestone).map((p) => {
    const base = { id: p.id, name: p.name, plannedDay: plannedDay.get(p.id) ?? 0 };
    const own = completed(states.get(p.id));
    if (own) return { ...base, reached: true, reachedAt: own, reachedBy: 'reported' as const };
    const links = dependencyLinks(p);
    const events = links.map((l) => awaited(l.type, states.get(l.id)));
    if (links.length === 0 || events.some((e) => !e)) return { ...base, reached: false, reachedAt: null, reachedBy: null };
    const last = (events as string[]).reduce((a, e) => (Date.parse(e) > Date.parse(a) ? e : a));
    return { ...base, reached: true, reachedAt: last, reachedBy: 'predecessors' as const };
  });
}
