/**
 * Importer for the document the upstream "generate dependency graph" step writes (its
 * "Dependency Graph State Format"): phase_dependency_graph and task_dependency_graph (nodes and
 * edges), conflict_analysis, critical_path_analysis, parallel_execution_analysis, and, when
 * present, a seed-shaped resource_analysis.
 *
 * Level: tasks are planned when the document has any (each keeps its phase as its group; an edge
 * between phases makes the first tasks of the later phase wait for the last tasks of the
 * earlier), phases with `level: 'phase'` (a task's files, skills and conflicts go to its phase).
 * File and API conflicts become areas (the planner's area locks and merge-conflict risks), shared
 * resources become infrastructure pools, the source's id, critical path and resource
 * constraints travel in `source`. Every key read is recorded; the rest is listed in the notes.
 */
import type { ConstraintsInput, InfrastructureInput, PhaseInput, SourceInput } from '../schemas/plan-input.js';
import { linkEntry } from '../schemas/dependency-links.js';
import { skillKey } from '../domain/skills.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase, type SourcePlan } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { KeyLedger } from './key-ledger.js';
import { readSeedResources, seedResourcesOf } from './seed-resources.js';
import { inferSkills } from './skill-inference.js';
import { at, isObject, readSpan, text, toId, type Source } from './source-values.js';
import { matrixEdges, readEdges, readNode, type GraphNode, type Link } from './upstream-graph.js';

const FORMAT = 'dependency graph';

export const isUpstreamAnalysis = (root: unknown): root is Source => isObject(root) && (isObject(root.phase_dependency_graph) || isObject(root.task_dependency_graph));

interface Item {
  node: GraphNode;
  group?: string;
  areas: string[];
  resources: Record<string, number>;
  links: Link[];
}

const days = (d: PhaseInput['duration']) => (typeof d === 'number' ? d : (d.optimistic + 4 * d.likely + d.pessimistic) / 6);

function readNodes(graph: Source, path: string, kind: 'phase' | 'task', issues: IssueList, ledger: KeyLedger): GraphNode[] {
  if (graph.nodes === undefined) return [];
  const where = at(path, 'nodes');
  if (!Array.isArray(graph.nodes)) {
    issues.add(where, `expected a list of ${kind} nodes`);
    return [];
  }
  return graph.nodes.map((n, i) => readNode(n, at(where, i), kind, issues, ledger)).filter((n): n is GraphNode => n !== undefined);
}

/** The ids an entry of a conflict list names (conflicting_tasks, conflicting_phases), with where each was read. */
function conflictRefs(entry: Source, path: string, ledger: KeyLedger, issues: IssueList): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  for (const key of ['conflicting_tasks', 'conflicting_phases', 'tasks', 'phases']) {
    const v = entry[key];
    if (v === undefined) continue;
    ledger.use(at(path, key));
    if (!Array.isArray(v)) issues.add(at(path, key), 'expected a list of ids');
    else
      v.forEach((raw, i) => {
        const id = toId(raw);
        if (id === undefined) issues.add(at(at(path, key), i), `cannot read ${JSON.stringify(raw)} as an id`);
        else out.push({ id, path: at(at(path, key), i) });
      });
  }
  return out;
}

export function importUpstreamAnalysis(root: Source, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const ledger = new KeyLedger();
  const pg = isObject(root.phase_dependency_graph) ? root.phase_dependency_graph : {};
  const tg = isObject(root.task_dependency_graph) ? root.task_dependency_graph : {};
  const phaseNodes = readNodes(pg, '/phase_dependency_graph', 'phase', issues, ledger);
  const taskNodes = readNodes(tg, '/task_dependency_graph', 'task', issues, ledger);
  const level = options.level ?? (taskNodes.length > 0 ? 'task' : 'phase');
  if (level === 'task' && taskNodes.length === 0)
    issues.add('/task_dependency_graph', 'planning at task level needs task_dependency_graph.nodes; the file has none (plan at phase level instead)');
  if (level === 'phase' && phaseNodes.length === 0) issues.add('/phase_dependency_graph', 'planning at phase level needs phase_dependency_graph.nodes; the file has none');

  const phaseLinks = readPhaseLinks(pg, phaseNodes, issues, ledger, notes);
  const { links: taskLinks, edgeAreas } = readTaskLinks(tg, issues, ledger);

  const phaseById = new Map(phaseNodes.map((n) => [n.id, n]));
  const taskById = new Map(taskNodes.map((n) => [n.id, n]));
  for (const t of taskNodes)
    if (t.phase !== undefined && phaseNodes.length > 0 && !phaseById.has(t.phase))
      issues.add(t.phasePath!, `task ${t.id} belongs to phase ${t.phase}, which phase_dependency_graph does not define`);

  const { items, members } = planItems(level, phaseNodes, taskNodes, notes);

  const itemsOf = itemResolver(level, items, members, taskById);
  const simplified = linkItems(level, items, members, itemsOf, taskById, { taskLinks, phaseLinks, phaseNodes, taskNodes }, issues);
  for (const { id, area } of edgeAreas) for (const i of itemsOf(id) ?? []) items.get(i)!.areas.push(area);

  const seed = seedResourcesOf(root);
  const resources = seed ? readSeedResources(seed.value, seed.path, issues, ledger) : {};
  const conflicts = readConflicts(root, itemsOf, items, resources.infrastructure ?? [], issues, ledger);

  // Finished items are left out; what depended on them counts them as met.
  const done = new Set([...items.values()].filter((i) => i.node.done && !options.includeDone).map((i) => i.node.id));
  const missing: string[] = [];
  const shared: string[] = [];
  const drafts: DraftPhase[] = [];
  for (const item of items.values()) {
    if (done.has(item.node.id)) continue;
    drafts.push(toDraft(item, level, phaseById, taskNodes, options, missing, shared));
  }
  dropDependenciesOn(drafts, done);
  if (done.size > 0) notes.push(`${done.size} finished item(s) were left out and the dependencies on them count as met: ${listed([...done])}`);

  const inferred = options.inferSkills ? inferSkills(drafts, items, ledger) : [];
  describeLevel(level, drafts, phaseNodes, taskNodes, notes);
  if (shared.length > 0) notes.push(`${shared.length} task(s) have no estimate and were given an equal share of their phase's duration: ${listed(shared)}`);
  if (missing.length > 0) notes.push(`${missing.length} item(s) have no estimate and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(missing)}`);
  for (const s of simplified) notes.push(`link simplified: ${s}`);
  const soft = drafts.flatMap((d) => (d.phase.softDependencies ?? []).map((on) => `${on} → ${d.phase.id}`));
  if (soft.length > 0)
    notes.push(
      `${soft.length} soft dependenc${soft.length === 1 ? 'y is' : 'ies are'} kept as softDependencies (${listed(soft)}): ${options.relaxSoftDependencies ? 'the schedule may ignore them (relaxSoftDependencies), execution-plan.json lists those it did' : 'planned as dependencies unless constraints.relaxSoftDependencies is set'}`,
    );
  if (inferred.length > 0) for (const n of inferred) notes.push(`skill inferred: ${n}`);
  else if (!drafts.some((d) => (d.phase.skills ?? []).length > 0))
    notes.push('no item names a skill: team assignment is skill-blind (any team may take any item); inferSkills (--infer-skills) fills skills from task_type and file extensions');
  notes.push(...conflicts.notes);

  const source = sourcePlan(root, level, items, taskById, resources, issues, ledger, notes);
  if (conflicts.pools.length > 0) source.infrastructure = [...(source.infrastructure ?? []), ...conflicts.pools];
  checkMetadata(root, phaseNodes.length, taskNodes.length, ledger, notes);
  if (!options.teams && resources.teams) source.teams = resources.teams;

  const unused = ledger.unused(root);
  if (unused.length > 0) notes.push(`source keys not used (informational, or computed by Waveplan itself): ${unused.join(', ')}`);
  const result = assemble(FORMAT, drafts, source, options, issues, notes);
  return { ...result, keys: { used: ledger.usedPatterns(), unused } };
}

/** Task edges, and the areas they carry: file conflicts and shared components of a link become areas of both its ends. */
function readTaskLinks(tg: Source, issues: IssueList, ledger: KeyLedger): { links: Link[]; edgeAreas: { id: string; area: string }[] } {
  const edgeAreas: { id: string; area: string }[] = [];
  const links =
    tg.edges === undefined
      ? []
      : readEdges(tg.edges, '/task_dependency_graph/edges', issues, ledger, (edge, where, from, to) => {
          for (const [key, prefix] of [
            ['file_conflicts', ''],
            ['shared_components', 'component:'],
          ] as const) {
            const v = edge[key];
            if (v === undefined) continue;
            ledger.use(at(where, key));
            if (!Array.isArray(v)) issues.add(at(where, key), `expected a list of ${key === 'file_conflicts' ? 'files' : 'components'}`);
            else for (const a of v.map((x) => text(x, 480)).filter((x) => x !== undefined)) edgeAreas.push({ id: from, area: prefix + a }, { id: to, area: prefix + a });
          }
        });
  return { links, edgeAreas };
}

/** The items planned at the level, and which items a phase id stands for. */
function planItems(level: 'task' | 'phase', phaseNodes: GraphNode[], taskNodes: GraphNode[], notes: string[]): { items: Map<string, Item>; members: Map<string, string[]> } {
  const items = new Map<string, Item>();
  const members = new Map<string, string[]>();
  if (level === 'task') {
    for (const t of taskNodes) {
      items.set(t.id, { node: t, ...(t.phase !== undefined ? { group: t.phase } : {}), areas: [...t.files], resources: {}, links: [] });
      if (t.phase !== undefined) members.set(t.phase, [...(members.get(t.phase) ?? []), t.id]);
    }
    for (const p of phaseNodes) {
      if (members.has(p.id)) continue;
      // A phase the analysis did not break into tasks is planned as one item.
      items.set(p.id, { node: p, group: p.id, areas: [...p.files], resources: {}, links: [] });
      members.set(p.id, [p.id]);
    }
  } else {
    for (const p of phaseNodes) {
      items.set(p.id, { node: p, areas: [...p.files], resources: {}, links: [] });
      members.set(p.id, [p.id]);
    }
    for (const t of taskNodes) {
      const item = t.phase === undefined ? undefined : items.get(t.phase);
      if (item) item.areas.push(...t.files);
    }
    notes.push(...phaseSkills(phaseNodes, taskNodes));
    const orphans = taskNodes.filter((t) => t.phase === undefined);
    if (orphans.length > 0) notes.push(`${orphans.length} task(s) name no phase and are not planned at phase level: ${listed(orphans.map((t) => t.id))}`);
  }
  return { items, members };
}

/** The item ids an id of the file stands for: an item, the items of a phase, or (at phase level) a task's phase. */
function itemResolver(level: 'task' | 'phase', items: Map<string, Item>, members: Map<string, string[]>, taskById: Map<string, GraphNode>): (id: string) => string[] | undefined {
  return (id) => {
    if (items.has(id)) return [id];
    if (members.has(id)) return members.get(id);
    const task = taskById.get(id);
    if (level === 'phase' && task?.phase !== undefined && items.has(task.phase)) return [task.phase];
    return undefined;
  };
}

/**
 * Puts every link on the item it leads to: between items directly; a phase edge at task level
 * joins the phases' last and first tasks. Returns the links that were simplified, for the notes.
 */
function linkItems(
  level: 'task' | 'phase',
  items: Map<string, Item>,
  members: Map<string, string[]>,
  itemsOf: (id: string) => string[] | undefined,
  taskById: Map<string, GraphNode>,
  graph: { taskLinks: Link[]; phaseLinks: Link[]; phaseNodes: GraphNode[]; taskNodes: GraphNode[] },
  issues: IssueList,
): string[] {
  const { taskLinks, phaseLinks, phaseNodes, taskNodes } = graph;
  const inner = [...taskLinks, ...taskNodes.flatMap((n) => n.dependencies)].filter(
    (l) => taskById.get(l.from)?.phase !== undefined && taskById.get(l.from)?.phase === taskById.get(l.to)?.phase,
  );
  const exits = (phase: string) => (members.get(phase) ?? []).filter((m) => !inner.some((l) => l.from === m));
  const entries = (phase: string) => (members.get(phase) ?? []).filter((m) => !inner.some((l) => l.to === m));
  const endpoint = (id: string, side: 'from' | 'to') => (level === 'task' && !items.has(id) && members.has(id) ? (side === 'from' ? exits(id) : entries(id)) : itemsOf(id));
  const allLinks = [...taskLinks, ...phaseLinks, ...phaseNodes.flatMap((n) => n.dependencies), ...taskNodes.flatMap((n) => n.dependencies)];
  const simplified: string[] = [];
  for (const l of allLinks) {
    const froms = endpoint(l.from, 'from');
    const tos = endpoint(l.to, 'to');
    if (!froms || !tos) {
      issues.add(l.path, `the dependency names ${!froms ? l.from : l.to}, which the file does not define`);
      continue;
    }
    // softDependencies are ids: a soft link keeps its order, not its type or lag.
    if (l.soft && (l.type !== undefined || l.lagDays !== undefined))
      simplified.push(`${l.from} → ${l.to} (soft ${l.type ?? 'FS'}${l.lagDays ? `${l.lagDays > 0 ? '+' : ''}${l.lagDays}d` : ''} planned as a soft finish-to-start)`);
    // A link inside one phase is no link between phases at phase level.
    for (const to of tos) for (const from of froms) if (from !== to || l.from === l.to) items.get(to)!.links.push({ ...l, from, to });
  }
  return simplified;
}

/**
 * At phase level a phase naming no skills needs those all of its tasks need: one team runs the
 * whole phase, and requiring every task's skills would ask for a team that may not exist. The
 * skills only some tasks need are listed in a note.
 */
function phaseSkills(phases: GraphNode[], tasks: GraphNode[]): string[] {
  const notes: string[] = [];
  for (const p of phases) {
    const mine = tasks.filter((t) => t.phase === p.id);
    if (p.skills.length > 0 || mine.length === 0 || !mine.some((t) => t.skills.length > 0)) continue;
    const key = (s: string) => skillKey(s);
    const common = mine[0]!.skills.filter((s) => mine.every((t) => t.skills.some((x) => key(x) === key(s))));
    const some = [
      ...new Map(
        mine
          .flatMap((t) => t.skills)
          .filter((s) => !common.some((c) => key(c) === key(s)))
          .map((s) => [key(s), s]),
      ).values(),
    ];
    p.skills.push(...common);
    if (some.length > 0)
      notes.push(
        `${p.id} needs ${common.length > 0 ? common.join(', ') : 'no skill'} (what all of its tasks need); only some of its tasks need ${some.join(', ')}, which its team is not required to hold`,
      );
  }
  return notes;
}

/** Phase edges, or, without them, those of the adjacency matrix (checked against the edges when both are given). */
function readPhaseLinks(pg: Source, nodes: GraphNode[], issues: IssueList, ledger: KeyLedger, notes: string[]): Link[] {
  const edges = pg.edges === undefined ? undefined : readEdges(pg.edges, '/phase_dependency_graph/edges', issues, ledger);
  if (pg.adjacency_matrix === undefined) return edges ?? [];
  ledger.use('/phase_dependency_graph/adjacency_matrix');
  const fromMatrix = matrixEdges(pg.adjacency_matrix, nodes, '/phase_dependency_graph/adjacency_matrix', issues);
  if (!edges) return fromMatrix;
  const key = (l: Link) => `${l.from} → ${l.to}`;
  const inEdges = new Set(edges.map(key));
  const inMatrix = new Set(fromMatrix.map(key));
  const onlyMatrix = [...inMatrix].filter((k) => !inEdges.has(k));
  const onlyEdges = [...inEdges].filter((k) => !inMatrix.has(k));
  if (onlyMatrix.length > 0 || onlyEdges.length > 0)
    notes.push(
      `adjacency_matrix and edges disagree; the edges are planned${onlyMatrix.length > 0 ? `; only in the matrix: ${listed(onlyMatrix)}` : ''}${onlyEdges.length > 0 ? `; only in the edges: ${listed(onlyEdges)}` : ''}`,
    );
  return edges;
}

function toDraft(
  item: Item,
  level: 'task' | 'phase',
  phaseById: Map<string, GraphNode>,
  tasks: GraphNode[],
  options: ImportOptions,
  missing: string[],
  shared: string[],
): DraftPhase {
  const n = item.node;
  const phase: PhaseInput = { id: n.id, name: n.name, duration: options.defaultDuration ?? DEFAULT_DURATION };
  const parent = n.phase === undefined ? undefined : phaseById.get(n.phase);
  if (n.duration !== undefined) phase.duration = n.duration;
  else if (level === 'task' && parent?.duration !== undefined) {
    const siblings = tasks.filter((t) => t.phase === parent.id);
    const known = siblings.filter((t) => t.duration !== undefined).reduce((s, t) => s + days(t.duration!), 0);
    phase.duration = Math.max(0, Math.round(((days(parent.duration) - known) / siblings.filter((t) => t.duration === undefined).length) * 1000) / 1000);
    shared.push(n.id);
  } else if (level === 'phase' && tasks.some((t) => t.phase === n.id && t.duration !== undefined)) {
    // A phase without its own estimate takes the sum of its tasks' (a serial upper bound).
    phase.duration = Math.round(tasks.filter((t) => t.phase === n.id && t.duration !== undefined).reduce((s, t) => s + days(t.duration!), 0) * 1000) / 1000;
    missing.push(`${n.id} (sum of its tasks)`);
  } else missing.push(n.id);
  if (item.group !== undefined) phase.group = phaseById.get(item.group)?.id ?? item.group;
  const skills = n.skills.length > 0 ? n.skills : (parent?.skills ?? []);
  if (skills.length > 0) phase.skills = [...skills];
  const areas = [...new Set(item.areas)].filter((a) => a.length <= 500);
  if (areas.length > 0) phase.areas = areas;
  if (Object.keys(item.resources).length > 0) phase.resources = item.resources;
  if (n.priority !== undefined) phase.priority = n.priority;
  const hard = new Map<string, Link>();
  const soft = new Map<string, string>();
  for (const l of item.links) if (!l.soft && !hard.has(l.from)) hard.set(l.from, l);
  for (const l of item.links) if (l.soft && !hard.has(l.from) && !soft.has(l.from)) soft.set(l.from, l.path);
  if (hard.size > 0) phase.dependencies = [...hard.values()].map((l) => linkEntry({ id: l.from, type: l.type ?? 'FS', lagDays: l.lagDays ?? 0 }));
  if (soft.size > 0) phase.softDependencies = [...soft.keys()];
  return { phase, path: n.path, dependencyPaths: [...hard.values()].map((l) => l.path), ...(soft.size > 0 ? { softDependencyPaths: [...soft.values()] } : {}) };
}

/**
 * conflict_analysis: a file conflict makes the file an area of every item it names, an API
 * conflict the endpoint ("api:/api/users"), a shared-resource conflict an infrastructure pool
 * the items each hold one unit of. Returns the notes on pool capacities.
 */
function readConflicts(
  root: Source,
  itemsOf: (id: string) => string[] | undefined,
  items: Map<string, Item>,
  declared: InfrastructureInput[],
  issues: IssueList,
  ledger: KeyLedger,
): { notes: string[]; pools: InfrastructureInput[] } {
  const notes: string[] = [];
  const pools: InfrastructureInput[] = [];
  const ca = root.conflict_analysis;
  if (!isObject(ca)) return { notes, pools };
  const each = (key: string, read: (entry: Source, path: string) => void) => {
    const list = ca[key];
    if (list === undefined) return;
    const where = at('/conflict_analysis', key);
    if (!Array.isArray(list)) issues.add(where, 'expected a list of conflicts');
    else list.forEach((e, i) => (isObject(e) ? read(e, at(where, i)) : issues.add(at(where, i), 'expected a conflict object')));
  };
  const apply = (entry: Source, path: string, what: (id: string) => void) => {
    for (const ref of conflictRefs(entry, path, ledger, issues)) {
      const ids = itemsOf(ref.id);
      if (!ids) issues.add(ref.path, `the conflict names ${ref.id}, which the file does not define`);
      else ids.forEach(what);
    }
  };
  each('file_conflicts', (e, path) => {
    const file = text(e.file_path ?? e.file, 500);
    if (file === undefined) return issues.add(path, 'the file conflict has no file_path');
    ledger.use(at(path, e.file_path !== undefined ? 'file_path' : 'file'));
    apply(e, path, (id) => items.get(id)!.areas.push(file));
  });
  each('api_conflicts', (e, path) => {
    const api = text(e.api_endpoint ?? e.api ?? e.endpoint, 490);
    if (api === undefined) return issues.add(path, 'the API conflict has no api_endpoint');
    ledger.use(at(path, e.api_endpoint !== undefined ? 'api_endpoint' : e.api !== undefined ? 'api' : 'endpoint'));
    apply(e, path, (id) => items.get(id)!.areas.push(`api:${api}`));
  });
  const capacities = new Map(declared.map((p) => [p.id, p.capacity]));
  each('resource_conflicts', (e, path) => {
    const name = text(e.resource_name ?? e.resource, 300);
    const id = toId(name);
    if (name === undefined || id === undefined) return issues.add(path, 'the resource conflict has no resource_name');
    ledger.use(at(path, e.resource_name !== undefined ? 'resource_name' : 'resource'));
    let own: number | undefined;
    if (e.capacity !== undefined) {
      ledger.use(at(path, 'capacity'));
      if (typeof e.capacity === 'number' && e.capacity >= 1 && e.capacity <= 100000) own = e.capacity;
      else issues.add(at(path, 'capacity'), `expected a capacity 1–100000, found ${JSON.stringify(e.capacity)}`);
    }
    const users: string[] = [];
    apply(e, path, (item) => {
      items.get(item)!.resources[id] = 1;
      users.push(item);
    });
    const known = capacities.get(id);
    const capacity = known ?? own ?? 1;
    if (known === undefined) {
      capacities.set(id, capacity);
      pools.push({ id, name, kind: 'shared resource', capacity });
    }
    const why = known !== undefined ? 'as infrastructure_capacity declares' : own !== undefined ? 'as the conflict states' : 'the file gives none: one user at a time';
    notes.push(`shared resource ${name} is pool ${id} of capacity ${capacity} (${why}), held by ${new Set(users).size} item(s): ${listed([...new Set(users)])}`);
  });
  return { notes, pools };
}

/** Start date, name, graph id, critical path, max parallel capacity and teams: what the plan input takes from the document as a whole. */
function sourcePlan(
  root: Source,
  level: 'task' | 'phase',
  items: Map<string, Item>,
  taskById: Map<string, GraphNode>,
  resources: ReturnType<typeof readSeedResources>,
  issues: IssueList,
  ledger: KeyLedger,
  notes: string[],
): SourcePlan {
  const out: SourcePlan = {};
  const facts: SourceInput = { format: 'upstream dependency graph' };
  const str = (obj: Source, path: string, keys: string[], max: number) => {
    for (const k of keys)
      if (typeof obj[k] === 'string' && obj[k].trim() !== '') {
        ledger.use(at(path, k));
        return { value: text(obj[k], max)!, path: at(path, k) };
      }
    return undefined;
  };
  const ctx = isObject(root.project_context) ? root.project_context : undefined;
  const name = str(root, '', ['project_name', 'name'], 300) ?? (ctx && str(ctx, '/project_context', ['project_name', 'name'], 300));
  if (name) out.name = name.value;
  const start = str(root, '', ['start_date', 'project_start_date'], 40) ?? (ctx && str(ctx, '/project_context', ['start_date'], 40));
  if (start) {
    out.startDate = /^\d{4}-\d{2}-\d{2}T/.test(start.value) ? start.value.slice(0, 10) : start.value;
    out.startDatePath = start.path;
  }
  const id = str(root, '', ['dependency_graph_id'], 300);
  if (id) facts.dependencyGraphId = id.value;
  const generated = str(root, '', ['generation_date'], 100);
  if (generated) facts.generatedAt = generated.value;

  const cpa = root.critical_path_analysis;
  if (isObject(cpa)) {
    const path = '/critical_path_analysis';
    const tasksKey = level === 'task' && Array.isArray(cpa.critical_path_tasks) ? 'critical_path_tasks' : undefined;
    const key = tasksKey ?? (Array.isArray(cpa.critical_path) ? 'critical_path' : undefined);
    if (key) {
      ledger.use(at(path, key));
      const ids = (cpa[key] as unknown[]).map((x) => toId(x)).filter((x): x is string => x !== undefined);
      const known = ids.filter((x) => items.has(x) || taskById.has(x));
      if (key === 'critical_path_tasks' && known.length < ids.length)
        notes.push(`the source's critical path names tasks the file does not define: ${listed(ids.filter((x) => !known.includes(x)))}`);
      facts.criticalPath = { ids: key === 'critical_path_tasks' ? known : ids, of: key === 'critical_path_tasks' || level === 'phase' ? 'phases' : 'groups' };
      if (cpa.critical_path_duration !== undefined) {
        ledger.use(at(path, 'critical_path_duration'));
        const d = readSpan(cpa.critical_path_duration, 1, at(path, 'critical_path_duration'), issues);
        if (d !== undefined) facts.criticalPath.durationDays = typeof d === 'number' ? d : d.likely;
      }
    }
  }
  const pea = root.parallel_execution_analysis;
  const constraints: ConstraintsInput = {};
  if (isObject(pea) && pea.max_parallel_capacity !== undefined) {
    const where = '/parallel_execution_analysis/max_parallel_capacity';
    ledger.use(where);
    const n = typeof pea.max_parallel_capacity === 'string' ? Number(pea.max_parallel_capacity) : pea.max_parallel_capacity;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 100000) {
      constraints.maxConcurrentSessions = n;
      notes.push(`max_parallel_capacity ${n} is the plan's maxConcurrentSessions (at most ${n} items at once)`);
    } else issues.add(where, `expected a whole number of sessions 1–100000, found ${JSON.stringify(pea.max_parallel_capacity)}`);
  }
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  if (resources.infrastructure) out.infrastructure = resources.infrastructure;
  if (resources.resourceConstraints) facts.resourceConstraints = resources.resourceConstraints;
  out.source = facts;
  return out;
}

/** graph_metadata's counts, checked against what the file holds. */
function checkMetadata(root: Source, phases: number, tasks: number, ledger: KeyLedger, notes: string[]): void {
  const meta = root.graph_metadata;
  if (!isObject(meta)) return;
  for (const [key, actual] of [
    ['total_phases', phases],
    ['total_tasks', tasks],
  ] as const) {
    if (typeof meta[key] !== 'number') continue;
    ledger.use(at('/graph_metadata', key));
    if (meta[key] !== actual) notes.push(`graph_metadata.${key} says ${meta[key]}, the file defines ${actual}`);
  }
}

function describeLevel(level: 'task' | 'phase', drafts: DraftPhase[], phases: GraphNode[], tasks: GraphNode[], notes: string[]): void {
  if (level === 'task') {
    const whole = drafts.filter((d) => phases.some((p) => p.id === d.phase.id)).map((d) => d.phase.id);
    notes.push(
      `planned at task level: ${drafts.length - whole.length} task(s), each with its phase as its group${whole.length > 0 ? `, and ${whole.length} phase(s) with no tasks as one item each (${listed(whole)})` : ''}; a phase edge makes the first tasks of the later phase wait for the last of the earlier`,
    );
  } else
    notes.push(
      `planned at phase level: ${drafts.length} phase(s)${tasks.length > 0 ? `; the files, skills and dependencies of their ${tasks.length} task(s) are given to their phases` : ''}`,
    );
}
