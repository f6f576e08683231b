/**
 * MS Project XML (MSPDI) export, written the way MS Project and MPXJ (ProjectLibre, GanttProject)
 * write it: the project summary task UID 0, a summary task per group with its phases one outline
 * level down, predecessor links with type and lag (tenths of minutes), zero-length phases as
 * milestones, teams as work resources with their assignments, and the project calendar with its
 * working weekdays and holidays (both as pre-2007 WeekDay exceptions and as Exceptions). Elements
 * follow the schema's sequence. Each phase keeps the scheduled dates: a Start No Earlier Than
 * constraint on its planned start, so a tool that reschedules from the links keeps the leveled plan.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { ExportPhase, PlanView } from './plan-view.js';
import { FIELD_PHASE_ID, FIELD_SKILLS, FORMAT_DAYS, isoDuration, LINK_CODES, MSPDI_NAMESPACE } from './mspdi-fields.js';
import { MINUTES_PER_DAY, WORKING_TIMES, workingClock, type WorkingClock } from './working-time.js';

type Node = Record<string, unknown>;

const flag = (b: boolean) => (b ? 1 : 0);
const minutes = (days: number) => Math.round(days * MINUTES_PER_DAY);
// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const cut = (s: string, max: number) => s.replace(CONTROL, '').slice(0, max);

interface Row {
  uid: number;
  phase?: ExportPhase;
  group?: { name: string; phases: ExportPhase[] };
  outline: string;
  level: number;
}

/** Phases in schedule order, each group's phases together under its summary row. */
function rows(view: PlanView): Row[] {
  const out: Row[] = [];
  const groups = new Map<string, ExportPhase[]>();
  for (const p of view.phases) if (p.group) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const emitted = new Set<string>();
  let top = 0;
  for (const p of view.phases) {
    if (!p.group) {
      out.push({ uid: out.length + 1, phase: p, outline: String(++top), level: 1 });
      continue;
    }
    if (emitted.has(p.group)) continue;
    emitted.add(p.group);
    const members = groups.get(p.group)!;
    const outline = String(++top);
    out.push({ uid: out.length + 1, group: { name: p.group, phases: members }, outline, level: 1 });
    members.forEach((m, k) => out.push({ uid: out.length + 1, phase: m, outline: `${outline}.${k + 1}`, level: 2 }));
  }
  return out;
}

function span(phases: ExportPhase[]) {
  const start = Math.min(...phases.map((p) => p.startDay));
  const finish = Math.max(...phases.map((p) => p.finishDay));
  return { start, finish };
}

const customFields = (phase: ExportPhase): Node[] => [
  { FieldID: FIELD_PHASE_ID.id, Value: phase.id },
  ...(phase.skills.length > 0 ? [{ FieldID: FIELD_SKILLS.id, Value: cut(phase.skills.join('; '), 255) }] : []),
];

function phaseTask(row: Row, phase: ExportPhase, uidOf: Map<string, number>, time: WorkingClock): Node {
  const start = time.startAt(phase.startDay);
  return {
    UID: row.uid,
    ID: row.uid,
    Name: cut(phase.name, 512),
    Type: 1,
    IsNull: 0,
    WBS: row.outline,
    OutlineNumber: row.outline,
    OutlineLevel: row.level,
    // MS Project's 0–1000 with 500 the default; Waveplan's 0 is the default and higher runs earlier.
    Priority: Math.min(1000, 500 + (phase.priority ?? 0)),
    Start: start,
    Finish: time.finishAt(phase.startDay, phase.finishDay),
    Duration: isoDuration(minutes(phase.durationDays)),
    DurationFormat: FORMAT_DAYS,
    Work: isoDuration(minutes(phase.personDays)),
    Milestone: flag(phase.milestone),
    Summary: 0,
    Critical: flag(phase.critical),
    ConstraintType: phase.startDay > 0 ? 4 : 0,
    ...(phase.startDay > 0 ? { ConstraintDate: start } : {}),
    ...(phase.description ? { Notes: cut(phase.description, 100_000) } : {}),
    PredecessorLink: phase.links
      .filter((l) => uidOf.has(l.id))
      .map((l) => ({ PredecessorUID: uidOf.get(l.id), Type: LINK_CODES[l.type], CrossProject: 0, LinkLag: minutes(l.lagDays) * 10, LagFormat: FORMAT_DAYS })),
    ExtendedAttribute: customFields(phase),
  };
}

function summaryTask(uid: number, id: number, name: string, outline: string, level: number, phases: ExportPhase[], time: WorkingClock): Node {
  const { start, finish } = span(phases);
  return {
    UID: uid,
    ID: id,
    Name: cut(name, 512),
    Type: 1,
    IsNull: 0,
    WBS: outline,
    OutlineNumber: outline,
    OutlineLevel: level,
    Priority: 500,
    Start: time.startAt(start),
    Finish: time.finishAt(start, finish),
    Duration: isoDuration(minutes(finish - start)),
    DurationFormat: FORMAT_DAYS,
    Work: isoDuration(minutes(phases.reduce((s, p) => s + p.personDays, 0))),
    Milestone: 0,
    Summary: 1,
    Critical: flag(phases.some((p) => p.critical)),
  };
}

function calendar(view: PlanView): Node {
  const holidays = [...view.holidays].sort();
  const period = (date: string) => ({ FromDate: `${date}T00:00:00`, ToDate: `${date}T23:59:00` });
  const weekDays: Node[] = [0, 1, 2, 3, 4, 5, 6].map((d) => {
    const working = view.workingDays.includes(d);
    return { DayType: d + 1, DayWorking: flag(working), ...(working ? { WorkingTimes: { WorkingTime: WORKING_TIMES.map((t) => ({ FromTime: t.from, ToTime: t.to })) } } : {}) };
  });
  for (const h of holidays) weekDays.push({ DayType: 0, DayWorking: 0, TimePeriod: period(h) });
  return {
    UID: 1,
    Name: 'Standard',
    IsBaseCalendar: 1,
    BaseCalendarUID: -1,
    WeekDays: { WeekDay: weekDays },
    ...(holidays.length > 0
      ? { Exceptions: { Exception: holidays.map((h) => ({ EnteredByOccurrences: 0, TimePeriod: period(h), Occurrences: 1, Name: `Holiday ${h}`, Type: 1, DayWorking: 0 })) } }
      : {}),
  };
}

function resources(view: PlanView): Node[] {
  return view.teams.map((t, k) => ({
    UID: k + 1,
    ID: k + 1,
    Name: cut(t.name, 255),
    Type: 1,
    IsNull: 0,
    Initials: cut(t.id, 512),
    Code: t.id,
    MaxUnits: (Math.round(t.size * t.availabilityPercent) / 100).toFixed(2),
    CalendarUID: 1,
    ...(t.skills.length > 0 ? { Notes: cut(`Skills: ${t.skills.join('; ')}`, 100_000) } : {}),
  }));
}

function assignments(view: PlanView, phaseRows: Row[], time: WorkingClock): Node[] {
  const resourceUid = new Map(view.teams.map((t, k) => [t.id, k + 1]));
  return phaseRows
    .filter((r) => r.phase?.team && resourceUid.has(r.phase.team))
    .map((r, k) => {
      const p = r.phase!;
      return {
        UID: k + 1,
        TaskUID: r.uid,
        ResourceUID: resourceUid.get(p.team!),
        Finish: time.finishAt(p.startDay, p.finishDay),
        Milestone: flag(p.milestone),
        Start: time.startAt(p.startDay),
        Units: p.units.toFixed(2),
        Work: isoDuration(minutes(p.personDays)),
      };
    });
}

export function mspdiExport(view: PlanView): string {
  const time = workingClock(view);
  const list = rows(view);
  const uidOf = new Map(list.filter((r) => r.phase).map((r) => [r.phase!.id, r.uid]));
  const tasks: Node[] = [summaryTask(0, 0, view.name, '0', 0, view.phases, time)];
  for (const r of list) tasks.push(r.phase ? phaseTask(r, r.phase, uidOf, time) : summaryTask(r.uid, r.uid, r.group!.name, r.outline, r.level, r.group!.phases, time));
  const whole = span(view.phases);
  const project: Node = {
    '@_xmlns': MSPDI_NAMESPACE,
    SaveVersion: 14,
    Name: cut(`${view.name}.xml`, 255),
    Title: cut(view.name, 512),
    ScheduleFromStart: 1,
    StartDate: time.startAt(0),
    FinishDate: time.finishAt(whole.start, whole.finish),
    FYStartDate: 1,
    CriticalSlackLimit: 0,
    CurrencyDigits: 2,
    CurrencySymbol: '$',
    CurrencyCode: 'USD',
    CurrencySymbolPosition: 0,
    CalendarUID: 1,
    DefaultStartTime: WORKING_TIMES[0].from,
    DefaultFinishTime: WORKING_TIMES[1].to,
    MinutesPerDay: MINUTES_PER_DAY,
    MinutesPerWeek: MINUTES_PER_DAY * view.workingDays.length,
    DaysPerMonth: 20,
    DefaultTaskType: 1,
    DurationFormat: FORMAT_DAYS,
    WorkFormat: 2,
    HonorConstraints: 1,
    WeekStartDay: 1,
    ExtendedAttributes: { ExtendedAttribute: [FIELD_PHASE_ID, FIELD_SKILLS].map((f) => ({ FieldID: f.id, FieldName: f.name, Alias: f.alias })) },
    Calendars: { Calendar: [calendar(view)] },
    Tasks: { Task: tasks },
    Resources: { Resource: resources(view) },
    Assignments: { Assignment: assignments(view, list, time) },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: false });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${builder.build({ Project: project }) as string}`;
}
