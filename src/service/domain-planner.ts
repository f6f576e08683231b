import { AppError, fromPlanInputError } from '../errors.js';
import { PlanInputError } from '../domain/errors.js';
import { contentHash } from '../domain/content-hash.js';
import { planProject, type PlannedVersion } from '../domain/plan.js';
import { planningDateOf, utcDate } from '../domain/planning-date.js';
import type { PlanInput } from '../schemas/plan-input.js';
import type { Planner } from './planner.js';
import { coreLoad, holdingCore } from './core-load.js';
import { createSearchHelper } from './search-helper.js';
import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../cache.js';
import { jsonText } from '../store/json-text.js';

export interface DomainPlannerOptions {
  timeBudgetCapMs?: number;
  maxPhases?: number;
  maxTeams?: number;
  /** The service's clock, for the planning date (default: the system clock). */
  now?: () => Date;
}

/** The planning date of an input (a re-plan's as-of date, else today by the service's clock) and the memo key it plans under. */
export function planningKey(input: PlanInput, options: Pick<DomainPlannerOptions, 'now'>): { planningDate: string; key: string } {
  const planningDate = planningDateOf(input, utcDate((options.now ?? (() => new Date()))()));
  return { planningDate, key: contentHash({ input, planningDate }) };
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

/** Retained bytes of a computed plan: its object graph and the JSON text and bytes made from it, estimated from the text. */
function plannedBytes(p: PlannedVersion): number {
  return 3 * (jsonText(p.artifacts).length + jsonText(p.schedule).length + jsonText(p.playbooks).length) + 2 * (p.document.length + p.gantt.length);
}

/**
 * Plans are a function of their input and planning date, so recent ones are kept by content hash: orchestrators
 * re-post the same input (retries, several plans of one project) and get it without a re-run.
 * Bounded by bytes (default 128 MiB), so a run of huge plans cannot grow the process.
 */
export class PlanMemo {
  private readonly entries: LRUCache<string, PlannedVersion>;

  constructor(maxBytes = 128 * 1024 * 1024) {
    this.entries = boundedCache<PlannedVersion>({ maxBytes, sizeOf: plannedBytes });
  }

  get(key: string): PlannedVersion | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PlannedVersion): void {
    this.entries.set(key, value);
  }

  /** Bytes held, as estimated. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

/** The planner that runs the domain engine in this process. */
export function createDomainPlanner(options: DomainPlannerOptions = {}, memo = new PlanMemo()): Planner {
  return async (input) => {
    checkLimits(input, options);
    const { key, planningDate } = planningKey(input, options);
    const hit = memo.get(key);
    if (hit) return hit;
    try {
      // The main thread counts as at work while it plans, as the pool's threads do (core-load.ts).
      const planned = holdingCore(coreLoad, () =>
        planProject(input, {
          clock: () => performance.now(),
          searchHelper: createSearchHelper,
          planningDate,
          ...(options.timeBudgetCapMs !== undefined ? { timeBudgetCapMs: options.timeBudgetCapMs } : {}),
        }),
      );
      memo.set(key, planned);
      return planned;
    } catch (err) {
      throw err instanceof PlanInputError ? fromPlanInputError(err) : err;
    }
  };
}
