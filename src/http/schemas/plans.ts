import { Type, type TSchema } from 'typebox';
import { PlanInput } from '../../schemas/plan-input.js';
import { PlanSummary } from '../../schemas/plan-summary.js';
import { Artifacts } from './artifacts.js';
import { NextLink } from '../pagination.js';

export const VersionMeta = Type.Object(
  {
    planId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    parentVersion: Type.Union([Type.Integer(), Type.Null()]),
    reason: Type.Enum(['create', 'update', 'replan']),
    contentHash: Type.String({ description: 'sha256 of the canonical input JSON.' }),
    createdAt: Type.String({ format: 'date-time' }),
    summary: PlanSummary,
  },
  { title: 'VersionMeta' },
);

export const PlanVersion = Type.Object(
  {
    ...VersionMeta.properties,
    input: PlanInput,
    artifacts: Artifacts,
  },
  { title: 'PlanVersion' },
);

/** Some of a version's artifacts, with its metadata: what a page needs first, without the rest. */
export const ArtifactSet = Type.Object(
  {
    ...VersionMeta.properties,
    artifacts: Type.Partial(Artifacts, { title: 'SomeArtifacts', description: 'The artifacts asked for (all five by default), keyed by file name.' }),
  },
  { title: 'ArtifactSet' },
);

export const VersionList = Type.Object({ items: Type.Array(VersionMeta), next: NextLink }, { title: 'VersionPage' });

export const PlanListItem = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    latestVersion: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the plan was archived (DELETE); null while it is live.' }),
  },
  { title: 'PlanListItem' },
);

export const PlanPage = Type.Object(
  {
    items: Type.Array(PlanListItem),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as ?cursor= for the next page; null on the last page.' }),
    next: NextLink,
  },
  { title: 'PlanPage' },
);

export const ListQuery = Type.Object({
  includeArchived: Type.Optional(Type.Boolean({ description: 'List archived plans too (default: live plans only).' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});

const ItemChanges = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(Type.String(), { description: 'Input fields whose value differs.' }) })),
});
const FromTo = <T extends TSchema>(t: T) => Type.Object({ from: t, to: t });

export const VersionDiffView = Type.Object(
  {
    planId: Type.String({ format: 'uuid' }),
    from: Type.Integer(),
    to: Type.Integer(),
    input: Type.Object({
      fields: Type.Array(Type.String(), { description: 'Top-level input fields (other than phases and teams) that differ.' }),
      phases: ItemChanges,
      teams: ItemChanges,
    }),
    schedule: Type.Object({
      makespanDays: Type.Object({ from: Type.Number(), to: Type.Number(), delta: Type.Number() }),
      moved: Type.Array(
        Type.Object({
          id: Type.String(),
          start: FromTo(Type.Number()),
          finish: FromTo(Type.Number()),
          team: FromTo(Type.Union([Type.String(), Type.Null()])),
          wave: FromTo(Type.Integer()),
        }),
        { description: 'Phases in both versions whose start, finish, team or wave differ.' },
      ),
      added: Type.Array(Type.String()),
      removed: Type.Array(Type.String()),
    }),
  },
  { title: 'VersionDiff' },
);
