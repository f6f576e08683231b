#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, defaultOutDir, EXIT, planLocally, planOnServer, writePlanFiles } from './plan-command.js';

const USAGE = `usage: waveplan plan <input.json> [--server URL] [--api-key KEY] [--out DIR] [--json]

Plans the input (on the server when --server is given, else locally with the same engine) and
writes the five artifacts, strategy.md (and, locally, gantt.svg and playbooks/) into --out
(default .claude/state/projects/<name>/parallel-execution/).
exit codes: 0 ok, 1 unexpected error, 2 usage, 3 invalid input, 4 server unreachable`;

const colour = (code: number, text: string) => (process.stderr.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text);

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { server: { type: 'string' }, 'api-key': { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (err) {
    throw new CliError(EXIT.usage, `${(err as Error).message}\n${USAGE}`);
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (command !== 'plan' || !file || rest.length > 0) throw new CliError(EXIT.usage, USAGE);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(EXIT.invalidInput, `cannot read ${file} as JSON: ${(err as Error).message}`);
  }
  const name = typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : 'plan';
  if (!parsed.values.json) process.stderr.write(colour(36, parsed.values.server ? `planning on ${parsed.values.server}…\n` : 'planning locally…\n'));
  const remote = parsed.values.server ? await planOnServer(input, parsed.values.server, parsed.values['api-key']) : undefined;
  const result = remote ?? planLocally(input);
  const out = parsed.values.out ?? defaultOutDir(name);
  const written = writePlanFiles(out, result);
  const summary = { out, files: written, ...(remote ? { planId: remote.planId, version: remote.version } : {}) };
  if (parsed.values.json) console.log(JSON.stringify(summary));
  else process.stderr.write(colour(32, `wrote ${written.length} files to ${out}\n`));
  return EXIT.ok;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(colour(31, `${err.message}\n`));
    for (const d of err.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = EXIT.unexpected;
  }
}
