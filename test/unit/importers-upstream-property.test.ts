import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ImportError, importText } from '../../src/importers/index.js';
import { pattern } from '../../src/importers/key-ledger.js';
import { PlanInput } from '../../src/schemas/plan-input.js';

/** The path of every leaf of a document (a value that is no list or object, or an empty one), list indices as "*". */
function leafPaths(value: unknown, p = ''): string[] {
  const children: [string, unknown][] = Array.isArray(value) ? value.map((v) => ['*', v]) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  if (children.length === 0) return p === '' ? [] : [p];
  return children.flatMap(([k, v]) => leafPaths(v, pattern(`${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)));
}

const under = (p: string, set: string[]) => set.some((s) => p === s || p.startsWith(`${s}/`));

const DURATIONS = ['2 agent-days', '1.5 agent-days', '3 hours', '1 week', '2-3 days', '5', 4, 0.5, { optimistic: 1, likely: 2, pessimistic: 4 }];
const STRENGTHS = ['hard', 'soft', 'critical', 'high', 'medium', 'low'];
/** One bad value a document may carry, so that both outcomes are exercised. */
const CORRUPTIONS = ['duration', 'strength', 'lag', 'link', 'team', 'phase', 'conflict', 'parallel'] as const;
const EXTRA_KEYS = ['complexity_score', 'owner', 'notes', 'risk_level', 'x_vendor_field'];

const upstreamDocument = fc
  .record({
    phases: fc.integer({ min: 1, max: 6 }),
    tasks: fc.array(
      fc.record({
        phase: fc.nat(40),
        duration: fc.option(fc.constantFrom(...DURATIONS), { nil: undefined }),
        dep: fc.option(fc.nat(30), { nil: undefined }),
        files: fc.array(fc.constantFrom('src/a.ts', 'src/b.ts', 'db/schema.sql'), { maxLength: 2 }),
      }),
      { maxLength: 16 },
    ),
    phaseDurations: fc.array(fc.option(fc.constantFrom(...DURATIONS), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    edges: fc.array(
      fc.record({
        from: fc.nat(40),
        to: fc.nat(40),
        strength: fc.option(fc.constantFrom(...STRENGTHS), { nil: undefined }),
        lag: fc.option(fc.constantFrom('2d', 1, '-1 day'), { nil: undefined }),
        type: fc.option(fc.constantFrom('FS', 'SS', 'FF'), { nil: undefined }),
        workaround: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
    extra: fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
    fileConflicts: fc.array(fc.record({ file: fc.constantFrom('src/a.ts', 'src/shared.ts'), tasks: fc.array(fc.nat(40), { maxLength: 3 }) }), { maxLength: 2 }),
    resourceConflict: fc.option(fc.record({ name: fc.constantFrom('shared_db', 'staging'), phases: fc.array(fc.nat(40), { maxLength: 3 }) }), { nil: undefined }),
    teams: fc.option(
      fc.array(
        fc.record({
          size: fc.constantFrom(1, 2, 3, '2'),
          availability: fc.constantFrom('80%', '100%', 0.5),
          capacity: fc.constantFrom('32 hours/week per person', '40h/week', 36),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      { nil: undefined },
    ),
    maxParallel: fc.option(fc.constantFrom(1, 3, '2'), { nil: undefined }),
    corrupt: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...CORRUPTIONS), weight: 1 }),
  })
  .map((g) => {
    const phaseOf = (n: number) => `phase-${(n % g.phases) + 1}`;
    const nodes = Array.from({ length: g.phases }, (_, i) => ({
      node_id: `phase-${i + 1}`,
      node_name: `Phase ${i + 1}`,
      ...(g.phaseDurations[i] !== undefined ? { duration: g.phaseDurations[i] } : {}),
    }));
    const extra = Object.fromEntries(g.extra);
    const tasks = g.tasks.map((t, i) => ({
      task_id: `task-${i + 1}`,
      task_name: `Task ${i + 1}`,
      phase: phaseOf(t.phase),
      ...(t.duration !== undefined ? { duration: t.duration } : {}),
      files_affected: t.files,
      dependencies: t.dep !== undefined && t.dep < i ? [`task-${t.dep + 1}`] : [],
      ...(i === 0 ? extra : {}),
    }));
    const doc = {
      dependency_graph_id: 'dep_graph_property',
      generation_date: '2027-01-01T00:00:00Z',
      ...extra,
      phase_dependency_graph: {
        nodes,
        edges: (g.phases > 1 ? g.edges : []).map((e) => ({
          // Only forward edges between two phases, so that the graph stays acyclic.
          ...forward(e.from % g.phases, e.to % g.phases, g.phases),
          ...(e.strength !== undefined ? { dependency_strength: e.strength } : {}),
          ...(e.lag !== undefined ? { lag: e.lag } : {}),
          ...(e.type !== undefined ? { link_type: e.type } : {}),
          ...(e.workaround !== undefined ? { workaround_possible: e.workaround } : {}),
          reason: 'generated',
        })),
      },
      ...(tasks.length > 0 ? { task_dependency_graph: { nodes: tasks } } : {}),
      conflict_analysis: {
        file_conflicts: g.fileConflicts.map((c) => ({
          file_path: c.file,
          conflicting_tasks: tasks.length === 0 ? [] : c.tasks.map((t) => `task-${(t % tasks.length) + 1}`),
          conflict_type: 'multiple_write_access',
        })),
        ...(g.resourceConflict
          ? { resource_conflicts: [{ resource_name: g.resourceConflict.name, conflicting_phases: g.resourceConflict.phases.map(phaseOf), conflict_description: 'one of it' }] }
          : {}),
      },
      critical_path_analysis: { critical_path: nodes.map((n) => n.node_id), critical_path_duration: '3 weeks', bottleneck_analysis: [] },
      ...(g.maxParallel !== undefined ? { parallel_execution_analysis: { max_parallel_capacity: g.maxParallel, parallel_efficiency: '50%' } } : {}),
      ...(g.teams
        ? {
            resource_analysis: {
              available_teams: g.teams.map((t, i) => ({ team_id: `team_${i}`, team_size: t.size, key_skills: ['Node.js'], availability: t.availability, capacity: t.capacity })),
            },
          }
        : {}),
    };
    return g.corrupt === undefined ? doc : corrupt(doc, g.corrupt);
  });

function forward(a: number, b: number, n: number): { source: string; target: string } {
  const to = a === b ? (a + 1) % n : b;
  return { source: `phase-${Math.min(a, to) + 1}`, target: `phase-${Math.max(a, to) + 1}` };
}

/** The document with one bad value of the given kind. */
interface Doc {
  phase_dependency_graph: { nodes: { node_id: string; duration?: unknown }[]; edges: Record<string, unknown>[] };
  conflict_analysis: { file_conflicts: Record<string, unknown>[] };
  [key: string]: unknown;
}

function corrupt(doc: Doc, kind: (typeof CORRUPTIONS)[number]): Record<string, unknown> {
  const copy = structuredClone(doc);
  const node = copy.phase_dependency_graph.nodes[0]!;
  if (kind === 'duration') node.duration = '3 fortnights';
  else if (kind === 'strength') copy.phase_dependency_graph.edges.push({ source: node.node_id, target: 'phase-99', dependency_strength: 'sometimes' });
  else if (kind === 'lag') copy.phase_dependency_graph.edges.push({ source: node.node_id, target: node.node_id, lag: 'later' });
  else if (kind === 'link') copy.phase_dependency_graph.edges.push({ source: node.node_id, target: node.node_id, link_type: 'XX' });
  else if (kind === 'team') copy.resource_analysis = { available_teams: [{ team_id: 'x', team_size: 0, availability: 'often' }] };
  else if (kind === 'phase') copy.task_dependency_graph = { nodes: [{ task_id: 't-x', phase: 'phase-99' }] };
  else if (kind === 'conflict') copy.conflict_analysis.file_conflicts.push({ file_path: 'x.ts', conflicting_tasks: ['nobody'] });
  else copy.parallel_execution_analysis = { max_parallel_capacity: 'three' };
  return copy;
}

describe('upstream analysis importer, on generated documents', () => {
  it('gives a valid plan input with every source key read or listed as not used, or an ImportError locating each problem', () => {
    const outcomes = { valid: 0, refused: 0 };
    fc.assert(
      fc.property(upstreamDocument, (doc) => {
        let result;
        try {
          result = importText('dependency-graph', JSON.stringify(doc), { startDate: '2027-01-04' });
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
          const issues = (err as ImportError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const i of issues) expect(i.path).toMatch(/^\//);
          outcomes.refused++;
          return;
        }
        expect([...Value.Errors(PlanInput, result.input)]).toEqual([]);
        const { used, unused } = result.keys!;
        const notes = result.notes.join('\n');
        for (const p of leafPaths(doc)) {
          const read = under(p, used);
          const noted = under(p, unused);
          // Exactly one of the two: read, or listed as not used — never both, never neither.
          expect(read !== noted, `${p}: read ${read}, noted ${noted}`).toBe(true);
        }
        for (const u of unused) expect(notes).toContain(u);
        expect(result.input.source?.dependencyGraphId).toBe('dep_graph_property');
        outcomes.valid++;
      }),
      { numRuns: 300, seed: 11 },
    );
    // Both outcomes were exercised, most documents being valid.
    expect(outcomes.valid).toBeGreaterThan(150);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});
