import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { planProject } from '../src/domain/plan.js';
import { repoPath } from '../src/paths.js';
import type { PlanInput } from '../src/schemas/plan-input.js';

/** The planning date the committed example outputs are made with (a real run uses its own today). */
export const EXAMPLE_PLANNING_DATE = '2026-12-01';

/** The example's outputs, committed so a reader can see them: strategy document, Gantt chart, playbooks. */
export function exampleOutputs() {
  const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
  // No clock: the iteration budget alone ends the search, and the planning date is fixed, so the output is reproducible.
  const planned = planProject(input, { planningDate: EXAMPLE_PLANNING_DATE });
  return {
    'web-product.strategy.md': planned.document,
    'web-product.gantt.svg': planned.gantt,
    ...Object.fromEntries(Object.entries(planned.playbooks).map(([team, md]) => [`web-product.playbook.${team}.md`, md])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(repoPath('examples', 'output'), { recursive: true });
  for (const [name, text] of Object.entries(exampleOutputs())) {
    writeFileSync(repoPath('examples', 'output', name), text);
    console.log(`wrote examples/output/${name}`);
  }
}
