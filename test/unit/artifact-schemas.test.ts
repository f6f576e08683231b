import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { planProject } from '../../src/domain/plan.js';
import { ARTIFACT_NAMES, ARTIFACT_SCHEMAS } from '../../src/schemas/artifacts/index.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { repoPath } from '../../src/paths.js';
import { seededRandom } from '../../src/domain/random.js';
import { exampleInput } from '../support/fixtures.js';

const example = () => exampleInput();

function expectValid(artifacts: Record<string, unknown>) {
  for (const name of ARTIFACT_NAMES) {
    const errors = [...Value.Errors(ARTIFACT_SCHEMAS[name], artifacts[name])].slice(0, 3);
    expect(errors, `${name}: ${JSON.stringify(errors)}`).toEqual([]);
  }
}

/** A random valid input: a DAG over 1–30 phases, 1–4 teams, optional pools, areas, estimates and a deadline. */
function randomInput(seed: number): PlanInput {
  const rng = seededRandom(seed);
  const skills = ['api', 'web', 'db', 'ops', 'qa'];
  const teams = Array.from({ length: 1 + rng.int(4) }, (_, t) => ({
    id: `team-${t}`,
    size: 1 + rng.int(4),
    skills: skills.filter(() => rng.next() < 0.5),
    availability: 50 + rng.int(51),
  }));
  teams[0]!.skills = [...skills];
  const n = 1 + rng.int(30);
  const pools = rng.next() < 0.5 ? [{ id: 'env', capacity: 1 + rng.int(2) }] : [];
  const areas = ['src/a/', 'src/b/', 'src/a/x.ts', 'docs/'];
  const phases = Array.from({ length: n }, (_, i) => {
    const d = 1 + rng.int(8);
    const deps = [...new Set(Array.from({ length: rng.int(3) }, () => rng.int(Math.max(1, i))))].filter((j) => j < i).map((j) => `p${j}`);
    return {
      id: `p${i}`,
      name: `Phase ${i}`,
      duration: rng.next() < 0.5 ? d : { optimistic: d * 0.5, likely: d, pessimistic: d * 2 },
      dependencies: deps,
      skills: rng.next() < 0.7 ? [skills[rng.int(skills.length)]!] : [],
      ...(pools.length > 0 && rng.next() < 0.4 ? { resources: { env: 1 } } : {}),
      ...(rng.next() < 0.3 ? { areas: [areas[rng.int(areas.length)]!] } : {}),
      ...(rng.next() < 0.2 ? { teamSize: 0 } : {}),
      ...(rng.next() < 0.3 ? { deliverables: [`output ${i}`], acceptanceCriteria: [`check ${i}`] } : {}),
    };
  });
  return {
    name: `random ${seed}`,
    startDate: '2027-01-04',
    teams,
    phases,
    ...(pools.length > 0 ? { infrastructure: pools } : {}),
    constraints: {
      capacityBuffer: rng.int(3) * 10,
      ...(rng.next() < 0.5 ? { deadline: '2027-02-15' } : {}),
      ...(rng.next() < 0.3 ? { maxConcurrentSessions: 1 + rng.int(3) } : {}),
    },
    planning: { seed, iterations: 100, monteCarloIterations: 200 },
    ...(rng.next() < 0.3 ? { resourceConstraints: [{ type: 'shared_database', teams: ['team-0'], ...(pools.length > 0 ? { pools: ['env'] } : {}) }] } : {}),
    ...(rng.next() < 0.3 ? { coordination: { decisionRoles: { technical: 'architect' }, escalationCriteria: { resourceConflicts: 'two teams waiting' } } } : {}),
    ...(rng.next() < 0.2 ? { monitoring: { parallelEfficiencyPercent: 50 } } : {}),
  };
}

describe('artifact schemas', () => {
  it('every artifact of the example plan validates against its JSON Schema', () => {
    const { artifacts } = planProject(example());
    expectValid(artifacts);
    // The check has teeth: a missing section or a wrong type is caught.
    const { risk_management: _dropped, ...withoutRisks } = artifacts['risk-mitigation-plan.json'];
    expect(Value.Check(ARTIFACT_SCHEMAS['risk-mitigation-plan.json'], withoutRisks)).toBe(false);
    expect(Value.Check(ARTIFACT_SCHEMAS['execution-plan.json'], { ...artifacts['execution-plan.json'], execution_plan_id: 1 })).toBe(false);
  });

  it('every artifact of 50 random plans validates against its JSON Schema', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { artifacts } = planProject(randomInput(seed));
      expectValid(artifacts);
    }
  });
});

describe('committed example outputs', () => {
  it('examples/output holds the current strategy document, Gantt chart and playbooks (run `npm run examples`)', async () => {
    const { exampleOutputs } = await import('../../scripts/write-examples.js');
    for (const [name, text] of Object.entries(exampleOutputs())) {
      expect(readFileSync(repoPath('examples', 'output', name), 'utf8'), name).toBe(text);
    }
  });
});
