import { Type, type Static } from 'typebox';

const Call = Type.Object({
  step: Type.String({ description: 'When to make the call.' }),
  mcp: Type.Object({ tool: Type.String(), arguments: Type.Record(Type.String(), Type.Unknown()) }),
  rest: Type.Object({ method: Type.String(), path: Type.String(), body: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
});

/** The brief for the agent working one phase, from the stored plan. */
export const AgentPlaybook = Type.Object(
  {
    plan: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer(), wave_gating: Type.Enum(['flow', 'barrier']) }),
    phase: Type.Object({
      id: Type.String(),
      name: Type.String(),
      description: Type.Union([Type.String(), Type.Null()]),
      team: Type.Union([Type.String(), Type.Null()]),
      team_size: Type.Number(),
      skills: Type.Array(Type.String()),
      wave: Type.Integer(),
      start_date: Type.String(),
      finish_date: Type.String(),
      duration_days: Type.Number(),
      critical: Type.Boolean(),
      slack_days: Type.Number(),
    }),
    deliverables: Type.Array(Type.String()),
    acceptance_criteria: Type.Array(Type.String()),
    quality_gate: Type.Union([Type.Object({ gate_id: Type.String(), name: Type.String(), exit_criteria: Type.Array(Type.String()) }), Type.Null()]),
    branch: Type.String({ description: 'wp/<plan id>/<phase id>' }),
    worktree: Type.String({ description: 'A git command that makes the worktree for the branch.' }),
    owns: Type.Array(Type.String(), { description: 'Files and areas this phase works in.' }),
    must_not_touch: Type.Array(
      Type.Object({
        phase: Type.String(),
        team: Type.Union([Type.String(), Type.Null()]),
        areas: Type.Array(Type.String()),
        start_date: Type.String(),
        finish_date: Type.String(),
      }),
      { description: 'Areas held by phases planned to run in parallel with this one.' },
    ),
    wait_for: Type.Array(
      Type.Object({
        kind: Type.Enum(['dependency', 'sync_point', 'wave']),
        id: Type.String(),
        what: Type.String(),
        planned_date: Type.String(),
      }),
    ),
    hands_over_to: Type.Array(Type.Object({ phase: Type.String(), team: Type.Union([Type.String(), Type.Null()]) })),
    heartbeat_interval_seconds: Type.Integer(),
    calls: Type.Array(Call),
  },
  { title: 'AgentPlaybook' },
);
export type AgentPlaybook = Static<typeof AgentPlaybook>;
