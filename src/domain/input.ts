import { dependencyIds, dependencyLinks } from '../schemas/dependency-links.js';
import type { PlanInput } from '../schemas/plan-input.js';
import { PlanInputError, type InputIssue } from './errors.js';
import { buildGraph, type GraphInput } from './graph.js';
import { canHold, peakTeamSize, staffPhase, teamCapacity, type StaffableTeam } from './capacity.js';
import type { Estimate, Infrastructure, Phase, PhaseLink, Project, Team } from './model.js';
import { pertMean, spreadEstimate } from './pert.js';
import { distinctSkills, skillSpellings } from './skills.js';
import { resourceConstraintIssues } from './strategy-input.js';

export { teamCapacity } from './capacity.js';

export const DEFAULTS = {
  capacityBufferPercent: 20,
  availabilityPercent: 100,
  hoursPerWeek: 40,
  teamSize: 1,
  workingDays: [1, 2, 3, 4, 5],
  seed: 1,
  iterations: 3000,
  timeBudgetMs: 2000,
  monteCarloIterations: 2000,
  defaultSpreadPercent: 25,
  escalation: { blockedHours: 4, scheduleVariancePercent: 5, heartbeatTimeoutSeconds: 300 },
  /** The strategy's success criteria: 40–60 % shorter, under 10 % coordination, over 80 % utilisation, every risk mitigated. */
  successTargets: { timeReductionPercent: 40, timeReductionMaxPercent: 60, coordinationOverheadPercent: 10, utilisationPercent: 80, riskCoveragePercent: 100 },
} as const;

function uniqueIds(items: { id: string }[], pointer: string, what: string, issues: InputIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) issues.push({ code: 'duplicate_id', message: `${what} id "${item.id}" is used more than once`, path: `${pointer}/${i}/id`, ids: [item.id] });
    else index.set(item.id, i);
  });
  return index;
}

/** Units of each pool a phase needs (by pool index), checked against the pools declared and their capacities. */
function poolUnits(p: PlanInput['phases'][number], i: number, poolIndex: Map<string, number>, pools: Infrastructure[], issues: InputIssue[]): Map<number, number> {
  const resources = new Map<number, number>();
  for (const [pool, units] of Object.entries(p.resources ?? {})) {
    const r = poolIndex.get(pool);
    if (r === undefined) {
      issues.push({ code: 'unknown_resource', message: `phase "${p.id}" needs unknown infrastructure pool "${pool}"`, path: `/phases/${i}/resources/${pool}`, ids: [pool] });
    } else if (units > pools[r]!.capacity) {
      issues.push({
        code: 'resource_exceeds_capacity',
        message: `phase "${p.id}" needs ${units} of "${pool}", which has ${pools[r]!.capacity}`,
        path: `/phases/${i}/resources/${pool}`,
        ids: [pool],
      });
    } else if (units > 0) resources.set(r, units);
  }
  return resources;
}

const throwIfAny = (issues: InputIssue[]) => {
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
};

/** A phase's planned duration and three-point estimate: a fixed duration gets the default spread, an estimate its PERT mean. */
function phaseEstimate(p: PlanInput['phases'][number], i: number, spread: number, issues: InputIssue[]): { estimate: Estimate; duration: number } {
  if (typeof p.duration === 'number') return { duration: p.duration, estimate: spreadEstimate(p.duration, spread) };
  const estimate = p.duration;
  if (!(estimate.optimistic <= estimate.likely && estimate.likely <= estimate.pessimistic)) {
    issues.push({ code: 'invalid_estimate', message: `phase "${p.id}": optimistic ≤ likely ≤ pessimistic must hold`, path: `/phases/${i}/duration` });
  }
  return { estimate, duration: pertMean(estimate) };
}

/** A team with the FTE it has at its largest over its calendar (capacity.ts, peakTeamSize). */
type StaffedTeam = Team & StaffableTeam;

/** Each team with the size and FTE it has at its largest over its calendar. */
function staffedTeams(teams: Team[], startDate: string, buffer: number): StaffedTeam[] {
  return teams.map((t) => {
    const peakSize = peakTeamSize(t.size, t.calendar?.capacity, startDate);
    return { ...t, peakSize, peakCapacity: teamCapacity(peakSize, t.availability, buffer, t.hoursPerWeek) };
  });
}

/** The teams that hold every skill of a phase, have its people (on some day) and can hold its staffing; an issue when none can. */
function eligibleTeamsOf(p: Phase, teams: StaffedTeam[], issues: InputIssue[]): number[] {
  if (p.teamSize === 0) return [];
  const skilled = teams.filter((t) => p.skills.every((s) => t.skills.includes(s)));
  const eligible = skilled.filter((t) => t.peakSize + 1e-9 >= p.teamSize && canHold(t.peakCapacity, p.demand)).map((t) => t.index);
  if (eligible.length === 0) {
    issues.push({
      code: 'no_eligible_team',
      message:
        skilled.length === 0
          ? `no team holds every skill phase "${p.id}" needs (${p.skills.join(', ')})`
          : `phase "${p.id}" needs ${p.teamSize} people; the teams with its skills have at most ${Math.max(...skilled.map((t) => t.peakSize))}${skilled.some((t) => t.peakSize > t.size) ? ' on any day of their calendars' : ''}`,
      path: skilled.length === 0 ? `/phases/${p.index}/skills` : `/phases/${p.index}/teamSize`,
      ids: [p.id],
    });
  }
  return eligible;
}

/** Turns a schema-valid input into the engine's model, or throws PlanInputError naming every offending field. */
export function normalise(input: PlanInput): Project {
  const issues: InputIssue[] = [];
  const relax = input.constraints?.relaxSoftDependencies === true;
  const graph = softPaths(input.phases, () => buildGraph(withSoftDependencies(input.phases, relax)));
  const spell = skillSpellings([...input.teams.flatMap((t) => t.skills), ...input.phases.flatMap((p) => p.skills ?? [])]);
  uniqueIds(input.teams, '/teams', 'team', issues);
  const infraInput = input.infrastructure ?? [];
  const infraIndex = uniqueIds(infraInput, '/infrastructure', 'infrastructure', issues);
  issues.push(...resourceConstraintIssues(input));
  throwIfAny(issues);

  const c = input.constraints ?? {};
  const buffer = (c.capacityBuffer ?? DEFAULTS.capacityBufferPercent) / 100;
  const planning = input.planning ?? {};
  const spread = (planning.defaultSpreadPercent ?? DEFAULTS.defaultSpreadPercent) / 100;

  const teams: Team[] = input.teams.map((t, index) => {
    const availability = (t.availability ?? DEFAULTS.availabilityPercent) / 100;
    const hoursPerWeek = t.hoursPerWeek ?? DEFAULTS.hoursPerWeek;
    return {
      index,
      id: t.id,
      name: t.name ?? t.id,
      size: t.size,
      skills: distinctSkills(t.skills, spell),
      availability,
      hoursPerWeek,
      capacity: teamCapacity(t.size, availability, buffer, hoursPerWeek),
      ...(t.calendar !== undefined ? { calendar: t.calendar } : {}),
    };
  });

  const staffed = staffedTeams(teams, input.startDate, buffer);

  const infrastructure: Infrastructure[] = infraInput.map((r, index) => ({
    index,
    id: r.id,
    name: r.name ?? r.id,
    kind: r.kind ?? 'shared',
    capacity: r.capacity,
  }));

  const phases: Phase[] = input.phases.map((p, i) => {
    const { estimate, duration } = phaseEstimate(p, i, spread, issues);
    const resources = poolUnits(p, i, infraIndex, infrastructure, issues);
    const teamSize = p.teamSize ?? DEFAULTS.teamSize;
    const skills = distinctSkills(p.skills ?? [], spell);
    const { demand, stretch } = staffPhase(
      teamSize,
      staffed.filter((t) => skills.every((s) => t.skills.includes(s))),
    );
    return {
      index: i,
      id: p.id,
      name: p.name,
      ...(p.description !== undefined ? { description: p.description } : {}),
      duration: duration * stretch,
      fullStaffDuration: duration,
      estimate: stretch === 1 ? estimate : { optimistic: estimate.optimistic * stretch, likely: estimate.likely * stretch, pessimistic: estimate.pessimistic * stretch },
      estimated: typeof p.duration !== 'number',
      dependencies: graph.preds[i]!,
      dependents: graph.succs[i]!,
      links: phaseLinks(p, relax, graph.indexOf),
      milestone: p.milestone === true || duration === 0,
      ...(p.startNoEarlierThan !== undefined ? { startNoEarlierThan: p.startNoEarlierThan } : {}),
      ...(p.finishNoLaterThan !== undefined ? { finishNoLaterThan: p.finishNoLaterThan } : {}),
      finishConstraint: p.finishConstraint ?? 'hard',
      alap: p.alap === true,
      skills,
      ...(p.group !== undefined ? { group: p.group } : {}),
      teamSize,
      demand,
      resources,
      areas: p.areas ?? [],
      priority: p.priority ?? 0,
    };
  });

  const eligibleTeams = phases.map((p) => eligibleTeamsOf(p, staffed, issues));
  throwIfAny(issues);

  const calendar = {
    workingDays: input.calendar?.workingDays ?? [...DEFAULTS.workingDays],
    holidays: input.calendar?.holidays ?? [],
  };
  return {
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    startDate: input.startDate,
    calendar,
    phases,
    teams,
    infrastructure,
    constraints: {
      ...(c.deadline !== undefined ? { deadline: c.deadline } : {}),
      capacityBuffer: buffer,
      ...(c.maxConcurrentSessions !== undefined ? { maxConcurrentSessions: c.maxConcurrentSessions } : {}),
      escalation: { ...DEFAULTS.escalation, ...(c.escalation ?? {}) },
      successTargets: { ...DEFAULTS.successTargets, ...(c.successCriteria ?? {}) },
    },
    planning: {
      seed: planning.seed ?? DEFAULTS.seed,
      iterations: planning.iterations ?? DEFAULTS.iterations,
      timeBudgetMs: planning.timeBudgetMs ?? DEFAULTS.timeBudgetMs,
      monteCarloIterations: planning.monteCarloIterations ?? DEFAULTS.monteCarloIterations,
      defaultSpread: spread,
    },
    eligibleTeams,
    groups: groupsOf(input),
    order: graph.order,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...softLinks(input.phases, graph.indexOf, relax),
  };
}

/** Runs `build`, pointing a graph error on a merged soft dependency at softDependencies/k rather than past the end of dependencies. */
function softPaths<T>(phases: PlanInput['phases'], build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof PlanInputError)) throw err;
    for (const issue of err.issues) {
      const m = /^\/phases\/(\d+)\/dependencies\/(\d+)$/.exec(issue.path);
      const hard = m ? dependencyIds(phases[Number(m[1])] ?? {}).length : 0;
      if (m && Number(m[2]) >= hard) issue.path = `/phases/${m[1]}/softDependencies/${Number(m[2]) - hard}`;
    }
    throw err;
  }
}

function softLinks(phases: PlanInput['phases'], indexOf: Map<string, number>, relaxed: boolean): Pick<Project, 'softDependencies'> {
  const links = phases.flatMap((p, i) => (p.softDependencies ?? []).map((on) => ({ phase: i, on: indexOf.get(on)! })));
  return links.length > 0 ? { softDependencies: { relaxed, links } } : {};
}

/**
 * The phases as the graph sees them: soft dependencies count as dependencies unless relaxed.
 * A soft dependency is checked like a hard one (it must name a phase), even when relaxed.
 */
function withSoftDependencies(phases: PlanInput['phases'], relax: boolean): GraphInput[] {
  const hard = phases.map((p) => ({ id: p.id, dependencies: dependencyIds(p) }));
  if (!phases.some((p) => (p.softDependencies ?? []).length > 0)) return hard;
  const ids = new Set(phases.map((p) => p.id));
  const issues: InputIssue[] = [];
  phases.forEach((p, i) =>
    p.softDependencies?.forEach((dep, j) => {
      if (!ids.has(dep))
        issues.push({ code: 'unknown_dependency', message: `phase "${p.id}" soft-depends on unknown phase "${dep}"`, path: `/phases/${i}/softDependencies/${j}`, ids: [dep] });
    }),
  );
  throwIfAny(issues);
  return relax ? hard : hard.map((g, i) => (phases[i]!.softDependencies?.length ? { ...g, dependencies: [...g.dependencies, ...phases[i]!.softDependencies!] } : g));
}

/**
 * A phase's links with types and lags, by phase index: its dependencies as the input writes them,
 * then its soft dependencies (finish-to-start) unless relaxed. The same pair twice with the same
 * type keeps the larger lag; two types on one pair are both kept.
 */
function phaseLinks(p: PlanInput['phases'][number], relax: boolean, indexOf: Map<string, number>): PhaseLink[] {
  const links = new Map<string, PhaseLink>();
  const add = (id: string, type: PhaseLink['type'], lag: number) => {
    const on = indexOf.get(id)!;
    const key = `${on}:${type}`;
    const had = links.get(key);
    if (!had || had.lag < lag) links.set(key, { on, type, lag });
  };
  for (const l of dependencyLinks(p)) add(l.id, l.type, l.lagDays);
  if (!relax) for (const id of p.softDependencies ?? []) add(id, 'FS', 0);
  return [...links.values()];
}

/** The input's groups with names and parents, then the labels phases name without a listing; refuses duplicate ids, unknown parents and parent cycles. */
export function groupsOf(input: Pick<PlanInput, 'groups' | 'phases'>): Project['groups'] {
  const listed = input.groups ?? [];
  const issues: InputIssue[] = [];
  const index = uniqueIds(listed, '/groups', 'group', issues);
  listed.forEach((g, i) => {
    if (g.parent === undefined) return;
    if (!index.has(g.parent))
      issues.push({ code: 'unknown_group', message: `group "${g.id}" names unknown parent group "${g.parent}"`, path: `/groups/${i}/parent`, ids: [g.parent] });
    const seen = new Set([g.id]);
    for (let p: string | undefined = g.parent; p !== undefined && index.has(p); p = listed[index.get(p)!]!.parent) {
      if (seen.has(p)) {
        issues.push({ code: 'group_cycle', message: `group "${g.id}" is its own ancestor (${[...seen, p].join(' → ')})`, path: `/groups/${i}/parent`, ids: [...seen] });
        break;
      }
      seen.add(p);
    }
  });
  throwIfAny(issues);
  const groups: Project['groups'] = listed.map((g) => ({ id: g.id, name: g.name ?? g.id, ...(g.parent !== undefined ? { parent: g.parent } : {}) }));
  const known = new Set(groups.map((g) => g.id));
  for (const p of input.phases) {
    if (p.group === undefined || known.has(p.group)) continue;
    known.add(p.group);
    groups.push({ id: p.group, name: p.group });
  }
  return groups;
}
