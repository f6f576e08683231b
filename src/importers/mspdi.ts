/**
 * Importer for MS Project XML (MSPDI), as MS Project, ProjectLibre, GanttProject and MPXJ write
 * it. Tasks are phases (the project summary task UID 0 and blank rows are not); summary tasks are
 * groups of the tasks under them, a dependency on a summary task means every task under it, and a
 * summary task's own predecessors hold for each of them. Durations from Duration (ISO 8601) in
 * the file's minutes per day; PredecessorLink type and lag through linkFromMspdi; work resources
 * are teams (MaxUnits → size and availability) and their names are the skills of the tasks they
 * are assigned to, unless the file carries Waveplan's own skills field; assignment Units → team
 * size of the phase; the project calendar → working weekdays and holidays. 100 % complete tasks
 * are left out as finished. Waveplan's own export carries each phase id in a custom field, so its
 * files come back with the same ids; other files' tasks are named by their UID.
 */
import type { PhaseInput, TeamInput } from '../schemas/plan-input.js';
import { FIELD_PHASE_ID, FIELD_SKILLS, isoDurationMinutes, LINK_TYPES } from '../exports/mspdi-fields.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { projectCalendar } from './mspdi-calendar.js';
import { linkFromMspdi } from './mspdi-links.js';
import { entryId } from '../schemas/dependency-links.js';
import { FORMAT, isTrue, listOf, parseMspdi, textOf } from './mspdi-xml.js';
import { isObject, text, toId, type Source } from './source-values.js';

/** DurationFormat / LagFormat codes of elapsed time (24-hour days, every day). */
const ELAPSED = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
const PERCENT = new Set([19, 20, 51, 52]);

interface ReadTask {
  uid: string;
  level: number;
  summary: boolean;
  draft: DraftPhase;
  links: { uid: string; where: string; type: number; lagTenths: number; format: number; cross: boolean }[];
  done: boolean;
  constrained: boolean;
}

interface Context {
  minutesPerDay: number;
  fields: Map<string, string>;
  issues: IssueList;
  notes: string[];
}

/** Custom field values of a task by Waveplan's field, when the file defines the field with Waveplan's alias. */
function customValue(task: Source, ctx: Context, field: { id: number; alias: string }): string | undefined {
  if (ctx.fields.get(String(field.id)) !== field.alias) return undefined;
  const attrs = Array.isArray(task.ExtendedAttribute) ? task.ExtendedAttribute.filter(isObject) : [];
  return textOf(attrs.find((a) => textOf(a, 'FieldID') === String(field.id)) ?? {}, 'Value');
}

function readDuration(task: Source, where: string, ctx: Context): number | undefined {
  const raw = textOf(task, 'Duration');
  if (raw === undefined) return undefined;
  const minutes = isoDurationMinutes(raw);
  if (minutes === undefined || minutes < 0) {
    ctx.issues.add(`${where}/Duration`, `cannot read ${JSON.stringify(raw)} as an ISO 8601 duration (such as PT16H0M0S)`);
    return undefined;
  }
  const elapsed = ELAPSED.has(Number(textOf(task, 'DurationFormat')));
  const days = elapsed ? (minutes / 1440) * (5 / 7) : minutes / ctx.minutesPerDay;
  if (days > 10000) {
    ctx.issues.add(`${where}/Duration`, `${raw} is more than 10000 working days`);
    return undefined;
  }
  return Math.round(days * 1000) / 1000;
}

function readTask(task: Source, index: number, ctx: Context, options: ImportOptions): ReadTask | undefined {
  const uid = textOf(task, 'UID');
  const where = `/Project/Tasks/Task[${index + 1}]`;
  if (uid === undefined || !/^-?\d+$/.test(uid)) {
    ctx.issues.add(`${where}/UID`, 'the task has no UID (an integer)');
    return undefined;
  }
  const level = Number(textOf(task, 'OutlineLevel') ?? '1');
  if (uid === '0' || level === 0 || isTrue(textOf(task, 'IsNull'))) return undefined;
  const ownId = customValue(task, ctx, FIELD_PHASE_ID);
  const id = toId(ownId ?? uid)!;
  const phase: PhaseInput = { id, name: text(textOf(task, 'Name'), 300) ?? id, duration: readDuration(task, where, ctx) ?? options.defaultDuration ?? DEFAULT_DURATION };
  const notes = text(textOf(task, 'Notes'), 5000);
  if (notes) phase.description = notes;
  if (isTrue(textOf(task, 'Milestone'))) phase.milestone = true;
  const priority = Number(textOf(task, 'Priority'));
  if (Number.isInteger(priority) && priority > 500) phase.priority = Math.min(1000, priority - 500);
  const skills = customValue(task, ctx, FIELD_SKILLS)
    ?.split(';')
    .map((s) => s.trim().slice(0, 120))
    .filter((s) => s !== '');
  if (skills && skills.length > 0) phase.skills = [...new Set(skills)].slice(0, 50);
  const links = (Array.isArray(task.PredecessorLink) ? task.PredecessorLink.filter(isObject) : []).map((l, k) => ({
    uid: textOf(l, 'PredecessorUID') ?? '',
    where: `${where}/PredecessorLink[${k + 1}]`,
    type: Number(textOf(l, 'Type') ?? '1'),
    lagTenths: Number(textOf(l, 'LinkLag') ?? '0'),
    format: Number(textOf(l, 'LagFormat') ?? '7'),
    cross: isTrue(textOf(l, 'CrossProject')),
  }));
  return {
    uid,
    level: Number.isInteger(level) && level > 0 ? level : 1,
    summary: isTrue(textOf(task, 'Summary')),
    draft: { phase, path: where, dependencyPaths: [] },
    links,
    done: Number(textOf(task, 'PercentComplete') ?? '0') >= 100,
    constrained: !['0', undefined].includes(textOf(task, 'ConstraintType')),
  };
}

/** Each task's summary ancestors (nearest first), from the outline levels in file order. */
function ancestors(tasks: ReadTask[]): Map<ReadTask, ReadTask[]> {
  const out = new Map<ReadTask, ReadTask[]>();
  const stack: ReadTask[] = [];
  for (const t of tasks) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= t.level) stack.pop();
    out.set(t, [...stack].reverse());
    if (t.summary) stack.push(t);
  }
  return out;
}

/** Dependencies of the work tasks from the links, through summary tasks, each simplified link noted. */
function linkDependencies(tasks: ReadTask[], ctx: Context): void {
  const byUid = new Map(tasks.map((t) => [t.uid, t]));
  const parents = ancestors(tasks);
  const under = (s: ReadTask) => tasks.filter((t) => !t.summary && parents.get(t)!.includes(s));
  const simplified: string[] = [];
  for (const t of tasks.filter((t) => !t.summary)) {
    const own = [t, ...parents.get(t)!].flatMap((holder) => holder.links);
    const deps: { id: string; entry: NonNullable<PhaseInput['dependencies']>[number]; path: string }[] = [];
    for (const l of own) {
      const pred = byUid.get(l.uid);
      if (l.cross) {
        ctx.notes.push(`a link to a task of another project (${l.where}) was dropped`);
        continue;
      }
      if (!pred) {
        ctx.issues.add(`${l.where}/PredecessorUID`, `${t.draft.phase.id} depends on task UID ${l.uid || '(none)'}, which the file does not define`);
        continue;
      }
      const type = LINK_TYPES[l.type];
      if (type === undefined) {
        ctx.issues.add(`${l.where}/Type`, `link type ${l.type} is none of 0 (FF), 1 (FS), 2 (SF), 3 (SS)`);
        continue;
      }
      const lagDays = !Number.isFinite(l.lagTenths) || PERCENT.has(l.format) ? 0 : l.lagTenths / 10 / (ELAPSED.has(l.format) ? 1440 : ctx.minutesPerDay);
      if (PERCENT.has(l.format) && l.lagTenths !== 0) simplified.push(`${pred.draft.phase.id} → ${t.draft.phase.id}: a lag in percent of the predecessor's duration was dropped`);
      for (const target of pred.summary ? under(pred) : [pred]) {
        const { dependency, warning } = linkFromMspdi({ id: target.draft.phase.id, type, lagDays });
        if (warning) simplified.push(`${target.draft.phase.id} → ${t.draft.phase.id}: ${warning}`);
        const id = entryId(dependency);
        if (id !== t.draft.phase.id && !deps.some((d) => d.id === id)) deps.push({ id, entry: dependency, path: l.where });
      }
    }
    if (deps.length > 0) t.draft.phase.dependencies = deps.map((d) => d.entry);
    t.draft.dependencyPaths = deps.map((d) => d.path);
    const group = parents.get(t)![0];
    if (group) t.draft.phase.group = group.draft.phase.name;
  }
  for (const s of simplified) ctx.notes.push(`link simplified: ${s}`);
}

export function importMspdi(textIn: string, options: ImportOptions = {}): ImportResult {
  const project = parseMspdi(textIn);
  const issues = new IssueList();
  const notes: string[] = [];
  const minutesPerDay = Number(textOf(project, 'MinutesPerDay') ?? '480');
  const fields = new Map(listOf(project, 'ExtendedAttributes', 'ExtendedAttribute').map((a) => [textOf(a, 'FieldID') ?? '', textOf(a, 'Alias') ?? '']));
  const ctx: Context = { minutesPerDay: minutesPerDay > 0 ? minutesPerDay : 480, fields, issues, notes };
  const tasks = listOf(project, 'Tasks', 'Task')
    .map((t, k) => readTask(t, k, ctx, options))
    .filter((t): t is ReadTask => t !== undefined);
  linkDependencies(tasks, ctx);
  const work = tasks.filter((t) => !t.summary);
  const done = new Set(work.filter((t) => t.done && !options.includeDone).map((t) => t.draft.phase.id));
  const kept = work.filter((t) => !done.has(t.draft.phase.id));
  const drafts = kept.map((t) => t.draft);
  dropDependenciesOn(drafts, done);
  for (const d of drafts) if (d.phase.dependencies?.length === 0) delete d.phase.dependencies;
  const summaries = tasks.filter((t) => t.summary);
  if (summaries.length > 0) notes.push(`${summaries.length} summary task(s) became groups of the tasks under them, not work: ${listed(summaries.map((s) => s.draft.phase.name))}`);
  if (done.size > 0) notes.push(`${done.size} task(s) 100 % complete were left out and the dependencies on them count as met: ${listed([...done])}`);
  const constrained = kept.filter((t) => t.constrained).map((t) => t.draft.phase.id);
  if (constrained.length > 0)
    notes.push(`${constrained.length} date constraint(s) were not used (Waveplan schedules from the dependencies and capacities): ${listed(constrained)}`);
  const teams = resourceTeams(project, kept, ctx);
  const calendar = projectCalendar(project, notes);
  const start = textOf(project, 'StartDate')?.slice(0, 10);
  const name = text(textOf(project, 'Title'), 300) ?? text(textOf(project, 'Name')?.replace(/\.xml$/i, ''), 300);
  return assemble(
    FORMAT,
    drafts,
    { ...(name ? { name } : {}), ...(start ? { startDate: start, startDatePath: '/Project/StartDate' } : {}), ...(teams ? { teams } : {}), ...(calendar ? { calendar } : {}) },
    options,
    issues,
    notes,
  );
}

/** Work resources assigned to the kept tasks as teams, their names as skills unless the file carries Waveplan's skills. */
function resourceTeams(project: Source, kept: ReadTask[], ctx: Context): TeamInput[] | undefined {
  const resources = new Map(listOf(project, 'Resources', 'Resource').map((r) => [textOf(r, 'UID') ?? '', r]));
  const byUid = new Map(kept.map((t) => [t.uid, t]));
  const assigned = new Map<string, ReadTask[]>();
  const units = new Map<ReadTask, number>();
  let otherKinds = 0;
  for (const a of listOf(project, 'Assignments', 'Assignment')) {
    const task = byUid.get(textOf(a, 'TaskUID') ?? '');
    const resource = resources.get(textOf(a, 'ResourceUID') ?? '');
    if (!task || !resource) continue;
    if (!['1', undefined].includes(textOf(resource, 'Type'))) {
      otherKinds++;
      continue;
    }
    const key = textOf(resource, 'UID')!;
    assigned.set(key, [...(assigned.get(key) ?? []), task]);
    const u = Number(textOf(a, 'Units') ?? '1');
    units.set(task, (units.get(task) ?? 0) + (Number.isFinite(u) && u >= 0 ? u : 1));
  }
  if (otherKinds > 0) ctx.notes.push(`${otherKinds} assignment(s) of material or cost resources were not used`);
  for (const [task, u] of units) task.draft.phase.teamSize = Math.min(1000, Math.round(u * 1000) / 1000);
  if (assigned.size === 0) return undefined;
  const ownSkills = ctx.fields.get(String(FIELD_SKILLS.id)) === FIELD_SKILLS.alias;
  const teams: TeamInput[] = [];
  for (const [uid, tasks] of assigned) {
    const r = resources.get(uid)!;
    const name = text(textOf(r, 'Name'), 120) ?? `Resource ${uid}`;
    const id = toId(textOf(r, 'Code')) ?? toId(name) ?? `resource-${uid}`;
    const maxUnits = Number(textOf(r, 'MaxUnits') ?? '1');
    const size = Math.max(1, Math.ceil((Number.isFinite(maxUnits) ? maxUnits : 1) - 1e-9));
    const availability = Number.isFinite(maxUnits) && maxUnits > 0 && maxUnits < size ? Math.round((maxUnits / size) * 10000) / 100 : undefined;
    const listedSkills = /^Skills: /.test(textOf(r, 'Notes') ?? '')
      ? textOf(r, 'Notes')!
          .slice(8)
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [];
    // Waveplan's own files say each phase's skills; in others the resource's name is the skill.
    if (!ownSkills) for (const t of tasks) if (!t.draft.phase.skills) t.draft.phase.skills = [name];
    const skills = [...new Set([...listedSkills, ...tasks.flatMap((t) => t.draft.phase.skills ?? [])])].slice(0, 200);
    if (!teams.some((t) => t.id === id)) teams.push({ id, ...(name !== id ? { name } : {}), size, skills, ...(availability !== undefined ? { availability } : {}) });
  }
  ctx.notes.push(`${teams.length} work resource(s) assigned to tasks became teams (MaxUnits → size and availability); pass --teams to plan with other teams`);
  return teams;
}
