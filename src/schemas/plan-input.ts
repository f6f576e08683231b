import { Type, type Static } from 'typebox';
import { IsoDate } from './dates.js';

/** Identifier used for phases, teams, infrastructure pools and skills. */
export const Id = Type.String({ minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });

/**
 * A skill as people write it ("React Native", "Node.js", "C#"): no leading or trailing space.
 * Teams and phases match skills ignoring case, spaces and punctuation (src/domain/skills.ts).
 */
export const SkillName = Type.String({ minLength: 1, maxLength: 120, pattern: '^\\S(?:.*\\S)?$' });

/** A calendar date, YYYY-MM-DD, inside the accepted window. */
export { IsoDate };

export const ThreePointEstimate = Type.Object(
  {
    optimistic: Type.Number({ minimum: 0, maximum: 10000 }),
    likely: Type.Number({ minimum: 0, maximum: 10000 }),
    pessimistic: Type.Number({ minimum: 0, maximum: 10000 }),
  },
  { additionalProperties: false, description: 'Three-point estimate in working days (optimistic ≤ likely ≤ pessimistic).' },
);
export type ThreePointEstimate = Static<typeof ThreePointEstimate>;

/** Lags are bounded so that a lead never reaches further than a plan could. */
export const MAX_LAG_DAYS = 1000;

export const DependencyInput = Type.Object(
  {
    id: Id,
    type: Type.Optional(
      Type.Enum(['FS', 'SS', 'FF', 'SF'], {
        description:
          'FS (default): this phase starts after the other finishes; SS: starts after it starts; FF: finishes after it finishes; SF: finishes after it starts. Each plus the lag.',
      }),
    ),
    lagDays: Type.Optional(
      Type.Number({
        minimum: -MAX_LAG_DAYS,
        maximum: MAX_LAG_DAYS,
        description: 'Working days added to the link (negative: a lead, the phase may begin that much earlier). Default 0.',
      }),
    ),
  },
  { additionalProperties: false, description: 'A dependency with a type and a lag.' },
);
export type DependencyInput = Static<typeof DependencyInput>;

export const PhaseInput = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    duration: Type.Union([Type.Number({ minimum: 0, maximum: 10000 }), ThreePointEstimate], {
      description: 'Working days: a number, or a three-point estimate (expected value (o + 4m + p) / 6 is planned).',
    }),
    dependencies: Type.Optional(
      Type.Array(Type.Union([Id, DependencyInput]), {
        maxItems: 1000,
        description: 'The phases this one depends on: an id (finish-to-start, no lag) or { id, type, lagDays }. The links must not form a cycle, whatever their types and lags.',
      }),
    ),
    softDependencies: Type.Optional(
      Type.Array(Id, {
        maxItems: 1000,
        description: 'Ids of phases that should finish before this one starts (a soft dependency in the source): planned as dependencies unless constraints.relaxSoftDependencies.',
      }),
    ),
    startNoEarlierThan: Type.Optional(IsoDate),
    finishNoLaterThan: Type.Optional(IsoDate),
    finishConstraint: Type.Optional(
      Type.Enum(['hard', 'soft'], {
        description:
          'How finishNoLaterThan binds. hard (default): a plan that cannot meet it is refused (422 finish_constraint_infeasible naming the chain of phases, and the start date that holds it, that make it impossible; finish_constraint_unmet when only the teams and pools make it late, naming the phases it waits for). soft: the phase is planned as late as it must be and a miss is reported as a deadline risk naming them.',
      }),
    ),
    alap: Type.Optional(
      Type.Boolean({
        description:
          'As late as possible: planned at the latest start that moves neither the finish of the plan nor another phase (integration work that goes stale if done early). Default false.',
      }),
    ),
    milestone: Type.Optional(
      Type.Boolean({ description: 'Marks the phase as a milestone (a phase of zero duration is one anyway): shown as a diamond, listed in the execution plan.' }),
    ),
    group: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'Label of the group the phase belongs to (the source’s phase, WBS summary row or epic), for display.' }),
    ),
    skills: Type.Optional(
      Type.Array(SkillName, { maxItems: 50, description: 'Skills the assigned team must hold (all of them); compared ignoring case, spaces and punctuation.' }),
    ),
    teamSize: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'People (or agent sessions) of the assigned team this phase occupies. Default 1.' })),
    resources: Type.Optional(
      Type.Record(Id, Type.Number({ minimum: 0, maximum: 100000 }), {
        description: 'Units of shared infrastructure pools (by pool id) held for the whole phase.',
      }),
    ),
    areas: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 500, description: 'Files or areas of the code base this phase touches.' })),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'Higher runs earlier when the schedule has a choice. Default 0.' })),
    deliverables: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 100, description: 'What the phase hands over (for its agent playbook).' })),
    acceptanceCriteria: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 100, description: 'How its quality gate is judged (for its agent playbook).' }),
    ),
  },
  { additionalProperties: false },
);
export type PhaseInput = Static<typeof PhaseInput>;

export const TeamCalendarInput = Type.Object(
  {
    nonWorkingDays: Type.Optional(Type.Array(IsoDate, { maxItems: 1000, description: 'Days this team does not work (its own holidays), on top of the project calendar.' })),
    leave: Type.Optional(
      Type.Array(
        Type.Object(
          {
            from: IsoDate,
            to: IsoDate,
            people: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'People away (default: the whole team).' })),
            reason: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000, description: 'Leave periods, from and to inclusive.' },
      ),
    ),
    capacity: Type.Optional(
      Type.Array(Type.Object({ from: IsoDate, size: Type.Integer({ minimum: 0, maximum: 10000 }) }, { additionalProperties: false }), {
        maxItems: 1000,
        description: 'The team’s size from a date on (a team of 4 becoming 6); before the first entry it is `size`.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Time-varying capacity: on each working day the team has its size then, less the people on leave, and nobody on its non-working days. A phase holds its people for its whole run, so the schedule plans phases around these days rather than across them. Eligibility uses the largest size the team has on any day (a team of 4 becoming 6 may take a phase of 5, from the day it has 6); the stretch of understaffed phases uses `size`, or the grown size when only growth gives a team the people. A phase the leave delays or moves to another team names it in its execution-plan schedule entry (note).',
  },
);
export type TeamCalendarInput = Static<typeof TeamCalendarInput>;

export const TeamInput = Type.Object(
  {
    id: Id,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    size: Type.Integer({ minimum: 1, maximum: 10000, description: 'People or agent sessions in the team.' }),
    skills: Type.Array(SkillName, { maxItems: 200 }),
    availability: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Percent of the team available to this project. Default 100.' })),
    hoursPerWeek: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 168, description: 'Working hours per person per week. Default 40.' })),
    calendar: Type.Optional(TeamCalendarInput),
  },
  { additionalProperties: false },
);
export type TeamInput = Static<typeof TeamInput>;

export const InfrastructureInput = Type.Object(
  {
    id: Id,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    kind: Type.Optional(Type.String({ maxLength: 100, description: 'environment, ci, database, … (free text, for display).' })),
    capacity: Type.Number({ minimum: 0, maximum: 100000, description: 'Units available at any one time.' }),
  },
  { additionalProperties: false },
);
export type InfrastructureInput = Static<typeof InfrastructureInput>;

export const CalendarInput = Type.Object(
  {
    workingDays: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
        description: 'ISO weekday numbers that are worked, 0 = Sunday. Default Monday–Friday.',
      }),
    ),
    holidays: Type.Optional(Type.Array(IsoDate, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type CalendarInput = Static<typeof CalendarInput>;

export const EscalationInput = Type.Object(
  {
    blockedHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10000, description: 'A phase blocked longer than this is escalated. Default 4.' })),
    scheduleVariancePercent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'Behind-schedule share that raises an alert. Default 5.' })),
    heartbeatTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86400, description: 'A session silent this long loses its claim. Default 300.' })),
  },
  { additionalProperties: false },
);

export const SuccessTargetsInput = Type.Object(
  {
    timeReductionPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Least reduction against doing the phases one after another. Default 40.' })),
    timeReductionMaxPercent: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: 'Upper end of the expected range (beyond it is reported, still met). Default 60.' }),
    ),
    coordinationOverheadPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Most session time spent coordinating. Default 10.' })),
    utilisationPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: "Least utilisation of the teams' capacity. Default 80." })),
    riskCoveragePercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Least share of risks with prevention, response and contingency. Default 100.' })),
  },
  { additionalProperties: false, description: "Targets of the success criteria; the defaults are the strategy's." },
);
export type SuccessTargetsInput = Static<typeof SuccessTargetsInput>;

export const ConstraintsInput = Type.Object(
  {
    deadline: Type.Optional(IsoDate),
    successCriteria: Type.Optional(SuccessTargetsInput),
    capacityBuffer: Type.Optional(Type.Number({ minimum: 0, maximum: 90, description: 'Percent of every team held in reserve. Default 20.' })),
    maxConcurrentSessions: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    relaxSoftDependencies: Type.Optional(
      Type.Boolean({ description: 'Plan soft dependencies (phases[].softDependencies) as preferences the schedule may ignore. Default false: they are planned as dependencies.' }),
    ),
    waveGating: Type.Optional(
      Type.Enum(['flow', 'barrier'], {
        description:
          'barrier: a wave opens only when every phase of the one before is completed and its quality gate passed, and the schedule keeps waves apart in time; flow (default): waves are dependency levels that overlap, each phase starts when its own dependencies allow.',
      }),
    ),
    escalation: Type.Optional(EscalationInput),
  },
  { additionalProperties: false },
);
export type ConstraintsInput = Static<typeof ConstraintsInput>;

export const PlanningOptions = Type.Object(
  {
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Seed for every random choice. Default 1.' })),
    iterations: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Improvement search budget (schedules evaluated).' })),
    timeBudgetMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000, description: 'Wall-clock cap for the improvement search.' })),
    monteCarloIterations: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Schedule-risk samples. Default 2000.' })),
    defaultSpreadPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 500, description: 'For fixed durations: ± spread used by the Monte Carlo. Default 25.' })),
  },
  { additionalProperties: false },
);
export type PlanningOptions = Static<typeof PlanningOptions>;

export const PhaseProgress = Type.Object(
  {
    id: Id,
    status: Type.Enum(['completed', 'in_progress']),
    actualStart: IsoDate,
    actualFinish: Type.Optional(IsoDate),
    percentComplete: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    team: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PhaseProgress = Static<typeof PhaseProgress>;

export const ProgressInput = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    phases: Type.Array(PhaseProgress, { maxItems: 20000 }),
    baseline: Type.Optional(
      Type.Record(Id, Type.Number({ minimum: 0 }), {
        description: 'Start day of each phase in the version being re-planned; the new schedule keeps to this order where it can.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Work already done or under way, for a re-plan: completed phases keep their actual dates, in-progress ones stay with their team, nothing else starts before asOf.',
  },
);
export type ProgressInput = Static<typeof ProgressInput>;

export const SourceResourceConstraint = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    impact: Type.Optional(Type.String({ maxLength: 2000 })),
    mitigation: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const SourceInput = Type.Object(
  {
    format: Type.Optional(Type.String({ maxLength: 100, description: 'The importer that read the source file.' })),
    dependencyGraphId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'The source analysis’ dependency_graph_id; the execution plan names it as dependency_analysis_source.' }),
    ),
    generatedAt: Type.Optional(Type.String({ maxLength: 100, description: 'When the source analysis was generated, as it wrote it.' })),
    criticalPath: Type.Optional(
      Type.Object(
        {
          ids: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 20000, description: 'The source’s critical path, in order.' }),
          of: Type.Enum(['phases', 'groups'], { description: 'phases: ids of this input’s phases; groups: group labels (the source’s phases when tasks are planned).' }),
          durationDays: Type.Optional(Type.Number({ minimum: 0, maximum: 1000000 })),
        },
        { additionalProperties: false },
      ),
    ),
    resourceConstraints: Type.Optional(Type.Array(SourceResourceConstraint, { maxItems: 1000 })),
  },
  { additionalProperties: false, description: 'Facts of the analysis the input was imported from, carried into execution-plan.json.' },
);
export type SourceInput = Static<typeof SourceInput>;

export const GroupInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 300, description: 'The label phases name in their `group`.' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    parent: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'The group this one belongs to (a WBS parent, an epic above a story).' })),
  },
  { additionalProperties: false },
);
export type GroupInput = Static<typeof GroupInput>;

// ── Strategy facts the planner does not schedule with, for the artifacts (issue #14) ──────────

export const ResourceConstraintInput = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 200, description: 'Kind of constraint, e.g. shared_database, licence, review_capacity.' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    impact: Type.Optional(Type.String({ maxLength: 2000 })),
    mitigation: Type.Optional(Type.String({ maxLength: 2000 })),
    pools: Type.Optional(Type.Array(Id, { maxItems: 1000, description: 'Infrastructure pools the constraint concerns.' })),
    teams: Type.Optional(Type.Array(Id, { maxItems: 1000, description: 'Teams the constraint concerns.' })),
    phases: Type.Optional(Type.Array(Id, { maxItems: 1000, description: 'Phases the constraint concerns.' })),
  },
  { additionalProperties: false, description: 'A resource constraint the project knows of; execution-plan.json lists it beside those the plan discovers.' },
);
export type ResourceConstraintInput = Static<typeof ResourceConstraintInput>;

const Role = Type.String({ minLength: 1, maxLength: 200 });
const Criterion = Type.String({ minLength: 1, maxLength: 500 });

export const CoordinationRolesInput = Type.Object(
  {
    decisionRoles: Type.Optional(
      Type.Object(
        { technical: Type.Optional(Role), coordination: Type.Optional(Role), resource: Type.Optional(Role), quality: Type.Optional(Role) },
        { additionalProperties: false, description: 'Who decides each type of decision; coordination-protocols.json marks the ones not given as defaults.' },
      ),
    ),
    escalationCriteria: Type.Optional(
      Type.Object(
        { technicalConflicts: Type.Optional(Criterion), resourceConflicts: Type.Optional(Criterion), timelineImpacts: Type.Optional(Criterion) },
        { additionalProperties: false, description: 'When a conflict of each kind is escalated; the ones not given are derived from the plan and marked as defaults.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CoordinationRolesInput = Static<typeof CoordinationRolesInput>;

export const MonitoringTargetsInput = Type.Object(
  {
    parallelEfficiencyPercent: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: "Target of the parallel execution efficiency metric. Default 65 (the strategy's)." }),
    ),
  },
  { additionalProperties: false, description: 'Monitoring targets besides those of constraints.successCriteria (coordination overhead, utilisation).' },
);
export type MonitoringTargetsInput = Static<typeof MonitoringTargetsInput>;

// ── end of the issue #14 block ─────────────────────────────────────────────────────────────────

export const PlanInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 10000 })),
    startDate: IsoDate,
    phases: Type.Array(PhaseInput, { minItems: 1, maxItems: 20000 }),
    groups: Type.Optional(
      Type.Array(GroupInput, {
        maxItems: 20000,
        description:
          'Names and the hierarchy of the groups phases belong to (phases[].group). A group not listed is a top-level group named by its label. Groups are not planned: execution-plan.json rolls them up (groups[]).',
      }),
    ),
    teams: Type.Array(TeamInput, { minItems: 1, maxItems: 1000 }),
    infrastructure: Type.Optional(Type.Array(InfrastructureInput, { maxItems: 1000 })),
    calendar: Type.Optional(CalendarInput),
    constraints: Type.Optional(ConstraintsInput),
    planning: Type.Optional(PlanningOptions),
    progress: Type.Optional(ProgressInput),
    source: Type.Optional(SourceInput),
    // Issue #14 block: facts for the artifacts, not scheduled with.
    resourceConstraints: Type.Optional(Type.Array(ResourceConstraintInput, { maxItems: 1000 })),
    coordination: Type.Optional(CoordinationRolesInput),
    monitoring: Type.Optional(MonitoringTargetsInput),
  },
  { additionalProperties: false, title: 'PlanInput' },
);
export type PlanInput = Static<typeof PlanInput>;
