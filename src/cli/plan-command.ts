import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from 'typebox/value';
import { PlanInputError } from '../domain/errors.js';
import { planProject, type ProgressCallback } from '../domain/plan.js';
import { ARTIFACT_NAMES } from '../schemas/artifacts/index.js';
import { PlanInput } from '../schemas/plan-input.js';

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
    return planProject(input, onProgress ? { onProgress } : {});
  } catch (err) {
    if (err instanceof PlanInputError) throw new CliError(EXIT.invalidInput, err.message, err.issues.map((i) => ({ path: i.path, message: i.message })));
    throw err;
  }
}

/**
 * Posts the input to a Waveplan server and reads back what it stored; a large plan is queued
 * there (202), and its job is polled, `onWait` told its state and the seconds waited.
 */
export async function planOnServer(input: unknown, server: string, apiKey?: string, onWait?: (state: string, seconds: number) => void): Promise<PlanFiles & { planId: string; version: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  const call = async (url: string, init: RequestInit = {}) => {
    try {
      return await fetch(new URL(url, server), { ...init, headers });
    } catch (err) {
      throw new CliError(EXIT.unreachable, `cannot reach ${server}: ${(err as Error).message}`);
    }
  };
  let res = await call('/plans', { method: 'POST', body: JSON.stringify(input) });
  if (res.status === 202) {
    const job = (await res.json()) as { jobId: string; planId: string };
    const queuedAt = Date.now();
    for (let state = 'queued'; ; ) {
      onWait?.(state, Math.round((Date.now() - queuedAt) / 1000));
      await new Promise((r) => setTimeout(r, 500));
      const polled = (await (await call(`/jobs/${job.jobId}`)).json()) as { state: string; error?: { message: string; details: { path: string; message: string }[] } };
      state = polled.state;
      if (state === 'failed') throw new CliError(EXIT.invalidInput, polled.error?.message ?? 'planning failed', polled.error?.details ?? []);
      if (state === 'completed') break;
    }
    res = await call(`/plans/${job.planId}`);
  }
  const body = (await res.json()) as { planId: string; version: number; artifacts: Record<string, unknown>; message?: string; details?: { path: string; message: string }[] };
  if (res.status >= 400) throw new CliError(res.status < 500 ? EXIT.invalidInput : EXIT.unexpected, body.message ?? `server answered ${res.status}`, body.details ?? []);
  const document = await (await call(`/plans/${body.planId}/document`)).text();
  return { planId: body.planId, version: body.version, artifacts: body.artifacts, document };
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
  return written;
}
