import { Type } from 'typebox';
import { Id } from '../../schemas/plan-input.js';
import { PlanVersion } from './plans.js';

import { IsoDate, IsoDateTime } from '../../schemas/dates.js';

const Timestamp = Type.String({ format: 'date-time' });

export const SessionBody = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Who this is, e.g. an agent name.' })),
    team: Type.Optional(Id),
    skills: Type.Optional(
      Type.Array(Id, { maxItems: 200, description: "Skills this session brings; it may claim only phases whose skills both it and its team hold. Default: its team's." }),
    ),
    claimLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Phases it may hold at once (a further claim is 409 session_busy). Default 1.' })),
    heartbeatTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  },
  { additionalProperties: false },
);

export const Session = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    planId: Type.String({ format: 'uuid' }),
    label: Type.Union([Type.String(), Type.Null()]),
    team: Type.Union([Type.String(), Type.Null()]),
    skills: Type.Union([Type.Array(Type.String()), Type.Null()]),
    claimLimit: Type.Integer(),
    status: Type.Enum(['active', 'expired', 'closed']),
    heartbeatTimeoutSeconds: Type.Integer(),
    registeredAt: Timestamp,
    lastHeartbeatAt: Timestamp,
  },
  { title: 'Session' },
);

export const ClaimBody = Type.Object(
  {
    sessionId: Type.String({ format: 'uuid' }),
    phaseId: Type.Optional(Id),
    at: Type.Optional(IsoDateTime),
    override: Type.Optional(
      Type.Object(
        { reason: Type.String({ minLength: 3, maxLength: 2000, description: 'Why this session takes a phase its team lacks the skills for; logged with the claim.' }) },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: "Without phaseId the service picks the best phase the session may start now: its own team's planned phases first, then the least slack.",
  },
);

export const Claim = Type.Object(
  {
    claimId: Type.Integer(),
    phaseId: Type.String(),
    sessionId: Type.String({ format: 'uuid' }),
    claimedAt: Timestamp,
    team: Type.Union([Type.String(), Type.Null()], { description: 'The team the claim runs on and counts against.' }),
    override: Type.Optional(Type.String({ description: 'The reason given for taking it despite a skill mismatch.' })),
  },
  { title: 'Claim' },
);

export const ReadyQuery = Type.Object(
  {
    session: Type.Optional(Type.String({ format: 'uuid', description: "The asking session: its team's skills and capacity and its claim limit apply." })),
    team: Type.Optional(Id),
    skills: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated skills: only phases needing none outside them.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    explain: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('1'), Type.Literal('0')], { description: 'With 1 or true: say why each other open phase is not ready.' })),
  },
  { additionalProperties: false },
);

const Reason = Type.Object({
  reason: Type.String({ description: 'dependency_not_done, sync_point_pending, wave_pending, area_locked, phase_taken, skill_mismatch, team_at_capacity, session_busy' }),
  message: Type.String(),
  ids: Type.Array(Type.String(), { description: 'The phases, areas, skills or sessions behind it.' }),
});

export const ReadyView = Type.Object({
  planId: Type.String({ format: 'uuid' }),
  version: Type.Integer(),
  gating: Type.Enum(['flow', 'barrier']),
  ready: Type.Array(
    Type.Object({
      phaseId: Type.String(),
      team: Type.Union([Type.String(), Type.Null()], { description: 'The team the plan assigns.' }),
      wave: Type.Union([Type.Integer(), Type.Null()]),
      slack: Type.Number({ description: 'Schedule slack, working days.' }),
      plannedStart: Type.Number(),
    }),
    { description: 'In plan order: least slack, then planned start (the asking team’s own phases first).' },
  ),
  notReady: Type.Optional(Type.Array(Type.Object({ phaseId: Type.String(), status: Type.String(), reasons: Type.Array(Reason) }))),
});

export const EventBody = Type.Object(
  {
    type: Type.Enum(['started', 'progress', 'blocked', 'unblocked', 'completed', 'gate_passed', 'gate_failed', 'released', 'failed']),
    phaseId: Id,
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    gate: Type.Optional(Type.String({ maxLength: 200 })),
    at: Type.Optional({ ...IsoDateTime, description: 'When it happened, if not now (at most 5 minutes ahead of the server clock).' }),
  },
  { additionalProperties: false },
);

export const TrackingEventView = Type.Object(
  {
    id: Type.Integer(),
    phaseId: Type.Union([Type.String(), Type.Null()]),
    sessionId: Type.Union([Type.String(), Type.Null()]),
    type: Type.String(),
    data: Type.Object({ percent: Type.Optional(Type.Number()), reason: Type.Optional(Type.String()), gate: Type.Optional(Type.String()), override: Type.Optional(Type.String()) }),
    occurredAt: Timestamp,
  },
  { title: 'TrackingEvent' },
);

export const AlertView = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.String(),
    severity: Type.Enum(['info', 'warning', 'critical']),
    subject: Type.String(),
    message: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    raisedAt: Timestamp,
    resolvedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'Alert' },
);

const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);

export const StatusView = Type.Object(
  {
    planId: Type.String({ format: 'uuid' }),
    version: Type.Integer(),
    asOf: Timestamp,
    asOfDay: Num,
    phases: Type.Array(
      Type.Object({
        id: Type.String(),
        team: Type.Union([Type.String(), Type.Null()]),
        wave: Type.Integer(),
        status: Type.String(),
        sessionId: Type.Union([Type.String(), Type.Null()]),
        percent: Num,
        plannedStart: Num,
        plannedFinish: Num,
        plannedStartDate: Type.String({ format: 'date' }),
        plannedFinishDate: Type.String({ format: 'date' }),
        actualStart: NumOrNull,
        actualFinish: NumOrNull,
        projectedFinish: Num,
        varianceDays: Num,
        blockedHours: NumOrNull,
        gate: Type.String(),
      }),
    ),
    waves: Type.Array(Type.Object({ wave: Type.Integer(), phases: Type.Integer(), completed: Type.Integer(), percent: Num, plannedFinish: Num, projectedFinish: Num })),
    groups: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        parent: Type.Union([Type.String(), Type.Null()]),
        phases: Type.Integer({ description: 'Its phases and those of the groups below it.' }),
        completed: Type.Integer(),
        percent: { ...Num, description: 'Percent of its planned person-days done: completed phases whole, running ones by their reported percent.' },
        plannedStart: Num,
        plannedFinish: Num,
        actualStart: { ...NumOrNull, description: 'Earliest actual start (working day) among its phases; null when none has started.' },
        actualFinish: { ...NumOrNull, description: 'Latest actual finish once all its phases have finished; null until then.' },
        projectedFinish: Num,
      }),
      { description: 'Progress per group (phases[].group), rolled up over the groups below it.' },
    ),
    milestones: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        plannedDay: Num,
        reached: Type.Boolean(),
        reachedAt: Type.Union([Timestamp, Type.Null()]),
        reachedBy: Type.Union([Type.Enum(['reported', 'predecessors']), Type.Null()]),
      }),
      {
        description:
          'The input’s milestones (marked, or of zero duration). Reached when reported completed, or when every predecessor has done what its link asks: started for SS and SF links, completed for FS and FF (lags are not waited for); reachedAt is that moment.',
      },
    ),
    metrics: Type.Object({
      completedPhases: Type.Integer(),
      percentComplete: Num,
      behindSchedulePercent: Num,
      plannedMakespan: Num,
      projectedMakespan: Num,
      projectedCompletionDate: Type.String({ format: 'date' }),
      parallelEfficiencyPercent: Num,
      coordinationOverheadPercent: Num,
      utilisationPercent: Type.Record(Type.String(), Num),
    }),
    alerts: Type.Array(AlertView, { description: 'Open alerts.' }),
  },
  { title: 'Status' },
);

export const ReplanBody = Type.Object(
  { asOf: Type.Optional({ ...IsoDate, description: 'Re-plan as of this date (default: today, or the latest event if later).' }) },
  { additionalProperties: false },
);

export const ReplanResponse = Type.Object({
  ...PlanVersion.properties,
  changes: Type.Object({
    basedOnVersion: Type.Integer(),
    moved: Type.Integer({ description: 'Phases whose planned start changed.' }),
    totalShiftDays: Type.Number(),
    maxShiftDays: Type.Number(),
    phases: Type.Array(Type.Object({ id: Type.String(), from: Type.Number(), to: Type.Number() })),
  }),
});
