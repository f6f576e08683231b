import type { PlanInput } from '../../src/schemas/plan-input.js';

/** A synthetic plan of n phases: each waits on one or two earlier ones, 50 to a group, every 100th a milestone. */
export function largeInput(n: number): PlanInput {
  const teams = Array.from({ length: 8 }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}`, size: 3, skills: [] }));
  const phases = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `Phase ${i}`,
    duration: i % 100 === 99 ? 0 : 1 + ((i * 7) % 5),
    dependencies: i < 13 ? [] : [...new Set([`p${i - 8 - (i % 5)}`, ...(i % 3 === 0 ? [`p${i - 3}`] : [])])],
    group: `Epic ${Math.floor(i / 50)}`,
  }));
  return { name: `large ${n}`, startDate: '2026-09-07', teams, phases, planning: { iterations: 0, monteCarloIterations: 50 } };
}
