import { AppError } from '../errors.js';
import { PlanInputError } from '../domain/errors.js';
import { planProject } from '../domain/plan.js';
import type { PlanInput } from '../schemas/plan-input.js';
import type { Planner } from './planner.js';

export interface DomainPlannerOptions {
  timeBudgetCapMs?: number;
  maxPhases?: number;
  maxTeams?: number;
}

/** Limits that keep one request from monopolising the service; the schema's own maxima are higher. */
export function checkLimits(input: PlanInput, { maxPhases = Infinity, maxTeams = Infinity }: DomainPlannerOptions): void {
  if (input.phases.length > maxPhases) {
    throw new AppError(422, 'too_many_phases', `a plan may have at most ${maxPhases} phases; this one has ${input.phases.length}`, [
      { path: '/phases', message: `more than ${maxPhases} phases`, code: 'too_many_phases' },
    ]);
  }
  if (input.teams.length > maxTeams) {
    throw new AppError(422, 'too_many_teams', `a plan may have at most ${maxTeams} teams; this one has ${input.teams.length}`, [
      { path: '/teams', message: `more than ${maxTeams} teams`, code: 'too_many_teams' },
    ]);
  }
}

/** Maps the domain's input errors to a 422 with every offending field. */
export function toAppError(err: unknown): unknown {
  if (err instanceof PlanInputError) {
    return new AppError(
      422,
      err.code,
      err.message,
      err.issues.map((i) => ({ path: i.path, message: i.message, code: i.code, ...(i.ids ? { ids: i.ids } : {}) })),
    );
  }
  return err;
}

/** The planner that runs the domain engine in this process. */
export function createDomainPlanner(options: DomainPlannerOptions = {}): Planner {
  return async (input, ids) => {
    checkLimits(input, options);
    try {
      return planProject(input, ids, { clock: () => performance.now(), ...(options.timeBudgetCapMs !== undefined ? { timeBudgetCapMs: options.timeBudgetCapMs } : {}) });
    } catch (err) {
      throw toAppError(err);
    }
  };
}
