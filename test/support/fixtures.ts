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
