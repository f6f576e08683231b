import { jsonText } from './json-text.js';
import { sql } from 'kysely';
import { contentHash } from '../domain/content-hash.js';
import type { PlannedVersion } from '../domain/plan.js';
import { BadRequestError, ConflictError, PreconditionFailedError, notFound } from '../errors.js';
import type { Db } from './database.js';

export { contentHash };
import type { PlanSummary } from '../schemas/plan-summary.js';
import type { Artifacts } from '../schemas/artifacts/index.js';

export interface VersionMeta {
  planId: string;
  name: string;
  version: number;
  parentVersion: number | null;
  reason: 'create' | 'update' | 'replan';
  contentHash: string;
  summary: PlanSummary;
  createdAt: Date;
}

export interface VersionRecord extends VersionMeta {
  input: unknown;
  artifacts: Artifacts;
}

export interface PlanListItem {
  id: string;
  name: string;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

const versionMetaColumns = [
  'plan_versions.plan_id',
  'plans.name',
  'plan_versions.version',
  'plan_versions.parent_version',
  'plan_versions.reason',
  'plan_versions.content_hash',
  'plan_versions.summary',
  'plan_versions.created_at',
] as const;

type MetaRow = {
  plan_id: string;
  name: string;
  version: number;
  parent_version: number | null;
  reason: 'create' | 'update' | 'replan';
  content_hash: string;
  summary: PlanSummary;
  created_at: Date;
};

function toMeta(r: MetaRow): VersionMeta {
  return {
    planId: r.plan_id,
    name: r.name,
    version: r.version,
    parentVersion: r.parent_version,
    reason: r.reason,
    contentHash: r.content_hash,
    summary: r.summary,
    createdAt: new Date(r.created_at),
  };
}

export async function createPlan(db: Db, plan: { id: string; workspaceId: string; name: string; input: unknown; computed: PlannedVersion }): Promise<VersionMeta> {
  // One statement (plan row and version 1 through a data-modifying CTE): one round trip, atomic.
  const values = versionValues(plan.id, 1, null, 'create', plan.input, plan.computed);
  const row = await db
    .with('created_plan', (qb) => qb.insertInto('plans').values({ id: plan.id, workspace_id: plan.workspaceId, name: plan.name, latest_version: 1 }).returning('id'))
    .insertInto('plan_versions')
    .values(values)
    .returning(['created_at'])
    .executeTakeFirstOrThrow();
  return versionMeta(values, plan.name, plan.computed, row.created_at);
}

/**
 * Appends version expectedVersion + 1, but only while expectedVersion is still the latest:
 * the conditional UPDATE takes the plan row's lock, so two writers racing on one version
 * cannot both win (the loser gets 412), and the version key makes a duplicate impossible.
 */
export async function addVersion(
  db: Db,
  v: {
    planId: string;
    workspaceId: string;
    expectedVersion: number;
    reason: 'update' | 'replan';
    name: string;
    input: unknown;
    computed: PlannedVersion;
  },
): Promise<VersionMeta> {
  return db.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('plans')
      .set({ latest_version: sql`latest_version + 1`, name: v.name, updated_at: sql`now()` })
      .where('id', '=', v.planId)
      .where('workspace_id', '=', v.workspaceId)
      .where('latest_version', '=', v.expectedVersion)
      .where('archived_at', 'is', null)
      .returning(['latest_version'])
      .executeTakeFirst();
    if (!bumped) {
      const current = await trx
        .selectFrom('plans')
        .select(['latest_version', 'archived_at'])
        .where('id', '=', v.planId)
        .where('workspace_id', '=', v.workspaceId)
        .executeTakeFirst();
      if (!current) throw notFound(`plan ${v.planId}`);
      if (current.archived_at) throw planArchived(v.planId, new Date(current.archived_at));
      throw new PreconditionFailedError(
        'version_conflict',
        `plan ${v.planId} is at version ${current.latest_version}, not ${v.expectedVersion}; fetch it again and retry with its ETag`,
        [{ path: '/headers/if-match', message: `current ETag is ${etagFor(current.latest_version)}` }],
      );
    }
    const row = await insertVersion(trx, v.planId, bumped.latest_version, v.expectedVersion, v.reason, v.input, v.computed);
    return { ...row, name: v.name };
  });
}

function versionValues(planId: string, version: number, parent: number | null, reason: 'create' | 'update' | 'replan', input: unknown, computed: PlannedVersion) {
  return {
    plan_id: planId,
    version,
    parent_version: parent,
    reason,
    input: jsonText(input),
    artifacts: jsonText(computed.artifacts),
    document: computed.document,
    gantt_svg: computed.gantt,
    playbooks: jsonText(computed.playbooks),
    summary: JSON.stringify(computed.summary),
    schedule: jsonText(computed.schedule),
    content_hash: contentHash(input),
  };
}

function versionMeta(values: ReturnType<typeof versionValues>, name: string, computed: PlannedVersion, createdAt: Date | string): VersionMeta {
  return {
    planId: values.plan_id,
    name,
    version: values.version,
    parentVersion: values.parent_version,
    reason: values.reason,
    contentHash: values.content_hash,
    summary: computed.summary,
    createdAt: new Date(createdAt),
  };
}

async function insertVersion(
  trx: Db,
  planId: string,
  version: number,
  parent: number | null,
  reason: 'create' | 'update' | 'replan',
  input: unknown,
  computed: PlannedVersion,
): Promise<Omit<VersionMeta, 'name'>> {
  const values = versionValues(planId, version, parent, reason, input, computed);
  const row = await trx.insertInto('plan_versions').values(values).returning(['created_at']).executeTakeFirstOrThrow();
  const { name: _name, ...meta } = versionMeta(values, '', computed, row.created_at);
  return meta;
}

export const planArchived = (planId: string, at: Date, what = 'new versions') =>
  new ConflictError('plan_archived', `plan ${planId} was archived at ${at.toISOString()}: its versions stay readable, it takes no ${what}`, []);

/** Archives a plan (DELETE): it leaves the list and takes no new versions; every version stays readable. Repeating it changes nothing. */
export async function archivePlan(db: Db, workspaceId: string, planId: string): Promise<{ planId: string; archivedAt: Date; latestVersion: number }> {
  const row = await db
    .updateTable('plans')
    .set({ archived_at: sql`coalesce(archived_at, now())` })
    .where('id', '=', planId)
    .where('workspace_id', '=', workspaceId)
    .returning(['archived_at', 'latest_version'])
    .executeTakeFirst();
  if (!row) throw notFound(`plan ${planId}`);
  return { planId, archivedAt: new Date(row.archived_at!), latestVersion: row.latest_version };
}

export function etagFor(version: number): string {
  return `"v${version}"`;
}

/** Parses an If-Match value produced by etagFor (also accepts the weak form W/"v3"). */
export function parseEtag(header: string | undefined): number | undefined {
  const m = header?.trim().match(/^(?:W\/)?"v(\d{1,9})"$/);
  return m ? Number(m[1]) : undefined;
}

/** The row of one version (the latest when version is omitted) in a workspace, for selecting one column from. */
function versionRow(db: Db, workspaceId: string, planId: string, version?: number) {
  return db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .where('plans.id', '=', planId)
    .where('plans.workspace_id', '=', workspaceId)
    .where('plan_versions.version', '=', version ?? sql<number>`plans.latest_version`);
}

/**
 * The number of the requested version (the latest when version is omitted) if the plan is
 * visible to the workspace; a one-row index lookup that lets immutable bodies come from a cache.
 */
export async function resolveVersion(db: Db, workspaceId: string, planId: string, version?: number): Promise<number> {
  const row = await db.selectFrom('plans').select('latest_version').where('id', '=', planId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  // Version numbers are contiguous from 1 (the database enforces it), so any number up to the latest exists.
  if (!row || (version !== undefined && version > row.latest_version)) throw versionNotFound(planId, version);
  return version ?? row.latest_version;
}

const versionNotFound = (planId: string, version?: number) => notFound(version === undefined ? `plan ${planId}` : `version ${version} of plan ${planId}`);

/** The latest version when version is omitted. */
export async function getVersion(db: Db, workspaceId: string, planId: string, version?: number): Promise<VersionRecord> {
  const row = await versionRow(db, workspaceId, planId, version)
    .select([...versionMetaColumns, 'plan_versions.input', 'plan_versions.artifacts'])
    .executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  return { ...toMeta(row), input: row.input, artifacts: row.artifacts };
}

/** A version with its input and artifacts as stored JSON text, for responses sent without re-serialising. */
export async function getVersionJson(db: Db, workspaceId: string, planId: string, version?: number): Promise<VersionMeta & { inputJson: string; artifactsJson: string }> {
  const row = await versionRow(db, workspaceId, planId, version)
    .select([...versionMetaColumns, sql<string>`plan_versions.input::text`.as('input_json'), sql<string>`plan_versions.artifacts::text`.as('artifacts_json')])
    .executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  return { ...toMeta(row), inputJson: row.input_json, artifactsJson: row.artifacts_json };
}

export async function getDocument(db: Db, workspaceId: string, planId: string, version?: number): Promise<{ version: number; document: string }> {
  const row = await versionRow(db, workspaceId, planId, version).select(['plan_versions.version', 'plan_versions.document']).executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  return row;
}

/** The SVG Gantt chart of a version. */
export async function getGantt(db: Db, workspaceId: string, planId: string, version?: number): Promise<{ version: number; svg: string }> {
  const row = await versionRow(db, workspaceId, planId, version).select(['plan_versions.version', 'plan_versions.gantt_svg']).executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  return { version: row.version, svg: row.gantt_svg };
}

/** One team's playbook (Markdown) of a version. */
export async function getPlaybook(db: Db, workspaceId: string, planId: string, team: string, version?: number): Promise<{ version: number; markdown: string }> {
  const row = await versionRow(db, workspaceId, planId, version)
    .select(['plan_versions.version', sql<string | null>`plan_versions.playbooks ->> ${team}`.as('markdown')])
    .executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  if (row.markdown === null) throw notFound(`team ${team} in plan ${planId}`);
  return { version: row.version, markdown: row.markdown };
}

/** One artifact as stored JSON text, so large artifacts are sent without re-serialising. */
export async function getArtifactJson(db: Db, workspaceId: string, planId: string, name: string, version?: number): Promise<{ version: number; json: string }> {
  const row = await versionRow(db, workspaceId, planId, version)
    .select(['plan_versions.version', sql<string | null>`plan_versions.artifacts ->> ${name}`.as('json')])
    .executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  if (row.json === null) throw notFound(`artifact ${name}`);
  return { version: row.version, json: row.json };
}

/** Some artifacts of a version as one JSON object text (by file name), with the version's metadata. */
export async function getArtifactSetJson(
  db: Db,
  workspaceId: string,
  planId: string,
  names: readonly string[],
  version?: number,
): Promise<VersionMeta & { artifactsJson: string }> {
  const pairs = sql.join(names.map((n) => sql`${n}::text, plan_versions.artifacts -> ${n}::text`));
  const row = await versionRow(db, workspaceId, planId, version)
    .select([...versionMetaColumns, sql<string>`jsonb_build_object(${pairs})::text`.as('artifacts_json')])
    .executeTakeFirst();
  if (!row) throw versionNotFound(planId, version);
  return { ...toMeta(row), artifactsJson: row.artifacts_json };
}

export async function listVersions(db: Db, workspaceId: string, planId: string): Promise<VersionMeta[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select(versionMetaColumns)
    .where('plans.id', '=', planId)
    .where('plans.workspace_id', '=', workspaceId)
    .orderBy('plan_versions.version', 'asc')
    .execute();
  if (rows.length === 0) throw notFound(`plan ${planId}`);
  return rows.map(toMeta);
}

export interface PlanPage {
  items: PlanListItem[];
  nextCursor: string | null;
}

/** Newest first, keyset-paginated on (created_at, id); the cursor is opaque to clients. */
export async function listPlans(db: Db, workspaceId: string, opts: { limit: number; cursor?: string; includeArchived?: boolean }): Promise<PlanPage> {
  let query = db.selectFrom('plans').select(['id', 'name', 'latest_version', 'created_at', 'updated_at', 'archived_at']).where('workspace_id', '=', workspaceId);
  if (!opts.includeArchived) query = query.where('archived_at', 'is', null);
  if (opts.cursor) {
    const { createdAt: at, id } = decodeCursor(opts.cursor);
    const createdAt = new Date(at);
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      latestVersion: r.latest_version,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
      archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestError('invalid_cursor', 'cursor is not one this service issued', [{ path: '/querystring/cursor', message: 'invalid cursor' }]);
}
