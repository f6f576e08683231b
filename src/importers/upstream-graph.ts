/**
 * The node and edge lists of the upstream analysis step's dependency graph document
 * (phase_dependency_graph and task_dependency_graph): what each node is, how long it takes,
 * and which links are hard, soft, lagged or not finish-to-start.
 */
import { MAX_LAG_DAYS, type PhaseInput } from '../schemas/plan-input.js';
import type { LinkType } from '../schemas/dependency-links.js';
import type { IssueList } from './import-error.js';
import type { KeyLedger } from './key-ledger.js';
import { skillText } from './seed-resources.js';
import { at, isObject, pick, readEstimate, readPriority, readSpan, text, toId, type Source } from './source-values.js';

export interface GraphNode {
  id: string;
  name: string;
  path: string;
  /** The phase a task belongs to (its id as the file writes it, sanitised). */
  phase?: string;
  phasePath?: string;
  duration?: PhaseInput['duration'];
  skills: string[];
  files: string[];
  taskType?: string;
  priority?: number;
  done: boolean;
  /** Dependencies listed on the node itself. */
  dependencies: Link[];
}

/** `to` waits for `from`. */
export interface Link {
  from: string;
  to: string;
  soft: boolean;
  path: string;
  /** The source's link type and lag, when it names them (else finish-to-start without lag). */
  type?: LinkType;
  lagDays?: number;
}

const NODE_ID = ['node_id', 'task_id', 'phase_id', 'id'];
const NODE_NAME = ['node_name', 'task_name', 'phase_name', 'name', 'title'];
const DAYS = ['duration', 'estimated_duration', 'estimate', 'effort', 'estimated_effort', 'duration_days', 'estimated_days'];
const HOURS = ['estimated_hours', 'effort_hours', 'hours'];
const SKILLS = ['required_skills', 'skills', 'key_skills', 'skills_required'];
const FILES = ['files_affected', 'files', 'files_modified', 'critical_files'];
const PHASE = ['phase', 'phase_id', 'parent_phase', 'phase_ref'];
const DONE = new Set(['done', 'complete', 'completed', 'finished', 'closed']);

const SOFT_STRENGTHS = new Set(['soft', 'low', 'preferential', 'preferred', 'optional', 'weak']);
const HARD_STRENGTHS = new Set(['hard', 'critical', 'high', 'blocking', 'strong', 'required']);
const LINK_TYPE = ['link_type', 'relationship', 'relation', 'dependency_relation', 'precedence_type'];
const LAG = ['lag', 'lag_days', 'lag_time', 'lead_lag'];
const LINK_NAMES: Record<string, LinkType> = { fs: 'FS', finish_to_start: 'FS', ss: 'SS', start_to_start: 'SS', ff: 'FF', finish_to_finish: 'FF', sf: 'SF', start_to_finish: 'SF' };

/** Marks each found key read and returns it. */
function take(obj: Source, path: string, keys: readonly string[], ledger: KeyLedger): { key: string; value: unknown } | undefined {
  const found = pick(obj, keys);
  if (found) ledger.use(at(path, found.key));
  return found;
}

function readNodeDuration(obj: Source, path: string, issues: IssueList, ledger: KeyLedger): PhaseInput['duration'] | undefined {
  if (obj.optimistic !== undefined && obj.pessimistic !== undefined) {
    for (const k of ['optimistic', 'likely', 'most_likely', 'pessimistic']) if (obj[k] !== undefined) ledger.use(at(path, k));
    return readEstimate(obj, 1, path, issues);
  }
  const days = take(obj, path, DAYS, ledger);
  const found = days ?? take(obj, path, HOURS, ledger);
  if (!found) return undefined;
  const where = at(path, found.key);
  const unit = days ? 1 : 1 / 8;
  return isObject(found.value) ? readEstimate(found.value, unit, where, issues) : readSpan(found.value, unit, where, issues);
}

function readStrings(value: unknown, path: string, issues: IssueList, what: string, max: number): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]\s*/) : undefined;
  if (!list) {
    issues.add(path, `expected a list of ${what}`);
    return [];
  }
  const out: string[] = [];
  list.forEach((v, i) => {
    const s = what === 'skills' ? skillText(v) : text(v, max);
    if (s === undefined) issues.add(at(path, i), `cannot read ${JSON.stringify(v)} as one of the ${what}`);
    else if (!out.includes(s)) out.push(s);
  });
  return out;
}

/** One node of either graph; `kind` is "phase" or "task", for messages. */
export function readNode(raw: unknown, path: string, kind: 'phase' | 'task', issues: IssueList, ledger: KeyLedger): GraphNode | undefined {
  if (!isObject(raw)) {
    issues.add(path, `expected a ${kind} node object`);
    return undefined;
  }
  const idKey = take(raw, path, kind === 'task' ? ['task_id', 'node_id', 'id'] : NODE_ID, ledger);
  const id = toId(idKey?.value);
  if (id === undefined) {
    issues.add(idKey ? at(path, idKey.key) : path, `the ${kind} node has no ${kind === 'task' ? 'task_id' : 'node_id'}`);
    return undefined;
  }
  const name = text(take(raw, path, NODE_NAME, ledger)?.value, 300) ?? id;
  const node: GraphNode = { id, name, path, skills: [], files: [], done: false, dependencies: [] };
  const duration = readNodeDuration(raw, path, issues, ledger);
  if (duration !== undefined) node.duration = duration;
  const skills = take(raw, path, SKILLS, ledger);
  if (skills) node.skills = readStrings(skills.value, at(path, skills.key), issues, 'skills', 120);
  const files = take(raw, path, FILES, ledger);
  if (files) node.files = readStrings(files.value, at(path, files.key), issues, 'files', 500);
  if (kind === 'task') {
    const phase = take(raw, path, PHASE, ledger);
    const phaseId = phase && toId(phase.value);
    if (phase && phaseId === undefined) issues.add(at(path, phase.key), `cannot read ${JSON.stringify(phase.value)} as a phase id`);
    if (phaseId !== undefined) {
      node.phase = phaseId;
      node.phasePath = at(path, phase!.key);
    }
  }
  // task_type is read only by the optional skill inference; it is marked there.
  const type = text(raw.task_type ?? raw.node_type, 100);
  if (type !== undefined) node.taskType = type;
  if (raw.priority !== undefined && raw.priority !== null) {
    ledger.use(at(path, 'priority'));
    const p = readPriority(raw.priority, at(path, 'priority'), issues);
    if (p !== undefined) node.priority = p;
  }
  if (typeof raw.status === 'string') {
    ledger.use(at(path, 'status'));
    node.done = DONE.has(raw.status.trim().toLowerCase());
  }
  const deps = take(raw, path, ['dependencies', 'depends_on', 'prerequisites'], ledger);
  if (deps) {
    const where = at(path, deps.key);
    const list = Array.isArray(deps.value) ? deps.value : typeof deps.value === 'string' ? deps.value.split(/[,;\s]+/).filter((s) => s !== '') : undefined;
    if (!list) issues.add(where, 'expected a list of ids');
    list?.forEach((d, i) => {
      const from = toId(isObject(d) ? pick(d, ['id', 'task_id', 'node_id', 'source'])?.value : d);
      if (from === undefined) issues.add(at(where, i), `cannot read ${JSON.stringify(d)} as an id`);
      else node.dependencies.push({ from, to: id, soft: false, path: at(where, i) });
    });
  }
  return node;
}

/** Hard or soft: soft for soft/low/preferential strengths, for medium with workaround_possible true, or with no strength and workaround_possible true. */
function isSoft(edge: Source, path: string, issues: IssueList, ledger: KeyLedger): boolean {
  const strength = take(edge, path, ['dependency_strength', 'strength', 'blocking_level'], ledger);
  const workaround = edge.workaround_possible;
  if (workaround !== undefined) ledger.use(at(path, 'workaround_possible'));
  if (strength) {
    const s = typeof strength.value === 'string' ? strength.value.trim().toLowerCase() : '';
    if (SOFT_STRENGTHS.has(s)) return true;
    // Medium: "can be worked around with coordination" — soft only when the edge says a workaround exists.
    if (s === 'medium' || s === 'moderate') return workaround === true;
    if (HARD_STRENGTHS.has(s)) return false;
    issues.add(at(path, strength.key), `cannot read ${JSON.stringify(strength.value)} as a dependency strength (hard, soft, critical, high, medium, low)`);
    return false;
  }
  return workaround === true;
}

/** The link's type and lag as the source writes them, or undefined for a plain finish-to-start. */
function linkShape(edge: Source, path: string, issues: IssueList, ledger: KeyLedger): { type: LinkType; lagDays: number } | undefined {
  const type = take(edge, path, LINK_TYPE, ledger);
  const lag = take(edge, path, LAG, ledger);
  let link: LinkType = 'FS';
  if (type) {
    const name =
      typeof type.value === 'string'
        ? LINK_NAMES[
            type.value
              .trim()
              .toLowerCase()
              .replace(/[\s-]+/g, '_')
          ]
        : undefined;
    if (name === undefined) issues.add(at(path, type.key), `cannot read ${JSON.stringify(type.value)} as a link type (FS, SS, FF, SF)`);
    else link = name;
  }
  let lagDays = 0;
  if (lag) {
    const m =
      typeof lag.value === 'number' ? [String(lag.value), String(lag.value)] : typeof lag.value === 'string' ? /^\s*([+-]?\d+(?:\.\d+)?)\s*([a-z\s-]*)$/i.exec(lag.value) : null;
    const unit = m && m[2] && m[2].trim() !== '' && m[2] !== m[1] ? (/^h/i.test(m[2].trim()) ? 1 / 8 : /^w/i.test(m[2].trim()) ? 5 : 1) : 1;
    if (!m) issues.add(at(path, lag.key), `cannot read ${JSON.stringify(lag.value)} as a lag (days, or text such as "2d", "-1 day")`);
    else lagDays = Number(m[1]) * unit;
  }
  if (link === 'FS' && lagDays === 0) return undefined;
  return { type: link, lagDays: Math.max(-MAX_LAG_DAYS, Math.min(MAX_LAG_DAYS, lagDays)) };
}

/** The edges of a graph ({source, target} or {from, to}: target waits for source). */
export function readEdges(value: unknown, path: string, issues: IssueList, ledger: KeyLedger, extra?: (edge: Source, path: string, from: string, to: string) => void): Link[] {
  if (!Array.isArray(value)) {
    issues.add(path, 'expected a list of edges {source, target}');
    return [];
  }
  const links: Link[] = [];
  value.forEach((edge, i) => {
    const where = at(path, i);
    if (!isObject(edge)) {
      issues.add(where, 'expected an edge {source, target}');
      return;
    }
    const src = take(edge, where, ['source', 'from', 'source_id'], ledger);
    const dst = take(edge, where, ['target', 'to', 'target_id'], ledger);
    const from = toId(src?.value);
    const to = toId(dst?.value);
    if (from === undefined || to === undefined) {
      issues.add(where, 'the edge needs a source and a target id');
      return;
    }
    const soft = isSoft(edge, where, issues, ledger);
    const shape = linkShape(edge, where, issues, ledger);
    links.push({ from, to, soft, path: where, ...shape });
    extra?.(edge, where, from, to);
  });
  return links;
}

/** Edges from an adjacency matrix over the nodes in order: row i, column j set means j waits for i. */
export function matrixEdges(value: unknown, nodes: GraphNode[], path: string, issues: IssueList): Link[] {
  const n = nodes.length;
  if (!Array.isArray(value) || value.length !== n || value.some((row) => !Array.isArray(row) || row.length !== n)) {
    issues.add(path, `expected a ${n} × ${n} matrix (one row and one column per phase node, in order)`);
    return [];
  }
  const links: Link[] = [];
  (value as unknown[][]).forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell === 0 || cell === false || cell === null || cell === '' || cell === '-') return;
      const soft = typeof cell === 'string' && /^s/i.test(cell);
      if (i !== j) links.push({ from: nodes[i]!.id, to: nodes[j]!.id, soft, path: at(at(path, i), j) });
    }),
  );
  return links;
}
