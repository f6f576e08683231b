import type { Risk, RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { crossTeamEdges } from '../efficiency.js';
import { list, percentValue, plural, r2 } from '../format.js';
import type { MonteCarloResult } from '../montecarlo/index.js';
import { isCritical, teamIdOf, type ArtifactContext } from './context.js';
import { saturatedPools } from './resource-constraints.js';
import { sharedAreas } from './shared-work.js';

type QA = RiskMitigationPlan['quality_assurance'];

const NAMES: Record<Risk['category'], string> = {
  critical_path: 'Protect the critical path',
  bottleneck: 'Unblock bottleneck phases early',
  skill_single_point_of_failure: 'Back up single-team skills',
  shared_infrastructure: 'Book shared pools ahead',
  coordination_capacity: 'Keep coordination within capacity',
  merge_conflict: 'Sequence and review shared areas',
  schedule_uncertainty: 'Buffer the uncertain estimates',
  deadline: 'Hold the deadline',
  team_overload: 'Relieve overloaded teams',
};

/** One strategy per risk category the register holds, tied to its risk ids, with success metrics in this plan's figures. */
export function mitigationStrategies(ctx: ArtifactContext, risks: Risk[], mc: MonteCarloResult): RiskMitigationPlan['risk_management']['mitigation_strategies'] {
  const { project, metrics } = ctx.result;
  const categories = [...new Set(risks.map((r) => r.category))];
  return categories.map((category, k) => {
    const mine = risks.filter((r) => r.category === category);
    const phases = [...new Set(mine.flatMap((r) => r.phases))];
    const teams = [...new Set(mine.flatMap((r) => r.teams))];
    const metric = (): string[] => {
      switch (category) {
        case 'critical_path':
        case 'bottleneck':
          return [`${list(phases, 4)} finish by their planned dates`, `completion no later than the P80 ${mc.completionDates.p80}`];
        case 'schedule_uncertainty':
          return [`completion no later than the P80 ${mc.completionDates.p80} (planned ${mc.completionDates.planned})`];
        case 'deadline':
          return [
            `completion by ${project.constraints.deadline ?? mc.completionDates.p80}`,
            `deadline met in ≥ 95 % of simulated runs (now ${mc.deadline ? percentValue(mc.deadline.probability) : 100} %)`,
          ];
        case 'shared_infrastructure':
          return [
            `no claim waits for ${
              list(
                saturatedPools(ctx).map((j) => project.infrastructure[j]!.id),
                3,
              ) || 'a pool'
            } beyond its planned start`,
          ];
        case 'coordination_capacity':
          return [`coordination overhead ≤ ${project.constraints.successTargets.coordinationOverheadPercent} % (planned ${r2(metrics.coordinationOverheadPercent)} %)`];
        case 'merge_conflict':
          return [`no merge conflict between ${list(phases, 4)}`];
        case 'skill_single_point_of_failure':
          return [`a backup named for ${list([...new Set(mine.flatMap((r) => r.skills ?? []))], 4)} before ${list(phases, 2)} start`];
        case 'team_overload':
          return teams.map(
            (t) => `${t} at ≤ 100 % of usable capacity (planned ${percentValue(metrics.teamLoads[project.teams.findIndex((x) => x.id === t)]?.utilisation ?? 0)} %)`,
          );
      }
    };
    return {
      strategy_id: `mit_${String(k + 1).padStart(3, '0')}`,
      name: NAMES[category],
      mitigates: mine.map((r) => r.id),
      description: `${plural(mine.length, `${category.replace(/_/g, ' ')} risk`)} on ${list(phases, 4) || 'the plan'}${teams.length > 0 ? ` (${teams.join(', ')})` : ''}`,
      implementation: [...new Set(mine.flatMap((r) => r.prevention))].slice(0, 6),
      success_metrics: metric(),
      monitoring: category === 'coordination_capacity' ? 'coordination_overhead' : category === 'shared_infrastructure' ? 'infrastructure peak use' : 'schedule_variance',
    };
  });
}

/** Reviews: every phase before its gate, across teams where an area is shared, and architecture reviews for phases many depend on. */
export function codeReview(ctx: ArtifactContext): QA['code_review'] {
  const { project, descendants } = ctx.result;
  const shared = sharedAreas(ctx);
  const heavy = project.phases.filter((p) => descendants[p.index]! >= Math.max(2, project.phases.length / 4) || (isCritical(ctx, p.index) && p.dependents.length > 1));
  const hours = project.constraints.escalation.blockedHours * 2;
  return {
    review_requirements: `each of the ${project.phases.length} phases reviewed by its team before its quality_gate_passed event`,
    cross_team_reviews: shared.map((s) => ({
      area: s.area,
      teams: s.teams,
      phases: s.phases.map((j) => project.phases[j]!.id),
      reviewers: s.teams,
      rule: `a change to ${s.area} by one of ${s.teams.join(', ')} is reviewed by the other${s.teams.length > 2 ? 's' : ''}`,
    })),
    architecture_reviews: heavy.map((p) => ({
      phase: p.id,
      team: teamIdOf(ctx, p.index),
      reason: `${plural(descendants[p.index]!, 'phase')} depend on it${isCritical(ctx, p.index) ? '; critical' : ''}`,
    })),
    review_timeline_hours: hours,
  };
}

/** The seed's three recovery procedures, each naming where it would bite in this plan. */
export function recoveryProcedures(ctx: ArtifactContext): RiskMitigationPlan['recovery_procedures'] {
  const { project, schedule, reducedEdges } = ctx.result;
  const esc = project.constraints.escalation;
  const id = (j: number) => project.phases[j]!.id;
  const cross = crossTeamEdges(reducedEdges, schedule);
  const handoverPhases = [...new Set(cross.flatMap(([u, v]) => [u, v]))];
  const teamsOf = (js: number[]) => [...new Set(js.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))].sort();
  const pools = saturatedPools(ctx);
  const poolHolders = project.phases.filter((p) => pools.some((k) => p.resources.has(k))).map((p) => p.index);
  const shared = sharedAreas(ctx);
  const conflictPhases = [...new Set([...poolHolders, ...shared.flatMap((s) => s.phases)])];
  const integration = cross.filter(([u, v]) => ctx.result.waveOf[u] !== ctx.result.waveOf[v]);
  const integrationPhases = [...new Set(integration.flatMap(([u, v]) => [u, v]))];
  const poolIds = pools.map((k) => project.infrastructure[k]!.id);
  return {
    coordination_failure: {
      detection: `a hand-over of the ${plural(cross.length, 'cross-team dependency', 'cross-team dependencies')} missed, or a session silent for ${esc.heartbeatTimeoutSeconds} s`,
      immediate_response: `coordination meeting of ${teamsOf(handoverPhases).join(', ') || 'the teams concerned'}`,
      resolution: `re-agree the hand-overs ${
        list(
          cross.slice(0, 4).map(([u, v]) => `${id(u)} → ${id(v)}`),
          4,
        ) || '(none planned)'
      } and re-plan from the event log`,
      prevention: `every hand-over meeting held on its date; blocks escalated after ${esc.blockedHours} h`,
      phases: handoverPhases.map(id),
      teams: teamsOf(handoverPhases),
      pools: [],
    },
    resource_conflict: {
      detection: `claims refused for ${list([...poolIds.map((p) => `pool ${p}`), ...shared.map((s) => `area ${s.area}`)], 4) || 'a pool or an area'} (team_at_capacity, area_locked)`,
      immediate_response: `freeze ${list(poolIds, 3) || 'the conflicted resource'} to the phase holding it`,
      resolution:
        pools.length > 0 ? `one more unit of ${list(poolIds, 3)}, or re-plan the holders ${list(poolHolders.map(id), 4)} apart` : 'reassign the later phase or re-plan it apart',
      prevention: `claims respect capacities; ${plural(shared.length, 'shared area')} reviewed across teams`,
      phases: conflictPhases.map(id),
      teams: teamsOf(conflictPhases),
      pools: poolIds,
    },
    integration_failure: {
      detection: `an integration check of ${plural(integration.length, 'cross-wave hand-over')} fails at its wave gate`,
      immediate_response: `hold ${list([...new Set(integration.map(([, v]) => id(v)))], 4) || 'the dependent phases'} (sync_point_pending)`,
      resolution: `the upstream team fixes its interface and re-runs the gate: ${list([...new Set(integration.map(([u]) => id(u)))], 4) || 'none planned'}`,
      prevention: 'contract sync points before parallel phases share an area or feed one phase',
      phases: integrationPhases.map(id),
      teams: teamsOf(integrationPhases),
      pools: [],
    },
  };
}
