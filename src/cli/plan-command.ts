import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from 'typebox/value';
import { PlanInputError } from '../domain/errors.js';
import { planProject, type ProgressCallback } from '../domain/plan.js';
import { planningDateOf, utcDate } from '../domain/planning-date.js';
import { ARTIFACT_NAMES } from '../schemas/artifacts/index.js';
import { PlanInput } from '../schemas/plan-input.js';
import { ApiClient, serverUrl } from './http-client.js';
import { serverFiles } from './server-files.js';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, invalidInput: 3, unreachable: 4 } as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface PlanFiles {
  artifacts: Record<string, unknown>;
  document: string;
  playbooks?: Record<string, string>;
  gantt?: string;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';

export const defaultOutDir = (name: string) => path.join('.claude', 'state', 'projects', slug(name), 'parallel-execution');

/** Plans with the same domain code as the service, after checking the input against the schema; onProgress only observes. */
export function planLocally(input: unknown, onProgress?: ProgressCallback): PlanFiles {
  if (!Value.Check(PlanInput, input)) {
    const details = [...Value.Errors(PlanInput, input)].slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message }));
    throw new CliError(EXIT.invalidInput, 'the input does not match the plan input schema', details);
  }
  try {
    return planProject(input, { planningDate: planningDateOf(input, utcDate(new Date())), ...(onProgress ? { onProgress } : {}) });
  } catch (err) {
    if (err instanceof PlanInputError) throw new CliError(EXIT.invalidInput, err.message, err.issues.map((i) => ({ path: i.path, message: i.message })));
    throw err;
  }
}

/**
 * Posts the input to a Waveplan server (keeping any path prefix of its URL) and reads back what
 * it stored, the same files a local plan writes; a large plan is queued there (202), and its job
 * is polled, `onWait` told its state and the seconds waited.
 */
export async function planOnServer(input: unknown, server: string, apiKey?: string, onWait?: (state: string, seconds: number) => void): Promise<PlanFiles & { planId: string; version: number }> {
  const client = new ApiClient(serverUrl(server), apiKey);
  let created = await client.json<{ planId: string; version: number; artifacts: Record<string, unknown>; jobId?: string }>('POST', '/plans', input);
  if (created.status === 202) {
    const job = created.body as unknown as { jobId: string; planId: string };
    const queuedAt = Date.now();
    for (let state = 'queued'; ; ) {
      onWait?.(state, Math.round((Date.now() - queuedAt) / 1000));
      await new Promise((r) => setTimeout(r, 500));
      const polled = (await client.json<{ state: string; error?: { message: string; details: { path: string; message: string }[] } }>('GET', `/jobs/${job.jobId}`)).body;
      state = polled.state;
      if (state === 'failed') throw new CliError(EXIT.invalidInput, polled.error?.message ?? 'planning failed', polled.error?.details ?? []);
      if (state === 'completed') break;
    }
    created = await client.json('GET', `/plans/${job.planId}`);
  }
  const { planId, version, artifacts } = created.body;
  return { planId, version, ...(await serverFiles(client, planId, version, artifacts)) };
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
