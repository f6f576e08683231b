import type { PlanInput } from '../schemas/plan-input.js';
import type { InputIssue } from './errors.js';

/** Unknown pool, team and phase ids named by the input's resource constraints (issue #14 block of the plan input). */
export function resourceConstraintIssues(input: PlanInput): InputIssue[] {
  const known = {
    pools: new Set((input.infrastructure ?? []).map((r) => r.id)),
    teams: new Set(input.teams.map((t) => t.id)),
    phases: new Set(input.phases.map((p) => p.id)),
  };
  const codes = { pools: 'unknown_resource', teams: 'unknown_team', phases: 'unknown_phase' } as const;
  const issues: InputIssue[] = [];
  (input.resourceConstraints ?? []).forEach((c, i) => {
    for (const field of ['pools', 'teams', 'phases'] as const) {
      (c[field] ?? []).forEach((id, k) => {
        if (!known[field].has(id))
          issues.push({
            code: codes[field],
            message: `resource constraint "${c.type}" names unknown ${field.slice(0, -1)} "${id}"`,
            path: `/resourceConstraints/${i}/${field}/${k}`,
            ids: [id],
          });
      });
    }
  });
  return issues;
}
