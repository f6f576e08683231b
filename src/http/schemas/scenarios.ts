import { Type } from 'typebox';
import { SuccessCriterion } from '../../schemas/artifacts/execution-plan.js';
import { PlanSummary } from '../../schemas/plan-summary.js';
import { ScenarioChanges } from '../../schemas/scenario-change.js';

export const ScenarioRequest = Type.Object({ changes: ScenarioChanges }, { additionalProperties: false });

const Side = Type.Object({ summary: PlanSummary, success_criteria: Type.Array(SuccessCriterion) });

export const ScenarioResponse = Type.Object(
  {
    scenarioId: Type.String({ description: 'sc_ + a hash of the changed input: the same changes to the same version give the same id.' }),
    basedOnVersion: Type.Integer(),
    changes: Type.Array(Type.Object({ description: Type.String() })),
    current: Side,
    scenario: Side,
    differences: Type.Array(
      Type.Object({
        field: Type.String(),
        current: Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]),
        scenario: Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]),
        delta: Type.Union([Type.Number(), Type.Null()]),
      }),
    ),
    input: Type.Unknown({ description: 'The changed plan input (POST it to /plans/{id}/versions, or adopt the scenario).' }),
  },
  { title: 'Scenario', description: 'A what-if: planned, not stored.' },
);
