import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';

/** Share of the search after which a last shorter schedule counts as found near the end. */
const LATE_SHARE = 0.8;

/** When the search found the plan's schedule and why it stopped, with what a larger budget may do. */
export function searchNote(search: ExecutionPlan['optimisation']['search'], optimal: boolean): string {
  const at = `It found this schedule at schedule ${search.best_found_at_schedule}`;
  if (search.stopped_by === 'lower_bound') return `${at} and stopped there, since none can be shorter.`;
  if (search.stopped_by === 'no_new_schedules') return `${at} and stopped when it could make no schedule it had not met before.`;
  const budget = search.stopped_by === 'iteration_budget' ? 'iteration budget (`planning.iterations`)' : 'time budget (`planning.timeBudgetMs`)';
  const stop = `${at} of ${search.schedules_evaluated} and stopped at its ${budget}`;
  if (optimal) return `${stop}.`;
  return search.best_found_at_schedule >= LATE_SHARE * search.schedules_evaluated
    ? `${stop}: it was still improving near its end, so a larger budget may shorten the plan.`
    : `${stop}; nothing shorter came in its last ${search.schedules_evaluated - search.best_found_at_schedule} schedules.`;
}
