import type { Calendar } from './model.js';
import { PlanInputError } from './errors.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
function epochDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** The last date a plan may reach: dates are written as YYYY-MM-DD. */
const LAST_DAY = epochDay('9999-12-31');

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday (0 = Sunday) of an epoch day: 1970-01-01 was a Thursday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** Index of the first element of a sorted array that is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days ↔ calendar dates. Day 0 is the first working day on or after the start date;
 * a phase running over [s, f) in working days starts on the date of day ⌊s⌋ and finishes at the
 * end of day ⌈f⌉ − 1 (a zero-length phase finishes on its start date).
 *
 * Closed form, not a walk: the working days in a span are its whole weeks times the working
 * weekdays, plus the rest of a week, less the holidays in it (binary search); a date from a day
 * number is a binary search over that count. Any span costs O(log span · log holidays), so a far
 * date or a very long plan cannot hold the thread.
 */
export class WorkCalendar {
  private readonly working: boolean[];
  private readonly perWeek: number;
  /** Holidays that fall on working weekdays, as sorted epoch days. */
  private readonly holidays: number[];
  /** Epoch day of working day 0. */
  private readonly first: number;

  constructor(
    readonly startDate: string,
    calendar: Calendar,
  ) {
    this.working = Array.from({ length: 7 }, (_, d) => calendar.workingDays.includes(d));
    this.perWeek = this.working.filter(Boolean).length;
    this.holidays = [...new Set(calendar.holidays.map(epochDay))].filter((d) => this.working[weekday(d)]).sort((a, b) => a - b);
    let t = epochDay(startDate);
    // A calendar with every day a holiday would never start; the input schema forbids that.
    for (let guard = 0; !this.isWorking(t) && guard < 7 * (this.holidays.length + 2); guard++) t++;
    this.first = t;
  }

  private isWorking(day: number): boolean {
    return this.working[weekday(day)]! && this.holidays[lowerBound(this.holidays, day)] !== day;
  }

  /** Working days in the epoch-day span [a, b). */
  private countBetween(a: number, b: number): number {
    if (b <= a) return 0;
    const weeks = Math.floor((b - a) / 7);
    let n = weeks * this.perWeek;
    for (let d = a + weeks * 7; d < b; d++) if (this.working[weekday(d)]) n++;
    return n - (lowerBound(this.holidays, b) - lowerBound(this.holidays, a));
  }

  private dayNumber(day: number): number {
    if (day <= 0) return this.first;
    // The day-th working day after the first is the smallest t with day + 1 working days in [first, t].
    let lo = this.first;
    let hi = this.first + Math.ceil((day + 1 + this.holidays.length) / this.perWeek) * 7 + 7;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.countBetween(this.first, mid + 1) < day + 1) lo = mid + 1;
      else hi = mid;
    }
    if (lo > LAST_DAY) {
      throw new PlanInputError('plan_too_long', [
        { code: 'plan_too_long', path: '/phases', message: `the plan would run past 9999-12-31 (working day ${day}); shorten the phases or the chain of dependencies` },
      ]);
    }
    return lo;
  }

  /** Date of working day ⌊day⌋ (day ≥ 0). */
  dateOf(day: number): string {
    return formatDay(this.dayNumber(Math.max(0, Math.floor(day + 1e-9))));
  }

  /** Date on which work over [start, finish) ends. */
  finishDate(start: number, finish: number): string {
    if (finish - start <= 1e-9) return this.dateOf(start);
    return this.dateOf(Math.ceil(finish - 1e-9) - 1);
  }

  /**
   * Working day index of a date: the count of working days before it. A date that is not
   * a working day maps to the next working day; dates before the start give negative values.
   */
  dayOf(iso: string): number {
    const t = epochDay(iso);
    return t >= this.first ? this.countBetween(this.first, t) : 0 - this.countBetween(t, this.first);
  }

  /** The finish (in working days from day 0) of work that ends at the end of a date: the working days up to and including it. */
  endOfDate(iso: string): number {
    return this.dayOf(formatDay(epochDay(iso) + 1));
  }

  /** Calendar days from the start date to the date of a working day (for display). */
  calendarDaysTo(day: number): number {
    return this.dayNumber(Math.max(0, Math.floor(day + 1e-9))) - epochDay(this.startDate);
  }
}
