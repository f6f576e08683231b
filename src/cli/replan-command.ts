import { plural } from '../domain/format.js';
import type { PlanSummary } from '../schemas/plan-summary.js';
import { clientFor, type ApiClient } from './http-client.js';
import { CliError, EXIT } from './cli-error.js';
import type { PlanFiles } from './plan-command.js';
import { serverFiles } from './server-files.js';
import { colour, COMMON_OPTIONS, painter, plain, type CliCommand, type Paint, type Values } from './command.js';
import { writePlanFiles } from './plan-command.js';

export interface ReplanChanges {
  basedOnVersion: number;
  moved: number;
  totalShiftDays: number;
  maxShiftDays: number;
  phases: { id: string; from: number; to: number }[];
}

/** The answer of POST /plans/{id}/replan (the parts the CLI uses). */
export interface ReplanResult {
  planId: string;
  name: string;
  version: number;
  parentVersion: number | null;
  reason: string;
  createdAt: string;
  summary: PlanSummary;
  input: { progress?: { asOf?: string } };
  artifacts: Record<string, unknown>;
  changes: ReplanChanges;
}

/** An --as-of for a re-plan: the server takes a date; a timestamp gives its own (local) date. */
export function replanAsOf(value: string): string {
  const date = value.slice(0, 10);
  const rest = value.slice(10);
  const validRest = rest === '' || /^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.test(rest);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !validRest || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new CliError(EXIT.usage, `--as-of ${value} is not an ISO date (e.g. 2027-01-20)`);
  }
  return date;
}

/** POST /plans/{id}/replan. */
export async function requestReplan(client: ApiClient, planId: string, asOf?: string): Promise<ReplanResult> {
  const { data } = await client.ok(
    client.api.POST('/plans/{id}/replan', { params: { path: { id: planId } }, body: asOf === undefined ? {} : { asOf } }),
    `no such plan: ${planId}`,
  );
  return data as ReplanResult;
}

/**
 * The files of the new version: its artifacts (from the answer) and its strategy document. The
 * document route serves the latest version; should another version have landed in between,
 * this fails rather than write a document that does not belong to the artifacts.
 */
export async function replanFiles(client: ApiClient, result: ReplanResult): Promise<PlanFiles> {
  return serverFiles(client, result.planId, result.version, result.artifacts);
}

/**
 * The as-of of a re-plan run without --as-of: the date of the latest tracking event, else the
 * plan's start while it lies ahead (the server's default, today, would come before it); else
 * none, and the server takes today.
 */
export async function defaultReplanAsOf(client: ApiClient, planId: string, today = new Date()): Promise<string | undefined> {
  let last: string | undefined;
  for (let after: number | undefined, more = true; more;) {
    const query = { limit: 10_000, ...(after !== undefined ? { after } : {}) };
    const { data: page } = await client.ok(client.api.GET('/plans/{id}/event-log', { params: { path: { id: planId }, query } }), `no such plan: ${planId}`);
    last = page.items.at(-1)?.occurredAt ?? last;
    after = page.items.at(-1)?.id;
    more = Boolean(page.next) && after !== undefined;
  }
  if (last) return last.slice(0, 10);
  const plan = await client.ok(client.api.GET('/plans/{id}', { params: { path: { id: planId } } }), `no such plan: ${planId}`);
  const start = plan.data.input.startDate;
  return start > today.toISOString().slice(0, 10) ? start : undefined;
}

/** What changed, for people: the new version, its completion and the phases that moved. */
export function renderReplan(r: ReplanResult, paint: Paint = plain): string {
  const c = r.changes;
  const asOf = r.input.progress?.asOf;
  const lines = [paint(1, `plan ${r.planId} · version ${r.version} (re-planned from version ${c.basedOnVersion}${asOf ? ` as of ${asOf}` : ''})`)];
  const deadline = r.summary.deadline ? ` · deadline ${r.summary.deadline} ${r.summary.deadlineMet ? paint(32, 'met') : paint(31, 'missed')}` : '';
  lines.push(`completion ${r.summary.completionDate} · makespan ${r.summary.makespanDays} working days${deadline}`);
  if (c.moved === 0) lines.push(paint(32, 'no phase moved'));
  else {
    lines.push(`${plural(c.moved, 'phase')} moved (total shift ${c.totalShiftDays} d, largest ${c.maxShiftDays} d):`);
    const width = Math.max(...c.phases.map((p) => p.id.length));
    const n = (d: number) => String(Math.round(d * 100) / 100);
    for (const p of c.phases) {
      const shift = p.to - p.from;
      lines.push(`  ${p.id.padEnd(width)}  day ${n(p.from)} → ${n(p.to)}  ${paint(shift > 0 ? 33 : 32, `${shift > 0 ? '+' : '-'}${n(Math.abs(shift))}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
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

export const command: CliCommand = {
  usage: `usage: waveplan replan <planId> --server URL [--api-key KEY] [--as-of DATE] [--out DIR] [--json]

Re-plans from where things stand, as of --as-of (an ISO date; default: the date of the latest
tracking event, else the plan's start while it lies ahead, else today): prints the new version
and the phases that moved (--json: as JSON), and with --out writes the new version's files there
(the same files as plan).`,
  options: { ...COMMON_OPTIONS, 'as-of': { type: 'string' }, out: { type: 'string' } },
  operand: 'plan id',
  run: (planId, values) => replan(planId!, values),
};
