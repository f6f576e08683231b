// The API's JSON as the dashboard reads it, typed by the TypeBox schemas the routes validate
// and document with. For `npm run typecheck` only: the page never loads this file.
import type { Static } from 'typebox';
import type { ImportResponse } from '../src/http/schemas/imports.js';
import type { PlanPage, PlanVersion } from '../src/http/schemas/plans.js';
import type { AlertView, StatusView, TrackingEventView } from '../src/http/schemas/tracking.js';

export type PlanVersionJson = Static<typeof PlanVersion>;
export type PlanPageJson = Static<typeof PlanPage>;
export type StatusJson = Static<typeof StatusView>;
export type AlertJson = Static<typeof AlertView>;
export type EventJson = Static<typeof TrackingEventView>;
export type ImportJson = Static<typeof ImportResponse>;
export type ScheduleEntryJson = PlanVersionJson['artifacts']['execution-plan.json']['schedule'][number];
export type SuccessCriterionJson = PlanVersionJson['artifacts']['execution-plan.json']['success_criteria'][number];
