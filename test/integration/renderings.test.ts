import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tar from 'tar-stream';
import { Readable } from 'node:stream';
import { ARTIFACT_NAMES } from '../../src/http/schemas/artifacts.js';
import { startApp, type TestContext } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

async function untar(buf: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => chunks.push(c as Buffer));
    stream.on('end', () => {
      files.set(header.name, Buffer.concat(chunks).toString('utf8'));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    Readable.from(buf).pipe(extract);
  });
  return files;
}

describe('renderings of a plan version', () => {
  let ctx: TestContext;
  let id: string;
  let created: { artifacts: Record<string, { schedule?: { id: string; critical: boolean }[] }> };
  beforeAll(async () => {
    ctx = await startApp('postgres');
    const res = await ctx.app.inject({ method: 'POST', url: '/plans', payload: exampleInput() });
    created = res.json();
    id = res.json().planId;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('serves the Gantt chart as SVG with one bar per phase and the critical phases marked', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/gantt.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const bars = res.body.match(/<g class="bar/g) ?? [];
    expect(bars).toHaveLength(exampleInput().phases.length);
    const critical = created.artifacts['execution-plan.json']!.schedule!.filter((p) => p.critical).map((p) => p.id);
    expect(critical.length).toBeGreaterThan(0);
    for (const phase of critical) expect(res.body).toContain(`<g class="bar critical" data-phase="${phase}">`);
  });

  it('serves one playbook per team and 404 for an unknown team', async () => {
    for (const team of exampleInput().teams) {
      const res = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/playbooks/${team.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/markdown/);
      expect(res.body).toContain(team.name!);
    }
    const missing = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/playbooks/nobody` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('packs the five artifacts as parallel-execution/<name> in state.tar', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/plans/${id}/state.tar` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    const files = await untar(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(ARTIFACT_NAMES.map((n) => `parallel-execution/${n}`).sort());
    for (const name of ARTIFACT_NAMES) expect(JSON.parse(files.get(`parallel-execution/${name}`)!)).toEqual(created.artifacts[name]);
  });
});
