import { Type, type Static } from 'typebox';
import { IMPORT_FORMATS } from '../../importers/index.js';
import { IsoDate, PlanInput } from '../../schemas/plan-input.js';

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(Type.Enum([...IMPORT_FORMATS], { description: 'Default: text/csv bodies are CSV, else told by fileName and content.' })),
    fileName: Type.Optional(
      Type.String({ maxLength: 300, description: 'Name of the uploaded file: its extension helps tell the format, and it names the plan when the file does not.' }),
    ),
    startDate: Type.Optional(IsoDate),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'task-master: the tag to import. Default master.' })),
    teamSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Size of the one team made when the file names none.' })),
    defaultDuration: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10000, description: 'Working days for items without an estimate. Default 1.' })),
    includeDone: Type.Optional(Type.Boolean({ description: 'Keep finished items (default: left out, their dependents count them as met).' })),
    level: Type.Optional(
      Type.Enum(['task', 'phase'], { description: 'Upstream dependency analysis: plan its tasks (default when it has any, each with its phase as group) or its phases.' }),
    ),
    inferSkills: Type.Optional(Type.Boolean({ description: 'Fill the skills of items that name none from task_type and file extensions (each listed in the notes).' })),
    relaxSoftDependencies: Type.Optional(Type.Boolean({ description: 'Let the schedule ignore soft dependencies (constraints.relaxSoftDependencies).' })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportResponse = Type.Object(
  {
    format: Type.Enum([...IMPORT_FORMATS]),
    input: PlanInput,
    notes: Type.Array(Type.String(), { description: 'What the mapping assumed or left out, one sentence each.' }),
    unusedKeys: Type.Optional(
      Type.Array(Type.String(), { description: 'Upstream dependency analysis: the source keys not used (JSON pointers, list indices as *); also listed in the notes.' }),
    ),
  },
  { title: 'ImportResult' },
);
