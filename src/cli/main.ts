#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { asWaveplanError } from '../errors.js';
import { repoPath } from '../paths.js';
import { CliError, EXIT } from './cli-error.js';
import { colour, type CliCommand, type Values } from './command.js';

/**
 * The subcommands, one line each: its operand and what `waveplan --help` says of it, and its module, loaded only
 * when the command runs (start-up stays cheap: --help loads none of them).
 */
const COMMANDS: Record<string, [operand: string, summary: string, load: () => Promise<CliCommand>]> = {
  plan: ['<input>', 'plan an input (JSON/YAML) locally or on --server; write the artifacts', () => import('./plan-command.js').then((m) => m.command)],
  whatif: ['<planId|input>', 'what the changes would change, nothing stored', () => import('./whatif-command.js').then((m) => m.command)],
  status: ['<planId>', 'planned vs actual and open alerts of a tracked plan', () => import('./status-command.js').then((m) => m.command)],
  replan: ['<planId>', 'a new version from where things stand', () => import('./replan-command.js').then((m) => m.command)],
  export: ['<format> <planId|input>', 'the plan as MS Project XML, iCalendar or CSV; planned dates into task-master', () => import('./export-command.js').then((m) => m.command)],
  import: [
    '<file|folder>',
    "map another tool's file or folder (dependency graph, tasks.json, CSV, PSPLIB, MS Project XML, beads, ccpm) to a plan input",
    () => import('./import-command.js').then((m) => m.command),
  ],
  ready: ['<planId>', 'what may be claimed now', () => import('./agent-commands.js').then((m) => m.agentCommands.ready)],
  claim: ['<planId>', 'claim a phase for a session', () => import('./agent-commands.js').then((m) => m.agentCommands.claim)],
  heartbeat: ['<planId>', 'keep a session alive', () => import('./agent-commands.js').then((m) => m.agentCommands.heartbeat)],
  done: ['<planId>', 'complete a held phase', () => import('./agent-commands.js').then((m) => m.agentCommands.done)],
  report: ['<planId>', 'report progress, a block, a release or a failure', () => import('./agent-commands.js').then((m) => m.agentCommands.report)],
  mcp: ['', 'an MCP server on stdio', () => import('./mcp-command.js').then((m) => m.command)],
};

const TRAILER = `--api-key defaults to $WAVEPLAN_API_KEY.
exit codes: 0 ok, 1 unexpected error, 2 usage (also a missing file), 3 invalid input or no such plan, 4 server unreachable`;

function usage(): string {
  const names = Object.keys(COMMANDS);
  const lines = Object.entries(COMMANDS).map(([name, [operand, summary]]) => `  ${`waveplan ${name} ${operand}`.padEnd(38)} ${summary}`);
  return `usage: waveplan <${names.join('|')}> … (waveplan <command> --help for its flags), waveplan --version\n\n${lines.join('\n')}\n\n${TRAILER}`;
}

const version = (): string => (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(version());
    return EXIT.ok;
  }
  if (name === undefined || !Object.hasOwn(COMMANDS, name)) {
    throw new CliError(EXIT.usage, `${name === undefined ? 'no command given' : `unknown command ${name}`}\n${usage()}`);
  }
  const command = await COMMANDS[name]![2]();
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: command.options });
  } catch (err) {
    throw new CliError(EXIT.usage, `${(err as Error).message}\n${command.usage}`);
  }
  const values = parsed.values as Values;
  if (values.help) {
    console.log(`${command.usage}\n\n${TRAILER}`);
    return EXIT.ok;
  }
  values['api-key'] ??= process.env.WAVEPLAN_API_KEY || undefined;
  const positionals = parsed.positionals;
  if (command.operand === undefined && positionals.length > 0) throw new CliError(EXIT.usage, `${name} takes no arguments\n${command.usage}`);
  const operands = command.operands ?? 1;
  if (command.operand !== undefined && positionals.length !== operands) {
    throw new CliError(EXIT.usage, `${name} takes ${operands === 1 ? 'exactly one' : operands} ${command.operand}\n${command.usage}`);
  }
  return command.run(positionals[0], values, positionals);
}

function report(err: unknown): number {
  // The catalogue's errors (an impossible plan, a refusal) exit with the catalogue's code.
  const known = err instanceof CliError ? err : asWaveplanError(err);
  if (!known) {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    return EXIT.unexpected;
  }
  process.stderr.write(`${colour(31, known.message)}\n`);
  for (const d of known.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
  return known.exitCode;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  process.exitCode = report(err);
}
