import { Type } from 'typebox';
import { PlanInput } from '../../schemas/plan-input.js';
import { PlanSummary } from '../../schemas/plan-summary.js';
import { Artifacts } from './artifacts.js';

export const VersionMeta = Type.Object({
  planId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  parentVersion: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Enum(['create', 'update', 'replan']),
  contentHash: Type.String({ description: 'sha256 of the canonical input JSON.' }),
  createdAt: Type.String({ format: 'date-time' }),
  summary: PlanSummary,
}, { title: 'VersionMeta' });


export const PlanVersion = Type.Object(
  {
    ...VersionMeta.properties,
    input: PlanInput,
    artifacts: Artifacts,
  },
  { title: 'PlanVersion' },
);

export const VersionList = Type.Object({ items: Type.Array(VersionMeta) }, { title: 'VersionList' });

export const PlanListItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  latestVersion: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { title: 'PlanListItem' });

export const PlanPage = Type.Object({
  items: Type.Array(PlanListItem),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as ?cursor= for the next page; null on the last page.' }),
}, { title: 'PlanPage' });

export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
