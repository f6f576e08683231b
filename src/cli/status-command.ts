import type { Static } from 'typebox';
import type { StatusView } from '../http/schemas/tracking.js';
import { r2 } from '../domain/format.js';
import { clientFor, type ApiClient } from './http-client.js';
import { CliError, EXIT } from './cli-error.js';
import { COMMON_OPTIONS, painter, plain, type CliCommand, type Paint, type Values } from './command.js';

export { plain, type Paint } from './command.js';

export type PlanStatus = Static<typeof StatusView>;

/** An --as-of for the status: an ISO timestamp, or a date (its midnight, UTC). */
export function statusAsOf(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(iso) || Number.isNaN(Date.parse(iso))) {
    throw new CliError(EXIT.usage, `--as-of ${value} is not an ISO date or timestamp (e.g. 2027-01-20 or 2027-01-20T17:00:00Z)`);
  }
  return iso;
}

/** GET /plans/{id}/status: the parsed view and the JSON text exactly as the server sent it. */
export async function fetchStatus(client: ApiClient, planId: string, asOf?: string): Promise<{ status: PlanStatus; text: string }> {
  // As text: --json prints the server's JSON as it is.
  const { data: text } = await client.ok(
    client.api.GET('/plans/{id}/status', { params: { path: { id: planId }, query: asOf === undefined ? {} : { asOf } }, parseAs: 'text' }),
    `no such plan: ${planId}`,
  );
  return { status: JSON.parse(text) as PlanStatus, text };
}

/** Working days as a short number: 4, 4.5, 12.25. */
/** A figure with up to two decimals (days, hours, percent). */
const twoDecimals = (d: number) => String(r2(d));
const span = (from: number | null, to: number | null) => (from === null ? '—' : `${twoDecimals(from)}–${to === null ? '…' : twoDecimals(to)}`);
const signed = (d: number) => (Math.abs(d) < 0.005 ? '0' : `${d > 0 ? '+' : '-'}${twoDecimals(Math.abs(d))}`);

const STATE_COLOUR: Record<string, number> = { completed: 32, in_progress: 36, claimed: 36, blocked: 31, failed: 31, pending: 2 };
const SEVERITY_COLOUR: Record<string, number> = { critical: 31, warning: 33, info: 36 };

/** Lays out rows in columns (right-aligned where asked), colouring cells after padding so ANSI codes do not upset the widths. */
function table(rows: string[][], right: Set<number>, paintCell: (row: number, col: number, text: string) => string): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r, i) =>
    r
      .map((cell, c) => paintCell(i, c, right.has(c) ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The status as a compact text report: a header, one row per phase (planned vs actual), and the open alerts. */
export function renderStatus(s: PlanStatus, paint: Paint = plain): string {
  const m = s.metrics;
  const lines: string[] = [];
  lines.push(paint(1, `plan ${s.planId} · version ${s.version} · as of ${s.asOf} (working day ${twoDecimals(s.asOfDay)})`));
  const behind = m.behindSchedulePercent > 0 ? paint(33, ` · ${twoDecimals(m.behindSchedulePercent)}% behind schedule`) : '';
  lines.push(
    `${m.completedPhases}/${s.phases.length} phases completed, ${twoDecimals(m.percentComplete)}% of the work done · projected completion ${m.projectedCompletionDate}` +
      ` (makespan planned ${twoDecimals(m.plannedMakespan)} d, projected ${twoDecimals(m.projectedMakespan)} d)${behind}`,
  );
  lines.push('');
  const header = ['PHASE', 'TEAM', 'WAVE', 'STATE', 'DONE', 'PLANNED (days)', 'ACTUAL (days)', 'FINISH', 'VARIANCE'];
  const rows = s.phases.map((p) => {
    const state = p.status + (p.status === 'blocked' && p.blockedHours !== null ? ` ${twoDecimals(p.blockedHours)} h` : '') + (p.gate === 'failed' ? ', gate failed' : '');
    return [
      p.id,
      p.team ?? '—',
      String(p.wave),
      state,
      `${Math.round(p.percent)}%`,
      span(p.plannedStart, p.plannedFinish),
      span(p.actualStart, p.actualFinish),
      twoDecimals(p.projectedFinish),
      signed(p.varianceDays),
    ];
  });
  lines.push(
    ...table([header, ...rows], new Set([2, 4, 7, 8]), (row, col, text) => {
      if (row === 0) return paint(2, text);
      const p = s.phases[row - 1]!;
      if (col === 3) return STATE_COLOUR[p.status] ? paint(STATE_COLOUR[p.status]!, text) : text;
      if (col === 8 && p.varianceDays > 0.005) return paint(p.status === 'completed' ? 33 : 31, text);
      return text;
    }),
  );
  lines.push('', ...groupLines(s, paint));
  if (s.alerts.length === 0) lines.push(paint(32, 'no open alerts'));
  else {
    lines.push(paint(1, `open alerts (${s.alerts.length}):`));
    const severityWidth = Math.max(...s.alerts.map((a) => a.severity.length));
    for (const a of s.alerts) lines.push(`  ${paint(SEVERITY_COLOUR[a.severity] ?? 0, a.severity.padEnd(severityWidth))}  ${a.kind} · ${a.subject}: ${a.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Per group its phases done, share of the work and actual span; per milestone whether it is reached and when. Nothing when the plan has neither. */
function groupLines(s: PlanStatus, paint: Paint): string[] {
  const lines: string[] = [];
  if (s.groups.length > 0) {
    lines.push(paint(1, 'groups:'));
    const rows = s.groups.map((g) => [
      `  ${g.parent ? '  ' : ''}${g.id}`,
      g.name === g.id ? '' : g.name,
      `${g.completed}/${g.phases} phases`,
      `${twoDecimals(g.percent)}%`,
      `planned ${span(g.plannedStart, g.plannedFinish)}`,
      `actual ${span(g.actualStart, g.actualFinish)}`,
    ]);
    lines.push(...table(rows, new Set([2, 3]), (_, c, text) => (c === 3 && text === '100%' ? paint(32, text) : text)), '');
  }
  if (s.milestones.length > 0) {
    lines.push(paint(1, 'milestones:'));
    for (const m of s.milestones) {
      const state = m.reached ? paint(32, `reached ${m.reachedAt}${m.reachedBy === 'reported' ? ' (reported)' : ' (its links are met)'}`) : paint(2, 'not reached');
      lines.push(`  ◆ ${m.id} ${m.name} · planned day ${twoDecimals(m.plannedDay)} · ${state}`);
    }
    lines.push('');
  }
  return lines;
}

async function status(planId: string, values: Values): Promise<number> {
  const client = clientFor(planId, values);
  const asOf = values['as-of'] === undefined ? undefined : statusAsOf(values['as-of']);
  const { status: view, text } = await fetchStatus(client, planId, asOf);
  if (values.json) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(renderStatus(view, painter(process.stdout)));
  return EXIT.ok;
}

export const command: CliCommand = {
  usage: `usage: waveplan status <planId> --server URL [--api-key KEY] [--as-of ISO] [--json]

Planned vs actual per phase and the open alerts of a tracked plan; --as-of views it at an
earlier moment (ISO date or timestamp); --json prints the server's JSON as it is.`,
  options: { ...COMMON_OPTIONS, 'as-of': { type: 'string' } },
  operand: 'plan id',
  run: (planId, values) => status(planId!, values),
};
