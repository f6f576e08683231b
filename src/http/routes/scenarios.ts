import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { applyChanges, describeChange } from '../../domain/advisor/changes.js';
import { scenarioDifferences } from '../../domain/advisor/scenario.js';
import { contentHash } from '../../domain/content-hash.js';
import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import type { ScenarioChange } from '../../schemas/scenario-change.js';
import type { PlanSummary } from '../../schemas/plan-summary.js';
import { fromPlanInputError } from '../../errors.js';
import { PlanInputError } from '../../domain/errors.js';
import type { Planner } from '../../service/planner.js';
import type { Db } from '../../store/database.js';
import * as store from '../../store/plans.js';
import { PlanIdParams, errors } from '../schemas/common.js';
import { PlanVersion } from '../schemas/plans.js';
import { ScenarioRequest, ScenarioResponse } from '../schemas/scenarios.js';
import { workspaceOf } from '../workspace.js';
import { storeNextVersion } from './plans/next-version.js';

export interface ScenarioRouteOptions {
  db: Db;
  planner: Planner;
}

/** The changes applied to a version's input, with errors located under /changes. */
function changedInput(input: PlanInput, changes: ScenarioChange[]): PlanInput {
  try {
    // A re-planned version keeps its progress: the scenario, too, plans from where things stand.
    return applyChanges(input, changes);
  } catch (err) {
    throw err instanceof PlanInputError ? fromPlanInputError(err) : err;
  }
}

const example = {
  examples: [
    {
      changes: [
        { kind: 'add_people', team: 'web', people: 1 },
        { kind: 'set_buffer', percent: 10 },
      ],
    },
  ],
};

/** What-if: POST /plans/{id}/scenarios plans changed input without storing it; …/scenarios/adopt stores it as the next version. */
export const scenarioRoutes: FastifyPluginAsyncTypebox<ScenarioRouteOptions> = async (app, { db, planner }) => {
  app.post(
    '/plans/:id/scenarios',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plan a what-if: the latest version with changes, planned but not stored, beside the current version with the differences',
        params: PlanIdParams,
        body: { ...ScenarioRequest, ...example },
        response: { 200: ScenarioResponse, ...errors(400, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const current = await store.getVersion(db, workspaceOf(request), request.params.id);
      const input = changedInput(current.input as PlanInput, request.body.changes);
      const computed = await planner(input, { planId: request.params.id, version: current.version });
      const currentPlan = (current.artifacts as { 'execution-plan.json'?: ExecutionPlan })['execution-plan.json'];
      const scenarioPlan = computed.artifacts['execution-plan.json'];
      const facts = (summary: PlanSummary, plan?: ExecutionPlan) => ({ summary, ...(plan?.success_criteria ? { plan } : {}) });
      return {
        scenarioId: `sc_${contentHash({ planId: request.params.id, version: current.version, input }).slice(0, 16)}`,
        basedOnVersion: current.version,
        changes: request.body.changes.map((c) => ({ ...c, description: describeChange(c) })),
        current: { summary: current.summary, success_criteria: currentPlan?.success_criteria ?? [] },
        scenario: { summary: computed.summary, success_criteria: scenarioPlan.success_criteria },
        differences: scenarioDifferences(facts(current.summary, currentPlan), facts(computed.summary, scenarioPlan)),
        input,
      };
    },
  );

  app.post(
    '/plans/:id/scenarios/adopt',
    {
      schema: {
        tags: ['plans'],
        summary: 'Adopt a what-if: the same changes applied to the version If-Match names, stored as the next version (412 when stale, 428 when absent)',
        params: PlanIdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The ETag of the version the scenario was based on, e.g. "v3".' })) }),
        body: { ...ScenarioRequest, ...example },
        response: { 201: PlanVersion, ...errors(400, 404, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const current = await store.getVersion(db, workspaceOf(request), request.params.id);
      const input = changedInput(current.input as PlanInput, request.body.changes);
      return storeNextVersion({ db, planner }, request, reply, request.params.id, input);
    },
  );
};
