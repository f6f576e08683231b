/**
 * Importer for the dependency graph an upstream analysis step writes: phases (or tasks, steps,
 * nodes) with their dependencies, as a list or as a map keyed by id, in snake_case or camelCase,
 * optionally with a separate `dependencyGraph` map (id → ids it depends on) or `edges` ({from, to}:
 * from finishes before to starts).
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { InfrastructureInput, TeamInput, type PhaseInput } from '../schemas/plan-input.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase, type SourcePlan } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { readSeedResources, seedResourcesOf } from './seed-resources.js';
import { importUpstreamAnalysis, isUpstreamAnalysis } from './upstream-analysis.js';
import { at, isObject, pick, readDays, readEstimate, readIds, readList, readPriority, text, toId, type Source } from './source-values.js';

const FORMAT = 'dependency graph';

const LISTS = ['phases', 'tasks', 'steps', 'nodes', 'subtasks', 'workstreams'];
const ID = ['id', 'phase_id', 'phaseId', 'task_id', 'taskId', 'key'];
const NAME = ['name', 'title', 'label', 'summary'];
const DAYS = ['duration', 'duration_days', 'durationDays', 'estimate', 'estimated_duration', 'estimatedDuration', 'estimated_days', 'estimatedDays', 'days', 'effort_days'];
const HOURS = ['estimated_hours', 'estimatedHours', 'hours', 'effort_hours', 'effortHours'];
const DEPENDENCIES = ['dependencies', 'deps', 'depends_on', 'dependsOn', 'blocked_by', 'blockedBy', 'prerequisites', 'after'];
const SKILLS = ['skills', 'required_skills', 'requiredSkills', 'skills_required'];
const AREAS = ['areas', 'files', 'files_touched', 'filesTouched', 'touches', 'paths', 'modules'];
const RESOURCES = ['resources', 'resource_needs', 'resourceNeeds', 'infrastructure'];
const TEAM_SIZE = ['team_size', 'teamSize', 'people', 'agents', 'sessions'];
const DONE = new Set(['done', 'complete', 'completed', 'finished', 'closed']);

const GRAPH = ['dependencyGraph', 'dependency_graph', 'graph'];

const PHASE_KEYS = new Set([
  ...ID,
  ...NAME,
  ...DAYS,
  ...HOURS,
  ...DEPENDENCIES,
  ...SKILLS,
  ...AREAS,
  ...RESOURCES,
  ...TEAM_SIZE,
  'description',
  'priority',
  'status',
  'optimistic',
  'likely',
  'most_likely',
  'pessimistic',
]);
const ROOT_KEYS = new Set([
  ...LISTS,
  ...GRAPH,
  'edges',
  'links',
  'project',
  'name',
  'project_name',
  'projectName',
  'title',
  'description',
  'startDate',
  'start_date',
  'start',
  'teams',
  'infrastructure',
  'pools',
  'resource_analysis',
]);

/**
 * The keys of the file this importer does not read, for the notes: at the top level and in the
 * phases. (A key the mapping chose another alias over counts as read.)
 */
function unreadKeys(root: Source, entries: Entry[]): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(root)) if (!ROOT_KEYS.has(k)) out.add(k);
  for (const e of entries) if (isObject(e.value) && !e.bare) for (const k of Object.keys(e.value)) if (!PHASE_KEYS.has(k)) out.add(`phases[].${k}`);
  return [...out].sort();
}

/** A phase in the source; `bare` when it is only a list of dependencies under its id. */
interface Entry {
  path: string;
  key?: string;
  value: unknown;
  bare?: boolean;
}

/**
 * The phases of the file with the JSON pointer of each: from a list, or from a map keyed by id
 * (whose values may be bare lists of dependencies), or, with neither, from the keys of a
 * separate dependency map.
 */
function phaseEntries(root: Source, issues: IssueList): Entry[] {
  const list = pick(root, LISTS);
  if (!list) {
    const graph = pick(root, GRAPH);
    if (graph && isObject(graph.value)) return Object.keys(graph.value).map((key) => ({ path: at(at('', graph.key), key), key, value: {} }));
    issues.add('/', `found no list of phases: expected one of ${LISTS.join(', ')}, or a ${GRAPH[0]} map`);
    return [];
  }
  const base = at('', list.key);
  if (Array.isArray(list.value)) return list.value.map((value, i) => ({ path: at(base, i), value }));
  if (isObject(list.value)) {
    return Object.entries(list.value).map(([key, value]) =>
      Array.isArray(value) ? { path: at(base, key), key, value: { dependencies: value }, bare: true } : { path: at(base, key), key, value },
    );
  }
  issues.add(base, 'expected a list of phases, or an object of phases keyed by id');
  return [];
}

function readResources(value: unknown, path: string, issues: IssueList): Record<string, number> | undefined {
  if (isObject(value)) {
    const out: Record<string, number> = {};
    for (const [key, units] of Object.entries(value)) {
      const id = toId(key);
      if (id === undefined || typeof units !== 'number' || !(units >= 0 && units <= 100000))
        issues.add(at(path, key), `expected units (0–100000) of a resource, found ${JSON.stringify(units)}`);
      else out[id] = units;
    }
    return out;
  }
  // A bare list names pools the phase holds one unit of.
  const ids = readIds(value, path, issues);
  return ids && Object.fromEntries(ids.map((id) => [id, 1]));
}

function readDuration(obj: Source, path: string, options: ImportOptions, issues: IssueList, missing: string[], id: string): PhaseInput['duration'] | undefined {
  if (pick(obj, ['optimistic']) && pick(obj, ['pessimistic'])) return readEstimate(obj, 1, path, issues);
  const days = pick(obj, DAYS);
  const hours = days ? undefined : pick(obj, HOURS);
  const found = days ?? hours;
  if (!found) {
    missing.push(id);
    return options.defaultDuration ?? DEFAULT_DURATION;
  }
  const where = at(path, found.key);
  if (isObject(found.value)) return readEstimate(found.value, days ? 1 : 1 / 8, where, issues);
  return readDays(found.value, days ? 1 : 1 / 8, where, issues);
}

interface ReadPhase {
  draft: DraftPhase;
  done: boolean;
}

function readPhase(entry: Entry, options: ImportOptions, issues: IssueList, missing: string[]): ReadPhase | undefined {
  const { path, value } = entry;
  if (!isObject(value)) {
    issues.add(path, 'expected a phase object');
    return undefined;
  }
  const rawId = pick(value, ID)?.value ?? entry.key;
  const id = toId(rawId);
  if (id === undefined) {
    issues.add(path, 'the phase has no id');
    return undefined;
  }
  const phase: PhaseInput = { id, name: text(pick(value, NAME)?.value, 300) ?? text(value.description, 300) ?? id, duration: 0 };
  const description = text(value.description, 5000);
  if (description !== undefined && description !== phase.name) phase.description = description;
  const duration = readDuration(value, path, options, issues, missing, id);
  if (duration !== undefined) phase.duration = duration;

  let dependencyPaths: string[] = [];
  const deps = pick(value, DEPENDENCIES);
  if (deps) {
    const where = entry.bare ? path : at(path, deps.key);
    const ids = readIds(deps.value, where, issues);
    if (ids) {
      phase.dependencies = ids;
      dependencyPaths = ids.map((_, i) => (Array.isArray(deps.value) ? at(where, i) : where));
    }
  }
  const skills = pick(value, SKILLS);
  if (skills) {
    const ids = readIds(skills.value, at(path, skills.key), issues);
    if (ids && ids.length > 0) phase.skills = ids;
  }
  const areas = pick(value, AREAS);
  if (areas) {
    const list = readList(areas.value, at(path, areas.key), issues)
      ?.map((a) => text(a, 500))
      .filter((a): a is string => a !== undefined);
    if (list && list.length > 0) phase.areas = [...new Set(list)];
  }
  const resources = pick(value, RESOURCES);
  if (resources) {
    const r = readResources(resources.value, at(path, resources.key), issues);
    if (r && Object.keys(r).length > 0) phase.resources = r;
  }
  const size = pick(value, TEAM_SIZE);
  if (size) {
    if (typeof size.value === 'number' && size.value >= 0 && size.value <= 1000) phase.teamSize = size.value;
    else issues.add(at(path, size.key), `expected a number of people 0–1000, found ${JSON.stringify(size.value)}`);
  }
  if (value.priority !== undefined && value.priority !== null) {
    const p = readPriority(value.priority, at(path, 'priority'), issues);
    if (p !== undefined) phase.priority = p;
  }
  const status = typeof value.status === 'string' ? value.status.toLowerCase() : '';
  return { draft: { phase, path, dependencyPaths }, done: DONE.has(status) };
}

/** Adds dependencies given apart from the phases: a map id → [ids it depends on], or edges {from, to}. */
function addSeparateEdges(root: Source, drafts: DraftPhase[], issues: IssueList): void {
  const byId = new Map(drafts.map((d) => [d.phase.id, d]));
  const add = (to: unknown, from: unknown, path: string) => {
    const toId_ = toId(to);
    const fromId = toId(from);
    const draft = toId_ === undefined ? undefined : byId.get(toId_);
    if (!draft || fromId === undefined) {
      issues.add(path, `the edge names ${draft ? JSON.stringify(from) : `phase ${JSON.stringify(to)}`}, which the file does not define`);
      return;
    }
    const deps = (draft.phase.dependencies ??= []);
    if (!deps.includes(fromId)) {
      deps.push(fromId);
      draft.dependencyPaths.push(path);
    }
  };
  const graph = pick(root, GRAPH);
  if (graph && isObject(graph.value)) {
    for (const [to, froms] of Object.entries(graph.value)) {
      const path = at(at('', graph.key), to);
      const list = isObject(froms) ? pick(froms, DEPENDENCIES)?.value : froms;
      readList(list ?? [], path, issues)?.forEach((from, i) => add(to, from, at(path, i)));
    }
  }
  const edges = pick(root, ['edges', 'links']);
  if (edges) {
    const base = at('', edges.key);
    readList(edges.value, base, issues)?.forEach((edge, i) => {
      if (Array.isArray(edge) && edge.length === 2) add(edge[1], edge[0], at(base, i));
      else if (isObject(edge) && pick(edge, ['from', 'source']) && pick(edge, ['to', 'target']))
        add(pick(edge, ['to', 'target'])!.value, pick(edge, ['from', 'source'])!.value, at(base, i));
      else issues.add(at(base, i), 'expected an edge {from, to} or a pair [from, to]');
    });
  }
}

/** Teams or pools, when the file declares them in Waveplan's own shape. */
function declared<T>(root: Source, keys: string[], schema: TSchema, issues: IssueList, what: string): T[] | undefined {
  const found = pick(root, keys);
  if (!found || !Array.isArray(found.value)) return undefined;
  const out: T[] = [];
  found.value.forEach((item, i) => {
    if (Value.Check(schema, item)) out.push(item as T);
    else issues.add(at(at('', found.key), i), `expected ${what}`);
  });
  return out.length > 0 ? out : undefined;
}

export function importDependencyGraph(value: unknown, options: ImportOptions = {}): ImportResult {
  if (isUpstreamAnalysis(value)) return importUpstreamAnalysis(value, options);
  const issues = new IssueList();
  const notes: string[] = [];
  const root: Source = Array.isArray(value) ? { phases: value } : isObject(value) ? value : {};
  if (!Array.isArray(value) && !isObject(value)) issues.add('/', 'expected an object with a list of phases');
  const missing: string[] = [];
  const entries = phaseEntries(root, issues);
  const unread = unreadKeys(root, entries);
  if (unread.length > 0) notes.push(`keys not used: ${unread.join(', ')}`);
  const read = entries.map((e) => readPhase(e, options, issues, missing)).filter((r): r is ReadPhase => r !== undefined);
  const done = new Set(read.filter((r) => r.done && !options.includeDone).map((r) => r.draft.phase.id));
  const drafts = read.filter((r) => !done.has(r.draft.phase.id)).map((r) => r.draft);
  addSeparateEdges(root, drafts, issues);
  dropDependenciesOn(drafts, done);
  if (done.size > 0) notes.push(`${done.size} finished phase(s) were left out and the dependencies on them count as met: ${listed([...done])}`);
  if (missing.length > 0) notes.push(`${missing.length} phase(s) have no estimate and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(missing)}`);

  const project = isObject(root.project) ? root.project : root;
  const start = pick(project, ['startDate', 'start_date', 'start']);
  const name = text(pick(project, ['name', 'project_name', 'projectName', 'title'])?.value ?? (typeof root.project === 'string' ? root.project : undefined), 300);
  const description = text(project.description, 10000);
  const source: SourcePlan = {
    ...(name !== undefined ? { name } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(typeof start?.value === 'string'
      ? { startDate: /^\d{4}-\d{2}-\d{2}T/.test(start.value) ? start.value.slice(0, 10) : start.value, startDatePath: at(project === root ? '' : '/project', start.key) }
      : {}),
  };
  const teams = declared<TeamInput>(root, ['teams'], TeamInput, issues, 'a team {id, size, skills} as a Waveplan input has it');
  const pools = declared<InfrastructureInput>(root, ['infrastructure', 'pools'], InfrastructureInput, issues, 'a pool {id, capacity} as a Waveplan input has it');
  if (teams) source.teams = teams;
  if (pools) source.infrastructure = pools;
  // Seed-shaped resources (resource_analysis) when the file has no teams in Waveplan's shape.
  const seed = seedResourcesOf(root);
  if (seed) {
    const r = readSeedResources(seed.value, seed.path, issues);
    if (r.teams && !teams) source.teams = r.teams;
    if (r.infrastructure) source.infrastructure = [...(source.infrastructure ?? []), ...r.infrastructure.filter((p) => !source.infrastructure?.some((q) => q.id === p.id))];
    if (r.resourceConstraints) source.source = { resourceConstraints: r.resourceConstraints };
  }
  return assemble(FORMAT, drafts, source, options, issues, notes);
}
