import { WorkCalendar } from '../domain/calendar.js';
import { DEFAULTS } from '../domain/input.js';
import type { PlanInput } from '../schemas/plan-input.js';

/** The working-day calendar of a stored plan input, for comparing actuals with the plan. */
export function projectCalendar(input: PlanInput) {
  const cal = new WorkCalendar(input.startDate, {
    workingDays: input.calendar?.workingDays ?? [...DEFAULTS.workingDays],
    holidays: input.calendar?.holidays ?? [],
  });
  return {
    dayOf: (iso: string) => cal.dayOf(iso),
    startDate: (day: number) => cal.dateOf(day),
    finishDate: (start: number, finish: number) => cal.finishDate(start, finish),
  };
}
