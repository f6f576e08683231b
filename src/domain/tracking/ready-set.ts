import { claimantObstacles, phaseObstacles, planOrder, type ClaimContext, type Claimant, type Refusal } from './claim-rules.js';

export interface ReadyFilter {
  /** The session asking: its team, skills and claim limit apply. */
  claimant?: Claimant;
  /** Only phases this team may do (its skills) and, without a claimant, that its capacity has room for. */
  team?: string;
  /** Only phases needing no skill outside these. */
  skills?: string[];
  limit?: number;
}

export interface ReadyPhase {
  phaseId: string;
  team: string | null;
  wave: number | null;
  slack: number;
  plannedStart: number;
}

export interface NotReadyPhase {
  phaseId: string;
  status: string;
  reasons: Refusal[];
}

export interface ReadySet {
  ready: ReadyPhase[];
  /** Each phase not completed and not ready, with every reason (filled when explaining). */
  notReady: NotReadyPhase[];
}

/**
 * What may start now and for whom, without changing anything: phases whose dependencies are
 * done, that nobody holds, whose areas are free, whose sync points (and, under barrier gating,
 * earlier waves) have passed, and that the asking session or team may do. In plan order.
 */
export function readySet(ctx: ClaimContext, filter: ReadyFilter = {}, explain = false): ReadySet {
  const teamFilter: Claimant | undefined = filter.team !== undefined ? { team: filter.team, skills: null, claimLimit: Infinity } : undefined;
  const skillSet = filter.skills ? new Set(filter.skills) : undefined;
  const ready: ReadyPhase[] = [];
  const notReady: NotReadyPhase[] = [];
  const order = planOrder(ctx, filter.claimant?.team ?? filter.team ?? null);
  const ids = [...ctx.phases.keys()].sort(order);
  for (const id of ids) {
    const status = ctx.states.get(id)?.status ?? 'pending';
    if (status === 'completed') continue;
    const reasons = phaseObstacles(ctx, id);
    if (filter.claimant) reasons.push(...claimantObstacles(ctx, filter.claimant, id));
    if (teamFilter && !filter.claimant) reasons.push(...claimantObstacles(ctx, teamFilter, id));
    if (skillSet) {
      const missing = (ctx.phases.get(id)!.skills ?? []).filter((s) => !skillSet.has(s));
      if (missing.length > 0) reasons.push({ reason: 'skill_mismatch', message: `phase ${id} needs ${missing.join(', ')}, not among the skills asked for`, ids: missing });
    }
    if (reasons.length === 0) {
      const p = ctx.phases.get(id)!;
      if (filter.limit === undefined || ready.length < filter.limit)
        ready.push({ phaseId: id, team: p.team, wave: p.wave ?? null, slack: p.slack ?? 0, plannedStart: p.plannedStart });
    } else if (explain) {
      notReady.push({ phaseId: id, status, reasons });
    }
  }
  return { ready, notReady };
}
