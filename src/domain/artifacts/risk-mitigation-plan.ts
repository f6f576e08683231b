import type { Risk, RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { r2 } from '../format.js';
import type { MonteCarloResult } from '../montecarlo/index.js';
import { qualityGates, testingCoordination } from './quality-gates.js';
import { riskRegister, type Risk as DomainRisk } from './risks/index.js';
import { executionPlanId, type ArtifactContext } from './context.js';
import { codeReview, mitigationStrategies, recoveryProcedures } from './mitigation.js';

/** The register's risk in the artifact's field names. */
function riskJson(r: DomainRisk): Risk {
  return {
    id: r.id,
    category: r.category,
    title: r.title,
    description: r.description,
    phases: r.phases,
    teams: r.teams,
    ...(r.skills ? { skills: r.skills } : {}),
    probability: r2(r.probability),
    impact_days: r2(r.impactDays),
    impact: r.impact,
    score: r2(r.score),
    level: r.level,
    basis: r.basis,
    detection: { method: r.detection.method, early_warning_signs: r.detection.earlyWarningSigns },
    prevention: r.prevention,
    response: r.response,
    contingency: r.contingency,
  };
}

/** risk-mitigation-plan.json: the risk register, the Monte Carlo schedule risk and the quality gates. */
export function riskMitigationPlan(ctx: ArtifactContext, mc: MonteCarloResult): RiskMitigationPlan {
  const risks = riskRegister({ ...ctx.result, calendar: ctx.calendar }, mc).map(riskJson);
  const count = (level: string) => risks.filter((r) => r.level === level).length;
  const { project } = ctx.result;
  return {
    execution_plan_id: executionPlanId(ctx),
    risk_management: {
      summary: { risks: risks.length, by_level: { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low') }, highest: risks[0]?.id ?? null },
      risks,
      mitigation_strategies: mitigationStrategies(ctx, risks, mc),
    },
    schedule_risk: {
      method: 'Monte Carlo over PERT-beta durations (remaining work only for running phases), re-timed over dependencies plus the planned resource flow',
      iterations: mc.iterations,
      seed: mc.seed,
      planned_days: r2(mc.plannedMakespan),
      mean_days: r2(mc.makespan.mean),
      std_dev_days: r2(mc.makespan.stdDev),
      p50_days: r2(mc.makespan.p50),
      p80_days: r2(mc.makespan.p80),
      p95_days: r2(mc.makespan.p95),
      planned_date: mc.completionDates.planned,
      p50_date: mc.completionDates.p50,
      p80_date: mc.completionDates.p80,
      p95_date: mc.completionDates.p95,
      probability_plan_holds: r2(mc.probabilityPlanHolds),
      probability_meets_deadline: mc.deadline === undefined ? null : r2(mc.deadline.probability),
      criticality_index: project.phases
        .map((p) => ({ phase: p.id, index: r2(mc.criticalityIndex[p.index]!) }))
        .filter((c) => c.index > 0)
        .sort((a, b) => b.index - a.index),
      histogram: mc.histogram.map((h) => ({ from_days: r2(h.from), to_days: r2(h.to), count: h.count })),
    },
    quality_assurance: { quality_gates: qualityGates(ctx), testing_coordination: testingCoordination(ctx), code_review: codeReview(ctx) },
    recovery_procedures: recoveryProcedures(ctx),
  };
}
