import { inSpan } from '../observability/tracer.js';
import { Metrics, type PlanningSource } from '../observability/metrics.js';
import type { Planner } from './planner.js';

/**
 * A planner that is timed into waveplan_planning_duration_seconds{source} and runs inside a
 * "waveplan.plan" span (its DB work, if any, nests under it).
 */
export function observedPlanner(planner: Planner, metrics: Metrics, source: PlanningSource): Planner {
  return (input, ctx) =>
    inSpan(
      'waveplan.plan',
      {
        'waveplan.plan.id': ctx.planId,
        'waveplan.plan.version': ctx.version,
        'waveplan.phases': input.phases.length,
        'waveplan.teams': input.teams.length,
        'waveplan.source': source,
      },
      () => Metrics.timed(metrics.planning, { source }, () => planner(input, ctx)),
    );
}
