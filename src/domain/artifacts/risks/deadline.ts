import { days, figure, percent } from '../../format.js';
import { completionSpread } from './completion.js';
import { EPS, type RiskContext } from './context.js';
import { finishConstraintRisks } from './finish-constraint.js';
import { RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** A deadline met in fewer than 95 % of the simulations, and soft finish-no-later-than dates the plan misses. */
export function deadlineRisks(ctx: RiskContext): RiskDraft[] {
  return [...projectDeadlineRisks(ctx), ...finishConstraintRisks(ctx)];
}

function projectDeadlineRisks(ctx: RiskContext): RiskDraft[] {
  const { mc } = ctx;
  const d = mc.deadline;
  if (!d || d.probability >= RISK_THRESHOLDS.deadlineConfidence) return [];
  const { planned, p95, topCritical, topCriticalTeams, criticalText, spreadText } = completionSpread(ctx);
  const slipBeyond = Math.max(0, p95 - d.day);
  const planNeeds =
    planned > d.day + EPS ? `the plan itself needs ${figure(planned)}, ${figure(planned - d.day)} more` : `the plan needs ${figure(planned)} (${days(d.day - planned)} of margin)`;
  const first3 = topCritical.slice(0, 3).join(', ');
  return [
    {
      category: 'deadline',
      title: `Deadline ${d.date} is met in ${percent(d.probability)} of simulations`,
      description:
        `The deadline ${d.date} bounds the work to ${days(d.day, true)}; ${planNeeds}. ` +
        `${spreadText} ${percent(1 - d.probability)} of the simulations miss the deadline, by up to ${days(slipBeyond, true)} at P95. Most often critical: ${criticalText}.`,
      phases: topCritical,
      teams: topCriticalTeams,
      probability: 1 - d.probability,
      impactDays: slipBeyond,
      basis: 'probability = share of simulations finishing after the deadline day; impact days = P95 − deadline day',
      detection: {
        method: 'Track the simulated deadline probability at every re-plan',
        earlyWarningSigns: [`Deadline probability below ${percent(d.probability)}`, `P80 completion after ${d.date}`, `Critical phases (${first3}) behind plan`],
      },
      prevention: [`Agree a scope cut-line now: what can ship after ${d.date}`, `Add capacity to ${first3 || 'the critical phases'}, the phases most often on the longest path`],
      response: ['Escalate when the deadline probability drops below 50 %', 'Re-plan with progress and the reduced scope'],
      contingency: `Negotiate the deadline to ${mc.completionDates.p80} (P80) or ${mc.completionDates.p95} (P95), or ship the reduced scope on ${d.date}.`,
    },
  ];
}
