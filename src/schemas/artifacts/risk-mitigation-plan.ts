import { Type, type Static } from 'typebox';
import { DateString, Days, Ids } from './common.js';

export const Risk = Type.Object({
  id: Type.String(),
  category: Type.Enum([
    'critical_path',
    'bottleneck',
    'skill_single_point_of_failure',
    'shared_infrastructure',
    'coordination_capacity',
    'merge_conflict',
    'schedule_uncertainty',
    'deadline',
    'team_overload',
  ]),
  title: Type.String(),
  description: Type.String(),
  phases: Ids,
  teams: Ids,
  skills: Type.Optional(Type.Array(Type.String(), { description: 'Skills concerned (single points of failure).' })),
  probability: Type.Number({ minimum: 0, maximum: 1 }),
  impact_days: Days,
  impact: Type.Integer({ minimum: 1, maximum: 5, description: 'impact_days relative to the makespan: 1 (< 1 %) … 5 (≥ 10 %).' }),
  score: Type.Number({ description: 'probability × impact' }),
  level: Type.Enum(['low', 'medium', 'high', 'critical']),
  basis: Type.String({ description: 'How probability and impact were computed from the plan.' }),
  detection: Type.Object({ method: Type.String(), early_warning_signs: Type.Array(Type.String()) }),
  prevention: Type.Array(Type.String()),
  response: Type.Array(Type.String()),
  contingency: Type.String(),
});
export type Risk = Static<typeof Risk>;

export const QualityGate = Type.Object({
  gate_id: Type.String(),
  wave: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  planned_date: DateString,
  deliverables: Ids,
  integration_tests: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), from_team: Type.String(), to_team: Type.String(), check: Type.String() })),
  review_by: Ids,
  entry_criteria: Type.Array(Type.String()),
  exit_criteria: Type.Array(Type.String()),
  holds: Ids,
});
export type QualityGate = Static<typeof QualityGate>;

const RecoveryProcedure = Type.Object({
  detection: Type.String(),
  immediate_response: Type.String(),
  resolution: Type.String(),
  prevention: Type.String(),
  phases: Ids,
  teams: Ids,
  pools: Ids,
});

export const RiskMitigationPlan = Type.Object(
  {
    execution_plan_id: Type.String(),
    risk_management: Type.Object({
      summary: Type.Object({
        risks: Type.Integer(),
        by_level: Type.Object({ critical: Type.Integer(), high: Type.Integer(), medium: Type.Integer(), low: Type.Integer() }),
        highest: Type.Union([Type.String(), Type.Null()]),
      }),
      risks: Type.Array(Risk),
      mitigation_strategies: Type.Array(
        Type.Object({
          strategy_id: Type.String(),
          name: Type.String(),
          mitigates: Type.Array(Type.String(), { description: 'Ids of the risks the strategy mitigates.' }),
          description: Type.String(),
          implementation: Type.Array(Type.String()),
          success_metrics: Type.Array(Type.String(), { description: 'In this plan’s figures.' }),
          monitoring: Type.String({ description: 'The monitoring-config metric that tracks it.' }),
        }),
      ),
    }),
    schedule_risk: Type.Object({
      method: Type.String(),
      iterations: Type.Integer(),
      seed: Type.Integer(),
      planned_days: Days,
      mean_days: Days,
      std_dev_days: Days,
      p50_days: Days,
      p80_days: Days,
      p95_days: Days,
      planned_date: DateString,
      p50_date: DateString,
      p80_date: DateString,
      p95_date: DateString,
      probability_plan_holds: Type.Number({ minimum: 0, maximum: 1 }),
      probability_meets_deadline: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
      criticality_index: Type.Array(Type.Object({ phase: Type.String(), index: Type.Number({ minimum: 0, maximum: 1 }) })),
      histogram: Type.Array(Type.Object({ from_days: Type.Number(), to_days: Type.Number(), count: Type.Integer() })),
    }),
    quality_assurance: Type.Object({
      quality_gates: Type.Array(QualityGate),
      testing_coordination: Type.Object({
        test_phases: Type.Array(
          Type.Object({ phase: Type.String(), team: Type.Union([Type.String(), Type.Null()]), start_date: DateString, finish_date: DateString, environments: Ids }),
        ),
        shared_environments: Type.Array(Type.Object({ id: Type.String(), capacity: Type.Number(), test_phases: Ids })),
        rules: Type.Array(Type.String()),
      }),
      code_review: Type.Object({
        review_requirements: Type.String(),
        cross_team_reviews: Type.Array(
          Type.Object({ area: Type.String(), teams: Ids, phases: Ids, reviewers: Ids, rule: Type.String() }, { description: 'An area touched by phases of more than one team.' }),
        ),
        architecture_reviews: Type.Array(Type.Object({ phase: Type.String(), team: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
        review_timeline_hours: Type.Number({ description: 'Twice escalation.blockedHours: a review waiting longer is escalated.' }),
      }),
    }),
    recovery_procedures: Type.Object({
      coordination_failure: RecoveryProcedure,
      resource_conflict: RecoveryProcedure,
      integration_failure: RecoveryProcedure,
    }),
  },
  { title: 'RiskMitigationPlan', description: 'risk-mitigation-plan.json' },
);
export type RiskMitigationPlan = Static<typeof RiskMitigationPlan>;
