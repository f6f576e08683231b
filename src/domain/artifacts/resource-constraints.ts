import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import { list, percentValue, plural, r2 } from '../format.js';
import { teamIdOf, type ArtifactContext } from './context.js';
import { sharedAreas } from './shared-work.js';

type Constraint = NonNullable<ExecutionPlan['resource_analysis']['resource_constraints']>[number];

const EPS = 1e-9;

/** Pools the schedule holds at capacity at some moment: every further holder waits. */
export function saturatedPools(ctx: ArtifactContext): number[] {
  const { project, metrics } = ctx.result;
  return project.infrastructure.filter((r) => metrics.infrastructurePeak[r.index]! >= 1 - EPS).map((r) => r.index);
}

/** Skills some phase needs that exactly one team holds, with that team. */
export function singleTeamSkills(ctx: ArtifactContext): { skill: string; team: number; phases: number[] }[] {
  const { project } = ctx.result;
  const skills = [...new Set(project.phases.flatMap((p) => p.skills))].sort();
  return skills.flatMap((skill) => {
    const holders = project.teams.filter((t) => t.skills.includes(skill));
    const phases = project.phases.filter((p) => p.skills.includes(skill)).map((p) => p.index);
    return holders.length === 1 ? [{ skill, team: holders[0]!.index, phases }] : [];
  });
}

const teamsOf = (ctx: ArtifactContext, js: number[]) => [...new Set(js.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))].sort();

/** The constraints the plan itself shows: saturated pools, skills one team holds, areas two teams touch. */
function discovered(ctx: ArtifactContext): Constraint[] {
  const { project } = ctx.result;
  const id = (j: number) => project.phases[j]!.id;
  const pools = saturatedPools(ctx).map((k): Constraint => {
    const r = project.infrastructure[k]!;
    const holders = project.phases.filter((p) => p.resources.has(k)).map((p) => p.index);
    return {
      constraint_type: 'saturated_pool',
      origin: 'plan',
      description: `${r.name} (${r.id}) is held at its capacity of ${r.capacity} at the schedule's peak by ${plural(holders.length, 'phase')} in all: ${list(holders.map(id))}`,
      impact: `a further holder of ${r.id} waits until one of ${list(holders.map(id), 4)} releases it`,
      mitigation: `one more unit of ${r.id}, or keep its holders apart in time (claims respect its ${r.capacity} units)`,
      pools: [r.id],
      teams: teamsOf(ctx, holders),
      phases: holders.map(id),
    };
  });
  const skills = singleTeamSkills(ctx).map(({ skill, team, phases }): Constraint => {
    const t = project.teams[team]!;
    return {
      constraint_type: 'single_team_skill',
      origin: 'plan',
      description: `only ${t.id} holds ${skill}, needed by ${list(phases.map(id))}`,
      impact: `those ${plural(phases.length, 'phase')} share ${t.id}'s ${r2(t.capacity)} usable FTE (${percentValue(ctx.result.metrics.teamLoads[team]!.utilisation)} % utilised)`,
      mitigation: `a backup team for ${skill}, or cross-training in ${t.id}`,
      pools: [],
      teams: [t.id],
      phases: phases.map(id),
    };
  });
  const areas = sharedAreas(ctx).map((s): Constraint => ({
    constraint_type: 'shared_area',
    origin: 'plan',
    description: `${s.area} is touched by ${s.teams.join(' and ')}: ${list(s.phases.map(id))}`,
    impact: `an area lock: those phases never run at once, and their changes to ${s.area} need a review across ${s.teams.join(', ')}`,
    mitigation: `cross-team review of ${s.area} (risk-mitigation-plan.json code_review)`,
    pools: [],
    teams: s.teams,
    phases: s.phases.map(id),
  }));
  return [...pools, ...skills, ...areas];
}

/** resource_analysis.resource_constraints: the source's as written, the input's, then those the plan discovers. */
export function resourceConstraints(ctx: ArtifactContext): Constraint[] {
  const fromSource = (ctx.result.project.source?.resourceConstraints ?? []).map((c): Constraint => ({
    constraint_type: c.type,
    origin: 'source',
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.impact !== undefined ? { impact: c.impact } : {}),
    ...(c.mitigation !== undefined ? { mitigation: c.mitigation } : {}),
    pools: [],
    teams: [],
    phases: [],
  }));
  const fromInput = (ctx.input.resourceConstraints ?? []).map((c): Constraint => ({
    constraint_type: c.type,
    origin: 'input',
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.impact !== undefined ? { impact: c.impact } : {}),
    ...(c.mitigation !== undefined ? { mitigation: c.mitigation } : {}),
    pools: c.pools ?? [],
    teams: c.teams ?? [],
    phases: c.phases ?? [],
  }));
  return [...fromSource, ...fromInput, ...discovered(ctx)];
}
