/**
 * Importer for ccpm (Claude Code PM, github.com/automazeio/ccpm): an epics folder
 * (`.claude/epics/<epic>/` or `ccpm/epics/<epic>/`) with `epic.md` and one numbered task file per
 * task (`001.md`, or the GitHub issue number after a sync), each opening with YAML front matter:
 * name, status, depends_on, parallel, conflicts_with. A folder is sent as a JSON map of path →
 * file text (`{"files": {…}}` or the map itself; the CLI builds it from a directory). Tasks are
 * phases `<epic>:<number>` grouped by their epic; depends_on → dependencies within the epic;
 * conflicts_with → a shared area (an exclusive lock, so the pair never runs at once);
 * parallel: false → the epic's own area, which every other task of the epic nests in, so it runs
 * alone. Hours from "## Effort Estimate" ("Hours: 16"), else the Size (XS … XL, each noted);
 * "## Description" and "## Acceptance Criteria" are carried; closed tasks count as met.
 */
import { parseDocument } from 'yaml';
import type { PhaseInput } from '../schemas/plan-input.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { isObject, text, toId, type Source } from './source-values.js';

const FORMAT = 'ccpm epics';
const TASK_FILE = /^(?:.*\/)?([^/]+)\/(\d+)\.md$/;
const EPIC_FILE = /^(?:.*\/)?([^/]+)\/epic\.md$/;
/** Days for a t-shirt size when a task gives no hours (an assumption, named in the notes). */
const SIZE_DAYS: Record<string, number> = { xs: 0.5, s: 1, m: 2, l: 4, xl: 8 };
const DONE = new Set(['closed', 'completed', 'done']);
const READ_KEYS = new Set(['name', 'status', 'depends_on', 'parallel', 'conflicts_with']);

/** The file map a ccpm import is sent as: `{files: {path: text}}` or `{path: text}`. */
export function ccpmFiles(value: unknown): Record<string, string> | undefined {
  const map = isObject(value) && isObject(value.files) ? value.files : value;
  if (!isObject(map)) return undefined;
  const entries = Object.entries(map);
  if (entries.length === 0 || !entries.every(([k, v]) => typeof v === 'string' && k.endsWith('.md'))) return undefined;
  return entries.some(([k]) => TASK_FILE.test(k) || EPIC_FILE.test(k)) ? (map as Record<string, string>) : undefined;
}

interface FrontMatter {
  data: Source;
  body: string;
}

function frontMatter(path: string, textIn: string, issues: IssueList): FrontMatter | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(textIn);
  if (!m) {
    issues.add(path, 'the file has no front matter (--- name, status, depends_on … ---)');
    return undefined;
  }
  // failsafe: every value stays text, so task numbers keep their zeros (001).
  const doc = parseDocument(m[1]!, { schema: 'failsafe', uniqueKeys: true });
  if (doc.errors.length > 0) {
    issues.add(`${path} front matter${doc.errors[0]!.linePos ? `, line ${doc.errors[0]!.linePos[0].line + 1}` : ''}`, doc.errors[0]!.message.split('\n')[0]!);
    return undefined;
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return { data: isObject(data) ? data : {}, body: m[2]! };
}

/** Task numbers of a front matter list: [001, 002], "001, 002", 3. */
function numbers(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.replace(/^\[|\]$/g, '').split(/[,\s]+/) : [];
  return list.map((v) => String(v).trim().replace(/^#/, '')).filter((v) => /^\d+$/.test(v));
}
const key = (n: string) => String(Number(n));

/** A "## Title" section of the body, without its heading. */
function section(body: string, title: string): string | undefined {
  const m = new RegExp(`^##\\s+${title}\\s*$([\\s\\S]*?)(?=^##\\s|(?![\\s\\S]))`, 'mi').exec(body);
  const s = m?.[1]?.trim();
  return s ? s : undefined;
}

interface Task {
  epic: string;
  number: string;
  path: string;
  fm: FrontMatter;
}

function estimate(task: Task, options: ImportOptions, sized: string[], missing: string[], id: string): number {
  const effort = section(task.fm.body, 'Effort Estimate') ?? '';
  const hours = /hours?\s*:\s*(\d+(?:\.\d+)?)/i.exec(effort);
  if (hours) return Math.min(10000, Math.round((Number(hours[1]) / 8) * 1000) / 1000);
  const size = /size\s*:\s*(XS|S|M|L|XL)\b/i.exec(effort);
  if (size) {
    sized.push(`${id} ${size[1]!.toUpperCase()}`);
    return SIZE_DAYS[size[1]!.toLowerCase()]!;
  }
  missing.push(id);
  return options.defaultDuration ?? DEFAULT_DURATION;
}

export function importCcpm(files: Record<string, string>, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const epicNames = new Map<string, string>();
  const tasks: Task[] = [];
  const skipped: string[] = [];
  const epicKeys = new Set<string>();
  for (const [path, body] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const task = TASK_FILE.exec(path);
    const epic = EPIC_FILE.exec(path);
    if (epic) {
      const fm = frontMatter(path, body, issues);
      epicNames.set(epic[1]!, text(fm?.data.name, 300) ?? epic[1]!);
      for (const k of Object.keys(fm?.data ?? {})) if (k !== 'name') epicKeys.add(k);
    } else if (task) {
      const fm = frontMatter(path, body, issues);
      if (fm) tasks.push({ epic: task[1]!, number: task[2]!, path, fm });
    } else skipped.push(path);
  }
  const idOf = (epic: string, n: string) => toId(`${epic}:${key(n)}`)!;
  const known = new Set(tasks.map((t) => idOf(t.epic, t.number)));
  const sized: string[] = [];
  const missing: string[] = [];
  const unknownKeys = new Set<string>();
  const serialEpics = new Set(tasks.filter((t) => t.fm.data.parallel === 'false').map((t) => t.epic));
  const drafts: DraftPhase[] = tasks.map((t) => {
    const id = idOf(t.epic, t.number);
    for (const k of Object.keys(t.fm.data)) if (!READ_KEYS.has(k)) unknownKeys.add(k);
    const phase: PhaseInput = { id, name: text(t.fm.data.name, 300) ?? id, duration: estimate(t, options, sized, missing, id), group: epicNames.get(t.epic) ?? t.epic };
    const description = text(section(t.fm.body, 'Description'), 5000);
    if (description) phase.description = description;
    const criteria = (section(t.fm.body, 'Acceptance Criteria') ?? '')
      .split('\n')
      .map((l) =>
        l
          .replace(/^\s*[-*]\s*(\[[ xX]\]\s*)?/, '')
          .trim()
          .slice(0, 2000),
      )
      .filter((l) => l !== '');
    if (criteria.length > 0) phase.acceptanceCriteria = criteria.slice(0, 100);
    const deps = numbers(t.fm.data.depends_on).map((n) => idOf(t.epic, n));
    if (deps.length > 0) phase.dependencies = [...new Set(deps)];
    const areas = numbers(t.fm.data.conflicts_with).map((n) => `ccpm/${t.epic}/conflict-${[key(t.number), key(n)].sort((a, b) => Number(a) - Number(b)).join('-')}`);
    if (serialEpics.has(t.epic)) areas.push(t.fm.data.parallel === 'false' ? `ccpm/${t.epic}/` : `ccpm/${t.epic}/${key(t.number)}/`);
    if (areas.length > 0) phase.areas = [...new Set(areas)];
    return { phase, path: `${t.path} front matter`, dependencyPaths: (phase.dependencies ?? []).map(() => `${t.path} front matter /depends_on`) };
  });
  // conflicts_with a task that is not there would lock nothing: say so.
  for (const t of tasks)
    for (const n of numbers(t.fm.data.conflicts_with))
      if (!known.has(idOf(t.epic, n)))
        issues.add(`${t.path} front matter /conflicts_with`, `${idOf(t.epic, t.number)} conflicts with ${idOf(t.epic, n)}, which the files do not define`);
  const done = new Set(tasks.filter((t) => DONE.has(String(t.fm.data.status ?? '').toLowerCase()) && !options.includeDone).map((t) => idOf(t.epic, t.number)));
  const kept = drafts.filter((d) => !done.has(d.phase.id));
  dropDependenciesOn(kept, done);
  for (const d of kept) if (d.phase.dependencies?.length === 0) delete d.phase.dependencies;
  if (done.size > 0) notes.push(`${done.size} closed task(s) were left out and the dependencies on them count as met: ${listed([...done])}`);
  if (serialEpics.size > 0) notes.push(`tasks with parallel: false run alone in their epic (area ccpm/<epic>/, which the epic's other tasks nest in): ${listed([...serialEpics])}`);
  if (sized.length > 0) notes.push(`${sized.length} task(s) give a size but no hours, planned as XS 0.5, S 1, M 2, L 4, XL 8 days: ${listed(sized)}`);
  const keptIds = new Set(kept.map((d) => d.phase.id));
  const noEstimate = missing.filter((id) => keptIds.has(id));
  if (noEstimate.length > 0)
    notes.push(`${noEstimate.length} task(s) have no effort estimate and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(noEstimate)}`);
  if (skipped.length > 0) notes.push(`files that are neither epic.md nor a numbered task were not used: ${listed(skipped)}`);
  if (unknownKeys.size > 0) notes.push(`task front matter keys not used: ${[...unknownKeys].sort().join(', ')}`);
  if (epicKeys.size > 0) notes.push(`epic front matter keys not used: ${[...epicKeys].sort().join(', ')}`);
  return assemble(FORMAT, kept, {}, options, issues, notes);
}
