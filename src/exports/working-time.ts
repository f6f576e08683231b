/**
 * Working days as clock times, the way scheduling tools write them: a working day is 8 hours,
 * 08:00–12:00 and 13:00–17:00; a phase starting at working day 2.5 starts at 13:00 on the date
 * of day 2, and one finishing at the end of day 4 finishes at 17:00 on that day's date.
 */
import { WorkCalendar } from '../domain/calendar.js';
import type { PlanView } from './plan-view.js';

export const HOURS_PER_DAY = 8;
export const MINUTES_PER_DAY = HOURS_PER_DAY * 60;
export const WORKING_TIMES = [
  { from: '08:00:00', to: '12:00:00' },
  { from: '13:00:00', to: '17:00:00' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The clock time of `minutes` into a working day (0–480). */
function clock(minutes: number): string {
  // Scheduling tools keep whole minutes.
  const m = Math.round(minutes);
  const wall = m <= 240 ? 8 * 60 + m : 13 * 60 + (m - 240);
  return `${pad(Math.floor(wall / 60))}:${pad(wall % 60)}:00`;
}

export interface WorkingClock {
  /** Local date-time (no zone, as MS Project writes it) at which work from working day `day` starts. */
  startAt(day: number): string;
  /** Local date-time at which work ending at working day `day` finishes (17:00 of the day before a whole day). */
  finishAt(start: number, finish: number): string;
}

export function workingClock(view: Pick<PlanView, 'startDate' | 'workingDays' | 'holidays'>): WorkingClock {
  const calendar = new WorkCalendar(view.startDate, { workingDays: view.workingDays, holidays: view.holidays });
  const at = (day: number, minutes: number) => `${calendar.dateOf(day)}T${clock(minutes)}`;
  return {
    startAt: (day) => {
      const whole = Math.floor(day + 1e-9);
      return at(whole, Math.max(0, (day - whole) * MINUTES_PER_DAY));
    },
    finishAt: (start, finish) => {
      if (finish - start <= 1e-9) return `${calendar.dateOf(start)}T${clock(Math.max(0, (start - Math.floor(start + 1e-9)) * MINUTES_PER_DAY))}`;
      const whole = Math.ceil(finish - 1e-9) - 1;
      return at(whole, Math.min(MINUTES_PER_DAY, (finish - whole) * MINUTES_PER_DAY));
    },
  };
}
