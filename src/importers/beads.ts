/**
 * Importer for beads (`bd`, github.com/steveyegge/beads): `.beads/issues.jsonl`, one issue a line
 * as `bd export` writes it — id, title, description, design, acceptance_criteria, notes, status,
 * priority (0 = critical … 4 = backlog), issue_type, estimated_minutes, labels, assignee and
 * dependencies `{issue_id, depends_on_id, type}`. A `blocks` dependency makes the issue wait for
 * the one it names; `parent-child` makes the parent (an epic) the group of its children, and a
 * dependency on a parent means all its children; `related` and `discovered-from` do not order
 * work and are listed. Closed issues are left out and count as met; tombstones (deleted) are dropped.
 */
import type { PhaseInput } from '../schemas/plan-input.js';
import { MAX_NESTING, nestingDepth } from '../nesting.js';
import { assemble, dropDependenciesOn, listed, type DraftPhase } from './assemble.js';
import { IssueList } from './import-error.js';
import { DEFAULT_DURATION, type ImportOptions, type ImportResult } from './import-options.js';
import { isObject, text, toId, type Source } from './source-values.js';

const FORMAT = 'beads issues.jsonl';
const READ = new Set(['id', 'title', 'description', 'design', 'acceptance_criteria', 'notes', 'status', 'priority', 'issue_type', 'estimated_minutes', 'dependencies']);
const ORDERING = new Set(['blocks', 'parent-child']);

interface Issue {
  line: number;
  source: Source;
  id: string;
  status: string;
  deps: { id: string; type: string; where: string }[];
}

function readLines(textIn: string, issues: IssueList): Issue[] {
  const out: Issue[] = [];
  textIn
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, k) => {
      const line = k + 1;
      if (raw.trim() === '') return;
      if (nestingDepth(raw, MAX_NESTING + 1) > MAX_NESTING) return issues.add(`line ${line}`, `nested more than ${MAX_NESTING} levels deep`);
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        return issues.add(`line ${line}`, `not a JSON object: ${(err as Error).message}`);
      }
      if (!isObject(value)) return issues.add(`line ${line}`, 'expected one JSON object (an issue) per line');
      const id = toId(value.id);
      if (id === undefined) return issues.add(`line ${line} /id`, 'the issue has no id');
      const deps = (Array.isArray(value.dependencies) ? value.dependencies : []).flatMap((d, i) => {
        const where = `line ${line} /dependencies/${i}`;
        const on = isObject(d) ? toId(d.depends_on_id) : undefined;
        if (!isObject(d) || on === undefined) {
          issues.add(`${where}/depends_on_id`, 'the dependency names no issue (depends_on_id)');
          return [];
        }
        if (d.issue_id !== undefined && toId(d.issue_id) !== id) issues.add(`${where}/issue_id`, `the dependency is filed under ${id} but is of ${String(d.issue_id)}`);
        return [{ id: on, type: typeof d.type === 'string' ? d.type : 'blocks', where }];
      });
      out.push({ line, source: value, id, status: typeof value.status === 'string' ? value.status : 'open', deps });
    });
  return out;
}

function toPhase(issue: Issue, options: ImportOptions, missing: string[]): PhaseInput {
  const s = issue.source;
  const minutes = typeof s.estimated_minutes === 'number' && s.estimated_minutes >= 0 ? s.estimated_minutes : undefined;
  if (minutes === undefined) missing.push(issue.id);
  const phase: PhaseInput = {
    id: issue.id,
    name: text(s.title, 300) ?? issue.id,
    duration: minutes === undefined ? (options.defaultDuration ?? DEFAULT_DURATION) : Math.min(10000, Math.round((minutes / 480) * 1000) / 1000),
  };
  const description = [s.description, s.design, s.notes]
    .map((v) => text(v, 5000))
    .filter((v): v is string => v !== undefined)
    .join('\n\n');
  if (description) phase.description = description.slice(0, 5000);
  const criteria = text(s.acceptance_criteria, 2000);
  if (criteria) phase.acceptanceCriteria = [criteria];
  if (typeof s.priority === 'number' && Number.isInteger(s.priority) && s.priority >= 0 && s.priority <= 4) phase.priority = 4 - s.priority;
  return phase;
}

export function importBeads(textIn: string, options: ImportOptions = {}): ImportResult {
  const issues = new IssueList();
  const notes: string[] = [];
  const all = readLines(textIn, issues).filter((i) => i.status !== 'tombstone');
  const byId = new Map(all.map((i) => [i.id, i]));
  const children = new Map<string, string[]>();
  for (const i of all) for (const d of i.deps) if (d.type === 'parent-child') children.set(d.id, [...(children.get(d.id) ?? []), i.id]);
  const isGroup = (id: string) => (children.get(id) ?? []).length > 0;
  const leaves = (id: string, seen = new Set<string>()): string[] => (seen.has(id) ? [] : (seen.add(id), isGroup(id) ? children.get(id)!.flatMap((c) => leaves(c, seen)) : [id]));
  const parentOf = (id: string) => byId.get(id)?.deps.find((d) => d.type === 'parent-child')?.id;
  const missing: string[] = [];
  const unordered: string[] = [];
  const drafts: DraftPhase[] = [];
  for (const issue of all.filter((i) => !isGroup(i.id))) {
    const phase = toPhase(issue, options, missing);
    const parent = parentOf(issue.id);
    if (parent) phase.group = text(byId.get(parent)?.source.title, 300) ?? parent;
    // The issue's own blockers and those of every parent above it; a blocker that is a parent means its children.
    const deps: { id: string; where: string }[] = [];
    const seenParents = new Set<string>();
    for (let holder: string | undefined = issue.id; holder && !seenParents.has(holder); holder = parentOf(holder)) {
      seenParents.add(holder);
      for (const d of byId.get(holder)?.deps ?? []) {
        if (!ORDERING.has(d.type)) unordered.push(`${issue.id} ${d.type} ${d.id}`);
        if (d.type !== 'blocks') continue;
        for (const target of byId.has(d.id) ? leaves(d.id) : [d.id]) if (target !== issue.id && !deps.some((x) => x.id === target)) deps.push({ id: target, where: d.where });
      }
    }
    if (deps.length > 0) phase.dependencies = deps.map((d) => d.id);
    drafts.push({ phase, path: `line ${issue.line}`, dependencyPaths: deps.map((d) => d.where) });
  }
  const closed = new Set(drafts.filter((d) => byId.get(d.phase.id)!.status === 'closed' && !options.includeDone).map((d) => d.phase.id));
  const kept = drafts.filter((d) => !closed.has(d.phase.id));
  dropDependenciesOn(kept, closed);
  for (const d of kept) if (d.phase.dependencies?.length === 0) delete d.phase.dependencies;
  summarise(all, kept, { closed, missing, unordered, groups: [...children.keys()].filter((id) => byId.has(id)) }, options, notes);
  return assemble(FORMAT, kept, {}, options, issues, notes);
}

function summarise(
  all: Issue[],
  kept: DraftPhase[],
  found: { closed: Set<string>; missing: string[]; unordered: string[]; groups: string[] },
  options: ImportOptions,
  notes: string[],
): void {
  const keptIds = new Set(kept.map((d) => d.phase.id));
  if (found.groups.length > 0) notes.push(`${found.groups.length} issue(s) with children (parent-child) became groups of them, not work: ${listed(found.groups)}`);
  if (found.closed.size > 0) notes.push(`${found.closed.size} closed issue(s) were left out and the dependencies on them count as met: ${listed([...found.closed])}`);
  const missing = found.missing.filter((id) => keptIds.has(id));
  if (missing.length > 0)
    notes.push(`${missing.length} issue(s) have no estimated_minutes and were given ${options.defaultDuration ?? DEFAULT_DURATION} day(s): ${listed(missing)}`);
  if (found.unordered.length > 0) notes.push(`${found.unordered.length} related / discovered-from link(s) do not order work and were not planned: ${listed(found.unordered)}`);
  const unused = [...new Set(all.flatMap((i) => Object.keys(i.source)).filter((k) => !READ.has(k)))].sort();
  if (unused.length > 0) notes.push(`issue keys not used: ${unused.join(', ')}`);
}
