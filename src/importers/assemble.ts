/**
 * The part every importer shares: from phases read off a source file to a complete plan input,
 * checking what only the whole file can tell (duplicate ids, dependencies on phases that do not
 * exist) and filling in what the file does not say from the caller's options.
 */
import { Value } from 'typebox/value';
import { DEFAULTS, teamCapacity } from '../domain/input.js';
import { skillKey } from '../domain/skills.js';
import {
  PlanInput,
  type CalendarInput,
  type ConstraintsInput,
  type GroupInput,
  type InfrastructureInput,
  type PhaseInput,
  type SourceInput,
  type TeamInput,
} from '../schemas/plan-input.js';
import { IssueList } from './import-error.js';
import { DEFAULT_TEAM_SIZE, defaultName, type ImportOptions, type ImportResult } from './import-options.js';
import { dependencyIds } from '../schemas/dependency-links.js';

/** A phase as read, with where it and each of its dependencies came from in the source. */
export interface DraftPhase {
  phase: PhaseInput;
  path: string;
  dependencyPaths: string[];
  /** Where each soft dependency came from, when the phase has them. */
  softDependencyPaths?: string[];
}

export interface SourcePlan {
  name?: string;
  description?: string;
  startDate?: string;
  /** Where the start date was read, for its error. */
  startDatePath?: string;
  teams?: TeamInput[];
  infrastructure?: InfrastructureInput[];
  calendar?: CalendarInput;
  constraints?: ConstraintsInput;
  source?: SourceInput;
  /** Names of the groups the phases name (a task with subtasks): only those some kept phase names reach the input. */
  groups?: GroupInput[];
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function checkGraph(drafts: DraftPhase[], issues: IssueList): void {
  const firstPath = new Map<string, string>();
  for (const d of drafts) {
    const seen = firstPath.get(d.phase.id);
    if (seen !== undefined) issues.add(d.path, `phase id ${d.phase.id} is used twice (first at ${seen})`);
    else firstPath.set(d.phase.id, d.path);
  }
  for (const d of drafts) {
    const check = (deps: string[] | undefined, paths: string[] | undefined, how: string) =>
      deps?.forEach((dep, i) => {
        const where = paths?.[i] ?? d.path;
        if (dep === d.phase.id) issues.add(where, `${d.phase.id} ${how} itself`);
        else if (!firstPath.has(dep)) issues.add(where, `${d.phase.id} ${how} ${dep}, which the file does not define`);
      });
    check(d.phase.dependencies && dependencyIds(d.phase), d.dependencyPaths, 'depends on');
    check(d.phase.softDependencies, d.softDependencyPaths, 'soft-depends on');
  }
}

/** The smallest team of at least DEFAULT_TEAM_SIZE in which, after the default capacity buffer, the largest phase fits. */
function defaultTeamSize(phases: PhaseInput[]): number {
  const largest = Math.max(1, ...phases.map((p) => p.teamSize ?? DEFAULTS.teamSize));
  let size = DEFAULT_TEAM_SIZE;
  while (teamCapacity(size, 1, DEFAULTS.capacityBufferPercent / 100) < largest) size++;
  return size;
}

/** One team holding every skill the phases need, so that a file without teams can still be planned. */
function defaultTeams(phases: PhaseInput[], size: number, notes: string[]): TeamInput[] {
  const byKey = new Map<string, string>();
  for (const s of phases.flatMap((p) => p.skills ?? [])) if (!byKey.has(skillKey(s))) byKey.set(skillKey(s), s);
  const skills = [...byKey.values()].sort();
  notes.push(
    `the file names no teams: the input gets one team "team-1" of ${size} holding every skill (${skills.length === 0 ? 'none needed' : skills.join(', ')}); pass teams (or a team size) to plan with your own`,
  );
  return [{ id: 'team-1', name: 'Imported team', size, skills }];
}

/** Pools for resources the phases use that the file does not declare: capacity 1 each, said in a note. */
function undeclaredPools(phases: PhaseInput[], declared: InfrastructureInput[], notes: string[]): InfrastructureInput[] {
  const known = new Set(declared.map((p) => p.id));
  const used = [...new Set(phases.flatMap((p) => Object.keys(p.resources ?? {})))].filter((id) => !known.has(id)).sort();
  if (used.length > 0) notes.push(`resources without a declared capacity were given capacity 1: ${used.join(', ')}`);
  return used.map((id) => ({ id, capacity: 1 }));
}

/** Ids for a note: the first ten, then an ellipsis. */
export const listed = (ids: string[]) => `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`;

/** Removes the dependencies on phases that were left out (finished or cancelled: they count as met). */
export function dropDependenciesOn(drafts: DraftPhase[], gone: Set<string>): void {
  if (gone.size === 0) return;
  for (const d of drafts) {
    const deps = d.phase.dependencies;
    if (!deps) continue;
    const keep = deps.map((dep, i) => ({ dep, path: d.dependencyPaths[i]! })).filter((x) => !gone.has(typeof x.dep === 'string' ? x.dep : x.dep.id));
    d.phase.dependencies = keep.map((x) => x.dep);
    d.dependencyPaths = keep.map((x) => x.path);
  }
  for (const d of drafts) {
    const soft = d.phase.softDependencies;
    if (!soft) continue;
    const keep = soft.map((dep, i) => ({ dep, path: d.softDependencyPaths?.[i] ?? d.path })).filter((x) => !gone.has(x.dep));
    if (keep.length > 0) {
      d.phase.softDependencies = keep.map((x) => x.dep);
      d.softDependencyPaths = keep.map((x) => x.path);
    } else delete d.phase.softDependencies;
  }
}

export function assemble(format: string, drafts: DraftPhase[], source: SourcePlan, options: ImportOptions, issues: IssueList, notes: string[]): ImportResult {
  if (drafts.length === 0 && issues.issues.length === 0) issues.add('/', 'the file defines no phases or tasks to plan (or every one is finished)');
  checkGraph(drafts, issues);
  const startDate = options.startDate ?? source.startDate;
  if (startDate === undefined) issues.add(source.startDatePath ?? '/', 'no start date: the file gives none, so pass one (--start-date YYYY-MM-DD)');
  else if (!isIsoDate(startDate))
    issues.add(options.startDate !== undefined ? 'start date' : (source.startDatePath ?? '/'), `start date ${JSON.stringify(startDate)} is not a calendar date YYYY-MM-DD`);
  issues.throwIfAny(format);

  const phases = drafts.map((d) => d.phase);
  if (!phases.some((p) => (p.skills ?? []).length > 0) && !notes.some((n) => n.includes('skill-blind')))
    notes.push('no phase names a skill: team assignment is skill-blind (any team may take any phase)');
  const given = new Set((options.infrastructure ?? []).map((p) => p.id));
  const declared = [...(source.infrastructure ?? []).filter((p) => !given.has(p.id)), ...(options.infrastructure ?? [])];
  const constraints: ConstraintsInput = { ...source.constraints, ...(options.relaxSoftDependencies ? { relaxSoftDependencies: true } : {}) };
  const resourceConstraints = [...(source.source?.resourceConstraints ?? []), ...(options.resourceConstraints ?? [])];
  const sourceFacts: SourceInput = { ...source.source, ...(resourceConstraints.length > 0 ? { resourceConstraints } : {}) };
  const infrastructure = [...declared, ...undeclaredPools(phases, declared, notes)];
  const input: PlanInput = {
    name: defaultName(options, source.name, 'Imported plan'),
    ...(source.description ? { description: source.description } : {}),
    startDate: startDate!,
    phases,
    teams: options.teams ?? source.teams ?? defaultTeams(phases, options.teamSize ?? defaultTeamSize(phases), notes),
    ...(infrastructure.length > 0 ? { infrastructure } : {}),
    ...(source.calendar ? { calendar: source.calendar } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    ...(Object.keys(sourceFacts).length > 0 ? { source: sourceFacts } : {}),
  };
  const groups = (source.groups ?? []).filter((g) => phases.some((p) => p.group === g.id));
  if (groups.length > 0) input.groups = groups;
  // The importers build only schema-valid values; this guards the mapping itself.
  for (const e of Value.Errors(PlanInput, input)) issues.add(`plan input ${e.instancePath || '/'}`, e.message);
  issues.throwIfAny(format);
  return { input, notes };
}
