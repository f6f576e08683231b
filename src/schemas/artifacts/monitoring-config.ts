import { Type, type Static } from 'typebox';
import { DateString, Ids, NullableString } from './common.js';

export const Metric = Type.Object({
  id: Type.String(),
  name: Type.String(),
  subject: NullableString,
  unit: Type.String(),
  formula: Type.String(),
  data_source: Type.String(),
  collection: Type.String(),
  direction: Type.Enum(['higher_is_better', 'lower_is_better', 'band']),
  target: Type.Number({ description: 'The strategy’s target (or the input’s): never this plan’s own figure.' }),
  target_source: Type.Enum(['strategy', 'input', 'monte_carlo'], {
    description: 'strategy: the seed strategy’s default; input: constraints.successCriteria or monitoring; monte_carlo: from the simulated spread.',
  }),
  planned: Type.Number({ description: 'This plan’s expected value, beside the target.' }),
  planned_meets_target: Type.Boolean(),
  warning: Type.Number(),
  critical: Type.Number(),
  warning_low: Type.Optional(Type.Number()),
  basis: Type.String({ description: 'Where target and thresholds come from.' }),
});
export type Metric = Static<typeof Metric>;

const Endpoint = (path: string) => Type.Literal(path);

export const PeriodicAssessment = Type.Object({
  id: Type.Enum(['weekly_progress_review', 'monthly_efficiency_assessment', 'wave_retrospective', 'quarterly_strategy_review', 'post_project_retrospective']),
  cadence: Type.Enum(['weekly', 'monthly', 'at each wave end', 'quarterly', 'once, after completion']),
  dates: Type.Array(DateString),
  participants: Ids,
  metrics: Type.Array(Type.String({ description: 'Ids of the metrics reviewed.' })),
  focus: Type.Array(Type.String()),
});

export const SuccessMetric = Type.Object({
  id: Type.Enum([
    'time_reduction',
    'parallel_execution_efficiency',
    'resource_efficiency',
    'coordination_overhead',
    'coordination_effectiveness',
    'team_satisfaction',
    'delivery_date',
    'resource_cost',
    'value_delivery',
  ]),
  name: Type.String(),
  unit: Type.String(),
  target: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  planned: Type.Union([Type.Number(), Type.String()]),
  measured_by: Type.String(),
});

export const MonitoringConfig = Type.Object(
  {
    execution_plan_id: Type.String(),
    monitoring_and_control: Type.Object({
      metrics: Type.Array(Metric),
      control_mechanisms: Type.Array(
        Type.Object({
          id: Type.String(),
          trigger: Type.String(),
          alert_kind: Type.String(),
          severity: Type.Enum(['info', 'warning', 'critical']),
          action: Type.String(),
          automatic: Type.Boolean(),
        }),
      ),
      replan_policy: Type.Object({ triggers: Type.Array(Type.String()), endpoint: Endpoint('POST /plans/{id}/replan'), keeps: Type.Array(Type.String()) }),
      reporting: Type.Object({
        status_endpoint: Endpoint('GET /plans/{id}/status'),
        event_stream: Endpoint('GET /plans/{id}/events'),
        alerts_endpoint: Endpoint('GET /plans/{id}/alerts'),
        poll_interval_seconds: Type.Integer(),
      }),
      periodic_assessment: Type.Array(PeriodicAssessment, { description: 'The reviews of the plan, on its own dates.' }),
      success_metrics: Type.Object({
        quantitative: Type.Array(SuccessMetric),
        qualitative: Type.Array(SuccessMetric),
        business: Type.Array(SuccessMetric),
      }),
    }),
  },
  { title: 'MonitoringConfig', description: 'monitoring-config.json' },
);
export type MonitoringConfig = Static<typeof MonitoringConfig>;
