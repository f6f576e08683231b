import type { PlanInput } from '../../src/schemas/plan-input.js';
import { seededRandom } from '../../src/domain/random.js';

/**
 * A seeded synthetic project: `phases` phases whose dependencies point at most `reach` phases
 * back, `teams` teams holding two of twelve skills each, and two shared infrastructure pools.
 */
export function syntheticInput(opts: { phases: number; teams: number; seed?: number; reach?: number; teamSize?: [number, number] }): PlanInput {
  const rng = seededRandom(opts.seed ?? 7);
  const skills = Array.from({ length: 12 }, (_, i) => `skill${i}`);
  const [minSize, maxSize] = opts.teamSize ?? [1, 3];
  const teams = Array.from({ length: opts.teams }, (_, t) => ({
    id: `team${t}`,
    size: minSize + rng.int(maxSize - minSize + 1),
    skills: [skills[t % 12]!, skills[(t * 5 + 3) % 12]!],
  }));
  const held = [...new Set(teams.flatMap((t) => t.skills))];
  const reach = opts.reach ?? 200;
  const phases: PlanInput['phases'] = [];
  for (let i = 0; i < opts.phases; i++) {
    const deps = new Set<string>();
    if (i >= 10) for (let k = 0, m = 1 + rng.int(3); k < m; k++) deps.add(`p${Math.max(0, i - 1 - rng.int(reach))}`);
    const likely = 1 + rng.int(10);
    phases.push({
      id: `p${i}`,
      name: `Phase ${i}`,
      duration: { optimistic: likely * 0.7, likely, pessimistic: likely * (1.3 + rng.next()) },
      dependencies: [...deps],
      skills: [held[rng.int(held.length)]!],
      teamSize: 1,
      ...(rng.next() < 0.2 ? { resources: { [rng.next() < 0.5 ? 'ci' : 'staging']: 1 } } : {}),
    });
  }
  return {
    name: `synthetic ${opts.phases} phases`,
    startDate: '2027-01-04',
    teams,
    phases,
    infrastructure: [
      { id: 'ci', capacity: Math.max(2, Math.round(opts.phases / 100)) },
      { id: 'staging', capacity: Math.max(1, Math.round(opts.phases / 200)) },
    ],
    constraints: { capacityBuffer: 0 },
  };
}
