import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Middleware } from 'openapi-fetch';
import { createWaveplanClient, type Client } from '../../src/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../src/client/api-types.js';
import { buildApp, type App } from '../../src/http/app.js';
import { PlanQueue } from '../../src/jobs/plan-queue.js';
import { planJobHandler } from '../../src/jobs/plan-job-handler.js';
import { repoPath } from '../../src/paths.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import { generateOpenApi, renderOpenApi } from '../../src/http/openapi.js';
import { API_TYPES, renderOpenApiTypes, typesOfCommittedDocument } from '../../scripts/openapi-types.js';
import { ensureBuilt } from '../support/built.js';
import { freshDatabase } from '../support/db.js';
import { delayedPlan } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

const ADMIN = 'admin-token-for-the-generated-client-test';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * A client generated from openapi/openapi.json (openapi-typescript types, openapi-fetch) drives
 * every operation the document lists against the running service, the non-JSON ones included:
 * if the document lied about a media type, a path or a parameter, a call here would fail to
 * compile or fail at run time.
 */
describe('the client generated from the OpenAPI document', () => {
  let shared: Awaited<ReturnType<typeof freshDatabase>>;
  let queue: PlanQueue;
  let app: App;
  let client: Client<paths>;
  const called = new Set<string>();

  beforeAll(async () => {
    shared = await freshDatabase('postgres');
    const planner = createDomainPlanner();
    queue = await PlanQueue.start(shared.url!);
    await queue.work(async (job) => void (await planJobHandler(shared.db, planner)(job)), 0.5);
    app = await buildApp({
      db: shared.db,
      planner,
      queue,
      asyncPhaseThreshold: 10,
      auth: { mode: 'on', adminToken: ADMIN },
      rateLimitPerMinute: 10_000,
      webhooks: { enabled: true, policy: { allowlist: ['127.0.0.1/32'] } },
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // The package's client (waveplan/client), as the README shows it.
    client = createWaveplanClient(base, { apiKey: ADMIN });
    const record: Middleware = {
      onResponse({ request, schemaPath, response }) {
        if (response.status < 500) called.add(`${request.method.toLowerCase()} ${schemaPath}`);
      },
    };
    client.use(record);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await shared?.close();
  });

  it('is generated from the current document (run `npm run openapi`)', async () => {
    const doc = await generateOpenApi();
    expect(readFileSync(repoPath('openapi', 'openapi.json'), 'utf8')).toBe(renderOpenApi(doc));
    expect(readFileSync(API_TYPES, 'utf8')).toBe(await renderOpenApiTypes(doc));
  });

  it("is the package's export waveplan/client, built", async () => {
    await ensureBuilt();
    const script = "const m = await import('waveplan/client'); console.log(import.meta.resolve('waveplan/client'), typeof m.createWaveplanClient('http://127.0.0.1:1').GET)";
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: repoPath() });
    expect(stdout.trim()).toBe(`${pathToFileURL(repoPath('dist', 'src', 'client', 'index.js')).href} function`);
  }, 300_000);

  it('has types that are those of openapi/openapi.json (the build regenerates them from it)', async () => {
    const committed = readFileSync(API_TYPES, 'utf8');
    expect(committed).toBe(await typesOfCommittedDocument());
    const drifted = JSON.parse(readFileSync(repoPath('openapi', 'openapi.json'), 'utf8'));
    drifted.components.schemas.Error.properties.code.description = 'changed';
    expect(await renderOpenApiTypes(drifted)).not.toBe(committed);
  });

  it('calls every operation of the document with the media types it declares', async () => {
    const live = await client.GET('/healthz');
    expect(live.data?.status).toBe('ok');
    expect((await client.GET('/readyz')).data?.status).toBe('ok');
    const metrics = await client.GET('/metrics', { parseAs: 'text' });
    expect(metrics.response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(metrics.data).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1$/m);

    const created = await client.POST('/plans', { body: delayedPlan('client') });
    expect(created.response.status).toBe(201);
    const id = created.data!.planId;
    const etag = created.response.headers.get('etag')!;
    expect((await client.GET('/plans', { params: { query: { limit: 10 } } })).data?.items.map((p) => p.id)).toContain(id);
    expect((await client.GET('/plans/{id}', { params: { path: { id } } })).data?.version).toBe(1);
    const again = await client.GET('/plans/{id}', { params: { path: { id }, header: { 'if-none-match': etag } } });
    expect(again.response.status).toBe(304);

    const v2 = await client.POST('/plans/{id}/versions', { params: { path: { id }, header: { 'if-match': etag } }, body: { ...delayedPlan('client'), name: 'client v2' } });
    expect(v2.data?.version).toBe(2);
    expect((await client.GET('/plans/{id}/versions', { params: { path: { id } } })).data?.items.map((v) => v.version)).toEqual([1, 2]);
    expect((await client.GET('/plans/{id}/versions/{version}', { params: { path: { id, version: 1 } } })).data?.name).toBe('client');
    expect((await client.GET('/plans/{id}/artifacts/{name}', { params: { path: { id, name: 'execution-plan.json' } } })).data).toHaveProperty('metrics');
    expect((await client.GET('/plans/{id}/versions/{version}/artifacts/{name}', { params: { path: { id, version: 1, name: 'wave-schedules.json' } } })).data).toHaveProperty(
      'waves',
    );
    const set = await client.GET('/plans/{id}/artifacts', { params: { path: { id }, query: { names: 'risk-mitigation-plan.json,execution-plan.json' } } });
    expect(set.data?.version).toBe(2);
    expect(Object.keys(set.data?.artifacts ?? {}).sort()).toEqual(['execution-plan.json', 'risk-mitigation-plan.json']);
    expect(set.data?.artifacts['execution-plan.json']?.metrics).toBeDefined();

    const doc = await client.GET('/plans/{id}/document', { params: { path: { id } }, parseAs: 'text' });
    expect(doc.response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(doc.data).toMatch(/^# /m);
    const svg = await client.GET('/plans/{id}/gantt.svg', { params: { path: { id } }, parseAs: 'text' });
    expect(svg.response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.data).toContain('<svg');
    const playbook = await client.GET('/plans/{id}/playbooks/{team}', { params: { path: { id, team: 'a' } }, parseAs: 'text' });
    expect(playbook.response.headers.get('content-type')).toMatch(/^text\/markdown/);
    const tar = await client.GET('/plans/{id}/state.tar', { params: { path: { id } }, parseAs: 'arrayBuffer' });
    expect(tar.response.headers.get('content-type')).toBe('application/x-tar');
    expect(Buffer.from(tar.data!).subarray(0, 100).toString('latin1')).toContain('parallel-execution/');

    const xml = await client.GET('/plans/{id}/export/{format}', { params: { path: { id, format: 'mspdi' } }, parseAs: 'text' });
    expect(xml.response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.data).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    const feed = await client.GET('/plans/{id}/versions/{version}/export/{format}', {
      params: { path: { id, version: 1, format: 'ical' }, query: { team: 'a' } },
      parseAs: 'text',
    });
    expect(feed.response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(feed.data).toContain('BEGIN:VCALENDAR');
    const negotiated = await client.GET('/plans/{id}/export', { params: { path: { id } }, headers: { accept: 'text/csv' }, parseAs: 'text' });
    expect(negotiated.response.headers.get('content-type')).toMatch(/^text\/csv/);
    const tasksJson = JSON.stringify({ master: { tasks: [{ id: 1, title: 'Design', status: 'pending', dependencies: [] }] } });
    const written = await client.POST('/plans/{id}/export/task-master', {
      params: { path: { id } },
      body: tasksJson,
      bodySerializer: (b) => b,
      headers: { 'content-type': 'application/json' },
      parseAs: 'text',
    });
    expect(written.response.status).toBe(200);
    // The plan's phases are not task-master's (task-n), so the file comes back as it was.
    expect(written.data).toBe(tasksJson);
    expect(written.response.headers.get('x-waveplan-written')).toBe('0');

    const session = await client.POST('/plans/{id}/sessions', { params: { path: { id } }, body: { label: 'agent', team: 'a' } });
    const sessionId = session.data!.id;
    expect((await client.GET('/plans/{id}/sessions', { params: { path: { id } } })).data?.items).toHaveLength(1);
    expect((await client.POST('/plans/{id}/sessions/{sessionId}/heartbeat', { params: { path: { id, sessionId } } })).data?.status).toBe('active');
    const claim = await client.POST('/plans/{id}/claims', { params: { path: { id } }, body: { sessionId, phaseId: 'design', at: '2026-01-05T09:00:00Z' } });
    expect(claim.response.status).toBe(201);
    const event = await client.POST('/plans/{id}/sessions/{sessionId}/events', {
      params: { path: { id, sessionId } },
      body: { type: 'progress', phaseId: 'design', percent: 50, at: '2026-01-05T12:00:00Z' },
    });
    expect(event.data?.type).toBe('progress');
    expect((await client.GET('/plans/{id}/event-log', { params: { path: { id }, query: { after: 0 } } })).data?.items.length).toBeGreaterThan(0);
    expect((await client.GET('/plans/{id}/status', { params: { path: { id } } })).data?.planId).toBe(id);
    expect((await client.GET('/plans/{id}/alerts', { params: { path: { id } } })).data?.items).toBeInstanceOf(Array);

    const ready = await client.GET('/plans/{id}/ready', { params: { path: { id }, query: { explain: true } } });
    expect(ready.response.status).toBe(200);
    expect((await client.GET('/plans/{id}/agent-playbooks', { params: { path: { id } } })).response.status).toBe(200);
    const brief = await client.GET('/plans/{id}/agent-playbooks/{phaseId}', { params: { path: { id, phaseId: 'build' } } });
    expect(brief.response.status).toBe(200);
    const hook = await client.POST('/plans/{id}/webhooks', { params: { path: { id } }, body: { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] } as never });
    expect(hook.response.status).toBe(201);
    const webhookId = (hook.data as unknown as { id: string }).id;
    expect((await client.GET('/plans/{id}/webhooks', { params: { path: { id } } })).response.status).toBe(200);
    expect((await client.GET('/plans/{id}/webhooks/{webhookId}/deliveries', { params: { path: { id, webhookId } } })).response.status).toBe(200);
    expect((await client.DELETE('/plans/{id}/webhooks/{webhookId}', { params: { path: { id, webhookId } } })).response.status).toBeLessThan(300);
    const whatIf = { changes: [{ kind: 'add_people', team: 'a', people: 1 }] } as never;
    expect((await client.POST('/plans/{id}/scenarios', { params: { path: { id } }, body: whatIf })).response.status).toBe(200);
    const current = (await client.GET('/plans/{id}', { params: { path: { id } } })).response.headers.get('etag')!;
    expect((await client.POST('/plans/{id}/scenarios/adopt', { params: { path: { id }, header: { 'if-match': current } } as never, body: whatIf })).response.status).toBe(201);

    const stream = await client.GET('/plans/{id}/events', { params: { path: { id } }, parseAs: 'stream' });
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.data!.getReader();
    let text = '';
    while (!text.includes('event: phase')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();

    const replanned = await client.POST('/plans/{id}/replan', { params: { path: { id } }, body: { asOf: '2026-01-06' } });
    expect(replanned.response.status).toBe(201);
    const diff = await client.GET('/plans/{id}/versions/{version}/diff/{other}', { params: { path: { id, version: 1, other: 2 } } });
    expect(diff.data?.input.fields).toContain('name');
    const archived = await client.DELETE('/plans/{id}', { params: { path: { id } } });
    expect(archived.data?.planId).toBe(id);

    const key = await client.POST('/admin/keys', { body: { workspace: 'client', name: 'reader', role: 'read' } });
    expect(key.data?.token).toMatch(/^wp_/);
    expect((await client.GET('/admin/keys', { params: { query: { workspace: 'client' } } })).data?.items).toHaveLength(1);
    expect((await client.DELETE('/admin/keys/{keyId}', { params: { path: { keyId: key.data!.id } } })).data?.revokedAt).not.toBeNull();

    const csv = 'id,name,duration,dependencies\nA,Design,2,\nB,Build,3,A\n';
    const imported = await client.POST('/imports', {
      params: { query: { format: 'csv', startDate: '2027-01-04' } },
      body: csv,
      bodySerializer: (b) => b,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.data?.input.phases.map((p) => p.id)).toEqual(['A', 'B']);

    const big = exampleInput();
    const queued = await client.POST('/plans', { body: big });
    expect(queued.response.status).toBe(202);
    expect(queued.response.headers.get('retry-after')).toBe('1');
    const jobId = (queued.data as unknown as { jobId: string }).jobId;
    let job = await client.GET('/jobs/{jobId}', { params: { path: { jobId } } });
    for (let i = 0; i < 200 && job.data?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await client.GET('/jobs/{jobId}', { params: { path: { jobId } } });
    }
    expect(job.data?.state).toBe('completed');

    const operations = Object.entries((await generateOpenApi()).paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m} ${path}`),
    );
    expect([...called].sort()).toEqual(expect.arrayContaining(operations.sort()));
    expect(operations.filter((o) => !called.has(o))).toEqual([]);
  });
});
