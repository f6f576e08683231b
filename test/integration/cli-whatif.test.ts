import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/domain/advisor/changes.js';
import { planProject } from '../../src/domain/plan.js';
import { repoPath } from '../../src/paths.js';
import { startApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';
import { runCli } from '../support/built.js';

const run = (...args: string[]) => runCli(args);
const example = repoPath('examples', 'web-product.json');

describe('waveplan whatif', () => {
  const server = listeningApp(() => startApp('pglite'));

  it('on an input file plans both locally: the scenario is the changed input planned directly', async () => {
    const r = await run('whatif', example, '--add-person', 'web', '--buffer', '10', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const direct = planProject(applyChanges(exampleInput(), [{ kind: 'add_people', team: 'web', people: 1 }, { kind: 'set_buffer', percent: 10 }]));
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

  it('usage errors: no change is exit 2, a bad pair is exit 2, an unknown team is exit 3 with its path', async () => {
    expect((await run('whatif', example)).code).toBe(2);
    expect((await run('whatif', example, '--pool', 'ci')).code).toBe(2);
    const unknown = await run('whatif', example, '--add-person', 'nobody');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('/changes/0/team');
  });
});
