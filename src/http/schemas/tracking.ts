import { Type } from 'typebox';
import { Id } from '../../schemas/plan-input.js';

const Timestamp = Type.String({ format: 'date-time' });

export const SessionBody = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Who this is, e.g. an agent name.' })),
    team: Type.Optional(Id),
    heartbeatTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  },
  { additionalProperties: false },
);

export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  planId: Type.String({ format: 'uuid' }),
  label: Type.Union([Type.String(), Type.Null()]),
  team: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(['active', 'expired', 'closed']),
  heartbeatTimeoutSeconds: Type.Integer(),
  registeredAt: Timestamp,
  lastHeartbeatAt: Timestamp,
}, { title: 'Session' });

export const ClaimBody = Type.Object(
  {
    sessionId: Type.String({ format: 'uuid' }),
    phaseId: Type.Optional(Id),
    at: Type.Optional(Timestamp),
  },
  { additionalProperties: false, description: 'Without phaseId the service picks the best phase the session may start now.' },
);

export const Claim = Type.Object({
  claimId: Type.Integer(),
  phaseId: Type.String(),
  sessionId: Type.String({ format: 'uuid' }),
  claimedAt: Timestamp,
}, { title: 'Claim' });

export const EventBody = Type.Object(
  {
    type: Type.Enum(['started', 'progress', 'blocked', 'unblocked', 'completed', 'gate_passed', 'gate_failed', 'released', 'failed']),
    phaseId: Id,
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    gate: Type.Optional(Type.String({ maxLength: 200 })),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened, if not now (at most 5 minutes ahead of the server clock).' })),
  },
  { additionalProperties: false },
);

export const TrackingEventView = Type.Object({
  id: Type.Integer(),
  phaseId: Type.Union([Type.String(), Type.Null()]),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  data: Type.Object({ percent: Type.Optional(Type.Number()), reason: Type.Optional(Type.String()), gate: Type.Optional(Type.String()) }),
  occurredAt: Timestamp,
}, { title: 'TrackingEvent' });

export const AlertView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  severity: Type.Enum(['info', 'warning', 'critical']),
  subject: Type.String(),
  message: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  raisedAt: Timestamp,
  resolvedAt: Type.Union([Timestamp, Type.Null()]),
}, { title: 'Alert' });

const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);

export const StatusView = Type.Object({
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
  waves: Type.Array(
    Type.Object({ wave: Type.Integer(), phases: Type.Integer(), completed: Type.Integer(), percent: Num, plannedFinish: Num, projectedFinish: Num }),
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
}, { title: 'Status' });

export const ReplanBody = Type.Object(
  { asOf: Type.Optional(Type.String({ format: 'date', description: 'Re-plan as of this date (default: today, or the latest event if later).' })) },
  { additionalProperties: false },
);
