import type { Static } from 'typebox';
import type { Claim, ReadyView, Session, TrackingEventView } from '../http/schemas/tracking.js';
import type { operations } from '../client/index.js';
import { clientFor, type ApiClient } from './http-client.js';
import { CliError, EXIT } from './cli-error.js';
import { COMMON_OPTIONS, type CliCommand, type Values } from './command.js';

/** Flags of the commands a shell-driven agent uses: ready, claim, heartbeat, done, report. */
export interface AgentFlags {
  session?: string;
  team?: string;
  skills?: string;
  phase?: string;
  limit?: string;
  explain?: boolean;
  override?: string;
  type?: string;
  percent?: string;
  reason?: string;
  gate?: string;
  label?: string;
}

type Ready = Static<typeof ReadyView>;
type ClaimView = Static<typeof Claim>;
type SessionView = Static<typeof Session>;
type EventView = Static<typeof TrackingEventView>;

const need = (value: string | undefined, flag: string, command: string) => {
  if (value === undefined || value === '') throw new CliError(EXIT.usage, `${command} needs --${flag}`);
  return value;
};

const skillsOf = (flags: AgentFlags) =>
  flags.skills
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(EXIT.usage, `--${flag} ${value} is not a positive whole number`);
  return n;
}

export async function readyCommand(client: ApiClient, planId: string, f: AgentFlags): Promise<{ view: Ready; text: string }> {
  const query = {
    ...(f.session ? { session: f.session } : {}),
    ...(f.team ? { team: f.team } : {}),
    ...(f.skills ? { skills: skillsOf(f)!.join(',') } : {}),
    ...(f.limit ? { limit: positiveInt(f.limit, 'limit') } : {}),
    ...(f.explain ? { explain: '1' as const } : {}),
  };
  const { data: body } = await client.ok(client.api.GET('/plans/{id}/ready', { params: { path: { id: planId }, query } }), `no such plan: ${planId}`);
  const lines = body.ready.map((r) => `${r.phaseId}\t${r.team ?? '—'}\twave ${r.wave ?? '—'}\tslack ${r.slack}`);
  if (body.ready.length === 0) lines.push('nothing is ready now');
  for (const n of body.notReady ?? []) lines.push(`not ready: ${n.phaseId} (${n.status}): ${n.reasons.map((r) => r.message).join('; ')}`);
  return { view: body, text: `${lines.join('\n')}\n` };
}

/** Claims a phase (or the best one); without --session it first registers one with --team / --skills and says its id. */
export async function claimCommand(client: ApiClient, planId: string, f: AgentFlags): Promise<{ view: ClaimView & { registered?: SessionView }; text: string }> {
  let sessionId = f.session;
  let registered: SessionView | undefined;
  if (!sessionId) {
    const skills = skillsOf(f);
    const body = { label: f.label ?? 'waveplan cli', ...(f.team ? { team: f.team } : {}), ...(skills ? { skills } : {}) };
    registered = (await client.ok(client.api.POST('/plans/{id}/sessions', { params: { path: { id: planId } }, body }), `no such plan: ${planId}`)).data;
    sessionId = registered.id;
  }
  const claimBody = { sessionId, ...(f.phase ? { phaseId: f.phase } : {}), ...(f.override ? { override: { reason: f.override } } : {}) };
  const { data: body } = await client.ok(client.api.POST('/plans/{id}/claims', { params: { path: { id: planId } }, body: claimBody }), `no such plan: ${planId}`);
  const text = `${registered ? `session ${sessionId} (team ${registered.team ?? 'none'})\n` : ''}claimed ${body.phaseId} (claim ${body.claimId}, team ${body.team ?? 'none'})${body.override ? `, overriding: ${body.override}` : ''}\n`;
  return { view: { ...body, ...(registered ? { registered } : {}) }, text };
}

export async function heartbeatCommand(client: ApiClient, planId: string, f: AgentFlags): Promise<{ view: SessionView; text: string }> {
  const sessionId = need(f.session, 'session', 'heartbeat');
  const { data: body } = await client.ok(
    client.api.POST('/plans/{id}/sessions/{sessionId}/heartbeat', { params: { path: { id: planId, sessionId } } }),
    `no such plan or session: ${planId} ${sessionId}`,
  );
  return { view: body, text: `session ${body.id} alive at ${body.lastHeartbeatAt} (timeout ${body.heartbeatTimeoutSeconds} s)\n` };
}

type EventBody = NonNullable<operations['reportEvent']['requestBody']>['content']['application/json'];

const event = async (client: ApiClient, planId: string, sessionId: string, body: EventBody) => ({
  body: (
    await client.ok(
      client.api.POST('/plans/{id}/sessions/{sessionId}/events', { params: { path: { id: planId, sessionId } }, body }),
      `no such plan or session: ${planId} ${sessionId}`,
    )
  ).data,
});

/** Completes a held phase; with --gate passed|failed also records its quality gate. */
export async function doneCommand(client: ApiClient, planId: string, f: AgentFlags): Promise<{ view: { events: EventView[] }; text: string }> {
  const sessionId = need(f.session, 'session', 'done');
  const phaseId = need(f.phase, 'phase', 'done');
  if (f.gate !== undefined && f.gate !== 'passed' && f.gate !== 'failed') throw new CliError(EXIT.usage, `--gate ${f.gate}: use passed or failed`);
  const events = [(await event(client, planId, sessionId, { type: 'completed', phaseId })).body];
  if (f.gate) events.push((await event(client, planId, sessionId, { type: `gate_${f.gate}`, phaseId, ...(f.reason ? { reason: f.reason } : {}) })).body);
  return { view: { events }, text: `${phaseId} completed${f.gate ? `, quality gate ${f.gate}` : ''}\n` };
}

const REPORT_TYPES = ['started', 'progress', 'blocked', 'unblocked', 'released', 'failed', 'gate_passed', 'gate_failed'] as const;
const isReportType = (t: string | undefined): t is EventBody['type'] => (REPORT_TYPES as readonly (string | undefined)[]).includes(t);

export async function reportCommand(client: ApiClient, planId: string, f: AgentFlags): Promise<{ view: EventView; text: string }> {
  const sessionId = need(f.session, 'session', 'report');
  const phaseId = need(f.phase, 'phase', 'report');
  const type = f.type ?? (f.percent !== undefined ? 'progress' : undefined);
  if (!isReportType(type)) throw new CliError(EXIT.usage, `report needs --type, one of ${REPORT_TYPES.join(', ')} (or --percent for progress)`);
  let percent: number | undefined;
  if (f.percent !== undefined) {
    percent = Number(f.percent);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new CliError(EXIT.usage, `--percent ${f.percent} is not between 0 and 100`);
  }
  const body = { type, phaseId, ...(percent !== undefined ? { percent } : {}), ...(f.reason ? { reason: f.reason } : {}) };
  const { body: view } = await event(client, planId, sessionId, body);
  return { view, text: `${phaseId}: ${type}${percent !== undefined ? ` ${percent}%` : ''} (event ${view.id})\n` };
}

const agentOptions = {
  ...COMMON_OPTIONS,
  session: { type: 'string' },
  team: { type: 'string' },
  skills: { type: 'string' },
  phase: { type: 'string' },
  label: { type: 'string' },
} as const;

type AgentRun = (client: ApiClient, planId: string, f: AgentFlags) => Promise<{ view: unknown; text: string }>;

function agentCommand(usage: string, run: AgentRun, options: CliCommand['options'] = {}): CliCommand {
  return {
    usage,
    options: { ...agentOptions, ...options },
    operand: 'plan id',
    run: async (planId, values: Values & AgentFlags) => {
      const { view, text } = await run(clientFor(planId!, values), planId!, values);
      process.stdout.write(values.json ? `${JSON.stringify(view)}\n` : text);
      return EXIT.ok;
    },
  };
}

/** The commands a shell-driven agent uses, by name. */
export const agentCommands = {
  ready: agentCommand(
    `usage: waveplan ready <planId> --server URL [--api-key KEY] [--session SID] [--team T] [--skills a,b] [--limit N] [--explain] [--json]

What may be claimed now (read-only), for a session, team or skills; --explain says why each other
open phase is not.`,
    readyCommand,
    { limit: { type: 'string' }, explain: { type: 'boolean' } },
  ),
  claim: agentCommand(
    `usage: waveplan claim <planId> --server URL [--api-key KEY] (--session SID | --team T [--skills a,b]) [--phase P] [--override REASON] [--json]

Claims --phase (or the best phase for the session); without --session registers one with --team
(and --skills) first and prints its id. A refusal names its reason (exit 3).`,
    claimCommand,
    { override: { type: 'string' } },
  ),
  heartbeat: agentCommand(
    `usage: waveplan heartbeat <planId> --server URL [--api-key KEY] --session SID [--json]

Keeps the session alive.`,
    heartbeatCommand,
  ),
  done: agentCommand(
    `usage: waveplan done <planId> --server URL [--api-key KEY] --session SID --phase P [--gate passed|failed] [--reason TEXT] [--json]

Completes a held phase (and records its quality gate).`,
    doneCommand,
    { gate: { type: 'string' }, reason: { type: 'string' } },
  ),
  report: agentCommand(
    `usage: waveplan report <planId> --server URL [--api-key KEY] --session SID --phase P (--type T | --percent N) [--reason TEXT] [--json]

Reports started, progress (--percent), blocked (--reason), unblocked, released or failed.`,
    reportCommand,
    { type: { type: 'string' }, percent: { type: 'string' }, reason: { type: 'string' } },
  ),
} satisfies Record<string, CliCommand>;
