import { days, figure, list, percent, plural } from '../../format.js';
import { clamp, type RiskContext } from './context.js';
import { MAX_PER_CATEGORY, RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** Phases that a quarter or more of the plan transitively waits for. */
export function bottleneckRisks(ctx: RiskContext): RiskDraft[] {
  const { phases, n, mc, result } = ctx;
  const threshold = Math.max(2, Math.ceil(RISK_THRESHOLDS.blockingShare * n));
  const candidates = phases
    .map((p) => p.index)
    .filter((j) => !ctx.completed.has(j) && result.descendants[j]! >= threshold && mc.lateFinishProbability[j]! > 0)
    .sort((a, b) => result.descendants[b]! - result.descendants[a]! || mc.lateFinishProbability[b]! - mc.lateFinishProbability[a]! || a - b);
  const others = candidates.length > MAX_PER_CATEGORY.bottleneck ? ` One of ${candidates.length} phases blocking ≥ ${percent(RISK_THRESHOLDS.blockingShare)} of the plan.` : '';
  return candidates.slice(0, MAX_PER_CATEGORY.bottleneck).map((j) => bottleneckRisk(ctx, j, others));
}

function bottleneckRisk(ctx: RiskContext, j: number, others: string): RiskDraft {
  const { phases, teams, n, start, finish, mc, label, startDate, finishDate } = ctx;
  const p = phases[j]!;
  const blocked = ctx.result.descendants[j]!;
  const t = ctx.teamOf(j);
  const direct = p.dependents.map((d) => phases[d]!.id);
  const overrun = ctx.p90Overrun(j);
  return {
    category: 'bottleneck',
    title: `${label(j)} blocks ${blocked} of ${n} phases`,
    description:
      `${blocked} phases (${percent(blocked / n)} of the plan) depend on ${label(j)} directly or transitively, ${plural(direct.length, 'of them directly', 'of them directly')} (${list(direct, 5)}). ` +
      `It is planned for days ${figure(start[j]!)}–${figure(finish[j]!)} (${startDate(j)} to ${finishDate(j)}${ctx.ranOn(j)}) and finishes after its planned finish in ${percent(mc.lateFinishProbability[j]!)} of the simulations; ` +
      `its P90 overrun is ${days(overrun)}, passed on to everything behind it.` +
      others,
    phases: [p.id],
    teams: t >= 0 ? [teams[t]!.id] : [],
    probability: mc.lateFinishProbability[j]!,
    impact: clamp(Math.round(1 + (4 * blocked) / n), 1, 5),
    impactDays: overrun,
    basis:
      'probability = share of simulations in which the phase finishes after its planned finish; impact = round(1 + 4 × blocked phases / all phases); impact days = P90 duration − planned',
    detection: {
      method: `Track ${p.id}'s finish against day ${figure(finish[j]!)}; its dependents' start dates follow it`,
      earlyWarningSigns: [
        `${p.id} behind plan at its midpoint (${ctx.calendar.dateOf(start[j]! + ctx.dur(j) / 2)})`,
        `Open questions or rework requests on ${p.id}'s interface from ${list(direct, 3)}`,
        `${p.id} still running on ${finishDate(j)}`,
      ],
    },
    prevention: [
      `Publish ${p.id}'s interfaces (contracts, schemas, stubs) early so that ${list(direct, 3)} can start against them`,
      `Give ${p.id} the first pick of people and review time${t >= 0 ? ` in ${ctx.teamName(t)}` : ''}`,
      `Split ${p.id} so that the part its ${direct.length} direct dependents need lands first`,
    ],
    response: [`Let ${list(direct, 3)} start on stubs while ${p.id} finishes`, `Re-plan with progress the day ${p.id} slips, to re-order the ${blocked} waiting phases`],
    contingency: `If ${p.id} slips by more than ${days(Math.max(overrun, 1))}, cut scope of ${p.id} to what its direct dependents need and move the rest to a later phase.`,
  };
}
