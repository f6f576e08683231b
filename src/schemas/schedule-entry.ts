import { Type, type Static } from 'typebox';

/** One phase of a stored schedule: what live tracking compares actuals against. */
export const ScheduleEntry = Type.Object({
  id: Type.String(),
  team: Type.Union([Type.String(), Type.Null()]),
  start: Type.Number({ description: 'Working day from the project start.' }),
  finish: Type.Number(),
  wave: Type.Integer(),
  critical: Type.Boolean(),
});
export type ScheduleEntry = Static<typeof ScheduleEntry>;
