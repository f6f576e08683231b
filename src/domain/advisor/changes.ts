import { dependencyIds, entryId } from '../../schemas/dependency-links.js';
import type { PhaseInput, PlanInput } from '../../schemas/plan-input.js';
import type { ScenarioChange } from '../../schemas/scenario-change.js';
import { PlanInputError, type InputIssue } from '../errors.js';

/**
 * Applies changes, in order, to a copy of an input. Every change naming a team, pool or phase
 * that is not there is reported (path `${pointer}/i/…`); the input itself is never touched.
 */
export function applyChanges(input: PlanInput, changes: readonly ScenarioChange[], pointer = '/changes'): PlanInput {
  const out = structuredClone(input);
  const issues: InputIssue[] = [];
  changes.forEach((c, i) => applyOne(out, c, `${pointer}/${i}`, issues));
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
  return out;
}

function applyOne(input: PlanInput, c: ScenarioChange, at: string, issues: InputIssue[]): void {
  const team = (id: string) => {
    const t = input.teams.find((x) => x.id === id);
    if (!t) issues.push({ code: 'unknown_team', message: `no team "${id}"`, path: `${at}/team`, ids: [id] });
    return t;
  };
  const phase = (id: string, field = 'phase') => {
    const p = input.phases.find((x) => x.id === id);
    if (!p) issues.push({ code: 'unknown_phase', message: `no phase "${id}"`, path: `${at}/${field}`, ids: [id] });
    return p;
  };
  const constraints = () => (input.constraints ??= {});
  switch (c.kind) {
    case 'add_people': {
      const t = team(c.team);
      if (!t) return;
      if (t.size + c.people < 1) issues.push({ code: 'invalid_change', message: `team "${c.team}" has ${t.size} people; it cannot lose ${-c.people}`, path: `${at}/people` });
      else t.size += c.people;
      return;
    }
    case 'resize_team': {
      const t = team(c.team);
      if (t) t.size = c.size;
      return;
    }
    case 'add_team':
      if (input.teams.some((t) => t.id === c.team.id))
        issues.push({ code: 'duplicate_id', message: `team id "${c.team.id}" is used already`, path: `${at}/team/id`, ids: [c.team.id] });
      else input.teams.push(structuredClone(c.team));
      return;
    case 'remove_team':
      if (team(c.team)) {
        if (input.teams.length === 1) issues.push({ code: 'invalid_change', message: 'a plan needs at least one team', path: `${at}/team` });
        else input.teams = input.teams.filter((t) => t.id !== c.team);
      }
      return;
    case 'set_availability': {
      const t = team(c.team);
      if (t) t.availability = c.availability;
      return;
    }
    case 'set_hours': {
      const t = team(c.team);
      if (t) t.hoursPerWeek = c.hoursPerWeek;
      return;
    }
    case 'set_buffer':
      constraints().capacityBuffer = c.percent;
      return;
    case 'set_deadline':
      if (c.deadline === null) delete constraints().deadline;
      else constraints().deadline = c.deadline;
      return;
    case 'set_max_sessions':
      if (c.sessions === null) delete constraints().maxConcurrentSessions;
      else constraints().maxConcurrentSessions = c.sessions;
      return;
    case 'set_pool_capacity': {
      const pool = input.infrastructure?.find((r) => r.id === c.pool);
      if (!pool) issues.push({ code: 'unknown_resource', message: `no infrastructure pool "${c.pool}"`, path: `${at}/pool`, ids: [c.pool] });
      else pool.capacity = c.capacity;
      return;
    }
    case 'drop_phase': {
      const p = phase(c.phase);
      if (p) dropPhase(input, p, at, issues);
      return;
    }
    case 're_estimate': {
      const p = phase(c.phase);
      if (p) p.duration = structuredClone(c.duration);
      return;
    }
    case 'split_phase': {
      const p = phase(c.phase);
      if (p) splitPhase(input, p, c.parts, at, issues);
      return;
    }
    case 'add_dependency': {
      const p = phase(c.phase);
      const on = phase(c.on, 'on');
      if (p && on && !dependencyIds(p).includes(c.on)) p.dependencies = [...(p.dependencies ?? []), c.on];
      return;
    }
    case 'remove_dependency': {
      const p = phase(c.phase);
      if (!p) return;
      if (!dependencyIds(p).includes(c.on)) issues.push({ code: 'unknown_dependency', message: `phase "${c.phase}" does not depend on "${c.on}"`, path: `${at}/on`, ids: [c.on] });
      else p.dependencies = p.dependencies!.filter((d) => entryId(d) !== c.on);
      return;
    }
    case 'relax_soft_dependencies':
    case 'relax_soft_dependency':
      relaxSoft(input, c, at, issues, phase);
      return;
  }
}

/** Drops a phase; its dependents inherit its dependencies as they are written (type and lag). */
function dropPhase(input: PlanInput, p: PhaseInput, at: string, issues: InputIssue[]): void {
  if (input.phases.length === 1) {
    issues.push({ code: 'invalid_change', message: 'a plan needs at least one phase', path: `${at}/phase` });
    return;
  }
  input.phases = input.phases.filter((x) => x !== p);
  // Its dependents inherit its dependencies as they are written (type and lag).
  for (const q of input.phases) {
    if (!dependencyIds(q).includes(p.id)) continue;
    const kept = q.dependencies!.filter((d) => entryId(d) !== p.id);
    q.dependencies = [...kept, ...(p.dependencies ?? []).filter((d) => !kept.some((k) => entryId(k) === entryId(d)))];
  }
  for (const q of input.phases) if (q.softDependencies?.includes(p.id)) q.softDependencies = q.softDependencies.filter((d) => d !== p.id);
  if (input.progress) input.progress.phases = input.progress.phases.filter((x) => x.id !== p.id);
}

/** Splits a phase into parts of equal duration; whatever depended on it depends on every part. */
function splitPhase(input: PlanInput, p: PhaseInput, parts: number, at: string, issues: InputIssue[]): void {
  const ids = Array.from({ length: parts }, (_, k) => `${p.id}.part-${k + 1}`);
  const taken = ids.find((id) => input.phases.some((x) => x.id === id));
  if (taken) {
    issues.push({ code: 'duplicate_id', message: `phase id "${taken}" is used already`, path: `${at}/phase`, ids: [taken] });
    return;
  }
  const share = (d: number) => d / parts;
  const duration =
    typeof p.duration === 'number' ? share(p.duration) : { optimistic: share(p.duration.optimistic), likely: share(p.duration.likely), pessimistic: share(p.duration.pessimistic) };
  const pieces = ids.map((id, k) => ({ ...structuredClone(p), id, name: `${p.name} (part ${k + 1} of ${parts})`, duration }));
  const at0 = input.phases.indexOf(p);
  input.phases.splice(at0, 1, ...pieces);
  for (const q of input.phases)
    if (dependencyIds(q).includes(p.id))
      q.dependencies = q.dependencies!.flatMap((d) => (entryId(d) === p.id ? ids.map((id) => (typeof d === 'string' ? id : { ...d, id })) : [d]));
  for (const q of input.phases) if (q.softDependencies?.includes(p.id)) q.softDependencies = q.softDependencies.flatMap((d) => (d === p.id ? ids : [d]));
}

/** Relaxing every soft dependency (constraints.relaxSoftDependencies), or dropping one from phases[].softDependencies. */
function relaxSoft(
  input: PlanInput,
  c: Extract<ScenarioChange, { kind: 'relax_soft_dependencies' | 'relax_soft_dependency' }>,
  at: string,
  issues: InputIssue[],
  phase: (id: string) => PlanInput['phases'][number] | undefined,
): void {
  if (c.kind === 'relax_soft_dependencies') {
    (input.constraints ??= {}).relaxSoftDependencies = true;
    return;
  }
  const p = phase(c.phase);
  if (!p) return;
  if (!(p.softDependencies ?? []).includes(c.on))
    issues.push({ code: 'unknown_dependency', message: `phase "${c.phase}" does not soft-depend on "${c.on}"`, path: `${at}/on`, ids: [c.on] });
  else if (p.softDependencies!.length === 1) delete p.softDependencies;
  else p.softDependencies = p.softDependencies!.filter((d) => d !== c.on);
}

/** A change in words, for recommendations and scenario summaries. */
export function describeChange(c: ScenarioChange): string {
  switch (c.kind) {
    case 'add_people':
      return c.people >= 0 ? `add ${c.people} ${c.people === 1 ? 'person' : 'people'} to ${c.team}` : `remove ${-c.people} ${c.people === -1 ? 'person' : 'people'} from ${c.team}`;
    case 'resize_team':
      return `make ${c.team} ${c.size} ${c.size === 1 ? 'person' : 'people'}`;
    case 'add_team':
      return `add team ${c.team.id} (${c.team.size} ${c.team.size === 1 ? 'person' : 'people'}: ${c.team.skills.join(', ')})`;
    case 'remove_team':
      return `remove team ${c.team}`;
    case 'set_availability':
      return `make ${c.team} ${c.availability} % available`;
    case 'set_hours':
      return `give ${c.team} ${c.hoursPerWeek} hours a week`;
    case 'set_buffer':
      return `set the capacity buffer to ${c.percent} %`;
    case 'set_deadline':
      return c.deadline === null ? 'remove the deadline' : `set the deadline to ${c.deadline}`;
    case 'set_max_sessions':
      return c.sessions === null ? 'lift the limit on concurrent sessions' : `allow ${c.sessions} concurrent sessions`;
    case 'set_pool_capacity':
      return `give ${c.pool} a capacity of ${c.capacity}`;
    case 'drop_phase':
      return `drop phase ${c.phase}`;
    case 're_estimate':
      return `re-estimate ${c.phase} at ${typeof c.duration === 'number' ? `${c.duration} days` : `${c.duration.optimistic}/${c.duration.likely}/${c.duration.pessimistic} days`}`;
    case 'split_phase':
      return `split ${c.phase} into ${c.parts} parts that can run side by side`;
    case 'add_dependency':
      return `make ${c.phase} wait for ${c.on}`;
    case 'remove_dependency':
      return `let ${c.phase} start without waiting for ${c.on}`;
    case 'relax_soft_dependencies':
      return 'let the schedule ignore the soft dependencies';
    case 'relax_soft_dependency':
      return `let ${c.phase} start without waiting for ${c.on} (a soft dependency)`;
  }
}
