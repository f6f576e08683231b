import type { QualityGate, RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { finishDateOf, startDateOf, teamIdOf, type ArtifactContext } from './context.js';
import { plural } from '../format.js';

const TESTING = /\b(test|tests|testing|qa|quality|review|e2e|verification|validation|security)\b/i;

export const isTestPhase = (ctx: ArtifactContext, j: number) => {
  const p = ctx.result.project.phases[j]!;
  return p.skills.some((s) => TESTING.test(s.replace(/[-_]/g, ' '))) || TESTING.test(p.name.replace(/[-_]/g, ' '));
};

/**
 * One quality gate per wave: its phases are the deliverables, every cross-team dependency edge
 * into the next waves is an integration test, and review falls to the teams that consume the
 * wave's output (or a testing team, or the wave's own teams for the last wave).
 */
export function qualityGates(ctx: ArtifactContext): QualityGate[] {
  const hit = gateMemo.get(ctx.result);
  if (hit) return hit;
  const gates = computeGates(ctx);
  gateMemo.set(ctx.result, gates);
  return gates;
}

/** The gates of a plan result, computed once (coordination's decision roles and the risk plan both read them). */
const gateMemo = new WeakMap<object, QualityGate[]>();

function computeGates(ctx: ArtifactContext): QualityGate[] {
  const { project, waves, reducedEdges, schedule } = ctx.result;
  const testers = project.teams.filter((t) => t.skills.some((s) => TESTING.test(s.replace(/[-_]/g, ' ')))).map((t) => t.id);
  return waves.map((w) => {
    const inWave = new Set(w.phases);
    const outgoing = reducedEdges.filter(([u, v]) => inWave.has(u) && !inWave.has(v));
    const crossTeam = outgoing.filter(([u, v]) => teamIdOf(ctx, u) !== null && teamIdOf(ctx, v) !== null && teamIdOf(ctx, u) !== teamIdOf(ctx, v));
    const consumers = [...new Set(outgoing.map(([, v]) => teamIdOf(ctx, v)).filter((t): t is string => t !== null))];
    const own = [...new Set(w.phases.map((j) => teamIdOf(ctx, j)).filter((t): t is string => t !== null))];
    const reviewers = consumers.length > 0 ? consumers : testers.length > 0 ? testers : own;
    const incoming = reducedEdges.filter(([u, v]) => inWave.has(v) && !inWave.has(u));
    const id = (j: number) => project.phases[j]!.id;
    return {
      gate_id: `gate_wave_${w.index + 1}`,
      wave: w.index + 1,
      name: `Quality gate after wave ${w.index + 1} (${w.kind})`,
      planned_date: ctx.calendar.finishDate(w.start, w.finish),
      deliverables: w.phases.map(id),
      integration_tests: crossTeam.map(([u, v]) => ({
        from: id(u),
        to: id(v),
        from_team: teamIdOf(ctx, u)!,
        to_team: teamIdOf(ctx, v)!,
        check: `${project.phases[v]!.name} works against what ${project.phases[u]!.name} delivered${project.phases[u]!.areas.length > 0 ? ` (${project.phases[u]!.areas.slice(0, 3).join(', ')})` : ''}`,
      })),
      review_by: reviewers,
      entry_criteria: [
        incoming.length > 0
          ? `${new Set(incoming.map(([u]) => u)).size} dependencies from earlier waves completed and their gates passed`
          : 'no dependencies: the wave starts the project',
        `sessions registered for ${plural(w.phases.length, 'phase')}`,
      ],
      exit_criteria: [
        `all ${w.phases.length} phases completed by ${ctx.calendar.finishDate(w.start, w.finish)}`,
        crossTeam.length > 0 ? `${plural(crossTeam.length, 'cross-team integration check')} green` : 'unit and integration tests of the wave green',
        `review by ${reviewers.join(', ') || 'the project lead'} passed (quality_gate_passed event per phase)`,
      ],
      holds: [...new Set(outgoing.map(([, v]) => v))].sort((a, b) => schedule.start[a]! - schedule.start[b]! || a - b).map(id),
    };
  });
}

/** Which phases test what, when, and on which shared environments. */
export function testingCoordination(ctx: ArtifactContext): RiskMitigationPlan['quality_assurance']['testing_coordination'] {
  const { project } = ctx.result;
  const tests = project.phases.filter((p) => isTestPhase(ctx, p.index));
  const envIds = (j: number) => [...project.phases[j]!.resources.keys()].map((r) => project.infrastructure[r]!.id);
  const shared = project.infrastructure
    .map((r) => ({ id: r.id, capacity: r.capacity, test_phases: tests.filter((p) => p.resources.has(r.index)).map((p) => p.id) }))
    .filter((e) => e.test_phases.length > 0);
  return {
    test_phases: tests.map((p) => ({
      phase: p.id,
      team: teamIdOf(ctx, p.index),
      start_date: startDateOf(ctx, p.index),
      finish_date: finishDateOf(ctx, p.index),
      environments: envIds(p.index),
    })),
    shared_environments: shared,
    rules: [
      'every phase reports quality_gate_passed or quality_gate_failed after completing; dependents are held until the gate passes',
      ...shared.map((e) => `${e.id} (capacity ${e.capacity}) is booked by ${e.test_phases.join(', ')}: claims respect its capacity`),
      tests.length === 0 ? 'no dedicated test phase: each team tests its own phases before the wave gate' : `${plural(tests.length, 'test phase')} close the waves they belong to`,
    ],
  };
}
