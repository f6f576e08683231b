import { days, figure, list, percent, plural } from '../../format.js';
import { EPS, type RiskContext } from './context.js';
import { MAX_PER_CATEGORY, RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** Phases with little slack that are on a longest path in many samples. */
export function criticalPathRisks(ctx: RiskContext): RiskDraft[] {
  const { phases, ci, dur, result } = ctx;
  const lowSlack = (j: number) => result.scheduleSlack[j]! <= Math.max(RISK_THRESHOLDS.lowSlackDays, RISK_THRESHOLDS.lowSlackShare * dur(j)) + EPS;
  const candidates = phases
    .filter((p) => !ctx.completed.has(p.index) && dur(p.index) > EPS)
    .map((p) => p.index)
    .filter((j) => ci[j]! >= RISK_THRESHOLDS.criticality && lowSlack(j))
    .map((j) => {
      const slack = result.scheduleSlack[j]!;
      const overrunProbability = ctx.pert(j).exceeds(phases[j]!.duration + slack);
      // probability = criticality index × P(duration > planned + schedule slack) from the PERT-beta:
      // the phase both overruns what its slack absorbs and sits on the longest path.
      const probability = ci[j]! * overrunProbability;
      // impact days = 90th-percentile duration − planned − slack: what the overrun can add to the makespan.
      const impactDays = Math.max(0, ctx.pert(j).quantile(0.9) - phases[j]!.duration - slack);
      return { j, slack, probability, overrunProbability, impactDays };
    })
    .filter((c) => c.probability >= 0.05 && c.impactDays > EPS)
    .sort((a, b) => b.probability * b.impactDays - a.probability * a.impactDays || a.j - b.j);
  const others = candidates.length > MAX_PER_CATEGORY.critical_path ? ` One of ${candidates.length} critical low-slack phases.` : '';
  return candidates.slice(0, MAX_PER_CATEGORY.critical_path).map((c) => criticalPhaseRisk(ctx, c, others));
}

function criticalPhaseRisk(ctx: RiskContext, c: { j: number; slack: number; probability: number; overrunProbability: number; impactDays: number }, others: string): RiskDraft {
  const { phases, teams, start, finish, ci, mc, label, teamName, startDate, finishDate } = ctx;
  const { j, slack } = c;
  const p = phases[j]!;
  const t = ctx.teamOf(j);
  const preds = p.dependencies.map((d) => label(d));
  const alternatives = ctx.project.eligibleTeams[j]!.filter((e) => e !== t);
  return {
    category: 'critical_path',
    title: `Critical phase ${label(j)} has ${days(slack)} of slack`,
    description:
      `${label(j)} runs days ${figure(start[j]!)}–${figure(finish[j]!)} (${startDate(j)} to ${finishDate(j)}${ctx.ranOn(j)}) with ${days(slack, true)} of schedule slack ` +
      `(CPM total slack ${figure(ctx.result.cpm.totalSlack[j]!)}); it is on a longest path in ${percent(ci[j]!)} of ${mc.iterations} simulations. ` +
      `Its estimate (${figure(p.estimate.optimistic)}/${figure(p.estimate.likely)}/${days(p.estimate.pessimistic)}) overruns the planned ${days(p.duration)} plus slack with probability ${percent(c.overrunProbability)}; ` +
      `at its 90th percentile it would move the completion (planned ${mc.completionDates.planned}) by ${days(c.impactDays, true)}.` +
      others,
    phases: [p.id],
    teams: t >= 0 ? [teams[t]!.id] : [],
    probability: c.probability,
    impactDays: c.impactDays,
    basis:
      'probability = criticality index × P(duration > planned + schedule slack) under the PERT-beta estimate; impact days = P90 duration − planned − slack; impact class from impact days / makespan',
    detection: {
      method: `Daily remaining-work estimate for ${p.id} against its planned finish on day ${figure(finish[j]!)} (${finishDate(j)})`,
      earlyWarningSigns: [
        `${p.id} not started on ${startDate(j)}`,
        `Remaining work on ${p.id} above ${days(p.duration / 2)} at its midpoint (day ${figure(start[j]! + p.duration / 2)})`,
        ...(preds.length > 0 ? [`A predecessor finishes late: ${list(preds, 4)}`] : []),
        `Criticality index of ${p.id} above ${percent(ci[j]!)} in the next re-plan`,
      ],
    },
    prevention: [
      `Confirm ${p.id}'s inputs${
        preds.length > 0
          ? ` from ${list(
              p.dependencies.map((d) => phases[d]!.id),
              4,
            )}`
          : ''
      } before ${startDate(j)} so it starts on time`,
      t >= 0
        ? `Keep ${teamName(t)}'s ${plural(p.teamSize, 'person', 'people')} on ${p.id} free of other work from ${startDate(j)} to ${finishDate(j)}`
        : `Protect ${p.id}'s window ${startDate(j)}–${finishDate(j)}`,
      `Split ${p.id} or narrow its scope so that the pessimistic case (${days(p.estimate.pessimistic)}) shrinks`,
    ],
    response: [
      alternatives.length > 0
        ? `Add capacity from ${list(alternatives.map(teamName), 3)} (also eligible for ${p.id}) as soon as it runs behind`
        : `Escalate at the first slipped day: no other team holds the skills ${p.id} needs (${list(p.skills, 4) || 'none listed'})`,
      `Re-plan with progress to re-sequence the phases after ${p.id}`,
    ],
    contingency: `Accept the slip: each working day ${p.id} runs beyond its ${days(slack)} of slack moves the completion from ${mc.completionDates.planned}; the P80 completion is ${mc.completionDates.p80}.`,
  };
}
