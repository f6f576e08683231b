import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkCalendar } from '../../src/domain/calendar.js';
import { computePlan } from '../../src/domain/engine.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const MON_FRI = [1, 2, 3, 4, 5];

describe('WorkCalendar', () => {
  // 2027-01-04 is a Monday; 2027-01-18 (Monday) is a holiday.
  const cal = new WorkCalendar('2027-01-04', { workingDays: MON_FRI, holidays: ['2027-01-18'] });

  it('maps working days to dates, skipping weekends and holidays', () => {
    expect(cal.dateOf(0)).toBe('2027-01-04');
    expect(cal.dateOf(4)).toBe('2027-01-08'); // Friday
    expect(cal.dateOf(5)).toBe('2027-01-11'); // the weekend is skipped
    expect(cal.dateOf(9)).toBe('2027-01-15');
    expect(cal.dateOf(10)).toBe('2027-01-19'); // Monday 18th is a holiday
    expect(cal.dateOf(14)).toBe('2027-01-25'); // Tue–Fri, then the next Monday
    expect(cal.dateOf(2.7)).toBe('2027-01-06'); // fractional days fall on the day they begin in
  });

  it('maps dates back to working days; a non-working date maps to the next working day', () => {
    expect(cal.dayOf('2027-01-04')).toBe(0);
    expect(cal.dayOf('2027-01-11')).toBe(5);
    expect(cal.dayOf('2027-01-16')).toBe(10); // Saturday → Tuesday 19th
    expect(cal.dayOf('2027-01-18')).toBe(10); // the holiday → Tuesday 19th
    expect(cal.dayOf('2027-01-19')).toBe(10);
    expect(cal.dayOf('2027-01-20')).toBe(11);
    expect(cal.dayOf('2027-01-01')).toBe(-1); // a Friday before the start
    expect(cal.dayOf('2026-12-28')).toBe(-5);
    for (let d = 0; d < 300; d += 7) expect(cal.dayOf(cal.dateOf(d))).toBe(d);
  });

  it('gives the date work over [start, finish) ends', () => {
    expect(cal.finishDate(0, 5)).toBe('2027-01-08'); // five full days: Monday–Friday
    expect(cal.finishDate(0, 5.5)).toBe('2027-01-11'); // half of the sixth day is still work
    expect(cal.finishDate(5, 10)).toBe('2027-01-15');
    expect(cal.finishDate(8, 11)).toBe('2027-01-19'); // across the holiday
    expect(cal.finishDate(2, 2)).toBe('2027-01-06'); // a milestone ends on its start date
  });

  it('starts on the first working day on or after the start date', () => {
    const weekend = new WorkCalendar('2027-01-02', { workingDays: MON_FRI, holidays: ['2027-01-04'] }); // Saturday; Monday is a holiday
    expect(weekend.dateOf(0)).toBe('2027-01-05');
    expect(weekend.dayOf('2027-01-02') + 0).toBe(0);
    expect(weekend.calendarDaysTo(0)).toBe(3);
    expect(weekend.calendarDaysTo(4)).toBe(9); // days 0–4: Tue 5, Wed 6, Thu 7, Fri 8, Mon 11
  });

  it('honours other working weeks', () => {
    const fourDays = new WorkCalendar('2027-01-04', { workingDays: [1, 2, 3, 4], holidays: [] });
    expect(fourDays.dateOf(4)).toBe('2027-01-11');
    expect(fourDays.dayOf('2027-01-08')).toBe(4); // Friday is off
    const everyDay = new WorkCalendar('2027-01-04', { workingDays: [0, 1, 2, 3, 4, 5, 6], holidays: ['2027-01-06'] });
    expect(everyDay.dateOf(5)).toBe('2027-01-10');
    expect(everyDay.calendarDaysTo(5)).toBe(6);
  });

  it('counts calendar days for display', () => {
    expect(cal.calendarDaysTo(0)).toBe(0);
    expect(cal.calendarDaysTo(5)).toBe(7);
    expect(cal.calendarDaysTo(10)).toBe(15);
  });
});

describe('plan dates', () => {
  it('a chain of two five-day phases spans a weekend and a holiday', () => {
    const input: PlanInput = {
      name: 'dates',
      startDate: '2027-01-04',
      calendar: { holidays: ['2027-01-11'] },
      teams: [{ id: 't', size: 1, skills: [] }],
      // No buffer: a one-person team keeps its buffer too (it would stretch the five days to 6.25).
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 30 },
      phases: [
        { id: 'a', name: 'a', duration: 5 },
        { id: 'b', name: 'b', duration: 5, dependencies: ['a'] },
      ],
    };
    const plan = computePlan(input);
    const { start, finish } = plan.schedule;
    expect([start[0], finish[0], start[1], finish[1]]).toEqual([0, 5, 5, 10]);
    expect(plan.calendar.dateOf(start[0]!)).toBe('2027-01-04');
    expect(plan.calendar.finishDate(start[0]!, finish[0]!)).toBe('2027-01-08');
    expect(plan.calendar.dateOf(start[1]!)).toBe('2027-01-12'); // Monday 11th is a holiday
    expect(plan.calendar.finishDate(start[1]!, finish[1]!)).toBe('2027-01-18');
  });
});

describe('WorkCalendar in closed form agrees with walking the calendar day by day', () => {
  /** The obvious walk, as a reference. */
  function walk(start: string, workingDays: number[], holidays: string[]) {
    const off = new Set(holidays);
    const isWorking = (ms: number) => workingDays.includes(new Date(ms).getUTCDay()) && !off.has(new Date(ms).toISOString().slice(0, 10));
    let t = Date.parse(start + 'T00:00:00Z');
    while (!isWorking(t)) t += 86_400_000;
    const dates = [t];
    const dateMs = (k: number) => {
      while (dates.length <= k) {
        let d = dates[dates.length - 1]! + 86_400_000;
        while (!isWorking(d)) d += 86_400_000;
        dates.push(d);
      }
      return dates[k]!;
    };
    return {
      dateOf: (k: number) => new Date(dateMs(k)).toISOString().slice(0, 10),
      dayOf: (iso: string) => {
        const x = Date.parse(iso + 'T00:00:00Z');
        let n = 0;
        if (x < dates[0]!) {
          for (let d = dates[0]! - 86_400_000; d >= x; d -= 86_400_000) if (isWorking(d)) n--;
          return n;
        }
        while (dateMs(n) < x) n++;
        return n;
      },
    };
  }

  it('on random calendars, starts, holidays, days and dates', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: -30, max: 400 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: -60, max: 420 }), { minLength: 1, maxLength: 10 }),
        (workingDays, startOffset, holidayOffsets, days, dateOffsets) => {
          const base = Date.UTC(2026, 0, 1) + startOffset * 86_400_000;
          const iso = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
          const start = iso(0);
          const holidays = holidayOffsets.map(iso);
          // Keep at least one working weekday free of holidays in every week, as real calendars are.
          const cal = new WorkCalendar(start, { workingDays, holidays });
          const ref = walk(start, workingDays, holidays);
          for (const k of days) expect(cal.dateOf(k)).toBe(ref.dateOf(k));
          for (const o of dateOffsets) expect(cal.dayOf(iso(o))).toBe(ref.dayOf(iso(o)));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('answers for dates centuries away without walking to them, and refuses a plan past 9999', () => {
    const cal = new WorkCalendar('2027-01-04', { workingDays: [1, 2, 3, 4, 5], holidays: ['2027-01-18'] });
    // 2199-12-31 is a Tuesday; Mon–Fri working days from 2027-01-04 up to it, less one holiday.
    const weekdays = 173 * 52 * 5;
    const day = cal.dayOf('2199-12-31');
    expect(Math.abs(day - weekdays)).toBeLessThan(300);
    expect(cal.dateOf(day)).toBe('2199-12-31');
    expect(cal.dayOf(cal.dateOf(1_000_000))).toBe(1_000_000);
    expect(() => cal.dateOf(5_000_000)).toThrow(/past 9999-12-31/);
  });
});
