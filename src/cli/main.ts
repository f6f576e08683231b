#!/usr/bin/env node
import { asWaveplanError } from '../errors.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { repoPath } from '../paths.js';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiClient, isPlanId, serverUrl } from './http-client.js';
import { claimCommand, doneCommand, heartbeatCommand, readyCommand, reportCommand, type AgentFlags } from './agent-commands.js';
import { importFile, notAPlanInput, type ImportFlags } from './import-command.js';
import { CliError, defaultOutDir, EXIT, planLocally, planOnServer, writePlanFiles } from './plan-command.js';
import { progressLine } from './progress.js';
import { parseInput, readText, type ReadInput } from './read-input.js';
import { defaultReplanAsOf, renderReplan, replanAsOf, replanFiles, requestReplan } from './replan-command.js';
import { changesFromFlags, renderWhatif, WHATIF_OPTIONS, whatifLocally, whatifOnServer, type WhatifFlags } from './whatif-command.js';
import { fetchStatus, renderStatus, statusAsOf, type Paint } from './status-command.js';

const HELP = {
  whatif: `usage: waveplan whatif <planId|input.json|input.yaml> [--server URL] [--api-key KEY] [--json]
                       [--add-person TEAM]… [--add-people TEAM=N] [--resize TEAM=N] [--availability TEAM=PCT]
                       [--remove-team TEAM] [--buffer PCT] [--deadline DATE|none] [--pool POOL=N] [--drop PHASE]
                       [--estimate PHASE=DAYS] [--split PHASE=N] [--add-dependency PHASE:ON] [--remove-dependency PHASE:ON]

Plans the changes without storing anything and prints what they change against the current plan
(makespan, completion, success criteria, utilisation): a plan id asks the server
(POST /plans/{id}/scenarios), an input file plans both locally with the same engine and seed.`,
  plan: `usage: waveplan plan <input.json|input.yaml|input.yml> [--server URL] [--api-key KEY] [--out DIR] [--json]

Plans the input (JSON or YAML, told apart by the extension, else by the content) on the server
when --server is given (a URL, with any path prefix the service is mounted under), else locally
with the same engine, and writes the five artifacts, strategy.md, gantt.svg and playbooks/ into
--out (default .claude/state/projects/<name>/parallel-execution/); files an earlier plan left
there that this one does not write (a removed team's playbook) are deleted. On a terminal (never
with --json) stderr shows a progress line: the search, Monte Carlo and artifacts of a local
run, or the state of a server's job when the plan is large enough to be queued there.`,
  status: `usage: waveplan status <planId> --server URL [--api-key KEY] [--as-of ISO] [--json]

Planned vs actual per phase and the open alerts of a tracked plan; --as-of views it at an
earlier moment (ISO date or timestamp); --json prints the server's JSON as it is.`,
  replan: `usage: waveplan replan <planId> --server URL [--api-key KEY] [--as-of DATE] [--out DIR] [--json]

Re-plans from where things stand, as of --as-of (an ISO date; default: the date of the latest
tracking event, else the plan's start while it lies ahead, else today): prints the new version
and the phases that moved (--json: as JSON), and with --out writes the new version's files there
(the same files as plan).`,
  import: `usage: waveplan import <file|folder> [--format dependency-graph|task-master|csv|psplib|mspdi|beads|ccpm] [--start-date DATE]
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
  ready: `usage: waveplan ready <planId> --server URL [--api-key KEY] [--session SID] [--team T] [--skills a,b] [--limit N] [--explain] [--json]

What may be claimed now (read-only), for a session, team or skills; --explain says why each other
open phase is not.`,
  claim: `usage: waveplan claim <planId> --server URL [--api-key KEY] (--session SID | --team T [--skills a,b]) [--phase P] [--override REASON] [--json]

Claims --phase (or the best phase for the session); without --session registers one with --team
(and --skills) first and prints its id. A refusal names its reason (exit 3).`,
  heartbeat: `usage: waveplan heartbeat <planId> --server URL [--api-key KEY] --session SID [--json]

Keeps the session alive.`,
  done: `usage: waveplan done <planId> --server URL [--api-key KEY] --session SID --phase P [--gate passed|failed] [--reason TEXT] [--json]

Completes a held phase (and records its quality gate).`,
  report: `usage: waveplan report <planId> --server URL [--api-key KEY] --session SID --phase P (--type T | --percent N) [--reason TEXT] [--json]

Reports started, progress (--percent), blocked (--reason), unblocked, released or failed.`,
  export: `usage: waveplan export <mspdi|ical|csv> <planId|input.json|input.yaml> [--server URL] [--api-key KEY]
                       [--version N] [--team TEAM] [--out FILE] [--json]
       waveplan export task-master <planId|input.json> --tasks tasks.json [--tag TAG] [--server URL] [--out FILE]

Writes the plan as MS Project XML (mspdi: opens in MS Project, ProjectLibre, GanttProject),
iCalendar (ical: phases, milestones and sync points; --team for one team's feed) or CSV (one row
per phase; --team for one team's rows) to --out or stdout: a plan id with --server reads the
stored version (the latest, or --version), an input file is planned locally first. task-master
writes the planned dates and team of each scheduled task into --tasks (a "waveplan" object per
task and subtask, everything else kept byte for byte) and prints the file, or writes it to --out
(the same path as --tasks updates it in place).`,
  mcp: `usage: waveplan mcp [--server URL --api-key KEY]

An MCP server on stdio: against --server with --api-key, or standalone on the embedded database
(DATA_DIR, or DATABASE_URL).`,
} as const;

const TRAILER = `--api-key defaults to $WAVEPLAN_API_KEY.
exit codes: 0 ok, 1 unexpected error, 2 usage (also a missing file), 3 invalid input or no such plan, 4 server unreachable`;

const USAGE = `usage: waveplan <plan|status|replan|import|export|ready|claim|heartbeat|done|report|mcp> … (waveplan <command> --help for one), waveplan --version

${Object.values(HELP).join('\n\n')}

${TRAILER}`;

const version = (): string => (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;

const common = {
  server: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const agent = {
  ...common,
  session: { type: 'string' },
  team: { type: 'string' },
  skills: { type: 'string' },
  phase: { type: 'string' },
  label: { type: 'string' },
} as const;

const COMMANDS = {
  ready: { ...agent, limit: { type: 'string' }, explain: { type: 'boolean' } },
  claim: { ...agent, override: { type: 'string' } },
  heartbeat: agent,
  done: { ...agent, gate: { type: 'string' }, reason: { type: 'string' } },
  report: { ...agent, type: { type: 'string' }, percent: { type: 'string' }, reason: { type: 'string' } },
  mcp: common,
  export: { ...common, team: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' }, tasks: { type: 'string' }, tag: { type: 'string' } },
  whatif: { ...common, ...WHATIF_OPTIONS },
  plan: { ...common, out: { type: 'string' } },
  status: { ...common, 'as-of': { type: 'string' } },
  replan: { ...common, 'as-of': { type: 'string' }, out: { type: 'string' } },
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
    level: { type: 'string' },
    'infer-skills': { type: 'boolean' },
    'relax-soft-dependencies': { type: 'boolean' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

interface Values extends ImportFlags, AgentFlags, WhatifFlags {
  server?: string;
  'api-key'?: string;
  json?: boolean;
  help?: boolean;
  out?: string;
  'as-of'?: string;
  version?: string;
  tasks?: string;
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
  const asOf = values['as-of'] === undefined ? await defaultReplanAsOf(client, planId) : replanAsOf(values['as-of']);
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
  if (isPlanId(target) || values.adopt) result = await whatifOnServer(clientFor(target, values), target, changes, values.adopt === true);
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

const AGENT_COMMANDS = { ready: readyCommand, claim: claimCommand, heartbeat: heartbeatCommand, done: doneCommand, report: reportCommand } as const;

async function agentCommand(name: keyof typeof AGENT_COMMANDS, planId: string, values: Values): Promise<number> {
  const client = clientFor(planId, values);
  const { view, text } = await AGENT_COMMANDS[name](client, planId, values);
  process.stdout.write(values.json ? `${JSON.stringify(view)}\n` : text);
  return EXIT.ok;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    console.log(version());
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
    throw new CliError(EXIT.usage, `${(err as Error).message}\n${HELP[name]}`);
  }
  const values = parsed.values as Values;
  if (values.help) {
    console.log(`${HELP[name]}\n\n${TRAILER}`);
    return EXIT.ok;
  }
  values['api-key'] ??= process.env.WAVEPLAN_API_KEY || undefined;
  if (name === 'mcp') {
    if (parsed.positionals.length > 0) throw new CliError(EXIT.usage, `mcp takes no arguments\n${HELP.mcp}`);
    // Loaded only here: the standalone server brings the whole service with it.
    const { mcpCommand } = await import('./mcp-command.js');
    await mcpCommand(values.server, values['api-key']);
    return EXIT.ok;
  }
  if (name === 'export') {
    const { exportCommand } = await import('./export-command.js');
    return exportCommand(parsed.positionals, values, HELP.export);
  }
  const [target, ...rest] = parsed.positionals;
  if (!target || rest.length > 0) throw new CliError(EXIT.usage, `${name} takes exactly one ${name === 'plan' || name === 'import' ? 'input file' : name === 'whatif' ? 'plan id or input file' : 'plan id'}\n${HELP[name]}`);
  if (name === 'plan') return plan(target, values);
  if (name === 'import') return importCommand(target, values);
  if (name === 'status') return status(target, values);
  if (Object.hasOwn(AGENT_COMMANDS, name)) return agentCommand(name as keyof typeof AGENT_COMMANDS, target, values);
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
  } else if (asWaveplanError(err)) {
    // The catalogue's errors (an impossible plan, a refusal) exit with the catalogue's code.
    const known = asWaveplanError(err)!;
    process.stderr.write(`${colour(31, known.message)}\n`);
    for (const d of known.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    process.exitCode = known.exitCode;
  } else {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = EXIT.unexpected;
  }
}
