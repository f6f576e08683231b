import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, renderOpenApi } from '../../src/http/openapi.js';
import { repoPath } from '../../src/paths.js';
import { loadConfig } from '../../src/config.js';
import { suiteApp } from '../support/app.js';

describe('service', () => {
  const ctx = suiteApp('postgres');

  it('answers /healthz and /readyz, and echoes a request id', async () => {
    const health = await ctx().app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-request-id']).toBe('abc-123');
    const ready = await ctx().app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('serves Swagger UI at /docs and the OpenAPI 3.1 document', async () => {
    const docs = await ctx().app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    const spec = await ctx().app.inject({ method: 'GET', url: '/docs/json' });
    const doc = spec.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/plans', '/plans/{id}', '/plans/{id}/versions', '/plans/{id}/versions/{version}', '/plans/{id}/artifacts/{name}', '/healthz', '/readyz']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });

  it('the committed openapi/openapi.json is up to date (run `npm run openapi`)', async () => {
    const committed = readFileSync(repoPath('openapi', 'openapi.json'), 'utf8');
    expect(committed).toBe(renderOpenApi(await generateOpenApi()));
  });

  it('validates configuration with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
    expect(loadConfig({}).PORT).toBe(3000);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
  });
});
