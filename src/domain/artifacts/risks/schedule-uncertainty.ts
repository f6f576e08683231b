import { days, percent } from '../../format.js';
import { completionSpread } from './completion.js';
import { EPS, type RiskContext } from './context.js';
import { RISK_THRESHOLDS, type RiskDraft } from './risk.js';

/** The spread of the simulated completion, when the planned completion is missed in many samples. */
export function scheduleUncertaintyRisks(ctx: RiskContext): RiskDraft[] {
  const { mc } = ctx;
  const { planned, p95, topCritical, topCriticalTeams, criticalText, spreadText } = completionSpread(ctx);
  const miss = 1 - mc.probabilityPlanHolds;
  if (!(planned > 0 && p95 > planned + EPS && miss >= RISK_THRESHOLDS.planMissShare)) return [];
  const overrun = p95 - planned;
  const dates = mc.completionDates;
  return [
    {
      category: 'schedule_uncertainty',
      title: `The planned completion ${dates.planned} holds in ${percent(mc.probabilityPlanHolds)} of simulations`,
      description: `${spreadText} P95 is ${percent(overrun / planned)} beyond the plan. Most often critical: ${criticalText}.`,
      phases: topCritical,
      teams: topCriticalTeams,
      probability: miss,
      impactDays: overrun,
      basis: 'probability = share of simulations finishing after the planned makespan; impact days = P95 − planned makespan',
      detection: {
        method: 'Re-run the simulation with progress at every sync point and compare P80 with the committed date',
        earlyWarningSigns: [
          `P80 completion later than ${dates.p80}`,
          `Any of ${topCritical.join(', ') || 'the critical phases'} finishing late`,
          'Schedule variance above the escalation threshold',
        ],
      },
      prevention: [
        `Communicate ${dates.p80} (P80) rather than ${dates.planned} as the expected date`,
        `Narrow the estimates of ${topCritical.slice(0, 3).join(', ') || 'the critical phases'} (spikes, prototypes) to cut the spread`,
      ],
      response: ['Re-plan with progress when the P80 date moves by more than a day', 'Move capacity to the phases with the highest criticality index'],
      contingency: `Keep ${days(p95 - planned, true)} of buffer before any commitment (P95 ${dates.p95}).`,
    },
  ];
}
