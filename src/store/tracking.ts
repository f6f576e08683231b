import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import { ConflictError, UnprocessableError, notFound } from '../errors.js';
import { planArchived } from './plans.js';
import { dependencyIds, dependencyLinks } from '../schemas/dependency-links.js';
import type { PlanInput } from '../schemas/plan-input.js';
import type { ScheduleEntry } from '../schemas/schedule-entry.js';
import {
  claimantObstacles,
  claimConditions,
  claimRefusal,
  claimablePhases,
  claimTeam,
  type ClaimContext,
  type Claimant,
  type LiveClaim,
  type TrackedPhase,
  type TrackedTeam,
  type WaveGating,
} from '../domain/tracking/claim-rules.js';
import { readySet, type ReadyFilter, type ReadySet } from '../domain/tracking/ready-set.js';
import type { EventType, PhaseState, TrackingEvent } from '../domain/tracking/events.js';
import { replay } from '../domain/tracking/replay.js';
import { timelineRefusal } from '../domain/tracking/timeline.js';
import { endedClaimStatus, reportRefusal } from '../domain/tracking/report-rules.js';
import type { Db } from './database.js';
import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../cache.js';
import { inTransaction } from './transaction.js';
import type { Database } from './schema.js';
import { recordWebhookEvent } from './webhooks.js';

type Trx = Transaction<Database>;

export interface SessionRecord {
  id: string;
  planId: string;
  label: string | null;
  team: string | null;
  /** Skills the session named (null: its team's). */
  skills: string[] | null;
  /** Phases it may hold at once. */
  claimLimit: number;
  status: 'active' | 'expired' | 'closed';
  heartbeatTimeoutSeconds: number;
  registeredAt: Date;
  lastHeartbeatAt: Date;
}

export interface PlanTrackingBasis {
  version: number;
  input: PlanInput;
  schedule: ScheduleEntry[];
  phases: Map<string, TrackedPhase>;
  /** Estimated retained bytes, for the cache. */
  bytes: number;
  teams: Map<string, TrackedTeam>;
  gating: WaveGating;
}

/**
 * Tracking bases by (plan, version), owned by the database handle they were read through (one
 * per app instance), bounded by bytes. A version never changes, so no entry is ever stale.
 */
const basisCaches = new WeakMap<object, LRUCache<string, PlanTrackingBasis>>();
const BASIS_CACHE_BYTES = 64 * 1024 * 1024;

function basisCacheOf(db: Db | Trx): LRUCache<string, PlanTrackingBasis> {
  // A transaction reads through the same handle as its database: key by the Kysely executor's root.
  const owner = ((db as unknown as { getExecutor(): object }).getExecutor?.() as { adapter?: object })?.adapter ?? db;
  let cache = basisCaches.get(owner);
  if (!cache) {
    cache = boundedCache<PlanTrackingBasis>({ maxBytes: BASIS_CACHE_BYTES, sizeOf: (b) => b.bytes });
    basisCaches.set(owner, cache);
  }
  return cache;
}

/** Bytes held by the tracking bases cached for this database handle (0 before the first read). */
export function basisCacheBytes(db: Db): number {
  const owner = ((db as unknown as { getExecutor(): object }).getExecutor?.() as { adapter?: object })?.adapter ?? db;
  return basisCaches.get(owner)?.calculatedSize ?? 0;
}

/** The plan's row in the workspace (404 when it is not there); with `lock`, its row lock, which serialises every tracking write on the plan. */
async function planRow(db: Db | Trx, workspaceId: string, planId: string, lock = false): Promise<{ latest_version: number; archived_at: Date | string | null }> {
  const query = db.selectFrom('plans').select(['latest_version', 'archived_at']).where('id', '=', planId).where('workspace_id', '=', workspaceId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw notFound(`plan ${planId}`);
  return row;
}

const refuseArchived = (planId: string, row: { archived_at: Date | string | null }) => {
  if (row.archived_at) throw planArchived(planId, new Date(row.archived_at), 'tracking writes');
};

/**
 * The latest version's graph and schedule. Versions are immutable, so they are cached by (plan, version).
 * With `live`, an archived plan is refused (it takes no tracking writes).
 */
export async function trackingBasis(db: Db | Trx, workspaceId: string, planId: string, options: { live?: boolean } = {}): Promise<PlanTrackingBasis> {
  const head = await planRow(db, workspaceId, planId);
  if (options.live) refuseArchived(planId, head);
  const key = `${planId}:${head.latest_version}`;
  const cache = basisCacheOf(db);
  const cached = cache.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('plan_versions')
    .select(['input', 'schedule', 'artifacts'])
    .where('plan_id', '=', planId)
    .where('version', '=', head.latest_version)
    .executeTakeFirstOrThrow();
  const input = row.input as PlanInput;
  const byId = new Map(row.schedule.map((s) => [s.id, s]));
  const plan = row.artifacts['execution-plan.json'];
  const slack = new Map(plan.critical_path.slack.map((s) => [s.id, s.schedule_slack_days]));
  const teams = new Map<string, TrackedTeam>(plan.resource_analysis.teams.map((t) => [t.id, { id: t.id, skills: t.skills, capacity: t.usable_capacity }]));
  const phases = new Map<string, TrackedPhase>(
    input.phases.map((p) => [
      p.id,
      {
        id: p.id,
        dependencies: dependencyIds(p),
        links: dependencyLinks(p),
        areas: p.areas ?? [],
        team: byId.get(p.id)?.team ?? null,
        plannedStart: byId.get(p.id)?.start ?? 0,
        skills: p.skills ?? [],
        teamSize: p.teamSize ?? 1,
        wave: byId.get(p.id)?.wave,
        slack: slack.get(p.id) ?? 0,
      },
    ]),
  );
  const bytes = 4 * (JSON.stringify(input).length + JSON.stringify(row.schedule).length);
  const basis = { version: head.latest_version, input, schedule: row.schedule, phases, teams, gating: input.constraints?.waveGating ?? 'flow', bytes };
  cache.set(key, basis);
  return basis;
}

/** Checks the plan exists in the workspace and is not archived (an archived plan takes no tracking writes); with `lock`, takes its row lock. */
async function livePlan(db: Db | Trx, workspaceId: string, planId: string, lock: boolean): Promise<void> {
  refuseArchived(planId, await planRow(db, workspaceId, planId, lock));
}

const lockPlan = (trx: Trx, workspaceId: string, planId: string) => livePlan(trx, workspaceId, planId, true);

function toSession(r: Selectable<Database['sessions']>): SessionRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    label: r.label,
    team: r.team_id,
    skills: r.skills,
    claimLimit: r.claim_limit,
    status: r.status,
    heartbeatTimeoutSeconds: r.heartbeat_timeout_seconds,
    registeredAt: new Date(r.registered_at),
    lastHeartbeatAt: new Date(r.last_heartbeat_at),
  };
}

export async function registerSession(
  db: Db,
  workspaceId: string,
  planId: string,
  s: { label?: string; team?: string; skills?: string[]; claimLimit?: number; heartbeatTimeoutSeconds?: number },
): Promise<SessionRecord> {
  const basis = await trackingBasis(db, workspaceId, planId, { live: true });
  if (s.team !== undefined && !basis.input.teams.some((t) => t.id === s.team)) {
    throw new UnprocessableError('unknown_team', `team ${s.team} is not in the plan`, [{ path: '/team', message: 'unknown team', ids: [s.team] }]);
  }
  const timeout = s.heartbeatTimeoutSeconds ?? basis.input.constraints?.escalation?.heartbeatTimeoutSeconds ?? 300;
  const row = await db
    .insertInto('sessions')
    .values({
      id: randomUUID(),
      plan_id: planId,
      label: s.label ?? null,
      team_id: s.team ?? null,
      skills: s.skills ? [...new Set(s.skills)] : null,
      claim_limit: s.claimLimit ?? 1,
      status: 'active',
      heartbeat_timeout_seconds: timeout,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

async function liveSession(trx: Db | Trx, planId: string, sessionId: string): Promise<SessionRecord> {
  const row = await trx.selectFrom('sessions').selectAll().where('id', '=', sessionId).where('plan_id', '=', planId).executeTakeFirst();
  if (!row) throw notFound(`session ${sessionId}`);
  const s = toSession(row);
  if (s.status !== 'active') {
    throw new ConflictError('session_not_active', `session ${sessionId} is ${s.status}; register a new session`, [{ path: '/sessionId', message: s.status }]);
  }
  return s;
}

export async function heartbeat(db: Db, workspaceId: string, planId: string, sessionId: string): Promise<SessionRecord> {
  await livePlan(db, workspaceId, planId, false);
  await liveSession(db, planId, sessionId);
  const row = await db
    .updateTable('sessions')
    .set({ last_heartbeat_at: sql`now()` })
    .where('id', '=', sessionId)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

/** A plan as its workspace sees it: every read a route makes is scoped by both. */
export interface PlanRef {
  workspaceId: string;
  planId: string;
}

/** 404 unless the plan is in the workspace. */
async function scoped(db: Db | Trx, ref: PlanRef): Promise<string> {
  await planRow(db, ref.workspaceId, ref.planId);
  return ref.planId;
}

/** The plan's event log after an event id, oldest first. */
export async function listEvents(db: Db, ref: PlanRef, afterId = 0, limit = 100_000): Promise<TrackingEvent[]> {
  return loadEvents(db, await scoped(db, ref), afterId, limit);
}

async function loadEvents(db: Db | Trx, planId: string, afterId = 0, limit = 100_000): Promise<TrackingEvent[]> {
  const rows = await db
    .selectFrom('phase_events')
    .select(['id', 'phase_id', 'session_id', 'type', 'data', 'occurred_at'])
    .where('plan_id', '=', planId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    phaseId: r.phase_id,
    sessionId: r.session_id,
    type: r.type,
    data: r.data,
    occurredAt: new Date(r.occurred_at).toISOString(),
  }));
}

async function liveClaims(db: Db | Trx, planId: string): Promise<LiveClaim[]> {
  const rows = await db.selectFrom('claims').select(['phase_id', 'session_id', 'team_id']).where('plan_id', '=', planId).where('status', '=', 'active').execute();
  return rows.map((r) => ({ phaseId: r.phase_id, sessionId: r.session_id, team: r.team_id }));
}

async function claimContext(db: Db | Trx, basis: PlanTrackingBasis, planId: string): Promise<ClaimContext> {
  return { phases: basis.phases, states: replay(await loadEvents(db, planId)), teams: basis.teams, gating: basis.gating, liveClaims: await liveClaims(db, planId) };
}

const claimantOf = (s: SessionRecord): Claimant => ({ sessionId: s.id, team: s.team, skills: s.skills, claimLimit: s.claimLimit });

const refusalError = (r: { reason: string; message: string; ids: string[] }) => new ConflictError(r.reason, r.message, [{ path: '/phaseId', message: r.message, ids: r.ids }]);

export interface ReadyQuery extends Omit<ReadyFilter, 'claimant'> {
  sessionId?: string;
}

/** The read-only ready set: what may be claimed now, and for whom (with explain: why each other phase may not). */
export async function readyPhases(db: Db, workspaceId: string, planId: string, q: ReadyQuery, explain: boolean): Promise<ReadySet & { version: number; gating: WaveGating }> {
  const basis = await trackingBasis(db, workspaceId, planId);
  const claimant = q.sessionId !== undefined ? claimantOf(await liveSession(db, planId, q.sessionId)) : undefined;
  if (q.team !== undefined && !basis.teams.has(q.team)) {
    throw new UnprocessableError('unknown_team', `team ${q.team} is not in the plan`, [{ in: 'querystring', path: '/team', message: 'unknown team', ids: [q.team] }]);
  }
  const ctx = await claimContext(db, basis, planId);
  const filter: ReadyFilter = {
    ...(claimant ? { claimant } : {}),
    ...(q.team !== undefined ? { team: q.team } : {}),
    ...(q.skills ? { skills: q.skills } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
  };
  return { version: basis.version, gating: basis.gating, ...readySet(ctx, filter, explain) };
}

async function appendEvent(
  trx: Trx,
  planId: string,
  e: { phaseId: string | null; sessionId: string | null; type: EventType; data?: TrackingEvent['data']; at?: string },
): Promise<TrackingEvent> {
  const row = await trx
    .insertInto('phase_events')
    .values({
      plan_id: planId,
      phase_id: e.phaseId,
      session_id: e.sessionId,
      type: e.type,
      data: JSON.stringify(e.data ?? {}),
      occurred_at: e.at ?? sql<Date>`now()`,
    })
    .returning(['id', 'occurred_at'])
    .executeTakeFirstOrThrow();
  const event = { id: Number(row.id), phaseId: e.phaseId, sessionId: e.sessionId, type: e.type, data: e.data ?? {}, occurredAt: new Date(row.occurred_at).toISOString() };
  // Webhook deliveries commit with the event (an outbox): none is lost to a crash after the commit.
  await recordWebhookEvent(trx, planId, `phase.${e.type}`, { event }, event.occurredAt);
  return event;
}

export interface ClaimResult {
  claimId: number;
  phaseId: string;
  sessionId: string;
  claimedAt: string;
  /** The team the claim runs on (the session's, else the plan's). */
  team: string | null;
  /** The override reason, when taken despite a skill mismatch. */
  override?: string;
}

export interface ClaimOptions {
  phaseId?: string;
  at?: string;
  /** Take the phase despite a skill mismatch; logged with the claim event. */
  overrideReason?: string;
}

/**
 * Claims a phase for a session (or, without phaseId, the best phase it may start now).
 * Serialised per plan by the plan row lock, and guarded by the one-live-claim-per-phase index.
 */
export async function claim(db: Db, workspaceId: string, planId: string, sessionId: string, options: ClaimOptions = {}): Promise<ClaimResult> {
  const { phaseId, at, overrideReason } = options;
  return inTransaction(db, async (trx) => {
    await lockPlan(trx, workspaceId, planId);
    const basis = await trackingBasis(trx, workspaceId, planId);
    const session = await liveSession(trx, planId, sessionId);
    const ctx = await claimContext(trx, basis, planId);
    const claimant = claimantOf(session);
    let target = phaseId;
    let override: string | undefined;
    if (target === undefined) {
      const busy = ctx.liveClaims!.filter((c) => c.sessionId === sessionId);
      if (busy.length >= claimant.claimLimit) throw refusalError(claimantObstacles(ctx, claimant, busy[0]!.phaseId).find((r) => r.reason === 'session_busy')!);
      target = claimablePhases(ctx, claimant)[0];
      if (target === undefined) {
        const waiting = [...basis.phases.keys()].filter((id) => ctx.states.get(id)?.status !== 'completed');
        throw new ConflictError('nothing_claimable', waiting.length ? `no phase can start now; ${waiting.length} are waiting or running` : 'every phase is complete', []);
      }
    } else {
      const held = ctx.states.get(target);
      if (held?.sessionId === sessionId && (held.status === 'claimed' || held.status === 'in_progress' || held.status === 'blocked')) {
        // A retried claim by the holder is answered with the claim it already has.
        const existing = await trx
          .selectFrom('claims')
          .select(['id', 'claimed_at', 'team_id', 'override_reason'])
          .where('plan_id', '=', planId)
          .where('phase_id', '=', target)
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow();
        return {
          claimId: Number(existing.id),
          phaseId: target,
          sessionId,
          claimedAt: new Date(existing.claimed_at).toISOString(),
          team: existing.team_id,
          ...(existing.override_reason ? { override: existing.override_reason } : {}),
        };
      }
      const refusal = claimRefusal(ctx, target);
      if (refusal) throw refusalError(refusal);
      const own = claimantObstacles(ctx, claimant, target);
      const blocking = own.filter((r) => r.reason !== 'skill_mismatch' || overrideReason === undefined);
      if (blocking.length > 0) throw refusalError(blocking[0]!);
      if (own.some((r) => r.reason === 'skill_mismatch')) override = overrideReason;
    }
    const phase = basis.phases.get(target)!;
    refuseOffTimeline({ type: 'claimed', phaseId: target, at: at ?? new Date().toISOString() }, basis, ctx.states, claimConditions(phase).finishFirst);
    const team = claimTeam(claimant, phase);
    const row = await trx
      .insertInto('claims')
      .values({ plan_id: planId, phase_id: target, session_id: sessionId, status: 'active', areas: phase.areas, team_id: team, override_reason: override ?? null })
      .returning(['id', 'claimed_at'])
      .executeTakeFirstOrThrow();
    const data = override !== undefined ? { override: 'skill_mismatch', reason: override } : undefined;
    const event = await appendEvent(trx, planId, { phaseId: target, sessionId, type: 'claimed', at, ...(data ? { data } : {}) });
    await sql`select pg_notify('waveplan_events', ${planId})`.execute(trx);
    return {
      claimId: Number(row.id),
      phaseId: target,
      sessionId,
      claimedAt: event.occurredAt ?? new Date(row.claimed_at).toISOString(),
      team,
      ...(override !== undefined ? { override } : {}),
    };
  });
}

/** 422 when a reported time contradicts the plan's event timeline (see timelineRefusal). */
function refuseOffTimeline(
  e: { type: EventType; phaseId: string; at: string },
  basis: PlanTrackingBasis,
  states: ReadonlyMap<string, PhaseState>,
  dependencies: readonly string[],
): void {
  const refusal = timelineRefusal(e, { startDate: basis.input.startDate, states, dependencies });
  if (refusal) throw new UnprocessableError(refusal.reason, refusal.message, [{ path: '/at', message: refusal.message, ids: refusal.ids }]);
}

/** Records what a session reports about a phase; the domain's report rules decide whether it may. */
export async function reportEvent(
  db: Db,
  workspaceId: string,
  planId: string,
  sessionId: string,
  e: { type: EventType; phaseId: string; percent?: number; reason?: string; gate?: string; at?: string },
): Promise<TrackingEvent> {
  return inTransaction(db, async (trx) => {
    await lockPlan(trx, workspaceId, planId);
    const basis = await trackingBasis(trx, workspaceId, planId);
    await liveSession(trx, planId, sessionId);
    if (!basis.phases.has(e.phaseId)) {
      throw new UnprocessableError('unknown_phase', `phase ${e.phaseId} is not in the plan`, [{ path: '/phaseId', message: 'unknown phase', ids: [e.phaseId] }]);
    }
    const states = replay(await loadEvents(trx, planId));
    const refusal = reportRefusal(
      { type: e.type, phaseId: e.phaseId, at: e.at ?? new Date().toISOString() },
      { sessionId, state: states.get(e.phaseId), states, startDate: basis.input.startDate },
    );
    if (refusal) {
      const details = [{ path: refusal.path, message: refusal.message, ...(refusal.ids ? { ids: refusal.ids } : {}) }];
      throw refusal.kind === 'conflict' ? new ConflictError(refusal.reason, refusal.message, details) : new UnprocessableError(refusal.reason, refusal.message, details);
    }
    const endStatus = endedClaimStatus(e.type);
    if (endStatus) {
      await trx
        .updateTable('claims')
        .set({ status: endStatus, ended_at: e.at ?? sql`now()` })
        .where('plan_id', '=', planId)
        .where('phase_id', '=', e.phaseId)
        .where('status', '=', 'active')
        .execute();
    }
    const data: TrackingEvent['data'] = {};
    if (e.percent !== undefined) data.percent = e.percent;
    if (e.reason !== undefined) data.reason = e.reason;
    if (e.gate !== undefined) data.gate = e.gate;
    const event = await appendEvent(trx, planId, { phaseId: e.phaseId, sessionId, type: e.type, data, at: e.at });
    // A session that reports is alive: its report counts as a heartbeat.
    await trx
      .updateTable('sessions')
      .set({ last_heartbeat_at: sql`now()` })
      .where('id', '=', sessionId)
      .where('status', '=', 'active')
      .execute();
    await sql`select pg_notify('waveplan_events', ${planId})`.execute(trx);
    return event;
  });
}

/**
 * Ends sessions whose heartbeat is older than their timeout: their claims are released
 * (the phases can be claimed again) and an event per phase is logged. Safe to run from every
 * instance at once: SKIP LOCKED hands each stale session to exactly one of them. Locks are taken
 * in the one order every tracking write uses — the plan row, then its sessions — so the sweeper
 * and concurrent reports queue behind each other instead of deadlocking.
 */
export async function expireSessions(db: Db, planId?: string): Promise<Array<{ sessionId: string; planId: string; phases: string[] }>> {
  let candidates = db
    .selectFrom('sessions')
    .select('plan_id')
    .distinct()
    .where('status', '=', 'active')
    .where(sql<boolean>`last_heartbeat_at < now() - make_interval(secs => heartbeat_timeout_seconds)`);
  if (planId) candidates = candidates.where('plan_id', '=', planId);
  const plans = (await candidates.execute()).map((r) => r.plan_id);
  const out: Array<{ sessionId: string; planId: string; phases: string[] }> = [];
  for (const plan of plans) out.push(...(await inTransaction(db, (trx) => expirePlanSessions(trx, plan))));
  return out;
}

async function expirePlanSessions(trx: Trx, planId: string): Promise<Array<{ sessionId: string; planId: string; phases: string[] }>> {
  // Waits its turn behind the plan's writers (skipping a busy plan would starve the sweep under steady traffic).
  const locked = await trx.selectFrom('plans').select('id').where('id', '=', planId).forUpdate().executeTakeFirst();
  if (!locked) return [];
  const stale = await trx
    .selectFrom('sessions')
    .select(['id', 'plan_id'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'active')
    .where(sql<boolean>`last_heartbeat_at < now() - make_interval(secs => heartbeat_timeout_seconds)`)
    .forUpdate()
    .skipLocked()
    .execute();
  const out: Array<{ sessionId: string; planId: string; phases: string[] }> = [];
  for (const s of stale) {
    await trx.updateTable('sessions').set({ status: 'expired' }).where('id', '=', s.id).execute();
    const released = await trx
      .updateTable('claims')
      .set({ status: 'expired', ended_at: sql`now()` })
      .where('session_id', '=', s.id)
      .where('status', '=', 'active')
      .returning('phase_id')
      .execute();
    for (const c of released) await appendEvent(trx, s.plan_id, { phaseId: c.phase_id, sessionId: s.id, type: 'heartbeat_lost' });
    await raiseAlert(trx, s.plan_id, {
      kind: 'session_expired',
      severity: 'critical',
      subject: s.id,
      message: `session ${s.id} sent no heartbeat within its timeout; ${released.length ? `released ${released.map((c) => c.phase_id).join(', ')}` : 'it held no phase'}`,
      data: { phases: released.map((c) => c.phase_id) },
    });
    await sql`select pg_notify('waveplan_events', ${s.plan_id})`.execute(trx);
    out.push({ sessionId: s.id, planId: s.plan_id, phases: released.map((c) => c.phase_id) });
  }
  return out;
}

export interface AlertInput {
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Moves the plan's alert clock to at unless it is already later; returns the clock (ISO). */
export async function advanceJudgedAt(db: Db | Trx, planId: string, at: string): Promise<string> {
  const row = await db
    .updateTable('plans')
    .set({ judged_at: sql`greatest(coalesce(judged_at, ${at}::timestamptz), ${at}::timestamptz)` })
    .where('id', '=', planId)
    .returning('judged_at')
    .executeTakeFirstOrThrow();
  return new Date(row.judged_at ?? at).toISOString();
}

/** Opens an alert, or brings the open one of the same kind and subject up to date. Returns true when new. */
export async function raiseAlert(db: Db | Trx, planId: string, a: AlertInput): Promise<boolean> {
  const res = await sql`
    insert into alerts (plan_id, kind, severity, subject, message, data)
    values (${planId}, ${a.kind}, ${a.severity}, ${a.subject}, ${a.message}, ${JSON.stringify(a.data ?? {})}::jsonb)
    on conflict (plan_id, kind, subject) where resolved_at is null
    do update set message = excluded.message, severity = excluded.severity, data = excluded.data
      where alerts.message is distinct from excluded.message or alerts.severity is distinct from excluded.severity
    returning (xmax = 0) as inserted`.execute(db);
  // An alert still open keeps its id and raise time but says what is true now (71.5 % behind
  // becomes 16.9 % behind): only a new one notifies and goes to the webhooks.
  const raised = (res.rows as { inserted: boolean }[]).some((r) => r.inserted);
  if (raised) await sql`select pg_notify('waveplan_events', ${planId})`.execute(db);
  if (raised) await recordWebhookEvent(db, planId, 'alert.raised', { alert: a });
  return raised;
}

/** Closes open alerts of the given kinds whose subject is not in stillTrue. */
export async function resolveAlerts(db: Db | Trx, planId: string, kinds: string[], stillTrue: Set<string>): Promise<void> {
  if (kinds.length === 0) return;
  const open = await db.selectFrom('alerts').select(['id', 'kind', 'subject']).where('plan_id', '=', planId).where('kind', 'in', kinds).where('resolved_at', 'is', null).execute();
  const done = open.filter((a) => !stillTrue.has(`${a.kind}:${a.subject}`)).map((a) => a.id);
  if (done.length)
    await db
      .updateTable('alerts')
      .set({ resolved_at: sql`now()` })
      .where('id', 'in', done)
      .execute();
}

export interface AlertRecord {
  id: number;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  data: Record<string, unknown>;
  raisedAt: string;
  resolvedAt: string | null;
}

export async function listAlerts(db: Db, ref: PlanRef, afterId = 0): Promise<AlertRecord[]> {
  const planId = await scoped(db, ref);
  const rows = await db.selectFrom('alerts').selectAll().where('plan_id', '=', planId).where('id', '>', afterId).orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    severity: r.severity,
    subject: r.subject,
    message: r.message,
    data: r.data,
    raisedAt: new Date(r.raised_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
  }));
}

export async function listSessions(db: Db, ref: PlanRef): Promise<SessionRecord[]> {
  const planId = await scoped(db, ref);
  return (await db.selectFrom('sessions').selectAll().where('plan_id', '=', planId).orderBy('registered_at').execute()).map(toSession);
}
