#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiClient, isPlanId, serverUrl } from './http-client.js';
import { importFile, notAPlanInput, type ImportFlags } from './import-command.js';
import { CliError, defaultOutDir, EXIT, planLocally, planOnServer, writePlanFiles } from './plan-command.js';
import { progressLine } from './progress.js';
import { parseInput, readText, type ReadInput } from './read-input.js';
import { renderReplan, replanAsOf, replanFiles, requestReplan } from './replan-command.js';
import { changesFromFlags, renderWhatif, WHATIF_OPTIONS, whatifLocally, whatifOnServer, type WhatifFlags } from './whatif-command.js';
import { fetchStatus, renderStatus, statusAsOf, type Paint } from './status-command.js';

const USAGE = `usage:
  waveplan plan <input.json|input.yaml|input.yml> [--server URL] [--api-key KEY] [--out DIR] [--json]
  waveplan status <planId> --server URL [--api-key KEY] [--as-of ISO] [--json]
  waveplan replan <planId> --server URL [--api-key KEY] [--as-of DATE] [--out DIR] [--json]
  waveplan whatif <planId|input.json|input.yaml> [--server URL] [--api-key KEY] [--json]
                  [--add-person TEAM]… [--add-people TEAM=N] [--resize TEAM=N] [--availability TEAM=PCT]
                  [--remove-team TEAM] [--buffer PCT] [--deadline DATE|none] [--pool POOL=N] [--drop PHASE]
                  [--estimate PHASE=DAYS] [--split PHASE=N] [--add-dependency PHASE:ON] [--remove-dependency PHASE:ON]
  waveplan import <file> [--format dependency-graph|task-master|csv|psplib] [--start-date DATE]
                  [--name NAME] [--teams FILE] [--team-size N] [--tag TAG] [--default-duration DAYS]
                  [--include-done] [--out FILE] [--json]

plan     Plans the input (JSON or YAML, told apart by the extension, else by the content) on the
         server when --server is given, else locally with the same engine, and writes the five
         artifacts, strategy.md (and, locally, gantt.svg and playbooks/) into --out (default
         .claude/state/projects/<name>/parallel-execution/). On a terminal (never with --json)
         stderr shows a progress line: the search, Monte Carlo and artifacts of a local run, or
         the state of a server's job when the plan is large enough to be queued there.
status   Planned vs actual per phase and the open alerts of a tracked plan; --as-of views it at
         an earlier moment (ISO date or timestamp); --json prints the server's JSON as it is.
replan   Re-plans from where things stand (as of --as-of, an ISO date; default today): prints
         the new version and the phases that moved (--json: as JSON), and with --out writes the
         new version's artifacts and strategy.md there.
whatif   Plans the changes without storing anything and prints what they change against the current
         plan (makespan, completion, success criteria, utilisation): a plan id asks the server
         (POST /plans/{id}/scenarios), an input file plans both locally with the same engine and seed.
import   Maps another tool's file to a plan input: the dependency graph of an analysis step (JSON or
         YAML), task-master's tasks.json, a CSV (id,name,duration,dependencies,skills) or a PSPLIB
         .sm instance (format told by the extension and content unless --format). Writes the input
         to --out, or to stdout; notes on what the mapping assumed go to stderr (--json: stdout
         gets {input, notes, format}). Teams come from --teams (a JSON/YAML list), else the file,
         else one team of --team-size holding every skill.

exit codes: 0 ok, 1 unexpected error, 2 usage, 3 invalid input or no such plan, 4 server unreachable`;

const common = {
  server: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMANDS = {
  plan: { ...common, out: { type: 'string' } },
  status: { ...common, 'as-of': { type: 'string' } },
  replan: { ...common, 'as-of': { type: 'string' }, out: { type: 'string' } },
  whatif: { ...common, ...WHATIF_OPTIONS },
  import: {
    ...common,
    out: { type: 'string' },
    format: { type: 'string' },
    'start-date': { type: 'string' },
    name: { type: 'string' },
    teams: { type: 'string' },
    'team-size': { type: 'string' },
    tag: { type: 'string' },
    'default-duration': { type: 'string' },
    'include-done': { type: 'boolean' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

interface Values extends ImportFlags, WhatifFlags {
  server?: string;
  'api-key'?: string;
  json?: boolean;
  help?: boolean;
  out?: string;
  'as-of'?: string;
}

const painter =
  (stream: NodeJS.WriteStream): Paint =>
  (code, text) =>
    stream.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;
const colour = painter(process.stderr);

/** Adds where in the input file a detail's path points, when the file tells. */
function located(err: unknown, read: ReadInput): unknown {
  if (!(err instanceof CliError) || err.details.length === 0) return err;
  const details = err.details.map((d) => {
    const at = d.path.startsWith('/') ? read.locate(d.path) : undefined;
    return at ? { ...d, path: `${d.path} (line ${at.line}, column ${at.col})` } : d;
  });
  return new CliError(err.exitCode, err.message, details);
}

async function plan(file: string, values: Values): Promise<number> {
  if (values.server !== undefined) serverUrl(values.server);
  const text = readText(file);
  const csvOrSm = notAPlanInput(file, text);
  if (csvOrSm) throw new CliError(EXIT.invalidInput, csvOrSm);
  const read = parseInput(file, text);
  const input = read.value;
  const imported = notAPlanInput(file, text, input);
  if (imported) throw new CliError(EXIT.invalidInput, imported);
  const name = typeof (input as { name?: unknown } | null)?.name === 'string' ? (input as { name: string }).name : 'plan';
  if (!values.json) process.stderr.write(`${colour(36, values.server ? `planning on ${values.server}…` : 'planning locally…')}\n`);
  const progress = progressLine(process.stderr, !values.json);
  const onWait = (state: string, seconds: number) => progress.note(`job on ${values.server}: ${state}, ${seconds} s`);
  let remote;
  let result;
  try {
    remote = values.server ? await planOnServer(input, values.server, values['api-key'], onWait) : undefined;
    result = remote ?? planLocally(input, progress.onProgress);
  } catch (err) {
    throw located(err, read);
  } finally {
    progress.done();
  }
  const out = values.out ?? defaultOutDir(name);
  const written = writePlanFiles(out, result);
  const summary = { out, files: written, ...(remote ? { planId: remote.planId, version: remote.version } : {}) };
  if (values.json) console.log(JSON.stringify(summary));
  else process.stderr.write(`${colour(32, `wrote ${written.length} files to ${out}`)}\n`);
  return EXIT.ok;
}

function importCommand(file: string, values: Values): number {
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

function clientFor(planId: string, values: Values): ApiClient {
  const server = serverUrl(values.server);
  if (!isPlanId(planId)) throw new CliError(EXIT.usage, `${planId} is not a plan id (a UUID, as \`waveplan plan --server\` prints)`);
  return new ApiClient(server, values['api-key']);
}

async function status(planId: string, values: Values): Promise<number> {
  const client = clientFor(planId, values);
  const asOf = values['as-of'] === undefined ? undefined : statusAsOf(values['as-of']);
  const { status: view, text } = await fetchStatus(client, planId, asOf);
  if (values.json) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(renderStatus(view, painter(process.stdout)));
  return EXIT.ok;
}

async function replan(planId: string, values: Values): Promise<number> {
  const client = clientFor(planId, values);
  const asOf = values['as-of'] === undefined ? undefined : replanAsOf(values['as-of']);
  const result = await requestReplan(client, planId, asOf);
  const written = values.out === undefined ? undefined : writePlanFiles(values.out, await replanFiles(client, result));
  if (values.json) {
    const { planId: id, version, parentVersion, reason, createdAt, summary, changes } = result;
    console.log(JSON.stringify({ planId: id, version, parentVersion, reason, createdAt, summary, changes, ...(written ? { out: values.out, files: written } : {}) }));
  } else {
    process.stdout.write(renderReplan(result, painter(process.stdout)));
    if (written) process.stderr.write(`${colour(32, `wrote ${written.length} files to ${values.out}`)}\n`);
  }
  return EXIT.ok;
}

async function whatif(target: string, values: Values): Promise<number> {
  const changes = changesFromFlags(values);
  let result;
  if (isPlanId(target)) result = await whatifOnServer(clientFor(target, values), target, changes);
  else {
    const read = parseInput(target, readText(target));
    try {
      result = whatifLocally(read.value, changes, target);
    } catch (err) {
      throw located(err, read);
    }
  }
  if (values.json) console.log(JSON.stringify(result));
  else process.stdout.write(renderWhatif(result));
  return EXIT.ok;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (command === undefined || !Object.hasOwn(COMMANDS, command)) {
    throw new CliError(EXIT.usage, `${command === undefined ? 'no command given' : `unknown command ${command}`}\n${USAGE}`);
  }
  const name = command as keyof typeof COMMANDS;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: COMMANDS[name] });
  } catch (err) {
    throw new CliError(EXIT.usage, `${(err as Error).message}\n${USAGE}`);
  }
  const values = parsed.values as Values;
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const [target, ...rest] = parsed.positionals;
  if (!target || rest.length > 0) throw new CliError(EXIT.usage, `${name} takes exactly one ${name === 'plan' || name === 'import' ? 'input file' : name === 'whatif' ? 'plan id or input file' : 'plan id'}\n${USAGE}`);
  if (name === 'plan') return plan(target, values);
  if (name === 'import') return importCommand(target, values);
  if (name === 'status') return status(target, values);
  if (name === 'whatif') return whatif(target, values);
  return replan(target, values);
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(`${colour(31, err.message)}\n`);
    for (const d of err.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = EXIT.unexpected;
  }
}
