import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { exportPlan } from '../../src/exports/index.js';
import { ImportError, importAny, importPlannable } from '../../src/importers/index.js';
import { linkFromMspdi } from '../../src/importers/mspdi-links.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput, groupedInput } from '../support/fixtures.js';
import { thrown } from '../support/thrown.js';

const issuesOf = (f: () => unknown) => thrown(ImportError, f).issues;

/** An MS Project 2010 file cut to what matters, as it writes one: summary task UID 0, a summary row, a link with type and lag, a finished task, resources and assignments. */
const FOREIGN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion><Name>Office move.xml</Name><Title>Office move</Title>
  <StartDate>2027-03-01T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
    <WeekDays>
      <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
      <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
      <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
      <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
    </WeekDays>
    <Exceptions><Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2027-03-10T00:00:00</FromDate><ToDate>2027-03-11T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Closed</Name><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions>
  </Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Office move</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Preparation</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration><Summary>1</Summary></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Survey</Name><OutlineLevel>2</OutlineLevel><Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat><PercentComplete>100</PercentComplete><Summary>0</Summary></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Order furniture</Name><OutlineLevel>2</OutlineLevel><Priority>700</Priority><Duration>PT24H0M0S</Duration><Summary>0</Summary>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Pack</Name><OutlineLevel>2</OutlineLevel><Duration>PT12H0M0S</Duration><Summary>0</Summary>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
    <Task><UID>5</UID><ID>5</ID><Name>Move day</Name><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration><Milestone>1</Milestone><Summary>0</Summary>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>6</UID><ID>6</ID><IsNull>1</IsNull></Task>
  </Tasks>
  <Resources>
    <Resource><UID>0</UID><ID>0</ID><Type>1</Type><IsNull>0</IsNull></Resource>
    <Resource><UID>1</UID><ID>1</ID><Name>Facilities</Name><Type>1</Type><MaxUnits>2.00</MaxUnits></Resource>
    <Resource><UID>2</UID><ID>2</ID><Name>Boxes</Name><Type>0</Type></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
    <Assignment><UID>2</UID><TaskUID>4</TaskUID><ResourceUID>1</ResourceUID><Units>2</Units></Assignment>
    <Assignment><UID>3</UID><TaskUID>4</TaskUID><ResourceUID>2</ResourceUID><Units>1</Units></Assignment>
  </Assignments>
</Project>`;

describe('MS Project XML import', () => {
  it('round-trips an export: the same phases, durations, dependencies, groups and teams', () => {
    for (const input of [groupedInput(), exampleInput()] as PlanInput[]) {
      const planned = planProject(input);
      const file = exportPlan('mspdi', { input, artifacts: planned.artifacts }).body;
      const { input: back, format } = importAny(undefined, 'plan.xml', file);
      expect(format).toBe('mspdi');
      const schedule = planned.artifacts['execution-plan.json'].schedule;
      expect(back.phases.map((p) => p.id)).toEqual(schedule.map((e) => e.id).sort((a, b) => back.phases.findIndex((p) => p.id === a) - back.phases.findIndex((p) => p.id === b)));
      expect(back.phases).toHaveLength(input.phases.length);
      for (const entry of schedule) {
        const phase = back.phases.find((p) => p.id === entry.id)!;
        const original = input.phases.find((p) => p.id === entry.id)!;
        expect(phase.duration).toBeCloseTo(entry.duration_days, 2);
        expect([...(phase.dependencies ?? [])].sort()).toEqual([...entry.dependencies].sort());
        expect(phase.group).toBe(original.group);
        expect(phase.skills ?? []).toEqual(original.skills ?? []);
        expect(phase.priority ?? 0).toBe(original.priority ?? 0);
      }
      expect(back.startDate).toBe(input.startDate);
      expect(back.calendar?.holidays ?? []).toEqual(input.calendar?.holidays ?? []);
      expect(back.teams.map((t) => t.id).sort()).toEqual(input.teams.filter((t) => schedule.some((e) => e.team === t.id)).map((t) => t.id).sort());
      for (const t of back.teams) expect(t.size).toBe(input.teams.find((x) => x.id === t.id)!.size);
    }
  });

  it('reads a file MS Project wrote: UIDs as ids, summary rows as groups, resource names as skills, finished tasks left out, the calendar', () => {
    const { input, notes } = importPlannable('mspdi', FOREIGN);
    expect(input.name).toBe('Office move');
    expect(input.startDate).toBe('2027-03-01');
    expect(input.phases.map((p) => p.id)).toEqual(['3', '4', '5']);
    const [order, pack, move] = input.phases;
    expect(order).toMatchObject({ name: 'Order furniture', duration: 3, group: 'Preparation', skills: ['Facilities'], teamSize: 1, priority: 200 });
    expect(order!.dependencies).toBeUndefined(); // on Survey, which is finished
    expect(pack).toMatchObject({ duration: 1.5, dependencies: ['3'], teamSize: 2 });
    // A dependency on the summary row means every task under it.
    expect(move).toMatchObject({ duration: 0, dependencies: ['3', '4'] });
    expect(input.teams).toEqual([{ id: 'Facilities', size: 2, skills: ['Facilities'] }]);
    expect(input.calendar).toEqual({ workingDays: [1, 2, 3, 4, 5], holidays: ['2027-03-10', '2027-03-11'] });
    expect(notes).toContainEqual(expect.stringContaining('1 task(s) 100 % complete were left out'));
    expect(notes).toContainEqual(expect.stringContaining('1 summary task(s) became groups'));
    expect(notes).toContainEqual(expect.stringContaining('1 assignment(s) of material or cost resources were not used'));
  });

  it('plans non-FS links and lags as finish-to-start and warns: "SS link planned as FS"', () => {
    expect(linkFromMspdi({ id: 'a', type: 'SS', lagDays: 0 })).toEqual({ dependency: 'a', warning: 'SS link planned as FS' });
    expect(linkFromMspdi({ id: 'a', type: 'FF', lagDays: 1.5 })).toEqual({ dependency: 'a', warning: 'FF link planned as FS (lag +1.5d dropped)' });
    expect(linkFromMspdi({ id: 'a', type: 'FS', lagDays: -1 }).warning).toBe('lead -1d dropped (planned as FS without lag)');
    expect(linkFromMspdi({ id: 'a', type: 'FS', lagDays: 0 })).toEqual({ dependency: 'a' });
    const { notes } = importPlannable('mspdi', FOREIGN);
    // LinkLag 4800 tenths of a minute = 480 minutes = one working day.
    expect(notes).toContainEqual('link simplified: 3 → 4: SS link planned as FS (lag +1d dropped)');
  });

  it('refuses what is not MS Project XML with where it is: malformed XML, a DOCTYPE, another root, unknown predecessors, unreadable durations', () => {
    expect(issuesOf(() => importPlannable('mspdi', '<Project>\n  <Tasks>\n</Project>'))[0]).toMatchObject({ path: expect.stringMatching(/^line \d+, column \d+$/), message: expect.stringContaining('not well-formed XML') });
    expect(issuesOf(() => importPlannable('mspdi', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project/>'))[0]!.message).toMatch(/DOCTYPE/);
    expect(issuesOf(() => importPlannable('mspdi', '<svg xmlns="http://www.w3.org/2000/svg"/>'))[0]!.message).toMatch(/root element is svg/);
    expect(issuesOf(() => importPlannable('mspdi', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`))[0]!.message).toMatch(/nest/);
    const broken = FOREIGN.replace('<PredecessorUID>2</PredecessorUID>', '<PredecessorUID>99</PredecessorUID>').replace('<Duration>PT12H0M0S</Duration>', '<Duration>twelve hours</Duration>');
    const issues = issuesOf(() => importPlannable('mspdi', broken));
    expect(issues).toContainEqual({ path: '/Project/Tasks/Task[4]/PredecessorLink[1]/PredecessorUID', message: '3 depends on task UID 99, which the file does not define' });
    expect(issues).toContainEqual({ path: '/Project/Tasks/Task[5]/Duration', message: 'cannot read "twelve hours" as an ISO 8601 duration (such as PT16H0M0S)' });
  });
});
