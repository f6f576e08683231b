import { Type, type Static } from 'typebox';

/** The headline figures of one plan version, stored beside it and shown in listings. */
export const PlanSummary = Type.Object(
  {
    phases: Type.Integer(),
    teams: Type.Integer(),
    startDate: Type.String({ format: 'date' }),
    completionDate: Type.String({ format: 'date' }),
    makespanDays: Type.Number({ description: 'Parallel duration in working days.' }),
    sequentialDays: Type.Number({ description: 'All phases one after another, in working days.' }),
    timeSavingsPercent: Type.Number(),
    criticalPathDays: Type.Number(),
    lowerBoundDays: Type.Number(),
    gapPercent: Type.Number({ description: 'Distance of the makespan above the best lower bound.' }),
    optimal: Type.Boolean({ description: 'The makespan equals a lower bound: no schedule can be shorter.' }),
    deadline: Type.Optional(Type.String({ format: 'date' })),
    deadlineMet: Type.Optional(Type.Boolean()),
  },
  { title: 'PlanSummary' },
);
export type PlanSummary = Static<typeof PlanSummary>;
