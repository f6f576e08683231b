import { Type, type Static } from 'typebox';
import { NullableString } from './common.js';

export const Metric = Type.Object({
  id: Type.String(),
  name: Type.String(),
  subject: NullableString,
  unit: Type.String(),
  formula: Type.String(),
  data_source: Type.String(),
  collection: Type.String(),
  direction: Type.Enum(['higher_is_better', 'lower_is_better', 'band']),
  planned: Type.Number(),
  target: Type.Number(),
  warning: Type.Number(),
  critical: Type.Number(),
  warning_low: Type.Optional(Type.Number()),
  basis: Type.String({ description: 'Where target and thresholds come from.' }),
});
export type Metric = Static<typeof Metric>;

export const MonitoringConfig = Type.Object(
  {
    execution_plan_id: Type.String(),
    monitoring_and_control: Type.Object({
      metrics: Type.Array(Metric),
      control_mechanisms: Type.Array(
        Type.Object({ id: Type.String(), trigger: Type.String(), alert_kind: Type.String(), severity: Type.Enum(['info', 'warning', 'critical']), action: Type.String(), automatic: Type.Boolean() }),
      ),
      replan_policy: Type.Object({ triggers: Type.Array(Type.String()), endpoint: Type.String(), keeps: Type.Array(Type.String()) }),
      reporting: Type.Object({ status_endpoint: Type.String(), event_stream: Type.String(), alerts_endpoint: Type.String(), poll_interval_seconds: Type.Integer() }),
    }),
  },
  { title: 'MonitoringConfig', description: 'monitoring-config.json' },
);
export type MonitoringConfig = Static<typeof MonitoringConfig>;
