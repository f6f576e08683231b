/**
 * Importer for task-master-ai's .taskmaster/tasks/tasks.json: the tagged layout
 * ({ "master": { "tasks": [...], "metadata": {...} }, "<tag>": {...} }) and the legacy one
 * ({ "meta": {...}, "tasks": [...] }). A task without subtasks becomes phase task-<id>; a task
 * with subtasks becomes one phase per subtask, task-<id>.<sub>, each inheriting the task's
 * dependencies; a dependency on such a task means all its subtasks. Numeric subtask dependencies
 * name siblings, "5.2" names subtask 2 of task 5. Done tasks are dropped as finished (their
 * dependents count them as met) unless includeDone; cancelled ones are always dropped.
 */
import type { GroupInput, PhaseInput } from '../schemas/plan-input.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { at, isObject, readDays, readPriority, text, toId, type Source } from './source-values.js';

const FORMAT = 'task-master tasks.json';
const FINISHED = new Set(['done', 'completed']);
const DROPPED = new Set(['cancelled', 'canceled']);

interface TaskList {
  tasks: unknown[];
  path: string;
  tag?: string;
  name?: string;
  /** Tags of the file with work still open, for the error when the chosen one has none. */
  openTags?: string[];
}

const isOpen = (t: unknown) =>
  isObject(t) &&
  !FINISHED.has(
    String(t.status ?? 'pending')
      .trim()
      .toLowerCase(),
  ) &&
  !DROPPED.has(
    String(t.status ?? '')
      .trim()
      .toLowerCase(),
  );

/** The task list to import: the legacy top-level one, or the one of the chosen tag. */
function taskList(root: unknown, options: ImportOptions, issues: IssueList): TaskList | undefined {
  if (!isObject(root)) {
    issues.add('/', 'expected a tasks.json object');
    return undefined;
  }
  if (Array.isArray(root.tasks)) {
    const meta = isObject(root.meta) ? root.meta : {};
    const name = text(meta.projectName ?? meta.name, 300);
    return { tasks: root.tasks, path: '/tasks', ...(name ? { name } : {}) };
  }
  const tags = Object.keys(root).filter((k) => isObject(root[k]) && Array.isArray((root[k] as Source).tasks));
  if (tags.length === 0) {
    issues.add('/', 'found no tasks: expected "tasks" (legacy layout) or tags such as "master" holding "tasks"');
    return undefined;
  }
  const tag = options.tag ?? (tags.includes('master') ? 'master' : tags.length === 1 ? tags[0]! : undefined);
  if (tag === undefined || !tags.includes(tag)) {
    issues.add(tag === undefined ? '/' : at('', tag), `${tag === undefined ? 'the file holds several tags' : `no tag ${JSON.stringify(tag)}`}; choose one of: ${tags.join(', ')}`);
    return undefined;
  }
  const openTags = tags.filter((t) => ((root[t] as Source).tasks as unknown[]).some(isOpen));
  return { tasks: (root[tag] as Source).tasks as unknown[], path: at(at('', tag), 'tasks'), tag, openTags };
}

interface Task {
  key: string;
  path: string;
  source: Source;
  status: string;
  subtasks: Subtask[];
}

interface Subtask {
  key: string;
  path: string;
  source: Source;
  status: string;
}

const status = (s: Source) => (typeof s.status === 'string' ? s.status.trim().toLowerCase() : 'pending');
const taskPhaseId = (task: string) => `task-${task}`;
const subtaskPhaseId = (task: string, sub: string) => `task-${task}.${sub}`;

function readTasks(list: TaskList, issues: IssueList): Task[] {
  const tasks: Task[] = [];
  list.tasks.forEach((raw, i) => {
    const path = at(list.path, i);
    const key = isObject(raw) ? toId(raw.id) : undefined;
    if (!isObject(raw) || key === undefined) {
      issues.add(isObject(raw) ? at(path, 'id') : path, 'expected a task with an id');
      return;
    }
    const subtasks: Subtask[] = [];
    const subs = raw.subtasks;
    if (subs !== undefined && subs !== null && !Array.isArray(subs)) issues.add(at(path, 'subtasks'), 'expected a list of subtasks');
    (Array.isArray(subs) ? subs : []).forEach((sub, j) => {
      const subPath = at(at(path, 'subtasks'), j);
      // Newer task-master writes a subtask's id as "2.1" (task.sub); older as 1.
      const rawSub = isObject(sub) ? toId(sub.id) : undefined;
      const subKey = rawSub?.startsWith(`${key}.`) && rawSub.length > key.length + 1 ? rawSub.slice(key.length + 1) : rawSub;
      if (!isObject(sub) || subKey === undefined) issues.add(subPath, 'expected a subtask with an id');
      else subtasks.push({ key: subKey, path: subPath, source: sub, status: status(sub) });
    });
    tasks.push({ key, path, source: raw, status: status(raw), subtasks });
  });
  return tasks;
}

/** Working days from estimatedHours (8 hours a day), or undefined when the item has none (or reports it at `path`). */
function hoursDays(src: Source, path: string, issues: IssueList): number | undefined {
  const h = src.estimatedHours ?? src.estimated_hours;
  if (h === undefined || h === null) return undefined;
  return readDays(h, 1 / 8, at(path, src.estimatedHours !== undefined ? 'estimatedHours' : 'estimated_hours'), issues);
}

/** Days per phase of a task: half its complexity score (1–10) shared by its subtasks, or undefined when it has no score. */
function scoredDays(task: Task): number | undefined {
  const score = [task.source.complexityScore, task.source.complexity].find((v) => typeof v === 'number' && v > 0) as number | undefined;
  if (score === undefined) return undefined;
  const days = Math.max(0.5, score / 2);
  return task.subtasks.length > 0 ? Math.max(0.5, Math.round((days / task.subtasks.length) * 100) / 100) : days;
}

/** Files a task names, as areas (task-master's "files", or "relevantFiles" entries {path}). */
function fileAreas(value: unknown, path: string, issues: IssueList): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add(path, 'expected a list of files');
    return [];
  }
  const out: string[] = [];
  for (const f of value) {
    const file = text(isObject(f) ? f.path : f, 500);
    if (file !== undefined && !out.includes(file)) out.push(file);
  }
  return out;
}

const TASK_KEYS = new Set([
  'id',
  'title',
  'description',
  'details',
  'status',
  'dependencies',
  'priority',
  'subtasks',
  'complexityScore',
  'complexity',
  'estimatedHours',
  'estimated_hours',
  'files',
  'relevantFiles',
]);

/** Keys of the tasks and subtasks the mapping does not read (testStrategy, …), each once. */
function unusedTaskKeys(tasks: Task[]): string[] {
  const keys = new Set<string>();
  for (const t of tasks) {
    for (const k of Object.keys(t.source)) if (!TASK_KEYS.has(k)) keys.add(k);
    for (const s of t.subtasks) for (const k of Object.keys(s.source)) if (!TASK_KEYS.has(k)) keys.add(`subtasks[].${k}`);
  }
  return [...keys].sort();
}

/** Phases left out: finished ones (unless includeDone) and cancelled ones; a subtask follows its task when the task is closed. */
function leftOut(tasks: Task[], options: ImportOptions): { finished: Set<string>; cancelled: Set<string> } {
  const finished = new Set<string>();
  const cancelled = new Set<string>();
  for (const t of tasks) {
    const units =
      t.subtasks.length > 0
        ? t.subtasks.map((s) => ({ id: subtaskPhaseId(t.key, s.key), status: FINISHED.has(t.status) || DROPPED.has(t.status) ? t.status : s.status }))
        : [{ id: taskPhaseId(t.key), status: t.status }];
    for (const u of units) {
      if (DROPPED.has(u.status)) cancelled.add(u.id);
      else if (FINISHED.has(u.status) && !options.includeDone) finished.add(u.id);
    }
  }
  return { finished, cancelled };
}

export function importTaskMaster(value: unknown, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const list = taskList(value, options, issues);
  const tasks = list ? readTasks(list, issues) : [];

  // The phases a reference to a task stands for.
  const phasesOf = new Map<string, string[]>();
  for (const t of tasks) phasesOf.set(t.key, t.subtasks.length > 0 ? t.subtasks.map((s) => subtaskPhaseId(t.key, s.key)) : [taskPhaseId(t.key)]);
  const { finished, cancelled } = leftOut(tasks, options);

  /** Phase ids a dependency entry stands for, or undefined (reported) when it names nothing. */
  const resolve = (raw: unknown, path: string, sibling?: Task): string[] | undefined => {
    const ref = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
    const dotted = ref === undefined ? null : /^([^.]+)\.([^.]+)$/.exec(ref);
    if (sibling && ref !== undefined && !dotted) {
      const sub = sibling.subtasks.find((s) => s.key === ref);
      if (sub) return [subtaskPhaseId(sibling.key, sub.key)];
    }
    if (dotted) {
      const task = tasks.find((t) => t.key === dotted[1]);
      const sub = task?.subtasks.find((s) => s.key === dotted[2]);
      if (task && sub) return [subtaskPhaseId(task.key, sub.key)];
    } else if (ref !== undefined && phasesOf.has(ref)) return phasesOf.get(ref);
    issues.add(path, `dependency ${JSON.stringify(raw)} names no task${sibling ? ' or sibling subtask' : ''} in the file`);
    return undefined;
  };
  const dependencies = (src: Source, path: string, sibling?: Task): { ids: string[]; paths: string[] } => {
    const deps = src.dependencies;
    const out = { ids: [] as string[], paths: [] as string[] };
    if (deps === undefined || deps === null) return out;
    if (!Array.isArray(deps)) {
      issues.add(at(path, 'dependencies'), 'expected a list of task ids');
      return out;
    }
    deps.forEach((d, i) => {
      for (const id of resolve(d, at(at(path, 'dependencies'), i), sibling) ?? []) {
        if (!out.ids.includes(id)) {
          out.ids.push(id);
          out.paths.push(at(at(path, 'dependencies'), i));
        }
      }
    });
    return out;
  };

  const unscored = new Set<string>();
  const drafts: DraftPhase[] = [];
  // A task with subtasks is the group of its subtasks' phases.
  const groups: GroupInput[] = [];
  for (const t of tasks) {
    const hours = hoursDays(t.source, t.path, issues);
    const subHours = t.subtasks.map((s) => hoursDays(s.source, s.path, issues));
    // A task's hours are shared by the subtasks that give none of their own.
    const left = hours === undefined ? undefined : Math.max(0, hours - subHours.reduce<number>((a, b) => a + (b ?? 0), 0));
    const without = subHours.filter((h) => h === undefined).length;
    const shareOfTask = left === undefined ? undefined : t.subtasks.length === 0 ? left : without > 0 ? Math.round((left / without) * 1000) / 1000 : undefined;
    const scored = hours !== undefined && t.subtasks.length === 0 ? hours : scoredDays(t);
    const days = scored ?? options.defaultDuration ?? DEFAULT_DURATION;
    const priority = t.source.priority === undefined || t.source.priority === null ? undefined : readPriority(t.source.priority, at(t.path, 'priority'), issues);
    const own = dependencies(t.source, t.path);
    const base = (id: string, src: Source, own?: number): PhaseInput => {
      const duration = own ?? (t.subtasks.length > 0 && shareOfTask !== undefined ? shareOfTask : days);
      if (own === undefined && (t.subtasks.length > 0 ? shareOfTask === undefined && scoredDays(t) === undefined : scored === undefined)) unscored.add(id);
      const description = [text(src.description, 5000), text(src.details, 5000)]
        .filter((x) => x !== undefined)
        .join('\n\n')
        .slice(0, 5000);
      const files = fileAreas(src.files ?? src.relevantFiles, at(t.path, 'files'), issues);
      return {
        id,
        name: text(src.title, 300) ?? id,
        ...(description !== '' ? { description } : {}),
        duration,
        ...(priority !== undefined ? { priority } : {}),
        ...(files.length > 0 ? { areas: files } : {}),
      };
    };
    if (t.subtasks.length === 0) {
      drafts.push({ phase: { ...base(taskPhaseId(t.key), t.source), dependencies: own.ids }, path: t.path, dependencyPaths: own.paths });
      continue;
    }
    for (const [k, s] of t.subtasks.entries()) {
      const mine = dependencies(s.source, s.path, t);
      const ids = [...own.ids, ...mine.ids.filter((id) => !own.ids.includes(id))];
      const paths = [...own.paths, ...mine.paths.filter((_, i) => !own.ids.includes(mine.ids[i]!))];
      const phase = base(subtaskPhaseId(t.key, s.key), s.source, subHours[k]);
      // A subtask naming no files works on its task's.
      if (!phase.areas) {
        const taskFiles = fileAreas(t.source.files ?? t.source.relevantFiles, at(t.path, 'files'), new IssueList());
        if (taskFiles.length > 0) phase.areas = taskFiles;
      }
      drafts.push({ phase: { ...phase, dependencies: ids, group: taskPhaseId(t.key) }, path: s.path, dependencyPaths: paths });
    }
    groups.push({ id: taskPhaseId(t.key), name: text(t.source.title, 300) ?? taskPhaseId(t.key) });
  }
  const gone = new Set([...finished, ...cancelled]);
  const kept = drafts.filter((d) => !gone.has(d.phase.id));
  if (list?.tag !== undefined && kept.length === 0 && drafts.length > 0) {
    const others = (list.openTags ?? []).filter((t) => t !== list.tag);
    issues.add(
      at('', list.tag),
      `tag ${JSON.stringify(list.tag)} has nothing pending (every task is done or cancelled)${others.length > 0 ? `; tags with pending tasks: ${others.join(', ')} (choose one with --tag)` : '; no other tag has pending tasks either'}`,
    );
  }
  dropDependenciesOn(kept, gone);
  if (finished.size > 0) notes.push(`${finished.size} finished item(s) were left out and the dependencies on them count as met: ${listed([...finished])}`);
  if (cancelled.size > 0) notes.push(`${cancelled.size} cancelled item(s) were left out and the dependencies on them dropped: ${listed([...cancelled])}`);
  const guessed = kept.filter((d) => unscored.has(d.phase.id)).map((d) => d.phase.id);
  const unused = unusedTaskKeys(tasks);
  if (unused.length > 0) notes.push(`task keys not used: ${unused.join(', ')}`);
  if (guessed.length > 0)
    notes.push(
      `${guessed.length} phase(s) have neither estimatedHours nor a complexity score and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(guessed)}`,
    );
  if (list?.tag) notes.push(`imported tag "${list.tag}"`);
  return assemble(FORMAT, kept, { ...(list?.name ? { name: list.name } : {}), groups }, options, issues, notes);
}
