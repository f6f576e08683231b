/** The project calendar of an MSPDI file as a Waveplan calendar: working weekdays and holidays. */
import type { CalendarInput } from '../schemas/plan-input.js';
import { isTrue, listOf, textOf } from './mspdi-xml.js';
import { isObject, type Source } from './source-values.js';

const DAY_MS = 86_400_000;
const MAX_HOLIDAYS = 1000;

/** Every date from one ISO date-time to another, inclusive. */
function datesBetween(from: string, to: string): string[] {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return [];
  const out: string[] = [];
  for (let t = a; t <= b && out.length <= MAX_HOLIDAYS; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function period(node: Source): { from: string; to: string } | undefined {
  const p = node.TimePeriod;
  if (!isObject(p)) return undefined;
  const from = textOf(p, 'FromDate');
  const to = textOf(p, 'ToDate');
  return from && to ? { from, to } : undefined;
}

/** Weekdays (0 = Sunday) and non-working dates of one calendar, and the working exceptions it has (which Waveplan cannot plan). */
function readCalendar(cal: Source) {
  const weekDays = listOf(cal, 'WeekDays', 'WeekDay');
  const working = new Set<number>();
  let hasWeek = false;
  const holidays = new Set<string>();
  let workingExceptions = 0;
  for (const d of weekDays) {
    const type = Number(textOf(d, 'DayType'));
    const isWorking = isTrue(textOf(d, 'DayWorking'));
    if (type >= 1 && type <= 7) {
      hasWeek = true;
      if (isWorking) working.add(type - 1);
    } else if (type === 0) {
      const p = period(d);
      if (p && !isWorking) for (const date of datesBetween(p.from, p.to)) holidays.add(date);
      else if (p) workingExceptions++;
    }
  }
  for (const e of listOf(cal, 'Exceptions', 'Exception')) {
    const p = period(e);
    // Recurring exceptions (EnteredByOccurrences with a pattern) are taken at their first period only.
    if (p && !isTrue(textOf(e, 'DayWorking'))) for (const date of datesBetween(p.from, p.to)) holidays.add(date);
    else if (p) workingExceptions++;
  }
  return { workingDays: hasWeek ? [...working].sort() : undefined, holidays, workingExceptions };
}

/** The calendar the project names (CalendarUID), completed from its base calendar. */
export function projectCalendar(project: Source, notes: string[]): CalendarInput | undefined {
  const calendars = listOf(project, 'Calendars', 'Calendar');
  const byUid = new Map(calendars.map((c) => [textOf(c, 'UID'), c]));
  const chosen = byUid.get(textOf(project, 'CalendarUID')) ?? calendars.find((c) => isTrue(textOf(c, 'IsBaseCalendar'))) ?? calendars[0];
  if (!chosen) return undefined;
  const own = readCalendar(chosen);
  const base = byUid.get(textOf(chosen, 'BaseCalendarUID'));
  const inherited = base && base !== chosen ? readCalendar(base) : undefined;
  const workingDays = own.workingDays ?? inherited?.workingDays;
  const holidays = [...new Set([...(inherited?.holidays ?? []), ...own.holidays])].sort();
  const extra = own.workingExceptions + (inherited?.workingExceptions ?? 0);
  if (extra > 0) notes.push(`${extra} calendar exception(s) that make a day working (or change its hours) were not used: Waveplan plans whole working weekdays less holidays`);
  if (holidays.length > MAX_HOLIDAYS) notes.push(`the calendar has ${holidays.length} non-working dates; the first ${MAX_HOLIDAYS} were kept`);
  const calendar: CalendarInput = {
    ...(workingDays && workingDays.length > 0 ? { workingDays } : {}),
    ...(holidays.length > 0 ? { holidays: holidays.slice(0, MAX_HOLIDAYS) } : {}),
  };
  return Object.keys(calendar).length > 0 ? calendar : undefined;
}
