import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { normalise } from '../../src/domain/input.js';
import { skillKey } from '../../src/domain/skills.js';
import { ImportError, importPlannable, importText, type ImportOptions, type ImportResult } from '../../src/importers/index.js';
import { importSeedResources } from '../../src/importers/seed-resources.js';
import { PlanInput, type PhaseInput } from '../../src/schemas/plan-input.js';
import { thrown } from '../support/thrown.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/importers/${name}`, import.meta.url), 'utf8');
const analysis = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;
const seedTeams = () => importSeedResources(JSON.parse(fixture('seed-teams.json')))!;
const graph = (doc: unknown, options: ImportOptions = {}) => importPlannable('dependency-graph', JSON.stringify(doc), { startDate: '2027-04-05', ...options });
const byId = (r: ImportResult) => Object.fromEntries(r.input.phases.map((p) => [p.id, p])) as Record<string, PhaseInput>;
const quick = (input: PlanInput) => planProject({ ...input, planning: { monteCarloIterations: 50, iterations: 100 } });

describe('upstream dependency analysis, phase level (8 phases, seed teams from a separate file)', () => {
  const seed = seedTeams();
  const r = graph(analysis('upstream-phases.json'), { teams: seed.teams!, infrastructure: seed.infrastructure!, resourceConstraints: seed.resourceConstraints! });
  const p = byId(r);

  it('reads nodes, estimates and hard/soft edges as written', () => {
    expect(r.input.phases.map((x) => x.id)).toEqual(['phase-1', 'phase-2', 'phase-3', 'phase-4', 'phase-5', 'phase-6', 'phase-7', 'phase-8']);
    expect(p['phase-3']!.name).toBe('Appointment booking engine');
    // "2 weeks", "6 days", "3 weeks", "4 days", "2-3 weeks", "8 days", "40 hours", "1 week"
    expect(r.input.phases.map((x) => x.duration)).toEqual([10, 6, 15, 4, { optimistic: 10, likely: 12.5, pessimistic: 15 }, 8, 5, 5]);
    expect(p['phase-3']!.dependencies).toEqual(['phase-1', 'phase-2']);
    // medium with a workaround is soft; "soft" and "low" are soft; the SS+2d link is a hard start-to-start link with its lag.
    expect(p['phase-6']!.softDependencies).toEqual(['phase-3']);
    expect(p['phase-6']!.dependencies).toBeUndefined();
    expect(p['phase-7']!).toMatchObject({ dependencies: [{ id: 'phase-5', type: 'SS', lagDays: 2 }], softDependencies: ['phase-2'] });
    expect(p['phase-8']!).toMatchObject({ dependencies: ['phase-4', 'phase-6'], softDependencies: ['phase-7'] });
    // parallel_capacity is how many sessions the phase could use, no requirement: listed as not used.
    expect(p['phase-1']!.teamSize).toBeUndefined();
    expect(r.keys!.unused).toContain('/phase_dependency_graph/nodes/*/parallel_capacity');
    expect(r.notes.filter((n) => n.startsWith('link simplified'))).toEqual([]);
  });

  it('maps conflicts to areas and pools, max_parallel_capacity to the session cap, and seed teams as given', () => {
    expect(p['phase-3']!.areas).toEqual(['api:/api/appointments']);
    expect(p['phase-6']!.areas).toEqual(['api:/api/appointments']);
    for (const id of ['phase-4', 'phase-5', 'phase-8']) expect(p[id]!.resources).toEqual({ staging_environment: 1 });
    expect(r.input.infrastructure).toEqual([
      { id: 'staging_environment', name: 'staging_environment', kind: 'shared resource', capacity: 1 },
      { id: 'development_environments', name: 'development_environments', kind: 'infrastructure', capacity: 5 },
      { id: 'testing_environments', name: 'testing_environments', kind: 'infrastructure', capacity: 3 },
      { id: 'ci_cd_capacity', name: 'ci_cd_capacity', kind: 'infrastructure', capacity: 20 },
      { id: 'monitoring_capacity', name: 'monitoring_capacity', kind: 'infrastructure', capacity: 10 },
    ]);
    expect(r.input.constraints).toEqual({ maxConcurrentSessions: 3 });
    expect(r.input.teams).toEqual([
      { id: 'platform_team', size: 3, skills: ['Node.js', 'PostgreSQL', 'Docker'], availability: 100, hoursPerWeek: 40 },
      { id: 'web_team', size: 2, skills: ['React', 'TypeScript', 'CSS'], availability: 80, hoursPerWeek: 32 },
    ]);
    expect(r.notes).toContain(
      'no item names a skill: team assignment is skill-blind (any team may take any item); inferSkills (--infer-skills) fills skills from task_type and file extensions',
    );
  });

  it('carries the source into execution-plan.json: graph id, resource constraints, its critical path beside the computed one', () => {
    expect(r.input.source).toMatchObject({ dependencyGraphId: 'dep_graph_20270111T0930', generatedAt: '2027-01-11T09:30:00Z', criticalPath: { of: 'phases', durationDays: 45 } });
    const ep = quick(r.input).artifacts['execution-plan.json'];
    expect(ep.dependency_analysis_source).toBe('dep_graph_20270111T0930');
    expect(ep.resource_analysis.resource_constraints.filter((c) => c.origin === 'source').map((c) => c.constraint_type)).toEqual(['shared_database', 'third_party_sandbox']);
    const cp = ep.critical_path.source_critical_path!;
    expect(cp.ids).toEqual(['phase-1', 'phase-2', 'phase-3', 'phase-5', 'phase-7', 'phase-8']);
    // With phase-7 starting 2 days after phase-5 starts (SS+2d, as the source writes it), the longest chain
    // is 10 + 6 + 15 + 8 (phase-6) + 5 = 44 working days, not the source's path through phase-5 and phase-7.
    expect(cp.computed_ids).toEqual(['phase-1', 'phase-2', 'phase-3', 'phase-6', 'phase-8']);
    expect([cp.same_path, cp.duration_days, cp.computed_length_days, cp.only_in_source, cp.only_in_computed]).toEqual([false, 45, 44, ['phase-5', 'phase-7'], ['phase-6']]);
    expect(cp.difference).toBe(
      'the source names phase-1 → phase-2 → phase-3 → phase-5 → phase-7 → phase-8; computed from the imported durations and dependencies it is phase-1 → phase-2 → phase-3 → phase-6 → phase-8; only in the source: phase-5, phase-7; only in the computed path: phase-6; the source says 45 working days, the computed path takes 44 (-1).',
    );
    expect(ep.soft_dependencies).toEqual({ count: 3, relaxed: false, ignored: [] });
  });

  it('lists every source key it did not use, and no key it did', () => {
    const unused = r.keys!.unused;
    for (const k of [
      '/source_analysis',
      '/optimization_recommendations',
      '/validation_results',
      '/phase_dependency_graph/edges/*/reason',
      '/critical_path_analysis/bottleneck_analysis',
      '/parallel_execution_analysis/wave_analysis',
    ])
      expect(unused).toContain(k);
    for (const k of [
      '/phase_dependency_graph/nodes/*/duration',
      '/phase_dependency_graph/edges/*/dependency_strength',
      '/phase_dependency_graph/edges/*/lag',
      '/dependency_graph_id',
    ])
      expect(r.keys!.used).toContain(k);
    expect(r.notes.find((n) => n.startsWith('source keys not used'))).toBe(`source keys not used (informational, or computed by Waveplan itself): ${unused.join(', ')}`);
  });
});

describe('upstream dependency analysis, task level (40 tasks in 8 phases, seed teams inside)', () => {
  const r = graph(analysis('upstream-tasks.json'));
  const p = byId(r);

  it('plans tasks with their phase as group; a phase edge joins the last tasks of one phase to the first of the next', () => {
    expect(r.input.phases).toHaveLength(40);
    expect(r.input.name).toBe('Shop relaunch');
    expect(p['task-3-1']!.group).toBe('phase-3');
    // Phase 1's last tasks are 1-2 and 1-5 (1-3 starts a second chain), phase 2's are 2-2 and 2-5.
    expect(p['task-3-1']!.dependencies).toEqual(['task-1-2', 'task-1-5', 'task-2-2', 'task-2-5']);
    expect(p['task-3-2']!.dependencies).toEqual(['task-2-2', 'task-3-1']);
    // Soft phase edge phase-1 → phase-5, and the soft task edge task-3-2 → task-5-3.
    expect(p['task-5-1']!.softDependencies).toEqual(['task-1-2', 'task-1-5']);
    expect(p['task-5-3']!.softDependencies).toEqual(['task-3-2', 'task-1-2', 'task-1-5']);
    expect(p['task-5-4']!.dependencies).toEqual([{ id: 'task-4-1', type: 'FF' }, 'task-5-3']);
    expect(p['task-7-1']!.dependencies).toContainEqual({ id: 'task-3-4', lagDays: 1 });
    expect(r.notes.filter((n) => n.startsWith('link simplified'))).toEqual([]);
  });

  it('reads "2 agent-days", "1.5 agent-days", "3 hours", "1 week", and shares a phase estimate among tasks without one', () => {
    expect([p['task-1-1']!.duration, p['task-1-2']!.duration, p['task-1-5']!.duration, p['task-1-4']!.duration]).toEqual([2, 1.5, 0.375, 5]);
    // phase-4 is 8 agent-days; its other tasks take 2 + 1.5 + 2 + 0.75.
    expect(p['task-4-5']!.duration).toBe(1.75);
  });

  it('file conflicts and shared components are areas, API conflicts "api:" areas, resource conflicts pools', () => {
    for (const id of ['task-1-2', 'task-2-2', 'task-3-2', 'task-4-2']) expect(p[id]!.areas).toContain('src/api/router.ts');
    expect(p['task-1-1']!.areas).toEqual(['db/migrations/001_products.sql', 'src/catalogue/model.ts', 'component:product_model']);
    for (const id of ['task-3-2', 'task-5-3', 'task-6-3']) expect(p[id]!.areas).toContain('api:/api/cart');
    for (const id of ['task-1-1', 'task-2-1', 'task-3-1']) expect(p[id]!.resources).toEqual({ shared_database: 1 });
    expect(p['task-8-1']!.resources).toEqual({ payment_sandbox: 1 });
    expect(r.input.infrastructure!.map((x) => [x.id, x.capacity])).toEqual([
      ['testing_environments', 2],
      ['ci_cd_capacity', 6],
      ['payment_sandbox', 1],
      ['shared_database', 1],
    ]);
    expect(r.input.constraints).toEqual({ maxConcurrentSessions: 4 });
  });

  it('takes the seed teams inside the file, and skills match across spellings ("react-native" = "React Native")', () => {
    expect(r.input.teams.map((t) => [t.id, t.size, t.availability, t.hoursPerWeek])).toEqual([
      ['backend_team_1', 3, 100, 40],
      ['mobile_team', 2, 80, 32],
      ['web_team', 2, 100, 36],
      ['qa_team', 2, 50, 40],
    ]);
    expect(p['task-5-1']!.skills).toEqual(['react-native']);
    const ep = quick(r.input).artifacts['execution-plan.json'];
    const team = Object.fromEntries(ep.schedule.map((s) => [s.id, s.team]));
    expect([team['task-5-1'], team['task-6-1'], team['task-1-1'], team['task-2-5']]).toEqual(['mobile_team', 'web_team', 'backend_team_1', 'qa_team']);
    // Shown in the first spelling met (the teams').
    expect(ep.resource_analysis.skills.map((s) => s.skill)).toContain('React Native');
    expect(ep.resource_analysis.skills.map((s) => s.skill)).not.toContain('react-native');
    expect(ep.schedule.find((s) => s.id === 'task-5-1')!.group).toBe('phase-5');
    expect(ep.critical_path.source_critical_path!.of).toBe('phases');
  });

  it('at phase level (a flag): 8 phases with their tasks’ files, skills and cross-phase links', () => {
    const ph = graph(analysis('upstream-tasks.json'), { level: 'phase' });
    const q = byId(ph);
    expect(ph.input.phases.map((x) => x.id)).toEqual(['phase-1', 'phase-2', 'phase-3', 'phase-4', 'phase-5', 'phase-6', 'phase-7', 'phase-8']);
    expect(q['phase-3']!.dependencies).toEqual(['phase-1', 'phase-2']);
    // The task link task-4-1 → task-5-4 is finish-to-finish: between the phases it stays one.
    expect(q['phase-5']!).toMatchObject({ dependencies: [{ id: 'phase-4', type: 'FF' }], softDependencies: ['phase-3', 'phase-1'] });
    expect(q['phase-4']!.areas).toContain('src/api/router.ts');
    // What all of a phase's tasks need; the rest is noted.
    expect(q['phase-5']!.skills).toEqual(['react-native']);
    expect(q['phase-2']!.skills).toBeUndefined();
    expect(ph.notes).toContain('phase-2 needs no skill (what all of its tasks need); only some of its tasks need postgresql, node.js, QA, which its team is not required to hold');
    expect(q['phase-4']!.duration).toBe(8);
    expect(ph.input.source!.criticalPath).toEqual({ ids: ['phase-1', 'phase-3', 'phase-4', 'phase-8'], of: 'phases', durationDays: 25 });
  });
});

describe('soft dependencies', () => {
  const input = (relax: boolean): PlanInput => ({
    name: 'Soft',
    startDate: '2027-04-05',
    phases: [
      { id: 'a', name: 'A', duration: 5 },
      { id: 'b', name: 'B', duration: 2, softDependencies: ['a'] },
    ],
    teams: [{ id: 't', size: 4, skills: [] }],
    ...(relax ? { constraints: { relaxSoftDependencies: true } } : {}),
  });

  it('are planned as dependencies unless relaxed, and execution-plan.json lists those the schedule ignored', () => {
    const hard = quick(input(false)).artifacts['execution-plan.json'];
    expect(hard.schedule.find((s) => s.id === 'b')!.start_day).toBe(5);
    expect(hard.soft_dependencies).toEqual({ count: 1, relaxed: false, ignored: [] });
    const soft = quick(input(true)).artifacts['execution-plan.json'];
    expect(soft.schedule.find((s) => s.id === 'b')!.start_day).toBe(0);
    expect(soft.soft_dependencies).toEqual({ count: 1, relaxed: true, ignored: [{ phase: 'b', on: 'a' }] });
  });

  it('the importer option sets the constraint', () => {
    const r = graph(analysis('upstream-phases.json'), { relaxSoftDependencies: true });
    expect(r.input.constraints).toEqual({ maxConcurrentSessions: 3, relaxSoftDependencies: true });
  });
});

describe('skill names', () => {
  it('compare ignoring case, spaces and punctuation, but not + and #', () => {
    expect(skillKey('React Native')).toBe(skillKey('react-native'));
    expect(skillKey('Node.js')).toBe(skillKey('nodejs'));
    expect(skillKey('PostgreSQL')).toBe(skillKey('postgresql'));
    expect(new Set([skillKey('C++'), skillKey('C#'), skillKey('C')]).size).toBe(3);
  });

  it('infers skills from task_type and file extensions on request, listing each', () => {
    const doc = analysis('upstream-tasks.json');
    const tg = doc.task_dependency_graph as { nodes: Record<string, unknown>[] };
    for (const n of tg.nodes) delete n.required_skills;
    delete doc.resource_analysis;
    const blind = graph(doc);
    expect(blind.notes).toContain(
      'no item names a skill: team assignment is skill-blind (any team may take any item); inferSkills (--infer-skills) fills skills from task_type and file extensions',
    );
    const inferred = graph(doc, { inferSkills: true });
    expect(byId(inferred)['task-1-1']!.skills).toEqual(['backend', 'SQL', 'TypeScript']);
    expect(inferred.notes).toContain('skill inferred: task-1-1 needs backend, SQL, TypeScript (from task_type backend, db/migrations/001_products.sql, src/catalogue/model.ts)');
    expect(inferred.keys!.used).toContain('/task_dependency_graph/nodes/*/task_type');
  });
});

describe('upstream analysis errors are located', () => {
  it('names the JSON pointer of each bad value', () => {
    const doc = analysis('upstream-tasks.json');
    const nodes = (doc.task_dependency_graph as { nodes: Record<string, unknown>[] }).nodes;
    nodes[3]!.duration = 'two weeks';
    nodes[4]!.phase = 'phase-9';
    (doc.phase_dependency_graph as { edges: Record<string, unknown>[] }).edges[0]!.dependency_strength = 'sometimes';
    ((doc.conflict_analysis as { file_conflicts: Record<string, unknown>[] }).file_conflicts[0]!.conflicting_tasks as string[]).push('task-9-9');
    (doc.resource_analysis as { available_teams: Record<string, unknown>[] }).available_teams[1]!.availability = 'most days';
    const e = thrown(ImportError, () => importText('dependency-graph', JSON.stringify(doc), { startDate: '2027-04-05' }));
    expect(e.issues.map((i) => i.path).sort()).toEqual(
      [
        '/task_dependency_graph/nodes/3/duration',
        '/task_dependency_graph/nodes/4/phase',
        '/phase_dependency_graph/edges/0/dependency_strength',
        '/conflict_analysis/file_conflicts/0/conflicting_tasks/4',
        '/resource_analysis/available_teams/1/availability',
      ].sort(),
    );
  });
});

describe('task-master, newer files', () => {
  it('maps "2.1" subtask ids, estimatedHours, files and details, and notes unused keys', () => {
    const r = importText('task-master', fixture('task-master-v2.json'), { startDate: '2027-04-05' });
    const p = byId(r);
    expect(Object.keys(p)).toEqual(['task-2.2', 'task-2.3', 'task-3']);
    expect(p['task-2.3']!.dependencies).toEqual(['task-2.2']);
    expect(p['task-3']!.dependencies).toEqual(['task-2.2', 'task-2.3']);
    // 10 h; the task's 24 h less its subtasks' 16 h for the one without an estimate; 12 h.
    expect([p['task-2.2']!.duration, p['task-2.3']!.duration, p['task-3']!.duration]).toEqual([1.25, 1, 1.5]);
    expect(p['task-2.2']!.areas).toEqual(['src/ledger/writer.ts', 'src/ledger/postings.ts']);
    expect(p['task-2.3']!.areas).toEqual(['src/ledger/postings.ts']);
    expect(p['task-3']!.description).toBe('Account balances at a date.');
    expect(r.notes).toContain('task keys not used: testStrategy');
    const withDone = importText('task-master', fixture('task-master-v2.json'), { startDate: '2027-04-05', includeDone: true });
    expect(byId(withDone)['task-1']!.description).toBe('Tables for accounts and postings.\n\nDouble-entry: every posting has a matching counter-posting.');
  });

  it('a tag with nothing pending names the tags that have pending tasks', () => {
    const e = thrown(ImportError, () => importText('task-master', fixture('task-master-v2.json'), { startDate: '2027-04-05', tag: 'release-1' }));
    expect(e.issues).toContainEqual({
      path: '/release-1',
      message: 'tag "release-1" has nothing pending (every task is done or cancelled); tags with pending tasks: master, reporting (choose one with --tag)',
    });
  });
});

describe('scheduling tools’ CSV', () => {
  it('MS Project: WBS summary rows are groups, predecessors with types and lags, tool durations, resources as teams', () => {
    const r = importPlannable('csv', fixture('ms-project.csv'), { startDate: '2027-01-04' });
    const p = byId(r);
    expect(Object.keys(p)).toEqual(['3', '5', '6', '7', '8', '10', '11']);
    expect(r.input.phases.map((x) => x.group)).toEqual(['Discovery', 'Build', 'Build', 'Build', 'Build', 'Launch', 'Launch']);
    // Build follows Discovery, Launch follows Build: each work row inherits its summary's predecessors.
    expect(p['5']!.dependencies).toEqual(['3']);
    expect(p['8']!.dependencies).toEqual(['7', { id: '6', type: 'FF' }, '3']);
    // "5FS+2d" and "5SS" keep their type and lag.
    expect([p['6']!.dependencies, p['7']!.dependencies]).toEqual([
      [{ id: '5', lagDays: 2 }, '3'],
      [{ id: '5', type: 'SS' }, '3'],
    ]);
    expect(p['10']!.dependencies).toEqual(['5', '6', '7', '8']);
    expect([p['6']!.duration, p['8']!.duration, p['10']!.duration, p['11']!.duration]).toEqual([10, 2, 7.143, 0]);
    expect(p['8']!.skills).toEqual(['Lena Ortiz', 'Raj Patel']);
    expect(r.input.teams.map((t) => [t.id, t.size])).toEqual([
      ['Dana-Whitfield', 1],
      ['Lena-Ortiz', 1],
      ['Raj-Patel', 1],
      ['Lena-Ortiz-Raj-Patel', 2],
    ]);
    expect(p['3']!.description).toBe('Signed off by the steering group');
    expect(r.notes).toEqual(
      expect.arrayContaining([
        'columns ignored: Unique ID, Outline Level, Start, Finish',
        '3 summary row(s) became groups of the rows under them, not work: 1 Discovery, 2 Build, 3 Launch',
        '1 row(s) 100 % complete were left out and the dependencies on them count as met: 2',
      ]),
    );
    const ep = quick(r.input).artifacts['execution-plan.json'];
    expect(ep.schedule.find((s) => s.id === '8')!.team).toBe('Lena-Ortiz-Raj-Patel');
  });

  it('GanttProject: outline numbers, "1-FS" predecessors, people in Resources', () => {
    const r = importPlannable('csv', fixture('ganttproject.csv'), { startDate: '2027-01-04' });
    const p = byId(r);
    expect(Object.keys(p)).toEqual(['1', '2', '3', '4']);
    expect(p['2']!).toMatchObject({ group: 'Survey app', dependencies: ['1'], skills: ['Tomás'] });
    expect(p['4']!.dependencies).toEqual(['1', '2', '3']);
    expect(r.input.infrastructure).toBeUndefined();
  });

  it('unknown values get a located error', () => {
    const text = 'ID,Task Name,Duration,Predecessors\n1,Design,5 days,\n2,Build,a fortnight,1\n3,Test,2 days,1XS\n';
    const e = thrown(ImportError, () => importText('csv', text, { startDate: '2027-01-04' }));
    expect(e.issues.map((i) => i.path)).toEqual(['line 3, column duration', 'line 4, column dependencies']);
  });
});

it('every fixture of this file imports to a schema-valid input', () => {
  for (const r of [graph(analysis('upstream-phases.json')), graph(analysis('upstream-tasks.json'))]) expect([...Value.Errors(PlanInput, r.input)]).toEqual([]);
});

it('a phase list in another shape takes seed-shaped teams from its resource_analysis too', () => {
  const r = graph({ phases: [{ id: 'a', name: 'A', duration: 2, skills: ['react-native'] }], resource_analysis: analysis('upstream-tasks.json').resource_analysis });
  expect(r.input.teams.map((t) => t.id)).toEqual(['backend_team_1', 'mobile_team', 'web_team', 'qa_team']);
  expect(r.input.source!.resourceConstraints![0]!.type).toBe('shared_database');
  expect(quick(r.input).artifacts['execution-plan.json'].schedule[0]!.team).toBe('mobile_team');
});

it('a cycle through a soft dependency is named at its softDependencies path', () => {
  const input: PlanInput = {
    name: 'Cycle',
    startDate: '2027-04-05',
    phases: [
      { id: 'b', name: 'B', duration: 1, softDependencies: ['a'] },
      { id: 'a', name: 'A', duration: 1, dependencies: ['b'] },
    ],
    teams: [{ id: 't', size: 2, skills: [] }],
  };
  const e = thrown(PlanInputError, () => normalise(input));
  expect(e.issues[0]).toMatchObject({ code: 'dependency_cycle', path: '/phases/0/softDependencies/0', message: 'dependency cycle: b → a → b (each depends on the next)' });
  // Relaxed, the soft link is no edge of the graph, so there is no cycle.
  expect(normalise({ ...input, constraints: { relaxSoftDependencies: true } }).softDependencies).toEqual({ relaxed: true, links: [{ phase: 0, on: 1 }] });
});

it('other dependency-graph shapes list the keys they do not read', () => {
  const r = graph({ phases: [{ id: 'a', name: 'A', duration: 2, owner: 'kim' }], analysis_version: 3 });
  expect(r.notes).toContain('keys not used: analysis_version, phases[].owner');
});
