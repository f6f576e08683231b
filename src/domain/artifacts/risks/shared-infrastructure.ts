import type { Infrastructure } from '../../model.js';
import { days, figure, list, percent, plural } from '../../format.js';
import { linkReady } from '../../links.js';
import { clamp, EPS, sweepLevels, type RiskContext } from './context.js';
import { RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** A phase queued for a pool: ready (dependencies done) before it starts, and the pool was full then. */
interface Queued {
  j: number;
  ready: number;
  wait: number;
}

/** Pools used at ≥ 80 % of capacity, or that made phases queue. */
export function sharedInfrastructureRisks(ctx: RiskContext): RiskDraft[] {
  const drafts: RiskDraft[] = [];
  for (const pool of ctx.project.infrastructure) {
    const users = ctx.phases.filter((p) => p.resources.has(pool.index) && ctx.dur(p.index) > EPS).map((p) => p.index);
    if (users.length === 0 || pool.capacity <= 0) continue;
    const queued = queuedFor(ctx, pool, users);
    if ((ctx.result.metrics.infrastructurePeak[pool.index] ?? 0) < RISK_THRESHOLDS.poolPeak && queued.length === 0) continue;
    drafts.push(poolRisk(ctx, pool, users, queued));
  }
  return drafts;
}

function queuedFor(ctx: RiskContext, pool: Infrastructure, users: number[]): Queued[] {
  const { phases, start, finish } = ctx;
  const r = pool.index;
  const depReady = (j: number) => {
    return Math.max(ctx.result.replan?.asOfDay ?? 0, linkReady(ctx.result.project, start, finish, j));
  };
  const usage = (t: number, except: number) => {
    let u = 0;
    for (const k of users) if (k !== except && start[k]! <= t + EPS && finish[k]! > t + EPS) u += phases[k]!.resources.get(r)!;
    return u;
  };
  return users
    .filter((j) => !ctx.completed.has(j))
    .map((j) => ({ j, ready: depReady(j) }))
    .filter(({ j, ready }) => start[j]! > ready + EPS && usage(ready, j) + phases[j]!.resources.get(r)! > pool.capacity + EPS)
    .map(({ j, ready }) => ({ j, ready, wait: start[j]! - ready }));
}

/** Share of the pool's busy time spent at ≥ 80 % of its capacity. */
function saturatedShare(ctx: RiskContext, pool: Infrastructure, users: number[]): number {
  let busy = 0;
  let saturated = 0;
  const intervals = users.map((k) => ({ from: ctx.start[k]!, to: ctx.finish[k]!, weight: ctx.phases[k]!.resources.get(pool.index)! }));
  sweepLevels(intervals, (level, span) => {
    if (level > EPS) busy += span;
    if (level >= RISK_THRESHOLDS.poolPeak * pool.capacity - EPS) saturated += span;
  });
  return busy > 0 ? saturated / busy : 0;
}

function poolRisk(ctx: RiskContext, pool: Infrastructure, users: number[], queued: Queued[]): RiskDraft {
  const { phases, start, finish } = ctx;
  const peak = ctx.result.metrics.infrastructurePeak[pool.index] ?? 0;
  const saturated = saturatedShare(ctx, pool, users);
  const totalWait = queued.reduce((a, q) => a + q.wait, 0);
  const worstOverrun = Math.max(0, ...users.map((j) => ctx.p90Overrun(j)));
  // probability = max(share of busy time at ≥ 80 % capacity, share of users that queued), in [0.05, 0.95]:
  // in those windows an outage or an overrunning user makes the next user wait.
  const probability = clamp(Math.max(saturated, queued.length / users.length), 0.05, 0.95);
  // impact days = max(total queue wait already in the plan, largest P90 overrun of a user) — what a slip or outage passes on.
  const impactDays = Math.max(totalWait, worstOverrun);
  const queuedText = queued
    .slice(0, 5)
    .map((q) => `${phases[q.j]!.id} ready on day ${figure(q.ready)} but starts on day ${figure(start[q.j]!)} (${days(q.wait)})`)
    .join('; ');
  const userIds = users.map((j) => phases[j]!.id);
  return {
    category: 'shared_infrastructure',
    title: `${pool.name} runs at ${percent(peak)} of capacity${queued.length > 0 ? `; ${plural(queued.length, 'phase')} ${queued.length === 1 ? 'waits' : 'wait'} for it` : ''}`,
    description:
      `${pool.name} (${pool.id}, ${pool.kind}, capacity ${pool.capacity}) is used by ${plural(users.length, 'phase')} (${list(userIds, 6)}); its peak use is ${percent(peak)} of capacity ` +
      `and it runs at ≥ ${percent(RISK_THRESHOLDS.poolPeak)} of capacity for ${percent(saturated)} of the time it is in use. ` +
      (queued.length > 0
        ? `Phases queued for it: ${queuedText}${queued.length > 5 ? ` and ${queued.length - 5} more` : ''} — ${days(totalWait, true)} of waiting in the plan. `
        : '') +
      `The largest P90 overrun of a user is ${days(worstOverrun)}.`,
    phases: [...new Set([...queued.map((q) => q.j), ...users])].map((j) => phases[j]!.id),
    teams: ctx.teamsOf(users).map((t) => ctx.teams[t]!.id),
    probability,
    impactDays,
    basis:
      'probability = max(share of in-use time at ≥ 80 % of capacity, share of users that queued), clamped to 0.05..0.95; impact days = max(total queue wait, largest P90 overrun of a user)',
    detection: {
      method: `Monitor ${pool.id} utilisation and queue length; compare each user's start with its planned start`,
      earlyWarningSigns: [
        `${pool.id} at ${pool.capacity} of ${pool.capacity} units with a phase waiting`,
        `A phase holding ${pool.id} runs past its planned finish`,
        `${pool.id} outage or degraded performance`,
      ],
    },
    prevention: [
      `Book ${pool.id} slots for ${list(userIds, 4)} in planned order and release them at each phase's finish`,
      `Add ${Math.max(1, Math.ceil(pool.capacity * 0.5))} unit(s) of ${pool.id} for the busiest window (days ${figure(Math.min(...users.map((j) => start[j]!)))}–${figure(Math.max(...users.map((j) => finish[j]!)))})`,
    ],
    response: [
      `Give ${pool.id} to the waiting phase with the least slack first`,
      `Time-box holds on ${pool.id}: a phase past its planned finish hands it over and continues off it where it can`,
    ],
    contingency: `Provision temporary ${pool.kind} capacity for ${pool.id}; otherwise the queued phases slip by up to ${days(impactDays)}.`,
  };
}
