/**
 * Teams, pools and constraints in the shape the upstream "plan parallel execution" step writes
 * them: resource_analysis { available_teams, infrastructure_capacity, resource_constraints }.
 * Read from an analysis file, or from a separate teams file (--teams), into Waveplan's teams,
 * infrastructure pools and the source's resource constraints.
 */
import type { InfrastructureInput, SourceInput, TeamInput } from '../schemas/plan-input.js';
import { IssueList } from './import-error.js';
import type { KeyLedger } from './key-ledger.js';
import { at, isObject, text, toId, type Source } from './source-values.js';

export interface SeedResources {
  teams?: TeamInput[];
  infrastructure?: InfrastructureInput[];
  resourceConstraints?: NonNullable<SourceInput['resourceConstraints']>;
}

/** A skill as written, trimmed and with inner runs of spaces made one, within the schema's 120 characters. */
export const skillText = (raw: unknown): string | undefined => text(raw, 120)?.replace(/\s+/g, ' ');

/** A percentage: 80, "80%", "80 %", 0.8 (a fraction ≤ 1 is read as a share). */
function readPercent(value: unknown, path: string, issues: IssueList): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(/^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value)?.[1] ?? NaN) : NaN;
  const percent = typeof value === 'number' && n > 0 && n <= 1 ? n * 100 : n;
  if (!(percent > 0 && percent <= 100)) {
    issues.add(path, `cannot read ${JSON.stringify(value)} as an availability (a percentage such as "80%", more than 0 and at most 100)`);
    return undefined;
  }
  return percent;
}

/** Hours per person per week from 32, "32 hours/week per person", "40h/week", or "120 hours/week" for the team (divided by its size). */
function readWeeklyHours(value: unknown, size: number, path: string, issues: IssueList): number | undefined {
  let hours: number | undefined;
  if (typeof value === 'number') hours = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)?\s*(?:\/|per|a|each)\s*(?:week|wk)\b\s*(.*)$/i.exec(value);
    if (m) {
      const rest = m[2]!.trim().toLowerCase();
      if (rest === '' || /^(?:per|each|a)\s+(?:person|member|agent|head|developer|engineer)$/.test(rest)) hours = Number(m[1]);
      else if (/^(?:total|per team|for the team|team)$/.test(rest)) hours = Number(m[1]) / size;
    }
  }
  if (hours === undefined || !(hours > 0 && hours <= 168)) {
    issues.add(path, `cannot read ${JSON.stringify(value)} as working hours (such as "32 hours/week per person", at most 168 a week)`);
    return undefined;
  }
  return Math.round(hours * 100) / 100;
}

const TEAM_KEYS = new Set(['team_id', 'id', 'team_name', 'name', 'team_size', 'size', 'key_skills', 'skills', 'availability', 'capacity']);

function readTeam(raw: unknown, path: string, issues: IssueList, ledger?: KeyLedger): TeamInput | undefined {
  if (!isObject(raw)) {
    issues.add(path, 'expected a team {team_id, team_size, key_skills}');
    return undefined;
  }
  const idKey = raw.team_id !== undefined ? 'team_id' : 'id';
  const id = toId(raw[idKey]);
  if (id === undefined) {
    issues.add(at(path, idKey), 'the team has no team_id');
    return undefined;
  }
  const sizeKey = raw.team_size !== undefined ? 'team_size' : 'size';
  const size = typeof raw[sizeKey] === 'string' ? Number(raw[sizeKey]) : raw[sizeKey];
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 10000) {
    issues.add(at(path, sizeKey), `expected a team size (a whole number of people or agent sessions, 1–10000), found ${JSON.stringify(raw[sizeKey])}`);
    return undefined;
  }
  const skillsKey = raw.key_skills !== undefined ? 'key_skills' : 'skills';
  const rawSkills = raw[skillsKey] ?? [];
  const skills: string[] = [];
  if (!Array.isArray(rawSkills)) issues.add(at(path, skillsKey), 'expected a list of skills');
  else
    rawSkills.forEach((s, i) => {
      const skill = skillText(s);
      if (skill === undefined) issues.add(at(at(path, skillsKey), i), `cannot read ${JSON.stringify(s)} as a skill`);
      else if (!skills.includes(skill)) skills.push(skill);
    });
  const nameKey = raw.team_name !== undefined ? 'team_name' : 'name';
  const name = text(raw[nameKey], 300) ?? text(raw[idKey], 300);
  const team: TeamInput = { id, ...(name !== undefined && name !== id ? { name } : {}), size, skills };
  if (raw.availability !== undefined) {
    const a = readPercent(raw.availability, at(path, 'availability'), issues);
    if (a !== undefined) team.availability = a;
  }
  if (raw.capacity !== undefined) {
    const h = readWeeklyHours(raw.capacity, size, at(path, 'capacity'), issues);
    if (h !== undefined) team.hoursPerWeek = h;
  }
  for (const key of Object.keys(raw)) if (TEAM_KEYS.has(key)) ledger?.use(at(path, key));
  return team;
}

/** "20 concurrent builds" → 20; a bare number as is. */
function readCapacity(value: unknown, path: string, issues: IssueList): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(/^\s*(\d+(?:\.\d+)?)\b/.exec(value)?.[1] ?? NaN) : NaN;
  if (!(n >= 0 && n <= 100000)) {
    issues.add(path, `cannot read ${JSON.stringify(value)} as a capacity (a number of units, such as 5 or "20 concurrent builds")`);
    return undefined;
  }
  return n;
}

function readConstraint(raw: unknown, path: string, issues: IssueList, ledger?: KeyLedger): NonNullable<SeedResources['resourceConstraints']>[number] | undefined {
  if (!isObject(raw)) {
    issues.add(path, 'expected a resource constraint {constraint_type, description}');
    return undefined;
  }
  const type = text(raw.constraint_type ?? raw.type, 200);
  if (type === undefined) {
    issues.add(path, 'the resource constraint has no constraint_type');
    return undefined;
  }
  const out: NonNullable<SeedResources['resourceConstraints']>[number] = { type };
  for (const key of ['description', 'impact', 'mitigation'] as const) {
    const v = text(raw[key], 2000);
    if (v !== undefined) out[key] = v;
  }
  for (const key of ['constraint_type', 'type', 'description', 'impact', 'mitigation']) if (raw[key] !== undefined) ledger?.use(at(path, key));
  return out;
}

/**
 * The teams, pools and constraints of a resource_analysis object at `path` (or of an object
 * holding available_teams directly). Every key read is marked in the ledger.
 */
export function readSeedResources(value: Source, path: string, issues: IssueList, ledger?: KeyLedger): SeedResources {
  const out: SeedResources = {};
  if (value.available_teams !== undefined) {
    const where = at(path, 'available_teams');
    if (!Array.isArray(value.available_teams)) issues.add(where, 'expected a list of teams');
    else {
      const teams = value.available_teams.map((t, i) => readTeam(t, at(where, i), issues, ledger)).filter((t): t is TeamInput => t !== undefined);
      if (teams.length > 0) out.teams = teams;
    }
  }
  if (value.infrastructure_capacity !== undefined) {
    const where = at(path, 'infrastructure_capacity');
    if (!isObject(value.infrastructure_capacity)) issues.add(where, 'expected an object of capacities such as {"testing_environments": 3}');
    else {
      const pools: InfrastructureInput[] = [];
      for (const [key, v] of Object.entries(value.infrastructure_capacity)) {
        const id = toId(key);
        const capacity = readCapacity(v, at(where, key), issues);
        if (id === undefined || capacity === undefined) continue;
        ledger?.use(at(where, key));
        pools.push({ id, name: key, kind: 'infrastructure', capacity });
      }
      if (pools.length > 0) out.infrastructure = pools;
    }
  }
  if (value.resource_constraints !== undefined) {
    const where = at(path, 'resource_constraints');
    if (!Array.isArray(value.resource_constraints)) issues.add(where, 'expected a list of resource constraints');
    else {
      const constraints = value.resource_constraints.map((c, i) => readConstraint(c, at(where, i), issues, ledger)).filter((c) => c !== undefined);
      if (constraints.length > 0) out.resourceConstraints = constraints;
    }
  }
  return out;
}

/** Where seed-shaped resources sit in a document: under resource_analysis, or at its root. */
export function seedResourcesOf(root: Source): { value: Source; path: string } | undefined {
  if (isObject(root.resource_analysis)) return { value: root.resource_analysis, path: '/resource_analysis' };
  if (root.available_teams !== undefined) return { value: root, path: '' };
  return undefined;
}

/** Seed-shaped resources from a document of their own (a teams file), or ImportError naming every bad field. */
export function importSeedResources(value: unknown): SeedResources | undefined {
  if (!isObject(value)) return undefined;
  const found = seedResourcesOf(value);
  if (!found) return undefined;
  const issues = new IssueList();
  const out = readSeedResources(found.value, found.path, issues);
  issues.throwIfAny('teams file');
  return out;
}
