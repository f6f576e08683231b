import { describe, expect, it } from 'vitest';
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
