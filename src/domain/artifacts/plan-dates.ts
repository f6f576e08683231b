import type { ArtifactContext } from './context.js';

/** The first working day of each calendar week (or month) the plan spans. */
function firstWorkingDays(ctx: ArtifactContext, periodOf: (date: string) => string): string[] {
  const dates: string[] = [];
  let last = '';
  for (let d = 0; d < Math.max(1, Math.ceil(ctx.result.schedule.makespan)); d++) {
    const date = ctx.calendar.dateOf(d);
    const period = periodOf(date);
    if (period !== last) dates.push(date);
    last = period;
  }
  return dates;
}

const mondayOf = (date: string) => {
  const monday = new Date(`${date}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
};

/** The first working day of each calendar week the plan spans. */
export const weeklyDates = (ctx: ArtifactContext) => firstWorkingDays(ctx, mondayOf);

/** The first working day of each calendar month the plan spans. */
export const monthlyDates = (ctx: ArtifactContext) => firstWorkingDays(ctx, (date) => date.slice(0, 7));
