/**
 * Importer for a simple CSV (or tab-separated) table, one phase per row. Columns, matched by
 * header case-insensitively: id, name, duration (days, "3d", "16h", or "o/m/p" for a three-point
 * estimate), dependencies, skills, and optionally optimistic/likely/pessimistic, team_size,
 * areas, resources ("ci:1;staging:2"), priority. Lists inside a cell are separated by ; | , or spaces.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { PhaseInput } from '../schemas/plan-input.js';
import { assemble, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { readDays, readEstimate, readIds, readPriority, text, toId } from './source-values.js';

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
};

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

interface Row {
  line: number;
  cells: string[];
}

function parseRows(textIn: string, issues: IssueList): Row[] {
  const firstLine = textIn.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    const records = parse(textIn, { bom: true, info: true, skip_empty_lines: true, trim: true, delimiter: firstLine.includes('\t') ? '\t' : ',' }) as unknown as { info: { lines: number }; record: string[] }[];
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

function readRow(row: Row, columns: (string | undefined)[], options: ImportOptions, issues: IssueList, missing: string[]): DraftPhase | undefined {
  const cell = (name: string): { value: string; where: string } | undefined => {
    const k = columns.indexOf(name);
    const value = k < 0 ? undefined : row.cells[k];
    return value === undefined || value === '' ? undefined : { value, where: `line ${row.line}, column ${name}` };
  };
  const idCell = cell('id');
  const id = toId(idCell?.value);
  if (id === undefined) {
    issues.add(`line ${row.line}, column id`, 'the row has no id');
    return undefined;
  }
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
    const days = readDays(duration.value, 1, duration.where, issues);
    if (days !== undefined) phase.duration = days;
  } else missing.push(id);

  let dependencyPaths: string[] = [];
  const deps = cell('dependencies');
  if (deps) {
    const ids = readIds(deps.value, deps.where, issues);
    if (ids && ids.length > 0) {
      phase.dependencies = ids;
      dependencyPaths = ids.map(() => deps.where);
    }
  }
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
  return { phase, path: `line ${row.line}`, dependencyPaths };
}

export function importCsv(textIn: string, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const [header, ...rows] = parseRows(textIn, issues);
  const drafts: DraftPhase[] = [];
  const missing: string[] = [];
  if (header) {
    const columns = header.cells.map((h) => ALIASES[headerKey(h)]);
    const unknown = header.cells.filter((_, k) => columns[k] === undefined);
    if (!columns.includes('id')) issues.add(`line ${header.line}`, `the header has no id column (found: ${header.cells.join(', ')})`);
    else {
      if (unknown.length > 0) notes.push(`columns ignored: ${unknown.join(', ')}`);
      for (const row of rows) {
        const draft = readRow(row, columns, options, issues, missing);
        if (draft) drafts.push(draft);
      }
    }
  } else if (issues.issues.length === 0) issues.add('file', 'the file is empty: expected a header row (id,name,duration,dependencies,skills) and one row per phase');
  if (missing.length > 0) notes.push(`${missing.length} row(s) have no duration and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(missing)}`);
  return assemble(FORMAT, drafts, {}, options, issues, notes);
}
