import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../store/database.js';
import * as store from '../../../store/plans.js';
import { jsonBytes } from '../../../store/json-text.js';
import { notModified } from '../../schemas/common.js';
import type { VersionBodyCache } from '../../version-body-cache.js';
import { workspaceOf } from '../../workspace.js';

const INPUT_KEY = Buffer.from(',"input":');
const ARTIFACTS_KEY = Buffer.from(',"artifacts":');
const CLOSE = Buffer.from('}');
const bytesOf = (json: string | Buffer) => (typeof json === 'string' ? Buffer.from(json) : json);

/** A version as JSON bytes: the metadata serialised, input and artifacts spliced in as they were stored. */
function versionBody(v: store.VersionMeta & { inputJson: string | Buffer; artifactsJson: string | Buffer }): Buffer {
  const meta = Buffer.from(JSON.stringify(metaJson(v)));
  return Buffer.concat([meta.subarray(0, -1), INPUT_KEY, bytesOf(v.inputJson), ARTIFACTS_KEY, bytesOf(v.artifactsJson), CLOSE]);
}

export function metaJson(m: store.VersionMeta) {
  return {
    planId: m.planId,
    name: m.name,
    version: m.version,
    parentVersion: m.parentVersion,
    reason: m.reason,
    contentHash: m.contentHash,
    createdAt: m.createdAt.toISOString(),
    summary: m.summary,
  };
}

/** A stored version as JSON, from the body cache; 304 when the client already holds it. */
export async function sendVersion(db: Db, bodies: VersionBodyCache, request: FastifyRequest, reply: FastifyReply, planId: string, version?: number) {
  const workspaceId = workspaceOf(request);
  const n = await store.resolveVersion(db, workspaceId, planId, version);
  const etag = store.etagFor(n);
  reply.header('etag', etag);
  if (notModified(request, etag)) return reply.code(304).send();
  const body = await bodies.get(`${planId}/${n}`, async () => versionBody(await store.getVersionJson(db, workspaceId, planId, n)));
  return reply.type('application/json; charset=utf-8').send(body as never);
}

/** 201 with a version just written, at `location`, its ETag naming the version. */
export function sendCreatedVersion(reply: FastifyReply, location: string, meta: store.VersionMeta, input: unknown, artifacts: unknown) {
  return reply
    .code(201)
    .header('location', location)
    .header('etag', store.etagFor(meta.version))
    .type('application/json; charset=utf-8')
    .send(versionBody({ ...meta, inputJson: jsonBytes(input), artifactsJson: jsonBytes(artifacts) }) as never);
}
