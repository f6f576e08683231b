import { days, figure, list, percent, plural } from '../../format.js';
import type { TeamLoad } from '../../model.js';
import type { RiskContext } from './context.js';
import { RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** Teams loaded at ≥ 85 % of their capacity over the makespan. */
export function teamOverloadRisks(ctx: RiskContext): RiskDraft[] {
  return ctx.result.metrics.teamLoads.filter((load) => load.utilisation >= RISK_THRESHOLDS.teamUtilisation).map((load) => overloadRisk(ctx, load));
}

function overloadRisk(ctx: RiskContext, load: TeamLoad): RiskDraft {
  const { phases, project } = ctx;
  const team = ctx.teams[load.team]!;
  const js = load.phases.filter((j) => !ctx.completed.has(j));
  // impact days = 1.645 × √(Σ σ²), σ = (p − o)/6 of each phase: the P95 of the overruns piling up in the team's queue.
  const impactDays = 1.645 * Math.sqrt(js.reduce((a, j) => a + ((phases[j]!.estimate.pessimistic - phases[j]!.estimate.optimistic) / 6) ** 2, 0));
  return {
    category: 'team_overload',
    title: `${team.name} is loaded at ${percent(load.utilisation)} of its capacity`,
    description:
      `${ctx.teamLabel(load.team)} carries ${figure(load.workDays)} person-days over the ${figure(ctx.makespan)}-day plan with a capacity of ${team.capacity} (size ${team.size}, availability ${percent(team.availability)}, buffer ${percent(project.constraints.capacityBuffer)}): ` +
      `${percent(load.utilisation)} utilisation across ${plural(load.phases.length, 'phase')} (${list(
        load.phases.map((j) => phases[j]!.id),
        6,
      )}). Overruns have almost no idle time to land in.`,
    phases: js.map((j) => phases[j]!.id),
    teams: [team.id],
    // probability = utilisation, capped at 0.95: the share of the plan the team has no spare capacity.
    probability: Math.min(0.95, load.utilisation),
    impactDays,
    basis: 'probability = team utilisation (capped at 0.95); impact days = 1.645 × √(Σ ((p − o)/6)²) over the team’s phases',
    detection: {
      method: `Weekly burn-down of ${team.name}'s ${plural(js.length, 'phase')} against planned finishes`,
      earlyWarningSigns: [
        `${team.name} working overtime or reporting context switching`,
        `Two or more of ${team.name}'s phases behind plan at once`,
        'Blocked time rising on its phases',
      ],
    },
    prevention: [
      `Move phases with other eligible teams off ${team.name} (re-plan with those teams preferred)`,
      `Lower ${team.name}'s capacity buffer only with its agreement; add people or availability instead`,
    ],
    response: [`Re-plan the moment ${team.name} falls a day behind on any phase`],
    contingency: `Bring in temporary capacity for ${team.name}; the accumulated overrun at P95 is about ${days(impactDays, true)}.`,
  };
}
