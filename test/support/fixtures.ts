import { readFileSync } from 'node:fs';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

/** Inputs the tests share, read from the repository. No Vitest hooks: unit tests and child processes import this too. */

export const examplePath = repoPath('examples', 'web-product.json');

/** The web-product example, a fresh copy each call; `planning` is merged over its planning settings. */
export function exampleInput(planning?: PlanInput['planning']): PlanInput {
  const input = JSON.parse(readFileSync(examplePath, 'utf8')) as PlanInput;
  return planning ? { ...input, planning: { ...input.planning, ...planning } } : input;
}

/** A plan with a group, a zero-duration phase, a holiday, a priority and a stretched phase (UI team: 1.92 people for a 2-person phase). */
export function groupedInput(): PlanInput {
  return {
    name: 'Grouped & <escaped>',
    startDate: '2027-01-04',
    calendar: { holidays: ['2027-01-06'] },
    teams: [
      { id: 'api', name: 'API team', size: 2, skills: ['backend'] },
      { id: 'ui', name: 'UI team', size: 3, skills: ['frontend'], availability: 80 },
    ],
    planning: { iterations: 200, monteCarloIterations: 100 },
    phases: [
      { id: 'schema', name: 'Schema', duration: 2, skills: ['backend'], group: 'Backend' },
      { id: 'service', name: 'Service', duration: 1.5, dependencies: ['schema'], skills: ['backend'], group: 'Backend', priority: 5 },
      { id: 'screens', name: 'Screens', duration: 3, teamSize: 2, skills: ['frontend'] },
      { id: 'launch', name: 'Launch', duration: 0, dependencies: ['service', 'screens'] },
    ],
  };
}
