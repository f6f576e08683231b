import { overlappingAreas } from './areas.js';
import type { DependencyLink } from '../../schemas/dependency-links.js';
import type { PhaseState } from './events.js';

export interface TrackedPhase {
  id: string;
  dependencies: string[];
  /** The dependencies with type and lag; without it every dependency is finish-to-start. */
  links?: DependencyLink[];
  areas: string[];
  /** Team the plan assigns, null when the phase needs no team. */
  team: string | null;
  plannedStart: number;
  /** Skills the team doing it must hold. */
  skills?: string[];
  /** People of the team it occupies. */
  teamSize?: number;
  /** 1-based wave (dependency level) of the plan. */
  wave?: number;
  /** Schedule slack in working days: how far it may slip without moving the finish. */
  slack?: number;
}

export interface TrackedTeam {
  id: string;
  skills: string[];
  /** Usable capacity the plan schedules against: whole people after availability and the buffer. */
  capacity: number;
}

/** A claim being worked: which session holds it and which team it runs on. */
export interface LiveClaim {
  phaseId: string;
  sessionId: string;
  team: string | null;
}

/** How waves open: `flow` as soon as a phase's own dependencies allow, `barrier` only after the whole previous wave. */
export type WaveGating = 'flow' | 'barrier';

export type RefusalReason =
  | 'unknown_phase'
  | 'phase_taken'
  | 'phase_completed'
  | 'dependency_not_done'
  | 'sync_point_pending'
  | 'wave_pending'
  | 'area_locked'
  | 'skill_mismatch'
  | 'team_at_capacity'
  | 'session_busy';

export interface Refusal {
  reason: RefusalReason;
  message: string;
  /** The phases (or areas, skills, sessions) behind the refusal. */
  ids: string[];
}

export interface ClaimContext {
  phases: Map<string, TrackedPhase>;
  states: Map<string, PhaseState>;
  teams?: Map<string, TrackedTeam>;
  gating?: WaveGating;
  /** Live claims with the team each runs on (for team capacity); without it no capacity is checked. */
  liveClaims?: LiveClaim[];
}

/** Who wants to claim: a session, its team and the skills it names. */
export interface Claimant {
  sessionId?: string;
  team: string | null;
  /** Skills the session names (null: it names none, its team's count). */
  skills: string[] | null;
  /** Live claims it may hold at once. */
  claimLimit: number;
}

export const isLive = (s: PhaseState | undefined) => s !== undefined && (s.status === 'claimed' || s.status === 'in_progress' || s.status === 'blocked');

/**
 * Every reason a phase may not be claimed now by anyone (empty when it may). A cross-team
 * dependency is a synchronisation point: it passes when the upstream phase is complete and its
 * quality gate has not failed (a failed gate holds it until a later pass). Under barrier gating
 * a phase of wave N also waits until every phase of the earlier waves is completed with its
 * quality gate passed.
 */
export function phaseObstacles(ctx: ClaimContext, phaseId: string): Refusal[] {
  const phase = ctx.phases.get(phaseId);
  if (!phase) return [{ reason: 'unknown_phase', message: `phase ${phaseId} is not in the plan`, ids: [phaseId] }];
  const state = ctx.states.get(phaseId);
  if (state?.status === 'completed') return [{ reason: 'phase_completed', message: `phase ${phaseId} is already completed`, ids: [phaseId] }];
  if (isLive(state)) return [{ reason: 'phase_taken', message: `phase ${phaseId} is held by session ${state!.sessionId}`, ids: [phaseId, state!.sessionId ?? ''] }];

  const out: Refusal[] = [];
  const { finishFirst, startFirst } = claimConditions(phase);
  const notDone = finishFirst.filter((d) => ctx.states.get(d)?.status !== 'completed');
  if (notDone.length > 0) out.push({ reason: 'dependency_not_done', message: `phase ${phaseId} waits for ${notDone.join(', ')} to complete`, ids: notDone });
  const notStarted = startFirst.filter((d) => !notDone.includes(d) && !hasStarted(ctx.states.get(d)));
  if (notStarted.length > 0) out.push({ reason: 'dependency_not_done', message: `phase ${phaseId} waits for ${notStarted.join(', ')} to start (start-to-start)`, ids: notStarted });
  const held = finishFirst.filter((d) => ctx.states.get(d)?.status === 'completed' && ctx.states.get(d)?.gate === 'failed');
  const crossTeam = held.filter((d) => ctx.phases.get(d)?.team !== phase.team);
  if (crossTeam.length > 0) {
    out.push({ reason: 'sync_point_pending', message: `the hand-over from ${crossTeam.join(', ')} to ${phaseId} has not passed: its quality gate failed`, ids: crossTeam });
  }
  const sameTeam = held.filter((d) => !crossTeam.includes(d));
  if (sameTeam.length > 0) out.push({ reason: 'dependency_not_done', message: `${sameTeam.join(', ')} failed its quality gate and must pass it first`, ids: sameTeam });
  const wave = waveRefusal(ctx, phase);
  if (wave) out.push(wave);
  for (const [otherId, other] of ctx.phases) {
    if (otherId === phaseId || !isLive(ctx.states.get(otherId))) continue;
    const pairs = overlappingAreas(phase.areas, other.areas);
    if (pairs.length > 0) {
      out.push({
        reason: 'area_locked',
        message: `phase ${phaseId} touches ${pairs.map(([a, b]) => (a === b ? a : `${a} (${b})`)).join(', ')}, locked by running phase ${otherId} (session ${ctx.states.get(otherId)!.sessionId})`,
        ids: [otherId, ...new Set(pairs.map(([, b]) => b))],
      });
      break;
    }
  }
  return out;
}

const hasStarted = (s: PhaseState | undefined) => s !== undefined && (s.status === 'completed' || s.status === 'in_progress' || s.status === 'blocked' || s.startedAt !== null);

/**
 * What a phase's links ask before it may be claimed. Claims are about starting work, so only the
 * links that constrain a start are enforced: finish-to-start waits for the other phase to
 * complete (and its gate), start-to-start for it to have started. Finish-to-finish and
 * start-to-finish links constrain when the phase may finish, which a claim cannot know: they are
 * planned (the schedule keeps them) but not enforced live. Lags are not enforced live either:
 * the claim rules do not count working days after the other phase's finish or start.
 */
export function claimConditions(phase: TrackedPhase): { finishFirst: string[]; startFirst: string[] } {
  if (!phase.links) return { finishFirst: phase.dependencies, startFirst: [] };
  const finishFirst = [...new Set(phase.links.filter((l) => l.type === 'FS').map((l) => l.id))];
  const startFirst = [...new Set(phase.links.filter((l) => l.type === 'SS' && !finishFirst.includes(l.id)).map((l) => l.id))];
  return { finishFirst, startFirst };
}

/** Under barrier gating: the earliest earlier wave that is not finished (every phase completed, gate passed). */
function waveRefusal(ctx: ClaimContext, phase: TrackedPhase): Refusal | null {
  if (ctx.gating !== 'barrier' || phase.wave === undefined) return null;
  let open: number | undefined;
  const waiting: string[] = [];
  for (const p of ctx.phases.values()) {
    if (p.wave === undefined || p.wave >= phase.wave) continue;
    const s = ctx.states.get(p.id);
    if (s?.status === 'completed' && s.gate === 'passed') continue;
    if (open === undefined || p.wave < open) {
      open = p.wave;
      waiting.length = 0;
    }
    if (p.wave === open) waiting.push(p.id);
  }
  if (open === undefined) return null;
  return {
    reason: 'wave_pending',
    message: `phase ${phase.id} is in wave ${phase.wave}; waiting for wave ${open} to finish (${waiting.join(', ')} not completed with a passed quality gate)`,
    ids: waiting,
  };
}

/** The first reason a phase may not be claimed now, or null when it may. */
export function claimRefusal(ctx: ClaimContext, phaseId: string): Refusal | null {
  return phaseObstacles(ctx, phaseId)[0] ?? null;
}

/** The skills a claimant brings: its team's, narrowed to the ones the session names. Null: no restriction (a session with no team and no skills). */
export function claimantSkills(ctx: ClaimContext, who: Claimant): Set<string> | null {
  const team = who.team ? ctx.teams?.get(who.team) : undefined;
  if (!team && who.skills === null) return null;
  const own = who.skills === null ? team!.skills : team ? who.skills.filter((s) => team.skills.includes(s)) : who.skills;
  return new Set(own);
}

/** The team a claim by this claimant runs on: the session's own, else the one the plan assigns. */
export const claimTeam = (who: Claimant, phase: TrackedPhase): string | null => who.team ?? phase.team;

/** People a team has busy on live claims. A phase larger than the team occupies all of it. */
export function teamLoad(ctx: ClaimContext, team: TrackedTeam): number {
  let load = 0;
  for (const c of ctx.liveClaims ?? []) if (c.team === team.id) load += demand(ctx.phases.get(c.phaseId), team);
  return load;
}

const demand = (phase: TrackedPhase | undefined, team: TrackedTeam) => Math.min(phase?.teamSize ?? 1, team.capacity);

/** Reasons this claimant in particular may not take the phase: its own claim limit, skills (unless overridden), its team's capacity. */
export function claimantObstacles(ctx: ClaimContext, who: Claimant, phaseId: string, overrideSkills = false): Refusal[] {
  const phase = ctx.phases.get(phaseId);
  if (!phase) return [];
  const out: Refusal[] = [];
  if (who.sessionId !== undefined && ctx.liveClaims) {
    const mine = ctx.liveClaims.filter((c) => c.sessionId === who.sessionId).map((c) => c.phaseId);
    if (mine.length >= who.claimLimit) {
      out.push({
        reason: 'session_busy',
        message: `session ${who.sessionId} already holds ${mine.join(', ')} (its limit is ${who.claimLimit} at once); complete or release one first`,
        ids: mine,
      });
    }
  }
  const skills = claimantSkills(ctx, who);
  const missing = skills ? (phase.skills ?? []).filter((s) => !skills.has(s)) : [];
  if (missing.length > 0 && !overrideSkills) {
    out.push({
      reason: 'skill_mismatch',
      message: `phase ${phaseId} needs ${missing.join(', ')}, which ${who.team ? `team ${who.team}${who.skills ? ' (as this session names its skills)' : ''}` : 'this session'} lacks; claim with override and a reason to take it anyway`,
      ids: missing,
    });
  }
  const teamId = claimTeam(who, phase);
  const team = teamId ? ctx.teams?.get(teamId) : undefined;
  if (team && ctx.liveClaims) {
    const load = teamLoad(ctx, team);
    if (load + demand(phase, team) > team.capacity + 1e-9) {
      const running = ctx.liveClaims.filter((c) => c.team === team.id).map((c) => c.phaseId);
      out.push({
        reason: 'team_at_capacity',
        message: `team ${team.id} has ${load} of its ${team.capacity} usable people busy (${running.join(', ')}); phase ${phaseId} needs ${demand(phase, team)}`,
        ids: running,
      });
    }
  }
  return out;
}

/** Plan order for picking: the claimant's own team's planned phases first, then least slack, then planned start. */
export function planOrder(ctx: ClaimContext, team: string | null | undefined): (a: string, b: string) => number {
  return (x, y) => {
    const a = ctx.phases.get(x)!;
    const b = ctx.phases.get(y)!;
    const own = team != null ? Number(b.team === team) - Number(a.team === team) : 0;
    return own || (a.slack ?? 0) - (b.slack ?? 0) || a.plannedStart - b.plannedStart || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/** Phases a claimant may claim now, best first. Without a claimant: every phase open to someone. */
export function claimablePhases(ctx: ClaimContext, who?: Claimant | string | null): string[] {
  const claimant: Claimant | undefined = typeof who === 'object' && who !== null ? who : undefined;
  const team = claimant ? claimant.team : (who as string | null | undefined);
  return [...ctx.phases.keys()].filter((id) => phaseObstacles(ctx, id).length === 0 && (!claimant || claimantObstacles(ctx, claimant, id).length === 0)).sort(planOrder(ctx, team));
}
