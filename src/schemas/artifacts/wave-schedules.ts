import { Type, type Static } from 'typebox';
import { DateString, Day, Days, Ids, NullableString } from './common.js';

export const WaveSchedules = Type.Object(
  {
    execution_plan_id: Type.String(),
    wave_gating: Type.Object({
      mode: Type.Enum(['flow', 'barrier']),
      description: Type.String({ description: 'What the mode means for this plan, with its own figures.' }),
      overlapping_wave_pairs: Type.Integer({ minimum: 0, description: 'Consecutive waves whose scheduled dates overlap (0 under barrier).' }),
      claims_enforce: Type.String({ description: 'What the claim rules check while the work runs.' }),
    }),
    waves: Type.Array(
      Type.Object({
        wave_id: Type.String(),
        wave: Type.Integer({ minimum: 1 }),
        kind: Type.Enum(['foundation', 'parallel', 'integration']),
        name: Type.String(),
        start_date: DateString,
        finish_date: DateString,
        start_day: Day,
        finish_day: Day,
        duration_days: Days,
        max_concurrent_sessions: Type.Integer({ minimum: 0 }),
        effort_person_days: Type.Number(),
        teams: Ids,
        risk_level: Type.Enum(['low', 'medium', 'high', 'critical'], { description: 'The highest level of the risks touching the wave’s phases (low when none does).' }),
        risks: Type.Array(Type.String(), { description: 'Ids of those risks.' }),
        coordination_requirements: Type.Array(
          Type.Object({
            type: Type.Enum(['daily_standup', 'handover', 'contract']),
            frequency: Type.String(),
            participants: Ids,
            duration_minutes: Type.Integer({ minimum: 0 }),
            sync_id: Type.Union([Type.String(), Type.Null()]),
          }),
          { description: 'The wave’s stand-up and the hand-overs and contracts planned within it, with the teams taking part.' },
        ),
        phases: Type.Array(
          Type.Object({
            id: Type.String(),
            name: Type.String(),
            team: NullableString,
            session_id: Type.String(),
            team_size: Type.Number(),
            start_date: DateString,
            finish_date: DateString,
            start_day: Day,
            finish_day: Day,
            critical: Type.Boolean(),
            dependencies: Ids,
            deliverables: Type.Array(Type.String()),
            deliverables_source: Type.Enum(['input', 'areas', 'none'], {
              description: 'input: the phase’s deliverables; areas: none given, its declared areas; none: neither given.',
            }),
          }),
        ),
        success_criteria: Type.Array(Type.String()),
        blocking_factors: Type.Array(
          Type.Object({
            kind: Type.Enum(['blocks_dependents', 'resource_wait']),
            phase: Type.String(),
            blocks_phases: Type.Integer({ minimum: 0 }),
            waits_days: Days,
            dependents: Ids,
            critical: Type.Boolean(),
            description: Type.String(),
          }),
        ),
        dependency_validation: Type.Object({
          valid: Type.Boolean(),
          dependencies_checked: Type.Integer(),
          violations: Type.Array(Type.Object({ phase: Type.String(), dependency: Type.String(), reason: Type.String() })),
        }),
      }),
    ),
  },
  { title: 'WaveSchedules', description: 'wave-schedules.json' },
);
export type WaveSchedules = Static<typeof WaveSchedules>;
