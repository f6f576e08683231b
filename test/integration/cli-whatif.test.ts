import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/domain/advisor/changes.js';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import { startApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';
import { ensureBuilt, runCli } from '../support/built.js';

const run = (...args: string[]) => runCli(args);
const example = repoPath('examples', 'web-product.json');

describe('waveplan whatif', () => {
  beforeAll(ensureBuilt, 300_000);
  const server = listeningApp(() => startApp('pglite'));

  it('on an input file plans both locally: the scenario is the changed input planned directly', async () => {
    const r = await run('whatif', example, '--add-person', 'web', '--buffer', '10', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const direct = planProject(
      applyChanges(exampleInput(), [
        { kind: 'add_people', team: 'web', people: 1 },
        { kind: 'set_buffer', percent: 10 },
      ]),
    );
    expect(out.changes).toEqual(['add 1 person to web', 'set the capacity buffer to 10 %']);
    expect(out.scenario.makespanDays).toBe(direct.summary.makespanDays);
    expect(out.current.makespanDays).toBe(planProject(exampleInput()).summary.makespanDays);
    const text = await run('whatif', example, '--add-person', 'web', '--buffer', '10');
    expect(text.stdout).toContain(`makespan ${out.current.makespanDays} → ${out.scenario.makespanDays} working days`);
  });

  it('on a plan id asks the server, which stores nothing', async () => {
    const created = (await server.ctx().app.inject({ method: 'POST', url: '/plans', payload: exampleInput() })).json();
    const r = await run('whatif', created.planId, '--server', server.base(), '--add-person', 'web', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.basedOn).toBe(`${created.planId} v1`);
    expect(out.scenario.makespanDays).toBeLessThan(out.current.makespanDays);
    const versions = (await server.ctx().app.inject({ method: 'GET', url: `/plans/${created.planId}/versions` })).json();
    expect(versions.items).toHaveLength(1);
  });

  it('--adopt stores the scenario as the next version, If-Match the version it was planned on; a stale one is refused', async () => {
    const app = server.ctx().app;
    const created = (await app.inject({ method: 'POST', url: '/plans', payload: exampleInput() })).json();
    const r = await run('whatif', created.planId, '--server', server.base(), '--add-person', 'web', '--buffer', '10', '--adopt', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.adopted).toEqual({ version: 2, location: `/plans/${created.planId}/versions/2` });
    const v2 = (await app.inject({ method: 'GET', url: `/plans/${created.planId}/versions/2` })).json();
    const wanted = applyChanges(exampleInput(), [
      { kind: 'add_people', team: 'web', people: 1 },
      { kind: 'set_buffer', percent: 10 },
    ]);
    expect(v2.input.teams.find((t: { id: string }) => t.id === 'web').size).toBe(wanted.teams.find((t) => t.id === 'web')!.size);
    expect(v2.input.constraints.capacityBuffer).toBe(10);
    expect(v2.summary.makespanDays).toBe(out.scenario.makespanDays);
    const text = await run('whatif', created.planId, '--server', server.base(), '--drop', 'admin', '--adopt');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('adopted: stored as version 3');
    expect((await app.inject({ method: 'GET', url: `/plans/${created.planId}/versions` })).json().items).toHaveLength(3);
  });

  it('--adopt sends If-Match for the version the scenario was planned on, and a version stored meanwhile (412) is exit 3', async () => {
    // A stand-in server: the scenario was planned on v4, and v5 has been stored since.
    const seen: { url?: string; ifMatch?: string }[] = [];
    const stub = createServer((req, res) => {
      seen.push({ url: req.url!, ifMatch: req.headers['if-match'] as string | undefined });
      req.resume().on('end', () => {
        const summary = { makespanDays: 30, completionDate: '2027-02-12' };
        const [status, body] = req.url!.endsWith('/adopt')
          ? [
              412,
              {
                statusCode: 412,
                code: 'version_conflict',
                message: 'plan is at "v5", not "v4"; fetch it again and retry',
                details: [{ in: 'headers', path: '/if-match', message: 'current ETag is "v5"' }],
              },
            ]
          : [200, { basedOnVersion: 4, changes: [{ description: 'add 1 person to web' }], current: { summary }, scenario: { summary }, differences: [] }];
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((done) => stub.listen(0, '127.0.0.1', done));
    try {
      const id = '00000000-0000-4000-8000-000000000001';
      const r = await run('whatif', id, '--server', `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, '--add-person', 'web', '--adopt');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('plan is at "v5", not "v4"');
      expect(seen).toEqual([{ url: `/plans/${id}/scenarios` }, { url: `/plans/${id}/scenarios/adopt`, ifMatch: '"v4"' }]);
    } finally {
      stub.close();
    }
  });

  it('--adopt refuses an input file: there is no stored plan to adopt into', async () => {
    const file = await run('whatif', example, '--add-person', 'web', '--adopt', '--server', server.base());
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is not a plan id');
  });

  it('usage errors: no change is exit 2, a bad pair is exit 2, an unknown team is exit 3 with its path', async () => {
    expect((await run('whatif', example)).code).toBe(2);
    expect((await run('whatif', example, '--pool', 'ci')).code).toBe(2);
    const unknown = await run('whatif', example, '--add-person', 'nobody');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('/changes/0/team');
  });
});
