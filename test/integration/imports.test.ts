import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importers/index.js';
import { repoPath } from '../../src/paths.js';
import { rowCounts, suiteApp } from '../support/app.js';

const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'importers', name), 'utf8');

describe('POST /imports', () => {
  const ctx = suiteApp('postgres');

  const post = (url: string, contentType: string, payload: string) => ctx().app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

  it('maps a CSV upload to the input the importer computes, which POST /plans then plans', async () => {
    const before = await rowCounts(ctx());
    const res = await post('/imports?startDate=2027-01-04&name=Service%20launch', 'text/csv', fixture('phases.csv'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.format).toBe('csv');
    expect(body.input).toEqual(importText('csv', fixture('phases.csv'), { startDate: '2027-01-04', name: 'Service launch' }).input);
    expect(body.input.phases[0].description).toBe('kick-off, with "stakeholders"');
    expect(await rowCounts(ctx())).toEqual(before);

    const planned = await ctx().app.inject({ method: 'POST', url: '/plans', payload: body.input });
    expect(planned.statusCode, planned.body).toBe(201);
    // db's three-point 2/3/5 plans at (2 + 4·3 + 5) / 6 ≈ 3.17 days, longer than api's 3.
    expect(planned.json().artifacts['execution-plan.json'].critical_path.phases).toEqual(['req', 'db', 'svc', 'qa', 'rel']);
  });

  it('tells task-master and dependency-graph JSON and YAML apart, and takes the tag and options', async () => {
    const tm = await post('/imports?startDate=2027-01-04&tag=feature-export&defaultDuration=2', 'application/json', fixture('task-master-tagged.json'));
    expect(tm.statusCode, tm.body).toBe(200);
    expect(tm.json().format).toBe('task-master');
    expect(tm.json().input.phases.map((p: { id: string; duration: number }) => [p.id, p.duration])).toEqual([
      ['task-1.1', 2],
      ['task-1.2', 2],
      ['task-2', 2],
    ]);
    const yaml = await post('/imports?teamSize=4', 'application/yaml', fixture('dependency-graph.yaml'));
    expect(yaml.statusCode, yaml.body).toBe(200);
    expect(yaml.json()).toMatchObject({ format: 'dependency-graph', input: { name: 'Mobile onboarding', startDate: '2027-03-01', teams: [{ id: 'team-1', size: 4 }] } });
    const sm = await post('/imports?startDate=2027-06-07&fileName=small.sm', 'text/plain', readFileSync(repoPath('test', 'fixtures', 'psplib', 'small.sm'), 'utf8'));
    expect(sm.statusCode, sm.body).toBe(200);
    expect(sm.json().format).toBe('psplib');
  });

  it('422 with every problem located in the file; 400 for bad options or an empty body; 415 for a binary upload', async () => {
    const broken = await post('/imports?startDate=2027-01-04', 'text/csv', fixture('broken.csv'));
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({
      statusCode: 422,
      code: 'import_failed',
      details: [
        { in: 'body', path: 'line 3, column duration' },
        { in: 'body', path: 'line 5', message: 'phase id c is used twice (first at line 4)' },
        { in: 'body', path: 'line 4, column dependencies', message: 'c depends on zz, which the file does not define' },
      ],
    });
    const cycle = await post('/imports?startDate=2027-01-04', 'text/csv', 'id,name,duration,dependencies\na,A,1,b\nb,B,1,a\n');
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({ code: 'import_impossible_plan', details: [{ ids: expect.arrayContaining(['a', 'b']) }] });
    const noStart = await post('/imports', 'text/csv', fixture('phases.csv'));
    expect(noStart.statusCode).toBe(422);
    expect(noStart.json().message).toMatch(/no start date/);
    const badOption = await post('/imports?format=xml', 'text/csv', fixture('phases.csv'));
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json()).toMatchObject({ code: 'validation_failed', details: [{ in: 'querystring', path: '/format' }] });
    expect((await post('/imports?startDate=2027-01-04', 'text/csv', '')).statusCode).toBe(400);
    expect((await post('/imports', 'image/png', 'x')).statusCode).toBe(415);
  });

  it('takes the upstream dependency analysis with its seed-shaped teams, at task or phase level, and plans it carrying the graph id', async () => {
    const text = fixture('upstream-tasks.json');
    const res = await post('/imports?startDate=2027-04-05', 'application/json', text);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.format).toBe('dependency-graph');
    expect(body.input).toEqual(importText('dependency-graph', text, { startDate: '2027-04-05' }).input);
    expect(body.input.teams.map((t: { id: string }) => t.id)).toEqual(['backend_team_1', 'mobile_team', 'web_team', 'qa_team']);
    expect(body.unusedKeys).toContain('/optimization_recommendations');
    const phases = await post('/imports?startDate=2027-04-05&level=phase&relaxSoftDependencies=true', 'application/json', text);
    expect(phases.statusCode, phases.body).toBe(200);
    expect(phases.json().input.phases).toHaveLength(8);
    expect(phases.json().input.constraints).toEqual({ maxConcurrentSessions: 4, relaxSoftDependencies: true });

    const planned = await ctx().app.inject({ method: 'POST', url: '/plans', payload: { ...body.input, planning: { monteCarloIterations: 50, iterations: 100 } } });
    expect(planned.statusCode, planned.body).toBe(201);
    const ep = planned.json().artifacts['execution-plan.json'];
    expect(ep.dependency_analysis_source).toBe('dep_graph_20270301T1400');
    expect(ep.resource_analysis.resource_constraints[0].constraint_type).toBe('shared_database');
  });
});
