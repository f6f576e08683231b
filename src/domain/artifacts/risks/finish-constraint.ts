import { bindingChain } from '../../date-constraints.js';
import { days, figure } from '../../format.js';
import { EPS, type RiskContext } from './context.js';
import type { RiskDraft } from './risk.js';

/** Soft finish-no-later-than dates the plan misses: certain (probability 1), by the days late, naming the chain that makes them late. */
export function finishConstraintRisks(ctx: RiskContext): RiskDraft[] {
  const { result, project, start, finish, calendar } = ctx;
  const by = result.dateDays?.finishBy;
  if (!by) return [];
  return project.phases.flatMap((p): RiskDraft[] => {
    const due = by[p.index]!;
    if (Number.isNaN(due) || p.finishConstraint !== 'soft' || finish[p.index]! <= due + EPS) return [];
    const late = finish[p.index]! - due;
    const path = bindingChain(project, start, finish, p.index, result.resourceEdges);
    const chain = path.map((k) => project.phases[k]!.id);
    const finishes = calendar.finishDate(start[p.index]!, finish[p.index]!);
    const teams = [...new Set(path.map((k) => result.schedule.team[k]!).filter((t) => t >= 0))].map((t) => project.teams[t]!.id);
    return [
      {
        category: 'deadline',
        title: `${p.id} finishes ${finishes}, ${days(late)} after its finish-no-later-than date ${p.finishNoLaterThan}`,
        description: `${p.name} should finish by ${p.finishNoLaterThan} (a soft constraint, working day ${figure(due)}); the plan finishes it on day ${figure(finish[p.index]!)} because it follows ${chain.join(' → ')}.`,
        phases: chain,
        teams,
        probability: 1,
        impactDays: late,
        basis: 'probability 1: the plan itself misses the date; impact days = planned finish − finish-no-later-than day',
        detection: { method: `Track ${chain[0]}'s start against day ${figure(start[path[0]!]!)}`, earlyWarningSigns: [`${chain.join(', ')} behind plan`] },
        prevention: [`Start ${chain[0]} earlier or shorten ${chain.join(', ')}`, `Move ${p.finishNoLaterThan} to ${finishes}, or cut ${p.id}'s scope`],
        response: [`Tell whoever relies on ${p.id} by ${p.finishNoLaterThan} that it lands ${finishes}`],
        contingency: `Ship what ${p.id} has by ${p.finishNoLaterThan} and the rest on ${finishes}.`,
      },
    ];
  });
}
