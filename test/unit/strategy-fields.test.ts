import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { Value } from 'typebox/value';
import { planProject } from '../../src/domain/plan.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { ARTIFACT_SCHEMAS } from '../../src/schemas/artifacts/index.js';
import { PlanInput } from '../../src/schemas/plan-input.js';
import { createDomainPlanner } from '../../src/service/domain-planner.js';
import { exampleInput } from '../support/fixtures.js';
import { thrown } from '../support/thrown.js';

const quick = (input: PlanInput, planningDate = '2026-12-01') =>
  planProject({ ...input, planning: { ...input.planning, iterations: 200, monteCarloIterations: 300 } }, { planningDate, advisor: { maxPlans: 0 } }).artifacts;
const example = () => exampleInput();

/** Two teams, one wave: a (team x) and b (team y) both touch src/shared/ and feed c. */
function twoTeamsShareAnArea(shared = true): PlanInput {
  return {
    name: 'shared area',
    startDate: '2027-01-04',
    teams: [
      { id: 'x', size: 1, skills: ['xs'] },
      { id: 'y', size: 1, skills: ['ys'] },
    ],
    phases: [
      { id: 'a', name: 'A', duration: 3, skills: ['xs'], areas: shared ? ['src/shared/'] : ['src/a/'] },
      { id: 'b', name: 'B', duration: 3, skills: ['ys'], areas: shared ? ['src/shared/api.ts'] : ['src/b/'] },
      { id: 'c', name: 'C', duration: 2, skills: ['xs'], dependencies: ['a'] },
      { id: 'd', name: 'D', duration: 2, skills: ['ys'], dependencies: ['b'] },
    ],
    planning: { seed: 3, iterations: 100, monteCarloIterations: 200 },
  };
}

describe('execution-plan.json: planning date, analysis source, resource constraints, milestones', () => {
  it('planning_date is the date passed in, a re-plan defaults to its as-of date, and the memo keys on it', async () => {
    expect(quick(example(), '2026-11-30')['execution-plan.json'].planning_date).toBe('2026-11-30');
    const replan = {
      ...example(),
      progress: { asOf: '2027-01-11', phases: [{ id: 'infra-setup', status: 'completed' as const, actualStart: '2027-01-04', actualFinish: '2027-01-08' }] },
    };
    expect(planProject(replan, { advisor: { maxPlans: 0 } }).artifacts['execution-plan.json'].planning_date).toBe('2027-01-11');
    let today = new Date('2026-12-01T10:00:00Z');
    const planner = createDomainPlanner({ now: () => today });
    const input = exampleInput({ iterations: 100, monteCarloIterations: 100 });
    const first = await planner(input, { planId: 'p', version: 1 });
    expect(await planner(input, { planId: 'p', version: 1 })).toBe(first);
    today = new Date('2026-12-02T08:00:00Z');
    const next = await planner(input, { planId: 'p', version: 1 });
    expect(next).not.toBe(first);
    expect(next.artifacts['execution-plan.json'].planning_date).toBe('2026-12-02');
    // Same input and planning date: the same content.
    expect(JSON.stringify(quick(input, '2026-12-02'))).toBe(JSON.stringify(quick(input, '2026-12-02')));
  });

  it('dependency_analysis_source is the content id of the phases when not imported, and changes with them', () => {
    const a = quick(example())['execution-plan.json'];
    expect(a.dependency_analysis_source).toMatch(/^graph_[0-9a-f]{16}$/);
    expect(a.dependency_analysis_source_kind).toBe('input_content');
    const renamed = example();
    renamed.name = 'another name';
    expect(quick(renamed)['execution-plan.json'].dependency_analysis_source).toBe(a.dependency_analysis_source);
    const changed = example();
    changed.phases[0]!.duration = 9;
    expect(quick(changed)['execution-plan.json'].dependency_analysis_source).not.toBe(a.dependency_analysis_source);
    const imported = { ...example(), source: { dependencyGraphId: 'dep_graph_1' } };
    expect(quick(imported)['execution-plan.json']).toMatchObject({ dependency_analysis_source: 'dep_graph_1', dependency_analysis_source_kind: 'imported' });
  });

  it('a pool whose capacity drops shows up as a resource constraint and in the resource-conflict recovery procedure', () => {
    const names = (a: ReturnType<typeof quick>) =>
      a['execution-plan.json'].resource_analysis.resource_constraints.filter((c) => c.constraint_type === 'saturated_pool').flatMap((c) => c.pools);
    const before = quick(example());
    expect(names(before)).not.toContain('ci');
    expect(before['risk-mitigation-plan.json'].recovery_procedures.resource_conflict.pools).not.toContain('ci');
    const input = example();
    input.infrastructure = input.infrastructure!.map((r) => (r.id === 'ci' ? { ...r, capacity: 1 } : r));
    const after = quick(input);
    expect(names(after)).toContain('ci');
    const rc = after['risk-mitigation-plan.json'].recovery_procedures.resource_conflict;
    expect(rc.pools).toContain('ci');
    expect(rc.resolution).toContain('ci');
  });

  it('the input’s resource constraints are listed as given; unknown pool ids are refused with their path', () => {
    const input = { ...example(), resourceConstraints: [{ type: 'licence', description: 'Two seats of the load-test tool', pools: ['staging'] }] };
    expect(Value.Check(PlanInput, input)).toBe(true);
    const c = quick(input)['execution-plan.json'].resource_analysis.resource_constraints.find((x) => x.origin === 'input')!;
    expect(c).toMatchObject({ constraint_type: 'licence', description: 'Two seats of the load-test tool', pools: ['staging'] });
    const bad = { ...example(), resourceConstraints: [{ type: 'licence', pools: ['nowhere'] }] };
    const err = thrown(PlanInputError, () => quick(bad));
    expect(err.issues[0]).toMatchObject({ code: 'unknown_resource', path: '/resourceConstraints/0/pools/0' });
  });

  it('milestones: the end of each wave, the finish, hand-overs into critical phases, and a zero-duration phase', () => {
    const input = example();
    input.phases.push({ id: 'go-live', name: 'Go live', duration: 0, dependencies: ['launch'], skills: ['devops'] });
    const a = quick(input);
    const ms = a['execution-plan.json'].milestones;
    const waves = a['wave-schedules.json'].waves;
    expect(
      ms
        .filter((m) => m.kind === 'wave_end')
        .map((m) => m.date)
        .sort(),
    ).toEqual(waves.map((w) => w.finish_date).sort());
    expect(ms.at(-1)).toMatchObject({ kind: 'finish', date: a['execution-plan.json'].project_context.completion_date });
    expect(ms.find((m) => m.kind === 'phase')!.phases).toEqual(['go-live']);
    const critical = new Set(a['execution-plan.json'].schedule.filter((s) => s.critical).map((s) => s.id));
    for (const m of ms.filter((x) => x.kind === 'sync_point')) expect(critical.has(m.phases[1]!)).toBe(true);
    expect(ms.map((m) => m.day)).toEqual([...ms.map((m) => m.day)].sort((x, y) => x - y));
  });
});

describe('wave-schedules.json: risk level, deliverables, coordination requirements', () => {
  it('deliverables are the input’s, else the areas, never invented; risk level is the highest of the risks on the wave', () => {
    const input = example();
    input.phases[0]!.deliverables = ['Terraform stack', 'CI pipeline'];
    const a = quick(input);
    const phases = a['wave-schedules.json'].waves.flatMap((w) => w.phases);
    expect(phases.find((p) => p.id === 'infra-setup')).toMatchObject({ deliverables: ['Terraform stack', 'CI pipeline'], deliverables_source: 'input' });
    expect(phases.find((p) => p.id === 'db-schema')).toMatchObject({ deliverables: ['db/migrations/'], deliverables_source: 'areas' });
    const risks = a['risk-mitigation-plan.json'].risk_management.risks;
    const order = ['low', 'medium', 'high', 'critical'];
    for (const w of a['wave-schedules.json'].waves) {
      const touching = risks.filter((r) => r.phases.some((p) => w.phases.some((x) => x.id === p)));
      expect(w.risks).toEqual(touching.map((r) => r.id));
      expect(w.risk_level).toBe(order[Math.max(0, ...touching.map((r) => order.indexOf(r.level)))]);
    }
  });

  it('two teams sharing an area in one wave: a contract sync point, a coordination requirement and a cross-team review naming both', () => {
    const a = quick(twoTeamsShareAnArea());
    const contract = a['coordination-protocols.json'].coordination_protocols.synchronization_points.find((s) => s.kind === 'contract')!;
    expect(contract.participants.sort()).toEqual(['x', 'y']);
    expect(contract.phases.sort()).toEqual(['a', 'b']);
    expect(contract.deliverables.join(' ')).toContain('src/shared');
    const wave1 = a['wave-schedules.json'].waves[0]!;
    expect(wave1.coordination_requirements.find((r) => r.type === 'contract')).toMatchObject({ sync_id: contract.sync_id });
    const review = a['risk-mitigation-plan.json'].quality_assurance.code_review.cross_team_reviews;
    expect(review.map((r) => r.teams)).toContainEqual(['x', 'y']);
    // Without the shared area: none of the three.
    const b = quick(twoTeamsShareAnArea(false));
    expect(b['coordination-protocols.json'].coordination_protocols.synchronization_points.some((s) => s.kind === 'contract')).toBe(false);
    expect(b['risk-mitigation-plan.json'].quality_assurance.code_review.cross_team_reviews).toEqual([]);
    // The execution plan counts them too: its two sync point figures add up to the protocols' list.
    for (const [artifacts, contracts] of [
      [a, 1],
      [b, 0],
      [quick(example()), undefined],
    ] as const) {
      const points = artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points;
      const m = artifacts['execution-plan.json'].metrics;
      expect(m.sync_points + m.contract_sync_points).toBe(points.length);
      expect(m.contract_sync_points).toBe(contracts ?? points.filter((p) => p.kind === 'contract').length);
    }
  });
});

describe('coordination-protocols.json: decisions, state synchronization, sync point details', () => {
  it('decision roles and escalation criteria come from the input, the rest are defaults marked so', () => {
    const input = { ...example(), coordination: { decisionRoles: { technical: 'architect' }, escalationCriteria: { timelineImpacts: 'any slip of launch' } } };
    const dm = quick(input)['coordination-protocols.json'].coordination_protocols.decision_making;
    expect(dm.decision_types.technical_decisions).toEqual({ role: 'architect', source: 'input' });
    expect(dm.decision_types.coordination_decisions.source).toBe('default');
    expect(dm.escalation_criteria.timeline_impacts).toEqual({ criterion: 'any slip of launch', source: 'input' });
    const def = quick(example())['coordination-protocols.json'].coordination_protocols.decision_making;
    expect(def.escalation_criteria.technical_conflicts).toEqual({ criterion: 'unresolved after 4 h of a blocked session', source: 'default' });
    expect(def.escalation_criteria.resource_conflicts.criterion).toContain('staging');
  });

  it('hand-over sync points carry what the downstream phase needs of the upstream one', () => {
    const input = example();
    input.phases.find((p) => p.id === 'auth')!.deliverables = ['Session tokens API'];
    const sync = quick(input)['coordination-protocols.json'].coordination_protocols.synchronization_points;
    const h = sync.find((s) => s.kind === 'handover' && s.phases[0] === 'auth' && s.phases[1] === 'web-shell')!;
    expect(h.deliverables[0]).toContain('Session tokens API');
    expect(h.duration_minutes).toBeGreaterThan(0);
    expect(h.preparation_requirements.join(' ')).toContain('Session tokens API');
    // listings-api → payments: both touch api/listings/, which is what is handed over.
    const l = sync.find((s) => s.kind === 'handover' && s.phases[0] === 'listings-api' && s.phases[1] === 'payments')!;
    expect(l.deliverables).toEqual(['api/listings/ (from listings-api for payments)']);
  });

  it('state synchronization names the service’s mechanisms with this plan’s heartbeat', () => {
    const input = example();
    input.constraints = { ...input.constraints, escalation: { heartbeatTimeoutSeconds: 90 } };
    const ss = quick(input)['coordination-protocols.json'].session_coordination.state_synchronization;
    expect(ss.mechanisms.map((m) => m.mechanism)).toEqual(['claims', 'heartbeats', 'event_log', 'event_stream', 'webhooks']);
    expect(ss.mechanisms[1]!.description).toContain('every 30 s');
  });
});

describe('risk-mitigation-plan.json and monitoring-config.json', () => {
  it('each mitigation strategy names risks of the register, and every risk is mitigated by one', () => {
    const r = quick(example())['risk-mitigation-plan.json'].risk_management;
    const ids = r.risks.map((x) => x.id);
    expect(r.mitigation_strategies.flatMap((m) => m.mitigates).sort()).toEqual([...ids].sort());
    for (const m of r.mitigation_strategies) expect(m.success_metrics.length).toBeGreaterThan(0);
  });

  it('targets are the strategy’s or the input’s, never the plan’s own figure; the thresholds move with the Monte Carlo spread', () => {
    const metrics = (a: ReturnType<typeof quick>) => Object.fromEntries(a['monitoring-config.json'].monitoring_and_control.metrics.map((m) => [m.id, m]));
    const m = metrics(quick(example()));
    expect(m.parallel_execution_efficiency).toMatchObject({ target: 65, target_source: 'strategy' });
    expect(m.coordination_overhead).toMatchObject({ target: 10, target_source: 'strategy' });
    expect(m.utilisation_web).toMatchObject({ target: 80, target_source: 'strategy' });
    expect(m.parallel_execution_efficiency!.planned).not.toBe(65);
    const input = { ...example(), monitoring: { parallelEfficiencyPercent: 30 }, constraints: { ...example().constraints, successCriteria: { utilisationPercent: 50 } } };
    const n = metrics(quick(input));
    expect(n.parallel_execution_efficiency).toMatchObject({ target: 30, target_source: 'input' });
    expect(n.utilisation_web).toMatchObject({ target: 50, target_source: 'input' });
    // Wider estimates widen the spread: the P95-based critical threshold drops.
    const wide = example();
    wide.phases = wide.phases.map((p) => ({
      ...p,
      duration:
        typeof p.duration === 'number' ? { optimistic: p.duration, likely: p.duration, pessimistic: p.duration * 4 } : { ...p.duration, pessimistic: p.duration.pessimistic * 3 },
    }));
    const w = metrics(quick({ ...wide, monitoring: { parallelEfficiencyPercent: 100 } }));
    const base = metrics(quick({ ...example(), monitoring: { parallelEfficiencyPercent: 100 } }));
    expect(w.parallel_execution_efficiency!.critical).toBeLessThan(base.parallel_execution_efficiency!.critical);
  });

  it('periodic assessment and success metrics follow the plan’s dates and figures', () => {
    const a = quick(example());
    const mc = a['monitoring-config.json'].monitoring_and_control;
    const weekly = mc.periodic_assessment.find((x) => x.id === 'weekly_progress_review')!;
    expect(weekly.dates).toEqual(a['coordination-protocols.json'].coordination_protocols.communication_schedule.find((m) => m.id === 'weekly_integration_review')!.dates);
    expect(mc.periodic_assessment.find((x) => x.id === 'post_project_retrospective')!.dates).toEqual([a['risk-mitigation-plan.json'].schedule_risk.planned_date]);
    const tr = mc.success_metrics.quantitative.find((x) => x.id === 'time_reduction')!;
    expect(tr.planned).toBe(a['execution-plan.json'].metrics.time_savings_percent);
    expect(mc.success_metrics.business.find((x) => x.id === 'delivery_date')!.target).toBe('2027-03-26');
  });

  it('every new field is in the artifact schemas and in the example’s artifacts', () => {
    const a = quick(example());
    for (const [name, schema] of Object.entries(ARTIFACT_SCHEMAS)) expect(Value.Check(schema, a[name as keyof typeof a]), name).toBe(true);
    const ep = ARTIFACT_SCHEMAS['execution-plan.json'].properties;
    for (const k of ['dependency_analysis_source', 'planning_date', 'milestones'] as const) expect(ep[k]).toBeDefined();
    expect(ARTIFACT_SCHEMAS['risk-mitigation-plan.json'].properties.recovery_procedures).toBeDefined();
    expect(ARTIFACT_SCHEMAS['monitoring-config.json'].properties.monitoring_and_control.properties.periodic_assessment).toBeDefined();
    // Published in the OpenAPI document (npm run openapi), input fields included.
    const openapi = readFileSync(repoPath('openapi', 'openapi.json'), 'utf8');
    for (const field of [
      'planning_date',
      'dependency_analysis_source_kind',
      'milestones',
      'risk_level',
      'coordination_requirements',
      'deliverables_source',
      'decision_making',
      'state_synchronization',
      'preparation_requirements',
      'mitigation_strategies',
      'code_review',
      'recovery_procedures',
      'periodic_assessment',
      'success_metrics',
      'planned_meets_target',
      'resourceConstraints',
      'decisionRoles',
      'escalationCriteria',
      'parallelEfficiencyPercent',
    ])
      expect(openapi, field).toContain(`"${field}"`);
    const { planning_date: _p, ...withoutDate } = a['execution-plan.json'];
    expect(Value.Check(ARTIFACT_SCHEMAS['execution-plan.json'], withoutDate)).toBe(false);
  });
});
