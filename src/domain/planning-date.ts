/**
 * The date a version is planned on (execution-plan.json → planning_date): a re-plan's as-of
 * date, else the caller's today. The domain has no clock: callers pass today in, as YYYY-MM-DD.
 */
export function planningDateOf(input: { progress?: { asOf?: string } | undefined }, today: string): string {
  return input.progress?.asOf ?? today;
}

/** Today in UTC as YYYY-MM-DD, from a clock the caller owns. */
export const utcDate = (now: Date) => now.toISOString().slice(0, 10);
