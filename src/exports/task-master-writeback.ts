/**
 * Write-back into task-master's tasks.json: each task and subtask the plan schedules gets a
 * `waveplan` object (planned start and finish, team, wave, critical, slack), edited into the
 * user's text at the places jsonc-parser finds, in the object's own layout (a one-line object
 * gets a one-line block, a multi-line one lines at its indentation and line ends), so that
 * everything else — order, spacing, other tags — stays byte for byte. Phases are matched as the importer named them: task n is `task-n`,
 * subtask m of it `task-n.m`; a task with subtasks gets the span of its scheduled subtasks.
 */
import { applyEdits, findNodeAtLocation, parseTree, type Edit, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { ExportPhase, PlanView } from './plan-view.js';

export interface WriteBackOptions {
  /** The tag whose tasks are written (task-master's tagged layout); default master, or the only tag. */
  tag?: string;
  planId?: string;
  version?: number;
}

export interface WriteBackResult {
  text: string;
  /** Phase ids written into the file. */
  written: string[];
  /** Phases of the plan the file has no task for. */
  missing: string[];
}

export class WriteBackError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v).trim() : undefined);

/** The JSON path of the task list: ["tasks"] (legacy) or [tag, "tasks"]. */
function taskListPath(root: Obj, tag: string | undefined): (string | number)[] {
  if (Array.isArray(root.tasks) && tag === undefined) return ['tasks'];
  const tags = Object.keys(root).filter((k) => isObj(root[k]) && Array.isArray((root[k] as Obj).tasks));
  const chosen = tag ?? (tags.includes('master') ? 'master' : tags.length === 1 ? tags[0] : undefined);
  if (chosen === undefined || !tags.includes(chosen))
    throw new WriteBackError(
      `${chosen === undefined ? 'the file holds several tags' : `no tag ${JSON.stringify(chosen)}`}; choose one of: ${tags.join(', ') || '(none)'}`,
      chosen === undefined ? '/' : `/${chosen}`,
    );
  return [chosen, 'tasks'];
}

function planned(phases: ExportPhase[], options: WriteBackOptions): Obj {
  const start = phases.reduce((a, p) => (p.startDay < a.startDay ? p : a));
  const finish = phases.reduce((a, p) => (p.finishDay > a.finishDay ? p : a));
  const teams = [...new Set(phases.map((p) => p.team).filter((t): t is string => t !== null))];
  return {
    ...(options.planId ? { planId: options.planId } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
    plannedStart: start.startDate,
    plannedFinish: finish.finishDate,
    ...(teams.length === 1 ? { team: teams[0] } : { teams }),
    wave: Math.min(...phases.map((p) => p.wave)),
    critical: phases.some((p) => p.critical),
    slackDays: Math.min(...phases.map((p) => p.totalSlackDays)),
  };
}

interface Layout {
  unit: string;
  eol: string;
}

/** Indentation unit and line ends of the file, so inserted lines look like the rest. */
function layoutOf(text: string): Layout {
  return { unit: /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const inline = (value: Obj) =>
  `{ ${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
const block = (value: Obj, indent: string, { unit, eol }: Layout) =>
  `{${eol}${Object.entries(value)
    .map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(`,${eol}`)}${eol}${indent}}`;

/** The edit that sets object[key] = value in the object's own layout: replacing an earlier value, or appending the property. */
function setProperty(text: string, tree: Node, path: JSONPath, key: string, value: Obj, layout: Layout): Edit | undefined {
  const obj = findNodeAtLocation(tree, path);
  if (!obj || obj.type !== 'object') return undefined;
  const oneLine = !text.slice(obj.offset, obj.offset + obj.length).includes('\n');
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  const lineStart = text.lastIndexOf('\n', (last ?? obj).offset) + 1;
  const indent = last ? /^[ \t]*/.exec(text.slice(lineStart))![0] : `${/^[ \t]*/.exec(text.slice(lineStart))![0]}${layout.unit}`;
  const rendered = oneLine ? inline(value) : block(value, indent, layout);
  const existing = props.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  if (existing) return { offset: existing.offset, length: existing.length, content: rendered };
  if (!last)
    return {
      offset: obj.offset + 1,
      length: 0,
      content: oneLine ? ` ${JSON.stringify(key)}: ${rendered} ` : `${layout.eol}${indent}${JSON.stringify(key)}: ${rendered}${layout.eol}`,
    };
  const end = last.offset + last.length;
  return { offset: end, length: 0, content: oneLine ? `, ${JSON.stringify(key)}: ${rendered}` : `,${layout.eol}${indent}${JSON.stringify(key)}: ${rendered}` };
}

export function writeBackTaskMaster(text: string, view: PlanView, options: WriteBackOptions = {}): WriteBackResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const root = errors.length === 0 && tree ? (JSON.parse(text) as unknown) : undefined;
  if (errors.length > 0 || !tree || !isObj(root))
    throw new WriteBackError('the file is not a task-master tasks.json (a JSON object)', errors.length > 0 ? `offset ${errors[0]!.offset}` : '/');
  const listPath = taskListPath(root, options.tag);
  const tasks = (listPath.length === 1 ? root.tasks : (root[listPath[0] as string] as Obj).tasks) as unknown[];
  const byId = new Map(view.phases.map((p) => [p.id, p]));
  const layout = layoutOf(text);
  const edits: Edit[] = [];
  const written: string[] = [];
  tasks.forEach((task, i) => {
    if (!isObj(task)) return;
    const key = idOf(task.id);
    if (key === undefined) return;
    const subs = Array.isArray(task.subtasks) ? task.subtasks : [];
    const subPhases: ExportPhase[] = [];
    subs.forEach((sub, j) => {
      const raw = isObj(sub) ? idOf(sub.id) : undefined;
      if (raw === undefined) return;
      const subKey = raw.startsWith(`${key}.`) ? raw.slice(key.length + 1) : raw;
      const phase = byId.get(`task-${key}.${subKey}`);
      if (!phase) return;
      subPhases.push(phase);
      written.push(phase.id);
      const edit = setProperty(text, tree, [...listPath, i, 'subtasks', j], 'waveplan', planned([phase], options), layout);
      if (edit) edits.push(edit);
    });
    const own = byId.get(`task-${key}`);
    if (own) written.push(own.id);
    const phases = own ? [own] : subPhases;
    const edit = phases.length > 0 ? setProperty(text, tree, [...listPath, i], 'waveplan', planned(phases, options), layout) : undefined;
    if (edit) edits.push(edit);
  });
  const done = new Set(written);
  return { text: applyEdits(text, edits), written, missing: view.phases.map((p) => p.id).filter((id) => !done.has(id)) };
}
