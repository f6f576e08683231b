import { Type, type Static } from 'typebox';
import { DateString, Day, Ids, NullableString } from './common.js';

/** A route of the service, as the lifecycle and the synchronization mechanisms name it. */
const Endpoint = Type.Enum([
  'POST /plans/{id}/claims',
  'POST /plans/{id}/sessions/{sessionId}/events',
  'POST /plans/{id}/sessions/{sessionId}/heartbeat',
  'POST /plans/{id}/sessions/{sessionId}/heartbeat (missed)',
  'GET /plans/{id}/event-log',
  'GET /plans/{id}/events',
  'POST /plans/{id}/webhooks',
]);

const Source = Type.Enum(['input', 'default'], { description: 'input: given by coordination in the plan input; default: derived from the plan.' });
const Decider = Type.Object({ role: Type.String(), source: Source });
const EscalationCriterion = Type.Object({ criterion: Type.String(), source: Source });

export const SyncPoint = Type.Object({
  sync_id: Type.String(),
  kind: Type.Enum(['handover', 'wave_boundary', 'contract'], {
    description:
      'handover: work changes team along a dependency; wave_boundary: a wave ends; contract: two phases of one wave, on different teams, share an area or feed the same later phase.',
  }),
  trigger: Type.String(),
  planned_date: DateString,
  planned_day: Day,
  duration_minutes: Type.Integer({ minimum: 0 }),
  participants: Ids,
  sessions: Ids,
  phases: Ids,
  preparation_requirements: Type.Array(Type.String()),
  success_criteria: Type.Array(Type.String()),
  deliverables: Type.Array(Type.String(), { description: 'What changes hands: the upstream phase’s declared deliverables and the areas both phases touch, else its areas.' }),
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
        transitions: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), event: Type.String(), endpoint: Endpoint })),
      }),
      state_synchronization: Type.Object({
        mechanisms: Type.Array(
          Type.Object({ mechanism: Type.Enum(['claims', 'heartbeats', 'event_log', 'event_stream', 'webhooks']), endpoint: Endpoint, description: Type.String() }),
          { description: 'What the service offers to keep sessions in step.' },
        ),
        conflict_detection: Type.String(),
        conflict_resolution: Type.String(),
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
          kind: Type.Enum(['daily_standup', 'weekly_integration_review', 'handover_meeting', 'contract_meeting']),
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
      decision_making: Type.Object({
        decision_types: Type.Object({ technical_decisions: Decider, coordination_decisions: Decider, resource_decisions: Decider, quality_decisions: Decider }),
        escalation_criteria: Type.Object({ technical_conflicts: EscalationCriterion, resource_conflicts: EscalationCriterion, timeline_impacts: EscalationCriterion }),
      }),
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
