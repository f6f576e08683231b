import { describe, expect, it } from 'vitest';
import { delayedPlan, startApp } from '../support/app.js';
import { listeningApp } from '../support/http.js';

/**
 * Every error answer is RFC 9457 problem details (application/problem+json: type, title,
 * status, detail, instance) and keeps the service's own code, message and details[].
 */
describe('errors as problem details', () => {
  const { base } = listeningApp(() => startApp('postgres'));

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(base() + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), allow: res.headers.get('allow'), body: JSON.parse(await res.text()) };
  }

  function expectProblem(res: Awaited<ReturnType<typeof send>>, status: number, code: string, instance: string) {
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ type: `urn:waveplan:problem:${code}`, status, statusCode: status, code, instance });
    expect(typeof res.body.title).toBe('string');
    expect(res.body.title.length).toBeGreaterThan(0);
    expect(res.body.detail).toBe(res.body.message);
    expect(Array.isArray(res.body.details)).toBe(true);
  }

  it('a validation error names the offending field in details[]', async () => {
    const { teams: _, ...noTeams } = delayedPlan('no teams');
    const res = await send('POST', '/plans?x=1', noTeams);
    expectProblem(res, 400, 'validation_failed', '/plans');
    expect(res.body.title).toBe('Bad Request');
    expect(res.body.details).toContainEqual(expect.objectContaining({ in: 'body', path: '/teams' }));
  });

  it('a plan that does not exist is 404, an unknown route too', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const plan = await send('GET', `/plans/${id}`);
    expectProblem(plan, 404, 'not_found', `/plans/${id}`);
    expect(plan.body.title).toBe('Not Found');
    expectProblem(await send('GET', '/no/such/route'), 404, 'route_not_found', '/no/such/route');
  });

  it('a method the path does not accept is 405 with Allow', async () => {
    const res = await send('PUT', '/plans', {});
    expectProblem(res, 405, 'method_not_allowed', '/plans');
    expect(res.allow).toBe('GET, HEAD, POST');
    expect(res.body.title).toBe('Method Not Allowed');
  });

  it('a new version of an archived plan is 409', async () => {
    const created = await send('POST', '/plans', delayedPlan('archived'));
    const id = created.body.planId as string;
    expect((await send('DELETE', `/plans/${id}`)).status).toBe(200);
    const res = await send('POST', `/plans/${id}/versions`, delayedPlan('after'), { 'if-match': '*' });
    expectProblem(res, 409, 'plan_archived', `/plans/${id}/versions`);
    expect(res.body.title).toBe('Conflict');
  });

  it('a malformed request refused before routing is problem details too', async () => {
    const res = await send('GET', '/plans/%zz');
    expectProblem(res, 400, 'bad_url', '/plans/%zz');
  });
});
