import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from 'typebox/value';
import { PlanInputError } from '../domain/errors.js';
import { planProject, type ProgressCallback } from '../domain/plan.js';
import { planningDateOf, utcDate } from '../domain/planning-date.js';
import { ARTIFACT_NAMES } from '../schemas/artifacts/index.js';
import { PlanInput } from '../schemas/plan-input.js';
import { createSearchHelper } from '../service/search-helper.js';
import { CliError, EXIT, invalidPlan } from './cli-error.js';
import { colour, COMMON_OPTIONS, type CliCommand, type Values } from './command.js';
import type { Schema } from '../client/index.js';
import { ApiClient, serverUrl } from './http-client.js';

type PlanVersion = Schema<'PlanVersion'>;
import { notAPlanInput } from './import-command.js';
import { progressLine } from './progress.js';
import { located, parseInput, readText } from './read-input.js';
import { serverFiles } from './server-files.js';

export { CliError, EXIT } from './cli-error.js';

export interface PlanFiles {
  artifacts: Record<string, unknown>;
  document: string;
  playbooks?: Record<string, string>;
  gantt?: string;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'plan';

export const defaultOutDir = (name: string) => path.join('.claude', 'state', 'projects', slug(name), 'parallel-execution');

/**
 * Plans with the same domain code as the service, after checking the input against the schema;
 * onProgress only observes. The clock is passed in as the service passes its own, so the
 * input's planning.timeBudgetMs ends the search here too (the domain has no clock).
 */
export function planLocally(input: unknown, onProgress?: ProgressCallback, clock: () => number = () => performance.now()): PlanFiles {
  if (!Value.Check(PlanInput, input)) {
    const details = [...Value.Errors(PlanInput, input)].slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message }));
    throw new CliError(EXIT.invalidInput, 'the input does not match the plan input schema', details);
  }
  try {
    return planProject(input, { clock, searchHelper: createSearchHelper, planningDate: planningDateOf(input, utcDate(new Date())), ...(onProgress ? { onProgress } : {}) });
  } catch (err) {
    if (err instanceof PlanInputError) throw invalidPlan(err);
    throw err;
  }
}

/**
 * Posts the input to a Waveplan server (keeping any path prefix of its URL) and reads back what
 * it stored, the same files a local plan writes; a large plan is queued there (202), and its job
 * is polled, `onWait` told its state and the seconds waited.
 */
export async function planOnServer(
  input: unknown,
  server: string,
  apiKey?: string,
  onWait?: (state: string, seconds: number) => void,
): Promise<PlanFiles & { planId: string; version: number }> {
  const client = new ApiClient(serverUrl(server), apiKey);
  const posted = await client.ok(client.api.POST('/plans', { body: input as PlanInput }));
  let created = posted.data as PlanVersion;
  if (posted.response.status === 202) {
    const job = posted.data as { jobId: string; planId: string };
    const queuedAt = Date.now();
    for (let state = 'queued'; ;) {
      onWait?.(state, Math.round((Date.now() - queuedAt) / 1000));
      await new Promise((r) => setTimeout(r, 500));
      const polled = (await client.ok(client.api.GET('/jobs/{jobId}', { params: { path: { jobId: job.jobId } } }))).data;
      state = polled.state;
      if (state === 'failed') throw new CliError(EXIT.invalidInput, polled.error?.message ?? 'planning failed', polled.error?.details ?? []);
      if (state === 'completed') break;
    }
    created = (await client.ok(client.api.GET('/plans/{id}', { params: { path: { id: job.planId } } }))).data;
  }
  const { planId, version, artifacts } = created;
  return { planId, version, ...(await serverFiles(client, planId, version, artifacts as Record<string, unknown>)) };
}

/** Removes what an earlier plan wrote into dir and this one did not (a team's playbook that is gone, a Gantt chart); nothing else. */
function removeStale(dir: string, written: string[]): void {
  const kept = new Set(written.map((f) => path.resolve(f)));
  const gantt = path.resolve(dir, 'gantt.svg');
  if (!kept.has(gantt) && existsSync(gantt)) rmSync(gantt);
  const books = path.join(dir, 'playbooks');
  if (!existsSync(books)) return;
  for (const name of readdirSync(books)) {
    const file = path.resolve(books, name);
    if (name.endsWith('.md') && !kept.has(file)) rmSync(file);
  }
}

/** Writes the five artifacts, the strategy document and (when present) playbooks and Gantt chart. */
export function writePlanFiles(dir: string, files: PlanFiles): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(file);
  };
  for (const name of ARTIFACT_NAMES) write(name, `${JSON.stringify(files.artifacts[name], null, 2)}\n`);
  write('strategy.md', files.document);
  if (files.gantt) write('gantt.svg', files.gantt);
  for (const [team, md] of Object.entries(files.playbooks ?? {})) write(path.join('playbooks', `${team}.md`), md);
  removeStale(dir, written);
  return written;
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

export const command: CliCommand = {
  usage: `usage: waveplan plan <input.json|input.yaml|input.yml> [--server URL] [--api-key KEY] [--out DIR] [--json]

Plans the input (JSON or YAML, told apart by the extension, else by the content) on the server
when --server is given (a URL, with any path prefix the service is mounted under), else locally
with the same engine, and writes the five artifacts, strategy.md, gantt.svg and playbooks/ into
--out (default .claude/state/projects/<name>/parallel-execution/); files an earlier plan left
there that this one does not write (a removed team's playbook) are deleted. A local run honours
the input's planning.timeBudgetMs as the service does: the search ends at its iteration budget or
when the time budget is spent, whichever comes first. On a terminal (never
with --json) stderr shows a progress line: the search, Monte Carlo and artifacts of a local
run, or the state of a server's job when the plan is large enough to be queued there.`,
  options: { ...COMMON_OPTIONS, out: { type: 'string' } },
  operand: 'input file',
  run: (file, values) => plan(file!, values),
};
