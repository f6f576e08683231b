import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { simulateSchedule } from '../../src/domain/montecarlo/index.js';
import { impactClass, riskLevel, riskRegister, type Risk } from '../../src/domain/artifacts/risks/index.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput } from '../support/fixtures.js';

const example = () => exampleInput({ iterations: 300, monteCarloIterations: 300 });

/** Plan, simulate (the input's Monte Carlo iterations and seed) and build the register. */
function register(input: PlanInput) {
  const result = computePlan(input);
  const mc = simulateSchedule(result, { iterations: result.project.planning.monteCarloIterations, seed: result.project.planning.seed });
  return { result, mc, risks: riskRegister(result, mc) };
}

const LEVELS: Risk['level'][] = ['low', 'medium', 'high', 'critical'];
const byCategory = (risks: Risk[], category: Risk['category']) => risks.filter((r) => r.category === category);

describe('riskRegister on the example', () => {
  const { result, mc, risks } = register(example());

  it('is well-formed, sorted by score, with sequential ids', () => {
    expect(risks.length).toBeGreaterThan(0);
    risks.forEach((r, k) => {
      expect(r.id).toBe(`risk_${String(k + 1).padStart(3, '0')}`);
      expect(r.probability).toBeGreaterThanOrEqual(0);
      expect(r.probability).toBeLessThanOrEqual(1);
      expect(r.impact).toBeGreaterThanOrEqual(1);
      expect(r.impact).toBeLessThanOrEqual(5);
      expect(r.score).toBeCloseTo(r.probability * r.impact, 2);
      expect(r.level).toBe(riskLevel(r.score));
      expect(r.description.length).toBeGreaterThan(40);
      expect(r.basis).toMatch(/probability =/);
      expect(r.detection.earlyWarningSigns.length).toBeGreaterThan(0);
      expect(r.prevention.length).toBeGreaterThan(0);
      expect(r.response.length).toBeGreaterThan(0);
      expect(r.contingency.length).toBeGreaterThan(0);
      for (const id of r.phases) expect(result.project.phases.some((p) => p.id === id)).toBe(true);
      for (const id of r.teams) expect(result.project.teams.some((t) => t.id === id)).toBe(true);
      if (k > 0) expect(risks[k - 1]!.score).toBeGreaterThanOrEqual(r.score);
    });
  });

  it('is deterministic', () => {
    expect(register(example()).risks).toEqual(risks);
  });

  it('names the blocking and the critical phases with their numbers', () => {
    const blocker = byCategory(risks, 'bottleneck').find((r) => r.phases[0] === 'db-schema');
    expect(blocker).toBeDefined();
    expect(blocker!.title).toContain(`blocks ${result.descendants[1]} of 14 phases`);
    expect(blocker!.description).toContain('Core database schema');
    const critical = byCategory(risks, 'critical_path');
    expect(critical.length).toBeGreaterThan(0);
    for (const r of critical) {
      const j = result.project.phases.findIndex((p) => p.id === r.phases[0]);
      expect(mc.criticalityIndex[j]).toBeGreaterThanOrEqual(0.3);
      expect(r.description).toContain(`${Math.round(mc.criticalityIndex[j]! * 100)} %`);
    }
  });

  it('flags the staging pool running at full capacity', () => {
    const staging = byCategory(risks, 'shared_infrastructure');
    expect(staging.map((r) => r.title)).toEqual([expect.stringContaining('Staging environment runs at 100 % of capacity')]);
  });

  it('detects nothing the plan does not show', () => {
    expect(byCategory(risks, 'merge_conflict')).toEqual([]);
    expect(byCategory(risks, 'deadline')).toEqual([]); // met in every sample
    expect(byCategory(risks, 'coordination_capacity')).toEqual([]); // waves stay within 6 sessions
    expect(byCategory(risks, 'team_overload')).toEqual([]); // no team above 85 %
  });
});

describe('riskRegister follows the input facts', () => {
  const spofFor = (risks: Risk[], skill: string) => byCategory(risks, 'skill_single_point_of_failure').find((r) => r.skills?.includes(skill));

  it('names the only team holding a skill, and drops the risk when a second team gains it', () => {
    // In the example only the Payments squad holds "payments".
    const single = spofFor(register(example()).risks, 'payments');
    expect(single).toBeDefined();
    expect(single!.teams).toEqual(['payments']);
    expect(single!.title).toBe('Only Payments squad holds payments');
    expect(single!.description).toContain('Payments squad (payments) is the only team with skill payments');
    expect(single!.phases).toContain('payments');

    // The Quality team (which holds security too) gains "payments": two holders, no single point of failure.
    const shared = example();
    shared.teams.find((t) => t.id === 'qa')!.skills.push('payments');
    expect(spofFor(register(shared).risks, 'payments')).toBeUndefined();

    // Remove the other holders again: the Platform team becomes the only one holding it.
    const moved = example();
    moved.teams.find((t) => t.id === 'payments')!.skills = ['backend', 'security'];
    moved.teams.find((t) => t.id === 'platform')!.skills.push('payments', 'security');
    const platform = spofFor(register(moved).risks, 'payments');
    expect(platform?.teams).toEqual(['platform']);
    expect(platform?.description).toContain('Platform team (platform) is the only team with skill');
  });

  it('flags two phases of one wave touching the same file', () => {
    const input = example();
    input.phases.find((p) => p.id === 'search')!.areas!.push('api/shared/pricing.ts');
    input.phases.find((p) => p.id === 'admin')!.areas!.push('api/shared/pricing.ts');
    const { result, risks } = register(input);
    const search = result.project.phases.findIndex((p) => p.id === 'search');
    const admin = result.project.phases.findIndex((p) => p.id === 'admin');
    expect(result.waveOf[search]).toBe(result.waveOf[admin]);
    const merge = byCategory(risks, 'merge_conflict');
    expect(merge).toHaveLength(1);
    expect([...merge[0]!.phases].sort()).toEqual(['admin', 'search']);
    expect(merge[0]!.title).toContain('api/shared/pricing.ts');
    expect(merge[0]!.description).toContain('"Search indexing and query" (search)');
    expect(merge[0]!.description).toContain('"Admin console" (admin)');
    expect(merge[0]!.description).toContain(`wave ${result.waveOf[search]! + 1}`);
  });

  it('matches an area with a file inside it', () => {
    const input = example();
    input.phases.find((p) => p.id === 'web-shell')!.areas!.push('web/components/button.tsx');
    input.phases.find((p) => p.id === 'payments')!.areas!.push('web/components/');
    const merge = byCategory(register(input).risks, 'merge_conflict');
    expect(merge.map((r) => [...r.phases].sort())).toContainEqual(['payments', 'web-shell']);
    expect(merge[0]!.title).toContain('web/components/button.tsx');
  });

  it('raises the deadline risk as the deadline moves earlier', () => {
    const at = (deadline: string) => {
      const input = example();
      input.constraints = { ...input.constraints, deadline };
      const { mc, risks } = register(input);
      return { probability: mc.deadline!.probability, risk: byCategory(risks, 'deadline')[0] };
    };
    const base = at('2027-03-26');
    const tight = at('2027-03-02');
    const tighter = at('2027-02-26');
    expect(base.probability).toBe(1);
    expect(base.risk).toBeUndefined();
    expect(tight.probability).toBeLessThan(base.probability);
    expect(tight.risk).toBeDefined();
    expect(tight.risk!.title).toBe(`Deadline 2027-03-02 is met in ${Math.round(tight.probability * 100)} % of simulations`);
    expect(tighter.probability).toBeLessThan(tight.probability);
    expect(tighter.risk!.probability).toBeGreaterThan(tight.risk!.probability);
    expect(LEVELS.indexOf(tighter.risk!.level)).toBeGreaterThan(LEVELS.indexOf(tight.risk!.level));
    expect(tighter.risk!.description).toContain('the plan itself needs');
  });
});

describe('riskRegister on small synthetic plans', () => {
  const base = (phases: PlanInput['phases'], extra: Partial<PlanInput> = {}): PlanInput => ({
    name: 'small',
    startDate: '2027-01-04',
    teams: [
      { id: 'a', size: 4, skills: ['x'] },
      { id: 'b', size: 4, skills: ['x'] },
    ],
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 50, monteCarloIterations: 300 },
    phases,
    ...extra,
  });
  const independent = (k: number, more: Partial<PlanInput['phases'][number]> = {}) =>
    Array.from({ length: k }, (_, i) => ({ id: `p${i}`, name: `Phase ${i}`, duration: 5, skills: ['x'], ...more }));

  it('finds no risk in an easy plan with ample capacity and no spread', () => {
    const { risks } = register(base(independent(2), { planning: { iterations: 20, monteCarloIterations: 100, defaultSpreadPercent: 0 } }));
    expect(risks).toEqual([]);
  });

  it('flags a pool that makes phases queue, naming the pool and the waiting phases', () => {
    const { risks } = register(base(independent(3, { resources: { lab: 1 } }), { infrastructure: [{ id: 'lab', name: 'Device lab', capacity: 1 }] }));
    const pool = byCategory(risks, 'shared_infrastructure');
    expect(pool).toHaveLength(1);
    expect(pool[0]!.title).toBe('Device lab runs at 100 % of capacity; 2 phases wait for it');
    expect(pool[0]!.description).toMatch(/p\d ready on day 0 but starts on day 5 \(5 days\)/);
    expect(pool[0]!.impactDays).toBe(15); // 5 + 10 days of queueing
  });

  it('flags a wave wider than the number of teams', () => {
    const { risks } = register(base(independent(6)));
    const wave = byCategory(risks, 'coordination_capacity');
    expect(wave).toHaveLength(1);
    expect(wave[0]!.title).toBe('Wave 1 runs 6 phases at once; coordination capacity is 2');
    expect(wave[0]!.probability).toBe(0.95);
  });

  it('flags an overloaded team', () => {
    const { risks } = register(
      base(
        Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, name: `Step ${i}`, duration: { optimistic: 2, likely: 3, pessimistic: 6 }, skills: ['y'] })),
        {
          teams: [
            { id: 'solo', name: 'Solo team', size: 1, skills: ['y'] },
            { id: 'idle', size: 1, skills: ['z'] },
          ],
        },
      ),
    );
    const overload = byCategory(risks, 'team_overload');
    expect(overload).toHaveLength(1);
    expect(overload[0]!.teams).toEqual(['solo']);
    expect(overload[0]!.title).toBe('Solo team is loaded at 100 % of its capacity');
    // Solo team also is the only holder of skill y.
    expect(byCategory(risks, 'skill_single_point_of_failure')[0]!.skills).toEqual(['y']);
  });

  it('grades impact by the delay relative to the makespan', () => {
    expect([0, 0.5, 1, 2.5, 6].map((d) => impactClass(d, 50))).toEqual([1, 2, 3, 4, 5]);
    expect(['low', 'medium', 'high', 'critical']).toEqual([0.5, 1, 2, 3.5].map(riskLevel));
  });
});
