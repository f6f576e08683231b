/**
 * Turning other tools' files into Waveplan plan inputs. Pure: the caller reads the file and hands
 * over its text; every importer returns a schema-valid input and notes on what it assumed, or
 * throws ImportError listing every problem with where it is in the file.
 */
import path from 'node:path';
import { parseDocument } from 'yaml';
import { normalise } from '../domain/input.js';
import { MAX_NESTING, nestingDepth } from '../nesting.js';
import { importCsv } from './csv.js';
import { importDependencyGraph } from './dependency-graph.js';
import { ImportError } from './import-error.js';
import { defaultName, type ImportOptions, type ImportResult } from './import-options.js';
import { parsePsplib, psplibToPlanInput, PsplibFormatError } from './psplib.js';
import { isObject } from './source-values.js';
import { importTaskMaster } from './task-master.js';
import { importMspdi } from './mspdi.js';
import { importBeads } from './beads.js';
import { ccpmFiles, importCcpm } from './ccpm.js';

export { ImportError, type ImportIssue } from './import-error.js';
export type { ImportOptions, ImportResult } from './import-options.js';

export const IMPORT_FORMATS = ['dependency-graph', 'task-master', 'csv', 'psplib', 'mspdi', 'beads', 'ccpm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const isImportFormat = (s: string): s is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(s);

/** A JSON or YAML document's value, or ImportError naming the line and column that cannot be read. */
export function parseStructured(format: string, source: string): unknown {
  // The YAML parser's memory grows steeply with flow nesting ("[[[[…"): refuse deep text before it runs.
  const depth = nestingDepth(source, MAX_NESTING + 1);
  if (depth > MAX_NESTING) throw new ImportError(format, [{ path: 'file', message: `nested more than ${MAX_NESTING} levels deep` }]);
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { prettyErrors: true, schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ImportError(
      format,
      doc.errors.slice(0, 20).map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'file',
        message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      })),
    );
  }
  try {
    // Aliases expand at most 100 times, so a small file cannot blow up into a huge value.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ImportError(format, [{ path: 'file', message: (err as Error).message }]);
  }
}

/** task-master's files hold tasks with numeric ids and titles, under "tasks" or under a tag. */
function looksLikeTaskMaster(value: unknown): boolean {
  if (!isObject(value)) return false;
  const lists = Array.isArray(value.tasks)
    ? [value.tasks]
    : Object.values(value)
        .filter((v) => isObject(v) && Array.isArray(v.tasks))
        .map((v) => (v as { tasks: unknown[] }).tasks);
  const first = lists.find((l) => l.length > 0)?.[0];
  return lists.length > 0 && isObject(first) && 'title' in first && (typeof first.id === 'number' || 'subtasks' in first || 'testStrategy' in first);
}

/** The formats told by the file's name or a glance at its text, without parsing it: CSV, PSPLIB and MS Project XML. */
export function textFormat(fileName: string, source: string): 'csv' | 'psplib' | 'mspdi' | 'beads' | undefined {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.sm' || /PRECEDENCE RELATIONS:/.test(source)) return 'psplib';
  if (ext === '.xml' || /^\uFEFF?\s*</.test(source)) return 'mspdi';
  // beads writes one issue a line: a first line that is an object with an issue_type (pretty-printed JSON opens with "{" alone).
  if (ext === '.jsonl' || /^\uFEFF?\s*\{[^\n]*"issue_type"\s*:/.test(source)) return 'beads';
  return undefined;
}

/** The format of a parsed JSON or YAML document: a map of .md paths to text is a ccpm folder. */
export const structuredFormat = (value: unknown): 'task-master' | 'dependency-graph' | 'ccpm' =>
  ccpmFiles(value) ? 'ccpm' : looksLikeTaskMaster(value) ? 'task-master' : 'dependency-graph';

/** The format of a file: by extension for .csv/.tsv and .sm, else by what its JSON or YAML holds. */
export function detectFormat(fileName: string, source: string): ImportFormat {
  const byText = textFormat(fileName, source);
  if (byText) return byText;
  try {
    return structuredFormat(parseStructured('file', source));
  } catch {
    return 'dependency-graph';
  }
}

function importPsplib(source: string, options: ImportOptions): ImportResult {
  if (options.startDate === undefined)
    throw new ImportError('PSPLIB .sm', [{ path: 'file', message: 'no start date: a PSPLIB instance counts periods from 0, so pass one (--start-date YYYY-MM-DD)' }]);
  try {
    const input = { ...psplibToPlanInput(parsePsplib(source), defaultName(options, undefined, 'PSPLIB instance')), startDate: options.startDate };
    return { input, notes: ['PSPLIB periods are planned as calendar days (every day a working day); each renewable resource is a pool'] };
  } catch (err) {
    if (err instanceof PsplibFormatError) throw new ImportError('PSPLIB .sm', [{ path: `line ${err.line}`, message: err.message.replace(/^line \d+: /, '') }]);
    throw err;
  }
}

/**
 * Imports a file whose format may be unknown, parsing it once: CSV and PSPLIB are told by name or
 * text; anything else is parsed as JSON/YAML and told by what it holds.
 */
export function importAny(format: ImportFormat | undefined, fileName: string, source: string, options: ImportOptions = {}): ImportResult & { format: ImportFormat } {
  const known = format ?? textFormat(fileName, source);
  if (known === 'csv' || known === 'psplib' || known === 'mspdi' || known === 'beads') return { ...importPlannable(known, source, options), format: known };
  const value = parseStructured(known === 'task-master' ? 'task-master tasks.json' : 'dependency graph', source);
  const chosen = known ?? structuredFormat(value);
  const result = chosen === 'task-master' ? importTaskMaster(value, options) : chosen === 'ccpm' ? importCcpmValue(value, options) : importDependencyGraph(value, options);
  normalise(result.input);
  return { ...result, format: chosen };
}

/** A ccpm folder sent as a JSON map of path → text. */
function importCcpmValue(value: unknown, options: ImportOptions): ImportResult {
  const files = ccpmFiles(value);
  if (!files)
    throw new ImportError('ccpm epics', [
      { path: '/', message: 'expected a JSON object of file paths (…/epics/<epic>/epic.md, …/<epic>/001.md) to their text, or {"files": {…}}' },
    ]);
  return importCcpm(files, options);
}

export function importText(format: ImportFormat, source: string, options: ImportOptions = {}): ImportResult {
  switch (format) {
    case 'csv':
      return importCsv(source, options);
    case 'psplib':
      return importPsplib(source, options);
    case 'mspdi':
      return importMspdi(source, options);
    case 'beads':
      return importBeads(source, options);
    case 'ccpm':
      return importCcpmValue(parseStructured('ccpm file map', source), options);
    case 'task-master':
      return importTaskMaster(parseStructured('task-master tasks.json', source), options);
    case 'dependency-graph':
      return importDependencyGraph(parseStructured('dependency graph', source), options);
  }
}

/**
 * importText, with the result also checked as the planner checks it: a graph the planner would
 * refuse (a cycle, a phase no team can take) throws PlanInputError here, not at planning time.
 */
export function importPlannable(format: ImportFormat, source: string, options: ImportOptions = {}): ImportResult {
  const result = importText(format, source, options);
  normalise(result.input);
  return result;
}
