import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { PlanInputError } from '../domain/errors.js';
import {
  detectFormat,
  ImportError,
  importPlannable,
  IMPORT_FORMATS,
  isImportFormat,
  structuredFormat,
  textFormat,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
} from '../importers/index.js';
import { importSeedResources } from '../importers/seed-resources.js';
import { TeamInput } from '../schemas/plan-input.js';
import { CliError, EXIT, invalidPlan } from './cli-error.js';
import { colour, COMMON_OPTIONS, type CliCommand, type Values } from './command.js';
import { readInput, readText } from './read-input.js';

export interface ImportFlags {
  format?: string;
  'start-date'?: string;
  name?: string;
  teams?: string;
  'team-size'?: string;
  tag?: string;
  'default-duration'?: string;
  'include-done'?: boolean;
  level?: string;
  'infer-skills'?: boolean;
  'relax-soft-dependencies'?: boolean;
}

const Teams = Type.Array(TeamInput, { minItems: 1 });

/**
 * Teams from a JSON or YAML file: a list of Waveplan teams, an object with "teams", or the seed
 * shape (resource_analysis with available_teams, infrastructure_capacity, resource_constraints),
 * whose pools and constraints come along.
 */
function readTeams(file: string): Pick<ImportOptions, 'teams' | 'infrastructure' | 'resourceConstraints'> {
  const value = readInput(file).value;
  let seed;
  try {
    seed = importSeedResources(value);
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(EXIT.invalidInput, `${file} does not hold teams the seed way (resource_analysis.available_teams)`, err.issues);
    throw err;
  }
  if (seed) {
    if (!seed.teams) throw new CliError(EXIT.invalidInput, `${file} has a resource_analysis without available_teams`);
    return {
      teams: seed.teams,
      ...(seed.infrastructure ? { infrastructure: seed.infrastructure } : {}),
      ...(seed.resourceConstraints ? { resourceConstraints: seed.resourceConstraints } : {}),
    };
  }
  const teams = typeof value === 'object' && value !== null && !Array.isArray(value) && 'teams' in value ? (value as { teams: unknown }).teams : value;
  if (!Value.Check(Teams, teams)) {
    const details = [...Value.Errors(Teams, teams)].slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message }));
    throw new CliError(EXIT.invalidInput, `${file} does not hold a list of teams (id, size, skills) or a resource_analysis with available_teams`, details);
  }
  return { teams };
}

function positiveNumber(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new CliError(EXIT.usage, `--${flag} takes a positive ${integer ? 'integer' : 'number'}, not ${raw}`);
  return n;
}

export function importOptions(flags: ImportFlags): ImportOptions {
  const teamSize = positiveNumber('team-size', flags['team-size'], true);
  const defaultDuration = positiveNumber('default-duration', flags['default-duration'], false);
  if (flags.level !== undefined && flags.level !== 'task' && flags.level !== 'phase') throw new CliError(EXIT.usage, `--level takes task or phase, not ${flags.level}`);
  return {
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    ...(flags['start-date'] !== undefined ? { startDate: flags['start-date'] } : {}),
    ...(flags.teams !== undefined ? readTeams(flags.teams) : {}),
    ...(teamSize !== undefined ? { teamSize } : {}),
    ...(defaultDuration !== undefined ? { defaultDuration } : {}),
    ...(flags.tag !== undefined ? { tag: flags.tag } : {}),
    ...(flags['include-done'] ? { includeDone: true } : {}),
    ...(flags.level !== undefined ? { level: flags.level as 'task' | 'phase' } : {}),
    ...(flags['infer-skills'] ? { inferSkills: true } : {}),
    ...(flags['relax-soft-dependencies'] ? { relaxSoftDependencies: true } : {}),
  };
}

const MAX_FOLDER_FILES = 5000;

/**
 * A folder (ccpm's .claude/epics/ or one epic in it) as the JSON map of path → text the ccpm
 * importer reads: its Markdown files, named from the folder's own name down.
 */
export function folderAsFileMap(dir: string): string {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md'));
  if (names.length > MAX_FOLDER_FILES) throw new CliError(EXIT.invalidInput, `${dir} holds ${names.length} Markdown files; at most ${MAX_FOLDER_FILES} are read`);
  const base = path.basename(path.resolve(dir));
  const files = Object.fromEntries(names.sort().map((n) => [`${base}/${n.split(path.sep).join('/')}`, readFileSync(path.join(dir, n), 'utf8')]));
  return JSON.stringify({ files });
}

const isFolder = (file: string) => {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Reads another tool's file and maps it to a plan input, checked as the planner checks it
 * (a dependency cycle in the source is reported here, not at planning time).
 */
export function importFile(file: string, flags: ImportFlags): ImportResult & { format: string } {
  if (flags.format !== undefined && !isImportFormat(flags.format)) throw new CliError(EXIT.usage, `--format takes one of ${IMPORT_FORMATS.join(', ')}, not ${flags.format}`);
  const options = { ...importOptions(flags), fileName: file };
  const folder = isFolder(file);
  const text = folder ? folderAsFileMap(file) : readText(file);
  const format = (flags.format as (typeof IMPORT_FORMATS)[number] | undefined) ?? (folder ? 'ccpm' : detectFormat(file, text));
  let result: ImportResult;
  try {
    result = importPlannable(format, text, options);
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(EXIT.invalidInput, `cannot import ${file} as ${format}`, err.issues);
    if (err instanceof PlanInputError) throw invalidPlan(err, `${file} imports as ${format}, but the plan it describes is impossible`);
    throw err;
  }
  return { ...result, format };
}

const FORMAT_NAMES = {
  'dependency-graph': 'dependency graph',
  'task-master': 'task-master tasks.json',
  csv: 'CSV table',
  psplib: 'PSPLIB instance',
  mspdi: 'MS Project XML file',
  beads: 'beads issues.jsonl',
  ccpm: 'ccpm epics folder',
} as const;

/**
 * Why a file given to `plan` is not a plan input, when it is one the importers read instead: a
 * CSV or PSPLIB file (told without parsing), or, once parsed, JSON/YAML that names no teams.
 */
export function notAPlanInput(file: string, text: string, value?: unknown): string | undefined {
  let format: ImportFormat | undefined = textFormat(file, text);
  if (!format && value !== undefined) {
    const planLike = typeof value === 'object' && value !== null && 'teams' in value;
    if (!planLike) format = structuredFormat(value);
  }
  if (!format) return undefined;
  return `${file} is not a plan input but looks like a ${FORMAT_NAMES[format]}: map it with \`waveplan import ${file} --start-date YYYY-MM-DD --out input.json\`, then plan input.json`;
}

function importCommand(file: string, values: Values & ImportFlags): number {
  const { input, notes, format } = importFile(file, values);
  const text = `${JSON.stringify(input, null, 2)}\n`;
  if (values.out !== undefined) {
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    writeFileSync(values.out, text);
  }
  if (values.json) console.log(JSON.stringify({ format, input, notes, ...(values.out !== undefined ? { out: values.out } : {}) }));
  else if (values.out === undefined) process.stdout.write(text);
  if (!values.json) {
    for (const note of notes) process.stderr.write(`${colour(33, 'note:')} ${note}\n`);
    process.stderr.write(`${colour(32, `imported ${input.phases.length} phases from ${file} (${format})${values.out !== undefined ? ` into ${values.out}` : ''}`)}\n`);
  }
  return EXIT.ok;
}

export const command: CliCommand = {
  usage: `usage: waveplan import <file|folder> [--format dependency-graph|task-master|csv|psplib|mspdi|beads|ccpm] [--start-date DATE]
                       [--name NAME] [--teams FILE] [--team-size N] [--tag TAG] [--default-duration DAYS]
                       [--include-done] [--level task|phase] [--infer-skills] [--relax-soft-dependencies]
                       [--out FILE] [--json]

Maps another tool's file to a plan input: the dependency graph of an analysis step (JSON or
YAML), task-master's tasks.json, a CSV (id,name,duration,dependencies,skills, or an MS Project /
ProjectLibre / GanttProject export), a PSPLIB .sm instance, MS Project XML (MSPDI), beads'
.beads/issues.jsonl or a ccpm epics folder (format told by the extension and content unless
--format; a folder is read as ccpm). Writes the input to --out, or to stdout; notes on what the mapping
assumed go to stderr (--json: stdout gets {input, notes, format}). Teams come from --teams (a
JSON/YAML list of teams, or the seed shape resource_analysis {available_teams,
infrastructure_capacity, resource_constraints}), else the file, else one team of --team-size
holding every skill. An upstream dependency analysis is planned at task level when it has tasks
(--level phase plans its phases); --infer-skills fills missing skills from task_type and file
extensions; --relax-soft-dependencies lets the schedule ignore soft dependencies.`,
  options: {
    ...COMMON_OPTIONS,
    out: { type: 'string' },
    format: { type: 'string' },
    'start-date': { type: 'string' },
    name: { type: 'string' },
    teams: { type: 'string' },
    'team-size': { type: 'string' },
    tag: { type: 'string' },
    'default-duration': { type: 'string' },
    'include-done': { type: 'boolean' },
    level: { type: 'string' },
    'infer-skills': { type: 'boolean' },
    'relax-soft-dependencies': { type: 'boolean' },
  },
  operand: 'input file',
  run: async (file, values) => importCommand(file!, values),
};
