/**
 * Importer for a CSV (or tab-separated) table, one phase per row: a plain one, or a scheduling
 * tool's export (MS Project, ProjectLibre, GanttProject). Columns, matched by header
 * case-insensitively: id, name / Task Name, duration (days, "3d", "16h", "5 days", "2 wks?", or
 * "o/m/p" for a three-point estimate), dependencies / Predecessors ("3FS+2d;4SS": link types
 * and lags kept), skills, and optionally WBS / Outline
 * Number (rows that are WBS parents, or marked Summary, become groups of the rows under them,
 * not work), Resource Names (each name a skill; without --teams, one team per resource),
 * % Complete (100 % rows are left out as finished), optimistic/likely/pessimistic, team_size,
 * areas, resources ("ci:1;staging:2"), priority, notes. Lists inside a cell are separated by
 * ; | , or spaces.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { PhaseInput } from '../schemas/plan-input.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { parentSummary, readPredecessors, readResourceNames, readToolDuration, summaryWbs, type Predecessor } from './csv-schedule.js';
import { readEstimate, readIds, readPriority, text, toId } from './source-values.js';
import type { TeamInput } from '../schemas/plan-input.js';
import { dependencyLinks, linkEntry, type DependencyLink } from '../schemas/dependency-links.js';

const FORMAT = 'CSV';

const ALIASES: Record<string, string> = {
  id: 'id',
  key: 'id',
  name: 'name',
  title: 'name',
  task: 'name',
  description: 'description',
  duration: 'duration',
  days: 'duration',
  estimate: 'duration',
  dependencies: 'dependencies',
  deps: 'dependencies',
  depends_on: 'dependencies',
  predecessors: 'dependencies',
  skills: 'skills',
  required_skills: 'skills',
  optimistic: 'optimistic',
  likely: 'likely',
  most_likely: 'likely',
  pessimistic: 'pessimistic',
  team_size: 'teamSize',
  teamsize: 'teamSize',
  people: 'teamSize',
  areas: 'areas',
  files: 'areas',
  resources: 'resources',
  priority: 'priority',
  task_name: 'name',
  notes: 'description',
  wbs: 'wbs',
  outline_number: 'wbs',
  wbs_code: 'wbs',
  summary: 'summary',
  resource_names: 'people',
  resource_name: 'people',
  assigned_to: 'people',
  assignees: 'people',
  '%_complete': 'complete',
  percent_complete: 'complete',
  completion: 'complete',
};

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

interface Row {
  line: number;
  cells: string[];
}

function parseRows(textIn: string, issues: IssueList): Row[] {
  const firstLine = textIn.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    const records = parse(textIn, { bom: true, info: true, skip_empty_lines: true, trim: true, delimiter: firstLine.includes('\t') ? '\t' : ',' }) as unknown as {
      info: { lines: number };
      record: string[];
    }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    issues.add(line === undefined ? 'file' : `line ${line}`, err.message.replace(/^Invalid [A-Za-z ]+: /, ''));
    return [];
  }
}

function readResourcesCell(cell: string, where: string, issues: IssueList): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of cell.split(/[;|,\s]+/).filter((s) => s !== '')) {
    const [rawId, rawUnits] = part.split(':');
    const id = toId(rawId);
    const units = rawUnits === undefined ? 1 : Number(rawUnits);
    if (id === undefined || !Number.isFinite(units) || units < 0 || units > 100000) issues.add(where, `cannot read ${JSON.stringify(part)} as pool:units`);
    else out[id] = units;
  }
  return out;
}

interface ReadRow {
  draft: DraftPhase;
  wbs?: string;
  summary: boolean;
  people: string[];
  done: boolean;
  predecessors: Predecessor[];
  elapsed: boolean;
}

const YES = new Set(['yes', 'true', '1', 'y']);

function readRow(row: Row, columns: (string | undefined)[], options: ImportOptions, issues: IssueList, missing: string[]): ReadRow | undefined {
  const cell = (name: string): { value: string; where: string } | undefined => {
    const k = columns.indexOf(name);
    const value = k < 0 ? undefined : row.cells[k];
    return value === undefined || value === '' ? undefined : { value, where: `line ${row.line}, column ${name}` };
  };
  const wbs = cell('wbs')?.value.trim();
  const idCell = cell('id') ?? (columns.includes('id') ? undefined : cell('wbs'));
  const id = toId(idCell?.value);
  if (id === undefined) {
    issues.add(`line ${row.line}, column id`, 'the row has no id');
    return undefined;
  }
  let elapsed = false;
  const phase: PhaseInput = { id, name: text(cell('name')?.value, 300) ?? id, duration: options.defaultDuration ?? DEFAULT_DURATION };
  const description = cell('description');
  if (description) phase.description = description.value.slice(0, 5000);

  const duration = cell('duration');
  const o = cell('optimistic');
  const p = cell('pessimistic');
  if (o && p) {
    const likely = cell('likely') ?? duration;
    const est = readEstimate({ optimistic: o.value, likely: likely?.value, pessimistic: p.value }, 1, `line ${row.line}, columns optimistic/likely/pessimistic`, issues);
    if (est) phase.duration = est;
  } else if (duration && duration.value.includes('/')) {
    const [optimistic, likely, pessimistic, extra] = duration.value.split('/');
    if (extra !== undefined) issues.add(duration.where, `expected "optimistic/likely/pessimistic", found ${JSON.stringify(duration.value)}`);
    else {
      const est = readEstimate({ optimistic, likely, pessimistic }, 1, duration.where, issues);
      if (est) phase.duration = est;
    }
  } else if (duration) {
    const d = readToolDuration(duration.value, duration.where, issues);
    if (d !== undefined) {
      phase.duration = d.days;
      elapsed = d.elapsed;
    }
  } else missing.push(id);

  const deps = cell('dependencies');
  const predecessors = deps ? readPredecessors(deps.value, deps.where, issues) : [];
  const dependencyPaths = predecessors.map(() => deps!.where);
  if (predecessors.length > 0) phase.dependencies = predecessors.map((p) => linkEntry(p));
  const skills = cell('skills');
  if (skills) {
    const ids = readIds(skills.value, skills.where, issues);
    if (ids && ids.length > 0) phase.skills = ids;
  }
  const areas = cell('areas');
  if (areas) phase.areas = [...new Set(areas.value.split(/[;|,\s]+/).filter((a) => a !== ''))].map((a) => a.slice(0, 500));
  const resources = cell('resources');
  if (resources) {
    const r = readResourcesCell(resources.value, resources.where, issues);
    if (r && Object.keys(r).length > 0) phase.resources = r;
  }
  const size = cell('teamSize');
  if (size) {
    const n = Number(size.value);
    if (Number.isFinite(n) && n >= 0 && n <= 1000) phase.teamSize = n;
    else issues.add(size.where, `expected a number of people 0–1000, found ${JSON.stringify(size.value)}`);
  }
  const priority = cell('priority');
  if (priority) {
    const n = readPriority(priority.value, priority.where, issues);
    if (n !== undefined) phase.priority = n;
  }
  const complete = cell('complete');
  const percent = complete ? Number(complete.value.replace(/%\s*$/, '').trim()) : 0;
  if (complete && !(percent >= 0 && percent <= 100)) issues.add(complete.where, `cannot read ${JSON.stringify(complete.value)} as a percentage complete (0–100)`);
  const summary = cell('summary');
  return {
    draft: { phase, path: `line ${row.line}`, dependencyPaths },
    ...(wbs ? { wbs } : {}),
    summary: summary !== undefined && YES.has(summary.value.trim().toLowerCase()),
    people: readResourceNames(cell('people')?.value ?? ''),
    done: percent === 100,
    predecessors,
    elapsed,
  };
}

/**
 * Summary rows (WBS parents, or marked Summary) become the groups of the rows under them; a
 * dependency on a summary row means all of its work rows, and a summary row's own predecessors
 * hold for each of them.
 */
function applySummaries(rows: ReadRow[], notes: string[]): ReadRow[] {
  const summaries = summaryWbs(rows.map((r) => r.wbs));
  for (const r of rows) if (r.summary && r.wbs) summaries.add(r.wbs);
  if (summaries.size === 0) return rows;
  const byWbs = new Map(rows.filter((r) => r.wbs).map((r) => [r.wbs!, r]));
  const work = rows.filter((r) => !(r.wbs && summaries.has(r.wbs)));
  const under = (wbs: string) => work.filter((r) => r.wbs?.startsWith(`${wbs}.`)).map((r) => r.draft.phase.id);
  const summaryIds = new Map([...summaries].map((w) => [byWbs.get(w)!.draft.phase.id, w]));
  for (const r of work) {
    const parent = r.wbs ? parentSummary(r.wbs, summaries) : undefined;
    if (parent) r.draft.phase.group = byWbs.get(parent)!.draft.phase.name;
    // The predecessors of every summary row above this one hold for it too.
    const inherited: { link: DependencyLink; path: string }[] = [];
    for (let w = parent; w; w = parentSummary(w, summaries)) {
      const s = byWbs.get(w)!;
      dependencyLinks(s.draft.phase).forEach((l, i) => inherited.push({ link: l, path: s.draft.dependencyPaths[i]! }));
    }
    const own = dependencyLinks(r.draft.phase).map((l, i) => ({ link: l, path: r.draft.dependencyPaths[i]! }));
    // A link to a summary row holds for every row under it, with the same type and lag.
    const deps = [...own, ...inherited].flatMap((d) =>
      summaryIds.has(d.link.id) ? under(summaryIds.get(d.link.id)!).map((id) => ({ link: { ...d.link, id }, path: d.path })) : [d],
    );
    const unique = deps.filter((d, i) => d.link.id !== r.draft.phase.id && deps.findIndex((e) => e.link.id === d.link.id) === i);
    if (unique.length > 0) r.draft.phase.dependencies = unique.map((d) => linkEntry(d.link));
    else delete r.draft.phase.dependencies;
    r.draft.dependencyPaths = unique.map((d) => d.path);
  }
  notes.push(`${summaries.size} summary row(s) became groups of the rows under them, not work: ${listed([...summaries].map((w) => `${w} ${byWbs.get(w)!.draft.phase.name}`))}`);
  return work;
}

/** Resource names as skills; without teams from the caller, one team per resource (and per crew of several). */
function resourceTeams(rows: ReadRow[], notes: string[]): TeamInput[] | undefined {
  const named = rows.filter((r) => r.people.length > 0);
  if (named.length === 0) return undefined;
  for (const r of named) {
    r.draft.phase.skills = [...new Set([...(r.draft.phase.skills ?? []), ...r.people])];
  }
  const teams: TeamInput[] = [];
  const seen = new Set<string>();
  const add = (people: string[]) => {
    const name = people.join(' + ');
    const id = toId(name);
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    teams.push({ id, ...(name !== id ? { name } : {}), size: people.length, skills: [...people] });
  };
  for (const p of [...new Set(named.flatMap((r) => r.people))].sort()) add([p]);
  const crews = named.filter((r) => r.people.length > 1);
  for (const r of crews) add(r.people);
  notes.push(
    `Resource Names are skills: each of the ${seen.size - new Set(crews.map((r) => r.people.join(' + '))).size} resource(s) is a team of one holding its own name${crews.length > 0 ? `; ${crews.length} row(s) naming several resources go to a crew team of those people (the plan does not see that a crew shares people with their own teams)` : ''}; pass --teams to plan with other teams`,
  );
  return teams;
}

export function importCsv(textIn: string, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const [header, ...rows] = parseRows(textIn, issues);
  const read: ReadRow[] = [];
  const missing: string[] = [];
  let drafts: DraftPhase[] = [];
  let teams: TeamInput[] | undefined;
  if (header) {
    const columns = header.cells.map((h) => ALIASES[headerKey(h)]);
    // GanttProject's "Resources" column holds people ("Alice;Bob"), not pools ("ci:1"): told by the absence of units.
    const k = columns.indexOf('resources');
    if (k >= 0 && !columns.includes('people') && rows.some((r) => (r.cells[k] ?? '') !== '') && rows.every((r) => !/:\s*\d/.test(r.cells[k] ?? ''))) columns[k] = 'people';
    const unknown = header.cells.filter((_, k) => columns[k] === undefined);
    if (!columns.includes('id') && !columns.includes('wbs')) issues.add(`line ${header.line}`, `the header has no id column (found: ${header.cells.join(', ')})`);
    else {
      if (unknown.length > 0) notes.push(`columns ignored: ${unknown.join(', ')}`);
      for (const row of rows) {
        const r = readRow(row, columns, options, issues, missing);
        if (r) read.push(r);
      }
      const work = applySummaries(read, notes);
      const done = new Set(work.filter((r) => r.done && !options.includeDone).map((r) => r.draft.phase.id));
      const kept = work.filter((r) => !done.has(r.draft.phase.id));
      drafts = kept.map((r) => r.draft);
      dropDependenciesOn(drafts, done);
      if (done.size > 0) notes.push(`${done.size} row(s) 100 % complete were left out and the dependencies on them count as met: ${listed([...done])}`);
      for (const r of read) for (const p of r.predecessors) if (p.simplified) notes.push(`link simplified: ${p.id} → ${r.draft.phase.id} (${p.simplified})`);
      const elapsed = kept.filter((r) => r.elapsed).map((r) => r.draft.phase.id);
      if (elapsed.length > 0) notes.push(`${elapsed.length} elapsed duration(s) (calendar days) were planned as 5/7 of them in working days: ${listed(elapsed)}`);
      teams = resourceTeams(kept, notes);
    }
  } else if (issues.issues.length === 0) issues.add('file', 'the file is empty: expected a header row (id,name,duration,dependencies,skills) and one row per phase');
  // Summary and finished rows are no work: only the rows kept count.
  const kept = new Set(drafts.map((d) => d.phase.id));
  missing.splice(0, missing.length, ...missing.filter((id) => kept.has(id)));
  if (missing.length > 0) notes.push(`${missing.length} row(s) have no duration and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(missing)}`);
  return assemble(FORMAT, drafts, teams ? { teams } : {}, options, issues, notes);
}
