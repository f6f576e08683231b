import { Type, type Static } from 'typebox';
import { ScenarioChange } from '../scenario-change.js';
import { DateString, Day, Days, Ids, NullableString, Percent } from './common.js';

export const SuccessCriterion = Type.Object({
  criterion: Type.Enum(['time_reduction', 'coordination_overhead', 'utilisation', 'completeness', 'feasibility', 'risk_coverage', 'deadline']),
  name: Type.String(),
  comparison: Type.Enum(['at_least', 'at_most']),
  target: Type.Number(),
  target_max: Type.Optional(Type.Number()),
  unit: Type.Enum(['percent', 'working days']),
  value: Type.Number({ description: 'The same figure as the metric elsewhere in the artifacts.' }),
  met: Type.Boolean(),
  explanation: Type.String(),
});

export const Recommendation = Type.Object({
  change: Type.Array(ScenarioChange, { description: 'The changes to the input; POST them to /plans/{id}/scenarios to see the whole plan.' }),
  description: Type.String(),
  targets: Type.Array(Type.String(), { description: 'The missed criteria this change is meant to help.' }),
  makespan_days: Days,
  saved_days: Type.Number(),
  saved_percent: Type.Number(),
  utilisation_percent: Percent,
  added_capacity: Type.Object({ amount: Type.Number(), unit: Type.String() }),
  extra_person_days: Type.Number({ description: 'Added FTE × the new makespan: person-days the change pays for.' }),
  saved_days_per_unit: Type.Union([Type.Number(), Type.Null()], { description: 'saved_days ÷ added capacity; null when nothing is added.' }),
  criteria_met: Type.Array(Type.String()),
  exact: Type.Boolean({
    description:
      "True when the re-plan ran the plan's own search to its end (its iteration budget or its lower bound): planning the changed input gives makespan_days. " +
      'False when the work budget could not pay for whole searches: without a warm start (recommendations.warm_start false) the same search stopped earlier, so planning it gives makespan_days or a shorter one; ' +
      'with a warm start, a capped search that began from the current plan, which replanning the change with the same seed, cap and warm start reproduces (planning it from scratch may differ either way).',
  }),
});

export type SuccessCriterion = Static<typeof SuccessCriterion>;
export type Recommendation = Static<typeof Recommendation>;

export const Recommendations = Type.Object({
  evaluated: Type.Integer({ description: 'Changed inputs re-planned.' }),
  candidates: Type.Integer({ description: 'Changes considered.' }),
  complete: Type.Boolean({ description: 'False when the plan count (or the time safety net) stopped the evaluation before every candidate.' }),
  stopped_by: Type.Optional(
    Type.Enum(['plan_count', 'time_safety_net'], {
      description:
        "Present when complete is false: plan_count (the advisor's plan limit, deterministic) or time_safety_net (the clock stopped it: which candidates were re-planned then depends on the machine and its load, so the recommendations may differ between runs of the same input).",
    }),
  ),
  warm_start: Type.Optional(Type.Boolean({ description: "True when the re-plans were warm-started from the current plan's schedule (large plans; see each item's exact)." })),
  method: Type.String(),
  replan_iterations: Type.Integer({
    description:
      "The least any re-plan's search was allowed: the plan's own iteration budget, or on large plans a share of the advisor's work budget (see warm_start and each item's exact).",
  }),
  items: Type.Array(Recommendation),
  trade_off: Type.Union([
    Type.Object({
      team: Type.String(),
      points: Type.Array(Type.Object({ size: Type.Integer(), fte: Type.Number(), makespan_days: Days, utilisation_percent: Percent })),
    }),
    Type.Null(),
  ]),
});

export type Recommendations = Static<typeof Recommendations>;

export const ExecutionPlan = Type.Object(
  {
    execution_plan_id: Type.String({ description: 'ep_ + the first 16 hex digits of the sha256 of the canonical input: the same input is the same execution plan.' }),
    dependency_analysis_source: Type.String({
      description: 'The dependency_graph_id of the analysis the input was imported from, else graph_ + 16 hex digits of the sha256 of the input’s phases.',
    }),
    dependency_analysis_source_kind: Type.Enum(['imported', 'input_content'], {
      description: 'imported: the source analysis’ own id; input_content: the content id of the input’s dependency graph.',
    }),
    planning_date: Type.String({ format: 'date', description: 'The date the version was planned on: a re-plan’s as-of date, else the service’s (or CLI’s) today.' }),
    source_generation_date: Type.Optional(Type.String({ description: 'When that analysis was generated, as it wrote it.' })),
    project_context: Type.Object({
      name: Type.String(),
      description: Type.Optional(Type.String()),
      start_date: DateString,
      completion_date: DateString,
      deadline: Type.Union([DateString, Type.Null()]),
      deadline_met: Type.Union([Type.Boolean(), Type.Null()]),
      phases: Type.Integer(),
      teams: Type.Integer(),
      sequential_duration_days: Days,
      parallel_duration_days: Days,
      time_savings_days: Type.Number(),
      time_savings_percent: Percent,
      calendar: Type.Object({ working_days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 })), holidays: Type.Array(DateString) }),
      replanned_from_day: Type.Optional(Day),
      completed_phases: Type.Optional(Type.Integer()),
      in_progress_phases: Type.Optional(Type.Integer()),
    }),
    resource_analysis: Type.Object({
      capacity_buffer_percent: Percent,
      max_concurrent_sessions: Type.Union([Type.Integer(), Type.Null()]),
      teams: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          size: Type.Integer(),
          availability_percent: Percent,
          hours_per_week: Type.Number(),
          usable_capacity: Type.Number({ description: 'Full-time equivalents: size × availability × min(hours, 40) ÷ 40 × (1 − capacity buffer).' }),
          skills: Ids,
          assigned_phases: Ids,
          work_days: Type.Number({ description: 'Person-days assigned.' }),
          utilisation_percent: Percent,
        }),
      ),
      infrastructure: Type.Array(
        Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), capacity: Type.Number(), peak_utilisation_percent: Percent, phases: Ids }),
      ),
      skills: Type.Array(Type.Object({ skill: Type.String(), teams: Ids, phases: Ids })),
      resource_constraints: Type.Array(
        Type.Object({
          constraint_type: Type.String(),
          origin: Type.Enum(['source', 'input', 'plan'], {
            description: 'source: the imported analysis’, as written; input: resourceConstraints of the input; plan: discovered from the schedule.',
          }),
          description: Type.Optional(Type.String()),
          impact: Type.Optional(Type.String()),
          mitigation: Type.Optional(Type.String()),
          pools: Ids,
          teams: Ids,
          phases: Ids,
        }),
        { description: 'The source’s and the input’s resource constraints, then those the plan discovers: saturated pools, skills one team holds, areas two teams touch.' },
      ),
    }),
    critical_path: Type.Object({
      length_days: Days,
      phases: Type.Array(Type.String(), { description: 'One precedence-critical chain, in order.' }),
      resource_constrained_phases: Type.Array(Type.String(), { description: 'Phases that cannot slip without moving the finish in the resource-constrained schedule.' }),
      slack: Type.Array(
        Type.Object({
          id: Type.String(),
          earliest_start: Day,
          earliest_finish: Day,
          latest_start: Day,
          latest_finish: Day,
          total_slack_days: Days,
          free_slack_days: Days,
          schedule_slack_days: Days,
          critical: Type.Boolean(),
        }),
      ),
      source_critical_path: Type.Optional(
        Type.Object(
          {
            of: Type.Enum(['phases', 'groups']),
            ids: Type.Array(Type.String(), { description: 'The source analysis’ critical path.' }),
            duration_days: Type.Union([Days, Type.Null()]),
            computed_ids: Type.Array(Type.String(), { description: 'The computed critical path in the same terms (phases, or their groups).' }),
            computed_length_days: Days,
            same_path: Type.Boolean(),
            only_in_source: Ids,
            only_in_computed: Ids,
            difference: Type.String(),
          },
          { description: 'The source’s own critical path beside the one computed from the imported durations and dependencies.' },
        ),
      ),
    }),
    milestones: Type.Array(
      Type.Object({
        milestone_id: Type.String(),
        kind: Type.Enum(['wave_end', 'sync_point', 'phase', 'finish'], {
          description:
            'wave_end: the last phase of a wave finishes; sync_point: a cross-team hand-over into a critical phase; phase: a milestone phase of the input (zero duration); finish: the plan’s completion.',
        }),
        name: Type.String(),
        date: DateString,
        day: Day,
        phases: Ids,
        gates_critical_path: Type.Boolean(),
      }),
      { description: 'The dates the plan commits to, in order.' },
    ),
    soft_dependencies: Type.Optional(
      Type.Object({
        count: Type.Integer(),
        relaxed: Type.Boolean({ description: 'True when constraints.relaxSoftDependencies let the schedule ignore them.' }),
        ignored: Type.Array(Type.Object({ phase: Type.String(), on: Type.String() }), {
          description: 'Soft dependencies the schedule did not keep (it started the phase before the one it soft-depends on finished).',
        }),
      }),
    ),
    schedule: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        team: NullableString,
        team_size: Type.Number(),
        wave: Type.Integer({ minimum: 1 }),
        start_day: Day,
        finish_day: Day,
        duration_days: Days,
        start_date: DateString,
        finish_date: DateString,
        dependencies: Ids,
        links: Type.Array(Type.Object({ id: Type.String(), type: Type.Enum(['FS', 'SS', 'FF', 'SF']), lag_days: Type.Number() }), {
          description:
            'Every dependency with its type (FS finish-to-start, SS start-to-start, FF finish-to-finish, SF start-to-finish) and lag in working days (negative: a lead); the schedule keeps every one.',
        }),
        milestone: Type.Boolean({ description: 'A milestone: a phase of zero duration, or one the input marks as a milestone.' }),
        critical: Type.Boolean(),
        group: Type.Optional(Type.String()),
        note: Type.Optional(
          Type.String({
            description: 'Why a team calendar moved the phase: the leave, non-working day or smaller team of an eligible team that delayed it or put it on another team.',
          }),
        ),
      }),
    ),
    groups: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        parent: Type.Optional(Type.String()),
        phases: Type.Array(Type.String(), { description: 'Every phase in the group or a group below it.' }),
        start_day: Day,
        finish_day: Day,
        start_date: DateString,
        finish_date: DateString,
      }),
      {
        description: 'Roll-up of each group (phases[].group and the input’s groups): from its first phase’s start to its last phase’s finish. A group with no phases is left out.',
      },
    ),
    optimisation: Type.Object({
      makespan_days: Days,
      lower_bounds: Type.Object({ critical_path_days: Days, resource_days: Days, destructive_days: Days, best_days: Days }),
      gap_percent: Percent,
      proven_optimal: Type.Boolean(),
      search: Type.Object({
        seed: Type.Integer(),
        iteration_budget: Type.Integer(),
        schedules_evaluated: Type.Integer(),
        generations: Type.Integer(),
        best_priority_rule_makespan_days: Days,
        found_by: Type.String(),
        best_found_at_schedule: Type.Integer({
          description: 'Schedules evaluated when the returned schedule was found: close to schedules_evaluated, the search was still improving when it stopped.',
        }),
        stopped_by: Type.Enum(['lower_bound', 'iteration_budget', 'time_budget', 'no_new_schedules'], {
          description:
            'Why the search ended: its schedule met the best lower bound (optimal), it used its iteration budget or its time budget, or it could make no schedule it had not met before.',
        }),
      }),
    }),
    success_criteria: Type.Array(SuccessCriterion),
    recommendations: Recommendations,
    metrics: Type.Object({
      parallel_efficiency_percent: Percent,
      time_savings_percent: Percent,
      coordination_overhead_percent: Type.Number({
        minimum: 0,
        maximum: 100,
        description: 'Share of session time in sync points and stand-ups: coordination ÷ (work + coordination) hours × 100.',
      }),
      utilisation_percent: Type.Number({ minimum: 0, maximum: 100, description: 'All teams: person-days of work ÷ (Σ FTE × parallel duration) × 100.' }),
      measured_from_day: Type.Number({ description: "Savings, efficiency and utilisation cover the work from this working day: 0, or a re-plan's as-of day." }),
      sync_points: Type.Integer({ description: 'Hand-overs between teams and wave boundaries: the sync points the coordination overhead counts.' }),
      contract_sync_points: Type.Integer({
        description:
          'Contract sync points (two phases of one wave, on different teams, that share an area or feed the same phase): listed in coordination-protocols.json beside the others, not in the overhead estimate.',
      }),
      waves: Type.Integer(),
      max_concurrent_sessions: Type.Integer(),
      team_utilisation_percent: Type.Record(Type.String(), Percent),
    }),
  },
  { title: 'ExecutionPlan', description: 'execution-plan.json' },
);
export type ExecutionPlan = Static<typeof ExecutionPlan>;
