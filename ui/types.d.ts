// The API's JSON as the dashboard reads it: the types generated from openapi/openapi.json
// (src/client/api-types.ts, openapi-typescript), so the page cannot drift from the API. For
// `npm run typecheck` only: the page never loads this file (JSDoc `import('../types.js')`).
import type { components, paths } from '../src/client/api-types.js';

type Schemas = components['schemas'];

export type ApiPaths = paths;
export type PlanVersionJson = Schemas['PlanVersion'];
export type PlanPageJson = Schemas['PlanPage'];
/** What the plan view fetches first (GET /plans/{id}/artifacts?names=…): the version's metadata and the three artifacts it draws from. */
export type PlanViewJson = Omit<Schemas['ArtifactSet'], 'artifacts'> & {
  artifacts: Pick<PlanVersionJson['artifacts'], 'execution-plan.json' | 'coordination-protocols.json' | 'risk-mitigation-plan.json'>;
};
export type WaveSchedulesJson = PlanVersionJson['artifacts']['wave-schedules.json'];
export type StatusJson = Schemas['Status'];
export type AlertJson = Schemas['Alert'];
export type EventJson = Schemas['TrackingEvent'];
export type ImportJson = Schemas['ImportResult'];
export type JobJson = Schemas['Job'];
/** Every error answer: RFC 9457 problem details with code and details[]. */
export type ProblemJson = Schemas['Error'];
export type ScheduleEntryJson = PlanVersionJson['artifacts']['execution-plan.json']['schedule'][number];
export type SuccessCriterionJson = PlanVersionJson['artifacts']['execution-plan.json']['success_criteria'][number];
