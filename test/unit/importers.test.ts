import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { detectFormat, ImportError, importText, IMPORT_FORMATS, type ImportFormat, type ImportOptions, type ImportResult } from '../../src/importers/index.js';
import { PlanInput } from '../../src/schemas/plan-input.js';
import { thrown } from '../support/thrown.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/importers/${name}`, import.meta.url), 'utf8');

function importFixture(name: string, options: ImportOptions = {}): ImportResult {
  const text = fixture(name);
  return importText(detectFormat(name, text), text, options);
}

const importError = (format: ImportFormat, text: string, options: ImportOptions = {}) => thrown(ImportError, () => importText(format, text, options));

const dependenciesOf = (r: ImportResult) => Object.fromEntries(r.input.phases.map((p) => [p.id, p.dependencies ?? []]));

/** What every importer promises: a schema-valid input the engine plans without complaint. */
function expectPlannable(r: ImportResult): void {
  expect([...Value.Errors(PlanInput, r.input)]).toEqual([]);
  const plan = planProject({ ...r.input, planning: { monteCarloIterations: 50, iterations: 50 } });
  const scheduled = plan.artifacts['wave-schedules.json'].waves.flatMap((w) => w.phases.map((p) => p.id));
  expect(scheduled.sort()).toEqual(r.input.phases.map((p) => p.id).sort());
}

describe('detectFormat', () => {
  it('tells the formats apart by extension and content', () => {
    expect(detectFormat('phases.csv', fixture('phases.csv'))).toBe('csv');
    expect(detectFormat('x.sm', '')).toBe('psplib');
    expect(detectFormat('tasks.json', fixture('task-master-legacy.json'))).toBe('task-master');
    expect(detectFormat('tasks.json', fixture('task-master-tagged.json'))).toBe('task-master');
    expect(detectFormat('analysis.json', fixture('dependency-analysis.json'))).toBe('dependency-graph');
    expect(detectFormat('graph.yaml', fixture('dependency-graph.yaml'))).toBe('dependency-graph');
    expect(detectFormat('analysis.json', fixture('subtask-analysis.json'))).toBe('dependency-graph');
  });
});

describe('dependency-graph importer', () => {
  it('maps the analysis step output: snake_case keys, hours, three-point estimates, resources, done phases', () => {
    const r = importFixture('dependency-analysis.json');
    expect(r.input.name).toBe('Billing platform rewrite');
    expect(r.input.startDate).toBe('2027-02-01');
    // P2 is done: it is left out and P4's dependency on it counts as met.
    expect(dependenciesOf(r)).toEqual({
      P1: [],
      P3: ['P1'],
      P4: ['P1'],
      P5: ['P4'],
      P6: ['P5', 'P3'],
      P7: ['P4'],
      P8: ['P3'],
      P9: ['P6', 'P7', 'P8'],
      P10: ['P9'],
    });
    const p = Object.fromEntries(r.input.phases.map((x) => [x.id, x]));
    expect(p.P1!.duration).toBe(3); // 24 h
    expect(p.P5!.duration).toBe(5); // "5 days"
    expect(p.P3!.duration).toEqual({ optimistic: 3, likely: 5, pessimistic: 9 });
    expect(p.P3!.teamSize).toBe(2);
    expect(p.P4!.resources).toEqual({ ci: 1, staging: 1 });
    expect(p.P4!.areas).toEqual(['src/api/invoices/', 'src/models/invoice.ts']);
    expect(p.P5!.skills).toEqual(['backend', 'payments']);
    expect(p.P1!.priority).toBe(2);
    expect(p.P10!.priority).toBe(3);
    expect(r.input.infrastructure).toEqual([
      { id: 'ci', capacity: 2 },
      { id: 'staging', capacity: 1 },
    ]);
    // P3 needs 2 people: 3 is the smallest team that keeps 2 after the default 20 % buffer.
    expect(r.input.teams).toEqual([{ id: 'team-1', name: 'Imported team', size: 3, skills: ['backend', 'database', 'devops', 'frontend', 'payments', 'qa'] }]);
    expect(r.notes.join('\n')).toMatch(/1 finished phase.*P2/);
    expectPlannable(r);
  });

  it('reads the map form with edges and duration text from YAML', () => {
    const r = importFixture('dependency-graph.yaml', { teamSize: 3 });
    expect(r.input.startDate).toBe('2027-03-01');
    expect(dependenciesOf(r)).toEqual({
      'api-contract': [],
      'ios-screens': ['api-contract'],
      'android-screens': ['api-contract'],
      analytics: ['api-contract'],
      release: ['ios-screens', 'android-screens', 'analytics'],
    });
    expect(r.input.phases.map((p) => p.duration)).toEqual([2, { optimistic: 3, likely: 4, pessimistic: 7 }, 4, 1.5, 5]);
    expect(r.input.teams[0]!.size).toBe(3);
    expectPlannable(r);
  });

  it('reads a subtask list with a separate dependency map, a bare map of dependency lists, and a map alone', () => {
    const r = importFixture('subtask-analysis.json', { startDate: '2027-01-04', defaultDuration: 0.5 });
    expect(dependenciesOf(r)).toEqual({ T1: [], T2: ['T1'], T3: ['T1', 'T2'], T4: [] });
    expect(r.input.phases.map((p) => [p.name, p.duration, p.areas])).toEqual([
      ['Create User model', 0.5, ['models.py']],
      ['Create User serializer', 0.5, ['serializers.py']],
      ['Create User view', 0.5, ['views.py']],
      ['Add translations', 0.5, ['locales/*.json']],
    ]);
    expect(r.notes.join('\n')).toMatch(/4 phase\(s\) have no estimate and were given 0.5 day/);
    expectPlannable(r);
    const bare = importText('dependency-graph', JSON.stringify({ phases: { a: [], b: ['a'], c: ['a', 'b'] } }), { startDate: '2027-01-04' });
    expect(dependenciesOf(bare)).toEqual({ a: [], b: ['a'], c: ['a', 'b'] });
    expect(importError('dependency-graph', JSON.stringify({ phases: { a: [], c: ['a', 'x'] } }), { startDate: '2027-01-04' }).issues).toEqual([
      { path: '/phases/c/1', message: 'c depends on x, which the file does not define' },
    ]);
    const alone = importText('dependency-graph', 'dependency_graph:\n  lint: []\n  build: [lint]\n', { startDate: '2027-01-04' });
    expect(dependenciesOf(alone)).toEqual({ lint: [], build: ['lint'] });
  });

  it('the caller’s options win over the file', () => {
    const teams = [{ id: 'core', size: 4, skills: ['backend', 'database', 'devops', 'frontend', 'payments', 'qa'] }];
    const r = importFixture('dependency-analysis.json', { name: 'Renamed', startDate: '2027-05-03', teams, includeDone: true });
    expect(r.input).toMatchObject({ name: 'Renamed', startDate: '2027-05-03', teams });
    expect(dependenciesOf(r).P4).toEqual(['P1', 'P2']);
    expectPlannable(r);
  });

  it('reports every problem with its JSON pointer', () => {
    const e = importError('dependency-graph', fixture('broken-dependency-graph.json'));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: '/phases/1/duration', message: expect.stringMatching(/cannot read -1 as a duration/) },
        { path: '/phases/3', message: 'the phase has no id' },
        { path: '/phases/2/dependencies/1', message: 'three depends on four, which the file does not define' },
        { path: '/', message: expect.stringMatching(/no start date/) },
      ]),
    );
    expect(e.issues).toHaveLength(4);
  });

  it('names the line and column of text that is not JSON or YAML', () => {
    const e = importError('dependency-graph', '{ "phases": [ { "id": "a", } ');
    expect(e.issues[0]!.path).toMatch(/^line 1, column \d+$/);
  });

  it('rejects a file with no phases, and a cycle is left for the planner to name', () => {
    expect(importError('dependency-graph', '{"items": []}', { startDate: '2027-01-04' }).issues[0]).toEqual({
      path: '/',
      message: expect.stringMatching(/found no list of phases/),
    });
    const cyclic = importText(
      'dependency-graph',
      JSON.stringify({
        phases: [
          { id: 'a', duration: 1, deps: ['b'] },
          { id: 'b', duration: 1, deps: ['a'] },
        ],
      }),
      { startDate: '2027-01-04' },
    );
    expect(() => planProject(cyclic.input)).toThrow(/cycle/i);
  });
});

describe('task-master importer', () => {
  it('maps a legacy tasks.json: subtasks become phases, done and cancelled tasks are left out', () => {
    const r = importFixture('task-master-legacy.json', { startDate: '2027-01-04' });
    expect(r.input.name).toBe('Recipe sharing app');
    expect(dependenciesOf(r)).toEqual({
      'task-2': [],
      // task 3's own dependency on 2, and 3.1 is done; 3.2 and 3.3 both follow it.
      'task-3.2': ['task-2'],
      'task-3.3': ['task-2'],
      'task-4': ['task-2', 'task-3.2'],
      'task-5': ['task-4'],
      // task 7 depends on 3 (all its open subtasks), 4, and the cancelled 6 (dropped).
      'task-7.1': ['task-3.2', 'task-3.3', 'task-4'],
      // numeric 1 is the sibling 7.1; numeric 5 names no sibling, so task 5.
      'task-7.2': ['task-3.2', 'task-3.3', 'task-4', 'task-7.1', 'task-5'],
      'task-7.3': ['task-3.2', 'task-3.3', 'task-4', 'task-7.2'],
    });
    const p = Object.fromEntries(r.input.phases.map((x) => [x.id, x]));
    expect(p['task-4']!.duration).toBe(3.5); // complexity 7
    expect(p['task-2']!.duration).toBe(1);
    expect(p['task-2']!.priority).toBe(2);
    expect(p['task-5']!.priority).toBe(0);
    expect(p['task-3.2']!.name).toBe('Session cookies and middleware');
    expect(r.notes.join('\n')).toMatch(/2 finished item.*task-1, task-3\.1/);
    expect(r.notes.join('\n')).toMatch(/cancelled.*task-6/);
    // Only the phases kept, and not task 4 (it has a complexity score).
    expect(r.notes).toContain(
      '7 phase(s) have neither estimatedHours nor a complexity score and were given 1 day(s): task-2, task-3.2, task-3.3, task-5, task-7.1, task-7.2, task-7.3',
    );
    expectPlannable(r);
  });

  it('imports the master tag of a tagged file by default, another on request, and lists the tags when asked for a missing one', () => {
    const master = importFixture('task-master-tagged.json', { startDate: '2027-01-04', defaultDuration: 2 });
    expect(dependenciesOf(master)).toEqual({ 'task-1': [], 'task-2': ['task-1'], 'task-3': ['task-2'] });
    expect(master.input.phases.every((p) => p.duration === 2)).toBe(true);
    const feature = importFixture('task-master-tagged.json', { startDate: '2027-01-04', tag: 'feature-export' });
    expect(dependenciesOf(feature)).toEqual({ 'task-1.1': [], 'task-1.2': ['task-1.1'], 'task-2': ['task-1.1', 'task-1.2'] });
    expectPlannable(feature);
    const e = importError('task-master', fixture('task-master-tagged.json'), { startDate: '2027-01-04', tag: 'nope' });
    expect(e.issues).toEqual([{ path: '/nope', message: 'no tag "nope"; choose one of: master, feature-export' }]);
  });

  it('reports dependencies that name nothing', () => {
    const e = importError('task-master', fixture('broken-task-master.json'), { startDate: '2027-01-04' });
    expect(e.issues).toEqual([
      { path: '/tasks/1/dependencies/0', message: 'dependency 9 names no task in the file' },
      { path: '/tasks/1/subtasks/0/dependencies/0', message: 'dependency "1.4" names no task or sibling subtask in the file' },
    ]);
  });
});

describe('CSV importer', () => {
  it('maps rows with quoted cells, a BOM, three-point and unit durations, and lists in cells', () => {
    const r = importFixture('phases.csv', { startDate: '2027-01-04', name: 'Service launch' });
    expect(dependenciesOf(r)).toEqual({ req: [], api: ['req'], db: ['req'], svc: ['api', 'db'], ui: ['api'], qa: ['svc', 'ui'], rel: ['qa'] });
    const p = Object.fromEntries(r.input.phases.map((x) => [x.id, x]));
    expect(p.req!.name).toBe('Requirements, sign-off');
    expect(p.db!.duration).toEqual({ optimistic: 2, likely: 3, pessimistic: 5 });
    expect(p.api!.duration).toBe(3);
    expect(p.qa!.duration).toBe(2); // 16h
    expect(p.db!.skills).toEqual(['backend', 'database']);
    expect(p.svc!.areas).toEqual(['api/', 'services/']);
    expect(p.svc!.teamSize).toBe(2);
    // Notes is read as the description, so no column is ignored.
    expect(p.req!.description).toBe('kick-off, with "stakeholders"');
    expect(r.notes.some((n) => n.startsWith('columns ignored'))).toBe(false);
    expect(r.input.name).toBe('Service launch');
    expect(importFixture('phases.csv', { startDate: '2027-01-04', fileName: 'plans/Q3 launch.csv' }).input.name).toBe('Q3 launch');
    expect(importFixture('phases.csv', { startDate: '2027-01-04' }).input.name).toBe('Imported plan');
    expectPlannable(r);
  });

  it('reports each bad cell by line and column', () => {
    const e = importError('csv', fixture('broken.csv'), { startDate: '2027-01-04' });
    expect(e.issues).toEqual([
      { path: 'line 3, column duration', message: expect.stringMatching(/cannot read "three days" as a duration/) },
      { path: 'line 5', message: 'phase id c is used twice (first at line 4)' },
      { path: 'line 4, column dependencies', message: 'c depends on zz, which the file does not define' },
    ]);
  });

  it('reports a malformed file and a missing id column', () => {
    expect(importError('csv', 'id,name\n"a,b\n', { startDate: '2027-01-04' }).issues[0]!.path).toMatch(/^line \d+$/);
    expect(importError('csv', 'name,duration\nx,1\n', { startDate: '2027-01-04' }).issues).toEqual([
      { path: 'line 1', message: 'the header has no id column (found: name, duration)' },
    ]);
    expect(importError('csv', '', { startDate: '2027-01-04' }).issues[0]!.message).toMatch(/empty/);
  });
});

describe('PSPLIB importer', () => {
  const sm = readFileSync(new URL('../fixtures/psplib/small.sm', import.meta.url), 'utf8');

  it('maps jobs to phases and resources to pools, from the given start date', () => {
    const r = importText('psplib', sm, { startDate: '2027-06-07' });
    expect(r.input.startDate).toBe('2027-06-07');
    expect(dependenciesOf(r)).toEqual({ j2: [], j3: [], j4: [], j5: ['j3'], j6: ['j2'], j7: ['j3', 'j4'] });
    expect(r.input.infrastructure).toEqual([
      { id: 'R1', capacity: 2 },
      { id: 'R2', capacity: 2 },
    ]);
    expectPlannable(r);
  });

  it('needs a start date and reports format errors by line', () => {
    expect(importError('psplib', sm).issues[0]!.message).toMatch(/no start date/);
    const e = importError('psplib', sm.replace('PRECEDENCE RELATIONS:', 'PRECEDENCE:'), { startDate: '2027-06-07' });
    expect(e.issues[0]!.path).toMatch(/^line \d+$/);
    expect(e.issues[0]!.message).toMatch(/missing section/);
  });
});

describe('every importer, on anything', () => {
  /** Mostly plausible items (ids in order, dependencies on earlier ones) with now and then a hostile value. */
  const junk = fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.constant(null), fc.anything({ maxDepth: 1 }));
  const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 60 }, { arbitrary: junk, weight: 1 });
  const item = fc.record({
    duration: mostly(fc.oneof(fc.nat(20), fc.constantFrom('3d', '16h', '1 week', '2.5'), fc.constant({ optimistic: 1, likely: 2, pessimistic: 4 }))),
    deps: fc.array(fc.nat(12), { maxLength: 3 }),
    strayDep: fc.nat(29).map((n) => n === 0),
    skills: mostly(fc.array(fc.constantFrom('backend', 'front end', 'qa/ops', 'ü'), { maxLength: 2 })),
    status: fc.constantFrom('pending', 'pending', 'done', 'cancelled', 'in-progress'),
    priority: mostly(fc.oneof(fc.constantFrom('high', 'medium', 'low'), fc.nat(5))),
    subtasks: fc.nat(3),
  });
  const items = fc.array(item, { minLength: 1, maxLength: 10 });
  const graphDoc = items.map((list) => ({
    start_date: '2027-01-04',
    phases: list.map((it, i) => ({
      id: `p${i}`,
      name: `Phase ${i}`,
      duration: it.duration,
      depends_on: [...it.deps.filter((d) => d < i).map((d) => `p${d}`), ...(it.strayDep ? ['nowhere'] : [])],
      required_skills: it.skills,
      status: it.status,
      priority: it.priority,
    })),
  }));
  const taskMasterDoc = items.map((list) => ({
    master: {
      tasks: list.map((it, i) => ({
        id: i + 1,
        title: `Task ${i + 1}`,
        status: it.status,
        priority: it.priority,
        dependencies: [...it.deps.filter((d) => d < i).map((d) => d + 1), ...(it.strayDep ? [99] : [])],
        subtasks: Array.from({ length: it.subtasks }, (_, j) => ({ id: j + 1, title: `Sub ${j + 1}`, status: 'pending', dependencies: j > 0 ? [j] : [] })),
      })),
    },
  }));
  const csvText = items.map((list) =>
    [
      'id,name,duration,dependencies,skills',
      ...list.map((it, i) =>
        [
          `p${i}`,
          `"Phase ${i}, part"`,
          typeof it.duration === 'object' ? '1/2/4' : String(it.duration),
          [...it.deps.filter((d) => d < i).map((d) => `p${d}`), ...(it.strayDep ? ['nowhere'] : [])].join(';'),
          Array.isArray(it.skills) ? it.skills.join('|') : String(it.skills),
        ].join(','),
      ),
    ].join('\n'),
  );
  const cases = fc.oneof(
    graphDoc.map((d) => ['dependency-graph', JSON.stringify(d)] as const),
    taskMasterDoc.map((d) => ['task-master', JSON.stringify(d)] as const),
    csvText.map((t) => ['csv', t] as const),
    fc.tuple(
      fc.constantFrom(...IMPORT_FORMATS),
      fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
    ),
  );

  it('returns a schema-valid input or throws ImportError listing where, and nothing else', () => {
    const imported: Record<string, number> = { 'dependency-graph': 0, 'task-master': 0, csv: 0, psplib: 0 };
    fc.assert(
      fc.property(cases, ([format, text]) => {
        try {
          const r = importText(format, text, { startDate: '2027-01-04' });
          expect([...Value.Errors(PlanInput, r.input)]).toEqual([]);
          imported[format]!++;
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          expect(err.issues.length).toBeGreaterThan(0);
          for (const issue of err.issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
        }
      }),
      { numRuns: 3000, seed: 424242 },
    );
    // Not vacuous: plausible documents do import (PSPLIB text is not generated here).
    expect(imported['dependency-graph']).toBeGreaterThan(100);
    expect(imported['task-master']).toBeGreaterThan(100);
    expect(imported.csv).toBeGreaterThan(100);
  });
});
