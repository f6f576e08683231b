import { Type, type Static } from 'typebox';
import { Id, IsoDate, TeamInput, ThreePointEstimate } from './plan-input.js';

const change = <K extends string, P extends Record<string, import('typebox').TSchema>>(kind: K, props: P, description: string) =>
  Type.Object({ kind: Type.Literal(kind), ...props }, { additionalProperties: false, description });

/** One change to a plan input: what a scenario is made of, and what a recommendation proposes. */
export const ScenarioChange = Type.Union(
  [
    change('add_people', { team: Id, people: Type.Integer({ minimum: -10000, maximum: 10000 }) }, 'Add (or with a negative number remove) people of a team.'),
    change('resize_team', { team: Id, size: Type.Integer({ minimum: 1, maximum: 10000 }) }, "Set a team's size."),
    change('add_team', { team: TeamInput }, 'Add a team.'),
    change('remove_team', { team: Id }, 'Remove a team.'),
    change('set_availability', { team: Id, availability: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) }, "Set a team's availability, percent."),
    change('set_hours', { team: Id, hoursPerWeek: Type.Number({ exclusiveMinimum: 0, maximum: 168 }) }, "Set a team's working hours per person per week."),
    change('set_buffer', { percent: Type.Number({ minimum: 0, maximum: 90 }) }, 'Set the capacity buffer, percent.'),
    change('set_deadline', { deadline: Type.Union([IsoDate, Type.Null()]) }, 'Set (or with null remove) the deadline.'),
    change('set_pool_capacity', { pool: Id, capacity: Type.Number({ minimum: 0, maximum: 100000 }) }, "Set an infrastructure pool's capacity."),
    change(
      'set_max_sessions',
      { sessions: Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()]) },
      'Set (or with null remove) the limit on concurrent sessions.',
    ),
    change('drop_phase', { phase: Id }, 'Remove a phase; its dependents inherit its dependencies.'),
    change('re_estimate', { phase: Id, duration: Type.Union([Type.Number({ minimum: 0, maximum: 10000 }), ThreePointEstimate]) }, 'Give a phase a new duration.'),
    change(
      'split_phase',
      { phase: Id, parts: Type.Integer({ minimum: 2, maximum: 20 }) },
      'Split a phase into parts that may run side by side, each a share of its duration; dependents wait for every part.',
    ),
    change('add_dependency', { phase: Id, on: Id }, 'Make a phase wait for another.'),
    change('remove_dependency', { phase: Id, on: Id }, 'Drop one dependency of a phase.'),
    change('relax_soft_dependencies', {}, 'Let the schedule ignore every soft dependency (constraints.relaxSoftDependencies).'),
    change('relax_soft_dependency', { phase: Id, on: Id }, 'Drop one soft dependency of a phase (phases[].softDependencies), keeping the others.'),
  ],
  { description: 'A change to the plan input.' },
);
export type ScenarioChange = Static<typeof ScenarioChange>;

export const ScenarioChanges = Type.Array(ScenarioChange, { minItems: 1, maxItems: 200 });
