import { Type, type Static } from 'typebox';
import { DateString, Day, Ids, NullableString } from './common.js';

export const SyncPoint = Type.Object({
  sync_id: Type.String(),
  kind: Type.Enum(['handover', 'wave_boundary']),
  trigger: Type.String(),
  planned_date: DateString,
  planned_day: Day,
  participants: Ids,
  sessions: Ids,
  phases: Ids,
  success_criteria: Type.Array(Type.String()),
  failure_procedure: Type.String(),
});
export type SyncPoint = Static<typeof SyncPoint>;

export const CoordinationProtocols = Type.Object(
  {
    execution_plan_id: Type.String(),
    session_coordination: Type.Object({
      heartbeat_interval_seconds: Type.Integer(),
      heartbeat_timeout_seconds: Type.Integer(),
      max_concurrent_sessions: Type.Union([Type.Integer(), Type.Null()]),
      peak_concurrent_sessions: Type.Integer(),
      lifecycle: Type.Object({
        states: Type.Array(Type.String()),
        transitions: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), event: Type.String(), endpoint: Type.String() })),
      }),
      sessions: Type.Array(
        Type.Object({
          session_id: Type.String(),
          phase: Type.String(),
          phase_name: Type.String(),
          team: NullableString,
          wave: Type.Integer({ minimum: 1 }),
          start_date: DateString,
          finish_date: DateString,
          start_day: Day,
          finish_day: Day,
          waits_for: Ids,
          unblocks: Ids,
          areas: Ids,
        }),
      ),
    }),
    coordination_protocols: Type.Object({
      synchronization_points: Type.Array(SyncPoint),
      communication_schedule: Type.Array(
        Type.Object({
          id: Type.String(),
          kind: Type.Enum(['daily_standup', 'weekly_integration_review', 'handover_meeting']),
          name: Type.String(),
          cadence: Type.String(),
          duration_minutes: Type.Integer(),
          participants: Ids,
          start_date: DateString,
          finish_date: DateString,
          dates: Type.Optional(Type.Array(DateString)),
          agenda: Type.Array(Type.String()),
        }),
      ),
      decision_hierarchy: Type.Array(Type.Object({ level: Type.Integer(), role: Type.String(), decides: Type.Array(Type.String()), escalates_to: NullableString })),
      escalation: Type.Object({
        blocked_hours: Type.Number(),
        schedule_variance_percent: Type.Number(),
        heartbeat_timeout_seconds: Type.Integer(),
        source: Type.Record(Type.String(), Type.Enum(['input', 'default'])),
        rules: Type.Array(Type.Object({ condition: Type.String(), action: Type.String(), alert_kind: Type.String(), escalate_to_level: Type.Integer() })),
      }),
    }),
  },
  { title: 'CoordinationProtocols', description: 'coordination-protocols.json' },
);
export type CoordinationProtocols = Static<typeof CoordinationProtocols>;
