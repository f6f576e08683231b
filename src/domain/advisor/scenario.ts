import type { ExecutionPlan, SuccessCriterion } from '../../schemas/artifacts/execution-plan.js';
import type { PlanSummary } from '../../schemas/plan-summary.js';
import { r2 } from '../format.js';

export interface Difference {
  field: string;
  current: number | string | boolean | null;
  scenario: number | string | boolean | null;
  /** scenario − current, for numbers. */
  delta: number | null;
}

/** One side of a comparison: a version's or a scenario's headline figures. */
export interface PlanFacts {
  summary: PlanSummary;
  /** Absent for versions stored before execution plans carried them. */
  plan?: Pick<ExecutionPlan, 'success_criteria' | 'metrics'>;
}

const SUMMARY_FIELDS = [
  'makespanDays',
  'sequentialDays',
  'timeSavingsPercent',
  'criticalPathDays',
  'lowerBoundDays',
  'gapPercent',
  'completionDate',
  'deadlineMet',
  'phases',
  'teams',
] as const;

/** What a scenario changes against the current version: every headline figure, criterion and team utilisation that differs. */
export function scenarioDifferences(current: PlanFacts, scenario: PlanFacts): Difference[] {
  const out: Difference[] = [];
  const push = (field: string, a: Difference['current'] | undefined, b: Difference['scenario'] | undefined) => {
    const x = a ?? null;
    const y = b ?? null;
    if (x === y) return;
    out.push({ field, current: x, scenario: y, delta: typeof x === 'number' && typeof y === 'number' ? r2(y - x) : null });
  };
  for (const f of SUMMARY_FIELDS) push(`summary.${f}`, current.summary[f], scenario.summary[f]);
  const criteria = (p?: PlanFacts['plan']) => new Map((p?.success_criteria ?? []).map((c: SuccessCriterion) => [c.criterion, c]));
  const a = criteria(current.plan);
  const b = criteria(scenario.plan);
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    push(`success_criteria.${id}.value`, a.get(id)?.value, b.get(id)?.value);
    push(`success_criteria.${id}.met`, a.get(id)?.met, b.get(id)?.met);
  }
  push('metrics.utilisation_percent', current.plan?.metrics.utilisation_percent, scenario.plan?.metrics.utilisation_percent);
  push('metrics.coordination_overhead_percent', current.plan?.metrics.coordination_overhead_percent, scenario.plan?.metrics.coordination_overhead_percent);
  const ua = current.plan?.metrics.team_utilisation_percent ?? {};
  const ub = scenario.plan?.metrics.team_utilisation_percent ?? {};
  for (const t of new Set([...Object.keys(ua), ...Object.keys(ub)])) push(`metrics.team_utilisation_percent.${t}`, ua[t], ub[t]);
  return out;
}
