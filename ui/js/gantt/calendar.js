// @ts-check
// Working days ↔ calendar days on the client, as the plan's calendar defines them (the same rule
// as src/domain/calendar.ts): day 0 is the first working day on or after the start date; a
// phase over [s, f) in working days starts on the date of day ⌊s⌋ and ends with day ⌈f⌉ − 1.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. @param {string} iso */
export const epochDay = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** The ISO date of an epoch day. @param {number} day */
export const isoDate = (day) => new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);

/** Weekday (0 = Sunday) of an epoch day. @param {number} day */
export const weekday = (day) => (((Math.floor(day) + 4) % 7) + 7) % 7;

/** @param {number} day */
export const dateOf = (day) => new Date(Math.floor(day) * DAY_MS);

/**
 * @param {string} startDate
 * @param {{ working_days: number[]; holidays: string[] }} calendar
 */
export function workCalendar(startDate, calendar) {
  const working = Array.from({ length: 7 }, (_, d) => calendar.working_days.includes(d));
  const holidays = new Set(calendar.holidays.map(epochDay));
  /** @param {number} day */
  const isWorking = (day) => working[weekday(day)] === true && !holidays.has(day);
  /** Epoch day of working day w, extended on demand. @type {number[]} */
  const days = [];
  let t = epochDay(startDate);
  /** @param {number} w */
  const nth = (w) => {
    const i = Math.max(0, Math.floor(w));
    // The schema forbids a calendar without working days; the guard only keeps a bad one finite.
    for (let guard = 0; days.length <= i && guard < 1e6; guard++, t++) if (isWorking(t)) days.push(t);
    return days[Math.min(i, days.length - 1)] ?? t;
  };
  return {
    isWorking,
    /** Calendar position (epoch days, fractional) where working day s begins. @param {number} s */
    start: (s) => {
      const w = Math.max(0, Math.floor(s + 1e-9));
      return nth(w) + Math.max(0, s - w);
    },
    /** Calendar position where work ending at working day f (exclusive) ends. @param {number} f */
    end: (f) => {
      if (f <= 1e-9) return nth(0);
      const k = Math.ceil(f - 1e-9) - 1;
      return nth(k) + Math.min(1, f - k);
    },
  };
}
