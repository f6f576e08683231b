import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { exportPlan, type ExportSource } from '../../src/exports/index.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput, groupedInput } from '../support/fixtures.js';

const source = (input: PlanInput, extra: Partial<ExportSource> = {}): ExportSource => ({ input, artifacts: planProject(input).artifacts, ...extra });
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (n) => ['Task', 'PredecessorLink', 'Resource', 'Assignment', 'ExtendedAttribute', 'WeekDay', 'Exception'].includes(n),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed document is walked by the element names the tests assert
type X = Record<string, any>;
const project = (body: string) => (xml.parse(body) as { Project: X }).Project;

describe('CSV export', () => {
  it('has one row per phase with the planned dates, team, slack and criticality of execution-plan.json', () => {
    const s = source(exampleInput());
    const rows = parseCsv(exportPlan('csv', s).body, { columns: true }) as Record<string, string>[];
    const plan = s.artifacts['execution-plan.json'];
    expect(rows.map((r) => r.id)).toEqual(plan.schedule.map((p) => p.id));
    for (const entry of plan.schedule) {
      const row = rows.find((r) => r.id === entry.id)!;
      const slack = plan.critical_path.slack.find((x) => x.id === entry.id)!;
      expect(row).toMatchObject({
        name: entry.name,
        team: entry.team ?? '',
        start_date: entry.start_date,
        finish_date: entry.finish_date,
        critical: entry.critical ? 'yes' : 'no',
      });
      expect(Number(row.duration)).toBe(entry.duration_days);
      expect(Number(row.total_slack_days)).toBe(slack.total_slack_days);
      expect(Number(row.schedule_slack_days)).toBe(slack.schedule_slack_days);
      expect(row.dependencies!.split(';').filter(Boolean)).toEqual(entry.dependencies);
    }
  });

  it('narrows to one team, and refuses a team the plan does not have', () => {
    const rows = parseCsv(exportPlan('csv', source(groupedInput()), { team: 'ui' }).body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(['screens']);
    expect(() => exportPlan('csv', source(groupedInput()), { team: 'nobody' })).toThrow(/team nobody/);
  });
});

describe('MS Project XML export', () => {
  let s: ExportSource;
  let p: ReturnType<typeof project>;
  beforeAll(() => {
    s = source(groupedInput());
    p = project(exportPlan('mspdi', s).body);
  });
  const task = (name: string) => (p.Tasks.Task as X[]).find((t) => t.Name === name)!;

  it('is a Project in the MSPDI namespace with the project calendar: working weekdays, 8-hour days and the holidays', () => {
    expect(p['@_xmlns']).toBe('http://schemas.microsoft.com/project');
    expect(p).toMatchObject({ Title: 'Grouped & <escaped>', StartDate: '2027-01-04T08:00:00', MinutesPerDay: '480', MinutesPerWeek: '2400', CalendarUID: '1' });
    const cal = p.Calendars.Calendar;
    const days = cal.WeekDays.WeekDay as X[];
    expect(days.filter((d) => d.DayType !== '0').map((d) => [d.DayType, d.DayWorking])).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '1'],
      ['4', '1'],
      ['5', '1'],
      ['6', '1'],
      ['7', '0'],
    ]);
    expect(days.find((d) => d.DayType === '0')).toMatchObject({ DayWorking: '0', TimePeriod: { FromDate: '2027-01-06T00:00:00', ToDate: '2027-01-06T23:59:00' } });
    expect(cal.Exceptions.Exception[0]).toMatchObject({ DayWorking: '0', Occurrences: '1', TimePeriod: { FromDate: '2027-01-06T00:00:00' } });
  });

  it('writes each phase with UID, ID, name, planned start and finish, ISO 8601 duration and outline level; groups as summary tasks', () => {
    const tasks = p.Tasks.Task as X[];
    expect(tasks[0]).toMatchObject({ UID: '0', OutlineLevel: '0', Summary: '1' });
    const group = task('Backend');
    expect(group).toMatchObject({ Summary: '1', OutlineLevel: '1' });
    expect(task('Schema')).toMatchObject({ OutlineLevel: '2', Summary: '0', Duration: 'PT16H0M0S', DurationFormat: '7' });
    expect(task('Service')).toMatchObject({ OutlineLevel: '2', Duration: 'PT12H0M0S' });
    // Screens needs 2 people; the UI team has 1.92 after availability and buffer, so it is stretched: the same 6 person-days over a longer span.
    const screens = s.artifacts['execution-plan.json'].schedule.find((e) => e.id === 'screens')!;
    expect(screens.duration_days).toBeGreaterThan(3);
    expect(task('Screens')).toMatchObject({
      OutlineLevel: '1',
      Duration: `PT${Math.floor(screens.duration_days * 8)}H${Math.round((screens.duration_days * 8 * 60) % 60)}M0S`,
      Work: 'PT48H0M0S',
    });
    const plan = s.artifacts['execution-plan.json'];
    const schema = plan.schedule.find((e) => e.id === 'schema')!;
    expect(task('Schema').Start).toBe(`${schema.start_date}T08:00:00`);
    expect(task('Schema').Finish).toBe(`${schema.finish_date}T17:00:00`);
    // The half day of Service starts in the morning of its first date and ends at noon of its last.
    const service = plan.schedule.find((e) => e.id === 'service')!;
    expect(task('Service').Finish).toBe(`${service.finish_date}T12:00:00`);
    expect(tasks.map((t) => t.UID)).toEqual(tasks.map((_, k) => String(k)));
  });

  it('links each dependency with its type (1 = FS) and lag in tenths of minutes; a zero-duration phase is a milestone', () => {
    const launch = task('Launch');
    expect(launch.Milestone).toBe('1');
    const uids = (launch.PredecessorLink as X[]).map((l) => l.PredecessorUID);
    expect(uids.sort()).toEqual([task('Service').UID, task('Screens').UID].sort());
    for (const l of launch.PredecessorLink as X[]) expect(l).toMatchObject({ Type: '1', LinkLag: '0', LagFormat: '7' });
  });

  it('takes link types and lags from the schedule entries when the artifact has them (SS +2 days: Type 3, LinkLag 9600)', () => {
    const withLinks = structuredClone(s);
    const entry = withLinks.artifacts['execution-plan.json'].schedule.find((e) => e.id === 'service')! as { links?: unknown };
    entry.links = [{ id: 'schema', type: 'SS', lag_days: 2 }];
    const link = (project(exportPlan('mspdi', withLinks).body).Tasks.Task as X[]).find((t) => t.Name === 'Service')!.PredecessorLink as X[];
    expect(link).toEqual([expect.objectContaining({ Type: '3', LinkLag: '9600', LagFormat: '7' })]);
  });

  it('has the teams as work resources (MaxUnits = size × availability) and one assignment per phase with the people it holds as units', () => {
    const resources = p.Resources.Resource as X[];
    expect(resources.map((r) => [r.Name, r.Code, r.Type, r.MaxUnits])).toEqual([
      ['API team', 'api', '1', '2.00'],
      ['UI team', 'ui', '1', '2.40'],
    ]);
    const assignments = p.Assignments.Assignment as X[];
    expect(assignments).toHaveLength(4);
    const screens = assignments.find((a) => a.TaskUID === task('Screens').UID)!;
    expect(screens).toMatchObject({ ResourceUID: resources[1]!.UID, Work: 'PT48H0M0S', Start: task('Screens').Start, Finish: task('Screens').Finish });
    // Units × duration = work, as MS Project computes it for a fixed-duration task.
    const days = s.artifacts['execution-plan.json'].schedule.find((e) => e.id === 'screens')!.duration_days;
    expect(Number(screens.Units)).toBeCloseTo(6 / days, 2);
    expect(assignments.find((a) => a.TaskUID === task('Schema').UID)!.Units).toBe('1.00');
  });

  it('writes the task elements in the order of the schema sequence (mspdi_pj12.xsd)', () => {
    const ORDER = [
      'UID',
      'ID',
      'Name',
      'Type',
      'IsNull',
      'WBS',
      'OutlineNumber',
      'OutlineLevel',
      'Priority',
      'Start',
      'Finish',
      'Duration',
      'DurationFormat',
      'Work',
      'Milestone',
      'Summary',
      'Critical',
      'ConstraintType',
      'ConstraintDate',
      'Notes',
      'PredecessorLink',
      'ExtendedAttribute',
    ];
    for (const t of p.Tasks.Task as X[]) {
      const keys = Object.keys(t);
      expect(keys.every((k) => ORDER.includes(k))).toBe(true);
      expect(keys).toEqual([...keys].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    }
    const top = Object.keys(p).filter((k) => !k.startsWith('@_'));
    expect(top.slice(-5)).toEqual(['ExtendedAttributes', 'Calendars', 'Tasks', 'Resources', 'Assignments']);
    expect(top[0]).toBe('SaveVersion');
  });
});

describe('iCalendar export', () => {
  const events = (body: string) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('has an all-day event per phase over its planned dates, the milestones and the sync points', () => {
    const s = source(exampleInput(), { planId: '11111111-2222-3333-4444-555555555555', version: 3, createdAt: new Date('2027-01-01T10:00:00Z') });
    const list = events(exportPlan('ical', s).body);
    const plan = s.artifacts['execution-plan.json'];
    const syncs = s.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points;
    const waves = s.artifacts['wave-schedules.json'].waves;
    expect(list).toHaveLength(plan.schedule.length + waves.length + 2 + syncs.length);
    expect(new Set(list.map((x) => x.uid)).size, 'every event has its own UID').toBe(list.length);
    for (const entry of plan.schedule) {
      const e = list.find((x) => x.uid === `11111111-2222-3333-4444-555555555555.phase.${entry.id}@waveplan`)!;
      expect(e.summary).toBe(entry.name);
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(entry.start_date);
      // DTEND of an all-day event is the day after the last one.
      expect(e.endDate.toString()).toBe(new Date(Date.parse(`${entry.finish_date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
      expect(e.sequence).toBe(3);
    }
    const completion = list.find((x) => x.uid.endsWith('.milestone.completion@waveplan'))!;
    expect(completion.startDate.toString()).toBe(plan.project_context.completion_date);
    expect(list.find((x) => x.uid.endsWith('.milestone.deadline@waveplan'))!.startDate.toString()).toBe(plan.project_context.deadline);
    for (const sync of syncs) {
      const key = sync.kind !== 'wave_boundary' ? `${sync.kind}.${sync.phases.join('.')}` : `wave-${plan.schedule.find((e) => e.id === sync.phases[0])!.wave}-boundary`;
      expect(list.find((x) => x.uid.endsWith(`.sync.${key}@waveplan`))!.startDate.toString()).toBe(sync.planned_date);
    }
  });

  it('keeps the UIDs of a later version, so subscribed clients update the events in place; a team feed has its own phases and sync points', () => {
    const first = source(groupedInput(), { planId: 'p1', version: 1 });
    const changed = groupedInput();
    changed.phases[2]!.duration = 5;
    const second = source(changed, { planId: 'p1', version: 2 });
    const a = events(exportPlan('ical', first).body);
    const b = events(exportPlan('ical', second).body);
    expect(b.map((e) => e.uid).sort()).toEqual(a.map((e) => e.uid).sort());
    const screensA = a.find((e) => e.uid === 'p1.phase.screens@waveplan')!;
    const screensB = b.find((e) => e.uid === 'p1.phase.screens@waveplan')!;
    expect([screensA.sequence, screensB.sequence]).toEqual([1, 2]);
    expect(screensB.endDate.compare(screensA.endDate)).toBe(1);
    const ui = events(exportPlan('ical', second, { team: 'ui' }).body);
    expect(ui.filter((e) => e.uid.includes('.phase.')).map((e) => e.uid)).toEqual(['p1.phase.screens@waveplan']);
    const syncs = second.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points;
    expect(ui.filter((e) => e.uid.includes('.sync.'))).toHaveLength(syncs.filter((x) => x.participants.includes('ui')).length);
  });
});
