import { Risk as RiskSchema } from '../../../schemas/artifacts/risk-mitigation-plan.js';
import { r2 } from '../../format.js';
import type { MonteCarloResult } from '../../montecarlo/index.js';
import { bottleneckRisks } from './bottleneck.js';
import { clamp, riskContext, type RiskContext, type RiskInput } from './context.js';
import { coordinationCapacityRisks } from './coordination-capacity.js';
import { criticalPathRisks } from './critical-path.js';
import { deadlineRisks } from './deadline.js';
import { mergeConflictRisks } from './merge-conflict.js';
import type { Risk, RiskCategory, RiskDraft, RiskLevel } from './risk.js';
import { scheduleUncertaintyRisks } from './schedule-uncertainty.js';
import { sharedInfrastructureRisks } from './shared-infrastructure.js';
import { skillSinglePointRisks } from './skill-single-point.js';
import { teamOverloadRisks } from './team-overload.js';

/** One detector per category of the artifact's enum. */
const DETECTORS: Record<RiskCategory, (ctx: RiskContext) => RiskDraft[]> = {
  critical_path: criticalPathRisks,
  bottleneck: bottleneckRisks,
  skill_single_point_of_failure: skillSinglePointRisks,
  shared_infrastructure: sharedInfrastructureRisks,
  coordination_capacity: coordinationCapacityRisks,
  merge_conflict: mergeConflictRisks,
  schedule_uncertainty: scheduleUncertaintyRisks,
  deadline: deadlineRisks,
  team_overload: teamOverloadRisks,
};

/** Between risks of equal score and impact days, the category ranked first here comes first. */
const TIE_RANK: Record<RiskCategory, number> = {
  deadline: 0,
  schedule_uncertainty: 1,
  critical_path: 2,
  bottleneck: 3,
  skill_single_point_of_failure: 4,
  shared_infrastructure: 5,
  team_overload: 6,
  coordination_capacity: 7,
  merge_conflict: 8,
};

/** Impact class 1..5 of a delay relative to the makespan: < 1 %, ≥ 1 %, ≥ 2 %, ≥ 5 %, ≥ 10 %. */
export function impactClass(days: number, makespan: number): number {
  const share = makespan > 0 ? days / makespan : days > 0 ? 1 : 0;
  return share >= 0.1 ? 5 : share >= 0.05 ? 4 : share >= 0.02 ? 3 : share >= 0.01 ? 2 : 1;
}

/** Level from score = probability × impact (0..5). */
export function riskLevel(score: number): RiskLevel {
  return score >= 3 ? 'critical' : score >= 1.8 ? 'high' : score >= 0.8 ? 'medium' : 'low';
}

/**
 * The risk register, detected from the plan's facts and the Monte Carlo simulation — nothing is
 * listed that the plan does not show. The detectors run in the order of the artifact's category
 * enum; each risk's `basis` states how its probability and impact were computed. Sorted by score
 * (then impact days, category, title); ids follow that order.
 */
export function riskRegister(result: RiskInput, mc: MonteCarloResult): Risk[] {
  const ctx = riskContext(result, mc);
  const drafts = (RiskSchema.properties.category.enum as RiskCategory[]).flatMap((category) => DETECTORS[category](ctx));
  const risks = drafts.map((d) => scored(d, ctx.makespan));
  risks.sort((a, b) => b.score - a.score || b.impactDays - a.impactDays || TIE_RANK[a.category] - TIE_RANK[b.category] || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return risks.map((r, k) => numbered(r, k));
}

function scored(d: RiskDraft, makespan: number): Omit<Risk, 'id'> {
  const probability = r2(clamp(d.probability, 0, 1));
  const impactDays = r2(Math.max(0, d.impactDays));
  const impact = d.impact ?? impactClass(impactDays, makespan);
  const score = r2(probability * impact);
  return { ...d, probability, impactDays, impact, score, level: riskLevel(score) };
}

/** The risk with its id, its fields in the register's order. */
function numbered(r: Omit<Risk, 'id'>, k: number): Risk {
  const { category, title, description, phases, teams, skills, probability, impact, impactDays, score, level, basis, detection, prevention, response, contingency } = r;
  return {
    id: `risk_${String(k + 1).padStart(3, '0')}`,
    category,
    title,
    description,
    phases,
    teams,
    ...(skills ? { skills } : {}),
    probability,
    impact,
    impactDays,
    score,
    level,
    basis,
    detection,
    prevention,
    response,
    contingency,
  };
}
