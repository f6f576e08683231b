import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startApp, type TestContext } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';

const TABLES = ['plans', 'plan_versions', 'sessions', 'claims', 'phase_events', 'alerts', 'idempotency_keys', 'api_keys'] as const;

/** Values of every shape a careless or hostile client sends. */
const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 'NaN', 'Infinity', '', '\u0000', '𝕏🧨', '../../etc/passwd', "'; drop table plans; --"),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom({ __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } }, JSON.parse('{"__proto__": {"polluted": 1}}')),
);

/** A nested array deeper than any schema allows. */
const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)]);

/** The example with one field replaced by a hostile value (paths that matter to the planner). */
const mutatedPlan = fc
  .tuple(
    fc.constantFrom(
      'name',
      'startDate',
      'phases',
      'teams',
      'constraints',
      'planning',
      'progress',
      'phase.id',
      'phase.duration',
      'phase.dependencies',
      'phase.teamSize',
      'phase.resources',
      'team.size',
      'team.skills',
      'extra',
    ),
    hostile,
  )
  .map(([where, value]) => {
    const input = exampleInput() as unknown as Record<string, unknown>;
    const phase = (input.phases as Record<string, unknown>[])[3]!;
    const team = (input.teams as Record<string, unknown>[])[1]!;
    if (where.startsWith('phase.')) phase[where.slice(6)] = value;
    else if (where.startsWith('team.')) team[where.slice(5)] = value;
    else input[where] = value;
    return input;
  });

/** Structurally valid plans that the domain must refuse: cycles, duplicates, unknown references. */
const impossiblePlan = fc.constantFrom('cycle', 'duplicate', 'unknown-dep', 'unknown-pool', 'no-team', 'pool-too-big').map((kind) => {
  const input = exampleInput();
  const p = input.phases;
  if (kind === 'cycle') p[0]!.dependencies = ['launch'];
  if (kind === 'duplicate') p[5]!.id = p[2]!.id;
  if (kind === 'unknown-dep') p[4]!.dependencies = ['nowhere'];
  if (kind === 'unknown-pool') p[4]!.resources = { gpu: 1 };
  if (kind === 'no-team') p[4]!.skills = ['telepathy'];
  if (kind === 'pool-too-big') p[4]!.resources = { ci: 99 };
  return input;
});

describe('hostile and malformed input', () => {
  let ctx: TestContext;
  let planId: string;
  let sessionId: string;
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) {
      const r = await ctx.handle.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  };

  beforeAll(async () => {
    ctx = await startApp('postgres', { bodyLimit: 1024 * 1024 });
    planId = (await ctx.app.inject({ method: 'POST', url: '/plans', payload: exampleInput() })).json().planId;
    sessionId = (await ctx.app.inject({ method: 'POST', url: `/plans/${planId}/sessions`, payload: { label: 'fuzz' } })).json().id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Sends a body; any 4xx must be in the one error shape; returns the status. */
  async function send(url: string, body: unknown): Promise<number> {
    const res = await ctx.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
    expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const err = res.json();
      expect(err).toMatchObject({ statusCode: res.statusCode, code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    }
    return res.statusCode;
  }

  it('POST /plans: thousands of malformed or impossible plans give 4xx in the error shape and write nothing', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, mutatedPlan, impossiblePlan), async (body) => {
        const status = await send('/plans', body);
        // A mutation may leave a valid plan (an extra null field is refused, a new name is not).
        if (status === 201) {
          before.plans = before.plans! + 1;
          before.plan_versions = before.plan_versions! + 1;
        }
      }),
      { numRuns: 3000, seed: 20261125 },
    );
    expect(await counts()).toEqual(before);
  });

  it('every tracking and admin POST refuses hostile bodies without a 5xx or a row', async () => {
    const before = await counts();
    const urls = [
      `/plans/${planId}/versions`,
      `/plans/${planId}/sessions`,
      `/plans/${planId}/claims`,
      `/plans/${planId}/sessions/${sessionId}/events`,
      `/plans/${planId}/sessions/${sessionId}/heartbeat`,
      `/plans/${planId}/replan`,
      '/admin/keys',
      `/plans/not-a-uuid/claims`,
    ];
    await fc.assert(
      // {} is a valid body for some of these (a session with defaults, a re-plan as of today): leave it out.
      fc.asyncProperty(
        fc.constantFrom(...urls),
        hostile.filter((b) => !(b !== null && typeof b === 'object' && Object.keys(b).length === 0)),
        async (url, body) => {
          const status = await send(url, body);
          // A heartbeat takes no body: whatever is sent is ignored, and it only touches the session row.
          if (!url.endsWith('/heartbeat')) expect(status, url).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 6000, seed: 7 },
    );
    expect(await counts()).toEqual(before);
  });

  it('POST /imports: random text in every accepted content type, hostile JSON, alias bombs: never a 5xx, never a row', async () => {
    const before = await counts();
    const lines = fc.array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom(
          'id,name,duration,dependencies',
          'a,A,1,',
          'b,"B,1,a',
          'x,X,-1,x',
          'phases:',
          '  - id: a',
          '    duration: 1e999',
          '{"tasks": [{"id": 1, "dependencies": [1]}]}',
          'PRECEDENCE RELATIONS:',
          'jobnr.',
          '*****',
        ),
      ),
      { maxLength: 12 },
    );
    const bodies = fc.oneof(
      lines.map((l) => l.join('\n')),
      hostile.map((v) => JSON.stringify(v) ?? 'null'),
      fc.constantFrom(
        'a: &a [*a]',
        'a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]',
        JSON.stringify({ phases: deep(500) }),
        '\uFEFF',
        'x\u0000y',
      ),
    );
    const types = fc.constantFrom('text/csv', 'text/tab-separated-values', 'text/plain', 'application/json', 'application/yaml', 'application/octet-stream');
    const queries = fc.constantFrom(
      '',
      '?startDate=2027-01-04',
      '?format=csv&startDate=2027-01-04',
      '?format=task-master&startDate=2027-01-04',
      '?format=psplib&startDate=2027-01-04',
      '?format=dependency-graph&startDate=2027-01-04&includeDone=true',
      '?teamSize=0',
      '?fileName=../../x.sm',
    );
    await fc.assert(
      fc.asyncProperty(
        bodies.filter((b) => b.length > 0),
        types,
        queries,
        async (body, type, query) => {
          const res = await ctx.app.inject({ method: 'POST', url: `/imports${query}`, headers: { 'content-type': type }, payload: body });
          expect(res.statusCode, `${type} ${query} ${body.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400)
            expect(res.json()).toMatchObject({ statusCode: res.statusCode, code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
    expect(await counts()).toEqual(before);
  });

  it('deep nesting, a huge body, 50k phases and NUL characters are refused cleanly', async () => {
    const before = await counts();
    const nul = await ctx.app.inject({ method: 'POST', url: '/plans', payload: { ...exampleInput(), name: 'a\u0000b' } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: 'invalid_character', details: [{ path: '/name' }] });
    expect(await send('/plans', { ...exampleInput(), phases: deep(2000) })).toBe(400);
    const many = { ...exampleInput(), phases: Array.from({ length: 50_000 }, (_, i) => ({ id: `p${i}`, name: 'x', duration: 1 })) };
    expect(await send('/plans', many)).toBe(413);
    expect(await counts()).toEqual(before);
  });
});
