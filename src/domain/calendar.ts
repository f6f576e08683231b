import type { Calendar } from './model.js';

const DAY_MS = 86_400_000;

function parseDate(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Working days ↔ calendar dates. Day 0 is the first working day on or after the start date;
 * a phase running over [s, f) in working days starts on the date of day ⌊s⌋ and finishes at the
 * end of day ⌈f⌉ − 1 (a zero-length phase finishes on its start date).
 */
export class WorkCalendar {
  private readonly working: boolean[];
  private readonly holidays: Set<string>;
  /** dates[i] is the date (ms) of working day i. */
  private readonly dates: number[] = [];

  constructor(
    readonly startDate: string,
    calendar: Calendar,
  ) {
    this.working = Array.from({ length: 7 }, (_, d) => calendar.workingDays.includes(d));
    this.holidays = new Set(calendar.holidays);
    let t = parseDate(startDate);
    while (!this.isWorking(t)) t += DAY_MS;
    this.dates.push(t);
  }

  private isWorking(ms: number): boolean {
    return this.working[new Date(ms).getUTCDay()]! && !this.holidays.has(formatDate(ms));
  }

  private dateMs(day: number): number {
    while (this.dates.length <= day) {
      let t = this.dates[this.dates.length - 1]! + DAY_MS;
      // A calendar with every day a holiday would loop forever; the input schema forbids that.
      for (let guard = 0; !this.isWorking(t) && guard < 3660; guard++) t += DAY_MS;
      this.dates.push(t);
    }
    return this.dates[day]!;
  }

  /** Date of working day ⌊day⌋ (day ≥ 0). */
  dateOf(day: number): string {
    return formatDate(this.dateMs(Math.max(0, Math.floor(day + 1e-9))));
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
    const t = parseDate(iso);
    if (t < this.dates[0]!) {
      let n = 0;
      for (let d = this.dates[0]! - DAY_MS; d >= t; d -= DAY_MS) if (this.isWorking(d)) n++;
      return -n;
    }
    let lo = 0;
    while (this.dateMs(lo) < t) lo = Math.max(1, lo * 2);
    let hi = lo;
    lo = Math.floor(lo / 2);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dateMs(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calendar days from the start date to the date of a working day (for display). */
  calendarDaysTo(day: number): number {
    return Math.round((this.dateMs(Math.max(0, Math.floor(day + 1e-9))) - parseDate(this.startDate)) / DAY_MS);
  }
}
