import type { Recommendations, Recommendation } from '../../schemas/artifacts/execution-plan.js';
import type { PlanInput } from '../../schemas/plan-input.js';
import type { ScenarioChange } from '../../schemas/scenario-change.js';
import type { WorkCalendar } from '../calendar.js';
import { computePlan, type EngineOptions, type WarmStart } from '../engine.js';
import { PlanInputError } from '../errors.js';
import { percentValue as pct, r2 } from '../format.js';
import type { PlanResult } from '../model.js';
import { applyChanges, describeChange } from './changes.js';
import { deadlineFacts, successCriteria, type Criterion } from './criteria.js';

export interface AdvisorOptions extends Pick<EngineOptions, 'clock'> {
  /** Most changed inputs to re-plan (candidates and trade-off points together). Default 16. */
  maxPlans?: number;
  /**
   * Work of all re-plans together, in phase-schedules (phases × schedules evaluated): each re-plan's
   * search is capped at its share, so that the advisor's cost does not grow with the plan's size.
   * Counted, not timed, so the recommendations are the same on any machine. Default 6 000 000.
   * When it cannot pay for whole searches, the re-plans are warm-started and spend half of it.
   */
  workBudget?: number;
  /** A safety net only, when a clock is given: no re-plan starts past this many milliseconds. Default 30 000. */
  budgetMs?: number;
  /**
   * When the work budget cannot pay for whole searches: start each capped re-plan from the current
   * plan's schedule (engine warmStart) with an even share of half the budget (default), or, when false,
   * search from scratch with the shares carried over (the path before warm starts, for comparison).
   */
  warmStart?: boolean;
}

interface Candidate {
  change: ScenarioChange[];
}

type Planned = PlanResult & { calendar: WorkCalendar };

const EPS = 1e-6;
/**
 * Share of the work budget warm-started re-plans spend: from the current plan, half the schedules
 * reach about the quality of whole-budget searches from scratch (docs/benchmarks.md, advisor).
 */
const WARM_SHARE = 0.5;
/** Schedules a re-plan's search evaluates at least, however large the plan. */
const MIN_REPLAN_ITERATIONS = 30;
const RANKING =
  'saved days are the current makespan minus the re-planned one; targets are the missed criteria the re-plan moved towards their target; ' +
  'changes that help a missed criterion come first, then by days saved per unit of added capacity (changes adding none first)';
const METHOD =
  'each candidate change is applied to the input and re-planned by the same engine with the same seed and search budget ' +
  '(when the work budget cannot pay for whole searches, each is stopped after its share of replan_iterations schedules: the same search, so planning the changed input gives that makespan or a shorter one); ' +
  RANKING;
const METHOD_WARM =
  'each candidate change is applied to the input and re-planned by the same engine with the same seed, its search warm-started from the current plan ' +
  "(the current plan's order and teams decoded first) and capped at replan_iterations schedules, as the work budget cannot pay for whole searches on a plan this size; " +
  'each makespan is a schedule that re-plan found and reproduces (not exact: planning the changed input from scratch may differ either way; when it equals the lower bound no shorter one exists); ' +
  RANKING;

const totalFte = (r: PlanResult) => r.project.teams.reduce((a, t) => a + t.capacity, 0);
const safeId = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._:-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100) || 'extra';

/** Teams whose capacity decides the finish: most work on the schedule's critical phases first, then the most utilised. */
export function bottleneckTeams(result: PlanResult): number[] {
  const { project, schedule, scheduleSlack, metrics } = result;
  const critical = new Float64Array(project.teams.length);
  for (const p of project.phases) {
    const t = schedule.team[p.index]!;
    if (t >= 0 && scheduleSlack[p.index]! < EPS) critical[t]! += schedule.finish[p.index]! - schedule.start[p.index]!;
  }
  return project.teams
    .map((t) => t.index)
    .filter((t) => metrics.teamLoads[t]!.phases.length > 0)
    .sort((a, b) => critical[b]! - critical[a]! || metrics.teamLoads[b]!.utilisation - metrics.teamLoads[a]!.utilisation || a - b);
}

/** The changes worth re-planning, in the order they are tried (the budget may stop before the last). */
export function candidateChanges(input: PlanInput, result: PlanResult, missed: string[]): Candidate[] {
  const { project, schedule, scheduleSlack, metrics } = result;
  const out: Candidate[] = [];
  for (const t of bottleneckTeams(result).slice(0, 3)) {
    const id = project.teams[t]!.id;
    for (const people of [1, 2]) out.push({ change: [{ kind: 'add_people', team: id, people }] });
  }
  if (missed.includes('utilisation')) {
    // Idle capacity is the other way to miss utilisation: the least used teams, one person fewer.
    const idle = project.teams
      .filter((t) => t.size > 1 && metrics.teamLoads[t.index]!.utilisation < project.constraints.successTargets.utilisationPercent / 100)
      .sort((a, b) => metrics.teamLoads[a.index]!.utilisation - metrics.teamLoads[b.index]!.utilisation || a.index - b.index);
    for (const t of idle.slice(0, 2)) out.push({ change: [{ kind: 'add_people', team: t.id, people: -1 }] });
  }
  const used = new Set(project.phases.flatMap((p) => p.skills));
  const owners = new Map<number, string[]>();
  for (const s of [...used].sort()) {
    const holders = project.teams.filter((t) => t.skills.includes(s));
    if (holders.length === 1) owners.set(holders[0]!.index, [...(owners.get(holders[0]!.index) ?? []), s]);
  }
  for (const [t, skills] of [...owners].slice(0, 2)) {
    const needing = project.phases.filter((p) => p.skills.length > 0 && p.skills.every((s) => skills.includes(s)));
    if (needing.length === 0) continue;
    const size = Math.max(1, Math.ceil(Math.max(...needing.map((p) => p.teamSize))));
    const id = safeId(`${project.teams[t]!.id}-backup`);
    if (project.teams.some((x) => x.id === id)) continue;
    out.push({ change: [{ kind: 'add_team', team: { id, name: `Backup for ${project.teams[t]!.name}`, size, skills } }] });
  }
  const buffer = pct(project.constraints.capacityBuffer);
  if (buffer > 10) out.push({ change: [{ kind: 'set_buffer', percent: 10 }] });
  project.infrastructure.forEach((r) => {
    if (metrics.infrastructurePeak[r.index]! >= 1 - EPS) out.push({ change: [{ kind: 'set_pool_capacity', pool: r.id, capacity: r.capacity + 1 }] });
  });
  const limit = project.constraints.maxConcurrentSessions;
  if (limit !== undefined && result.waves.some((w) => w.maxConcurrent >= limit)) out.push({ change: [{ kind: 'set_max_sessions', sessions: limit + 2 }] });
  const critical = project.phases.filter(
    (p) => scheduleSlack[p.index]! < EPS && schedule.finish[p.index]! - schedule.start[p.index]! > EPS && !input.progress?.phases.some((x) => x.id === p.id),
  );
  const longest = critical.sort((a, b) => b.duration - a.duration || a.index - b.index)[0];
  if (longest) out.push({ change: [{ kind: 'split_phase', phase: longest.id, parts: 2 }] });
  out.push(...softDependencyCandidates(result));
  return out;
}

/**
 * Relaxing soft dependencies: all of them, and each of the (at most two) the schedule's critical
 * phases wait on, a phase starting just as the phase it soft-depends on finishes.
 */
function softDependencyCandidates(result: PlanResult): Candidate[] {
  const { project, schedule, scheduleSlack } = result;
  const soft = project.softDependencies;
  if (!soft || soft.relaxed) return [];
  const out: Candidate[] = [{ change: [{ kind: 'relax_soft_dependencies' }] }];
  if (soft.links.length === 1) return out;
  const binding = soft.links.filter((l) => scheduleSlack[l.phase]! < EPS && Math.abs(schedule.start[l.phase]! - schedule.finish[l.on]!) < EPS);
  for (const l of binding.slice(0, 2)) out.push({ change: [{ kind: 'relax_soft_dependency', phase: project.phases[l.phase]!.id, on: project.phases[l.on]!.id }] });
  return out;
}

/** The current plan as a warm start: per phase id, its start and team. */
export function warmStartOf(result: PlanResult): WarmStart {
  const { project, schedule } = result;
  const warm = new Map<string, { start: number; team: string | null }>();
  for (const p of project.phases) {
    const t = schedule.team[p.index]!;
    warm.set(p.id, { start: schedule.start[p.index]!, team: t >= 0 ? project.teams[t]!.id : null });
  }
  return warm;
}

/** A split phase's parts start where the phase did, on its team. */
const withParts = (warm: WarmStart, input: PlanInput): WarmStart => {
  const out = new Map(warm);
  for (const p of input.phases) {
    const whole = /^(.*)\.part-\d+$/.exec(p.id)?.[1];
    const from = whole === undefined || out.has(p.id) ? undefined : warm.get(whole);
    if (from) out.set(p.id, from);
  }
  return out;
};

export interface ReplanOptions {
  /** Caps the changed input's iteration budget. */
  iterationsCap: number;
  /** Start the search from this plan's schedule (warmStartOf); absent: the plan's own search from scratch. */
  warmStart?: WarmStart;
}

/**
 * Plans a changed input through the engine as the advisor does, or undefined when the change
 * makes it invalid. No clock: the search ends by its (capped) iteration budget or its lower bound,
 * never by time, so it is reproducible — this is the function that reproduces an inexact item.
 */
export function replanChange(input: PlanInput, change: ScenarioChange[], options: ReplanOptions): Planned | undefined {
  try {
    const changed = applyChanges(input, change);
    return computePlan(changed, { iterationsCap: options.iterationsCap, ...(options.warmStart ? { warmStart: withParts(options.warmStart, changed) } : {}) });
  } catch (err) {
    if (err instanceof PlanInputError) return undefined;
    throw err;
  }
}

function addedCapacity(base: PlanResult, next: PlanResult, change: ScenarioChange): { amount: number; unit: string } {
  switch (change.kind) {
    case 'set_pool_capacity':
      return { amount: r2(change.capacity - base.project.infrastructure.find((r) => r.id === change.pool)!.capacity), unit: `${change.pool} units` };
    case 'set_max_sessions':
      return { amount: (change.sessions ?? 0) - (base.project.constraints.maxConcurrentSessions ?? 0), unit: 'sessions' };
    default: {
      const fte = r2(totalFte(next) - totalFte(base));
      return Math.abs(fte) > EPS ? { amount: fte, unit: 'FTE' } : { amount: 0, unit: 'none' };
    }
  }
}

const metIds = (cs: Criterion[]) => cs.filter((c) => c.met).map((c) => c.criterion);

/** What a re-planned candidate buys, or undefined when it neither saves days nor moves a missed criterion towards its target. */
function judgeCandidate(result: Planned, missedCriteria: Criterion[], change: ScenarioChange[], next: Planned): Omit<Recommendation, 'exact'> | undefined {
  const base = result.schedule.makespan;
  const saved = base - next.schedule.makespan;
  const judged = successCriteria(next, undefined, deadlineFacts(next, next.calendar));
  const improves = missedCriteria
    .filter((m) => {
      const after = judged.find((c) => c.criterion === m.criterion);
      return after !== undefined && (m.comparison === 'at_least' ? after.value > m.value + EPS : after.value < m.value - EPS);
    })
    .map((m) => m.criterion);
  if (saved <= EPS && improves.length === 0) return undefined;
  const added = addedCapacity(result, next, change[0]!);
  return {
    change,
    description: change.map(describeChange).join('; '),
    targets: improves,
    makespan_days: r2(next.schedule.makespan),
    saved_days: r2(saved),
    saved_percent: base > 0 ? r2((saved / base) * 100) : 0,
    utilisation_percent: pct(next.metrics.utilisation),
    added_capacity: added,
    extra_person_days: added.unit === 'FTE' ? r2(added.amount * next.schedule.makespan) : 0,
    saved_days_per_unit: added.amount > EPS ? r2(saved / added.amount) : null,
    criteria_met: metIds(judged),
  };
}

/** Changes that help a missed criterion first, then by days saved per unit of added capacity (changes adding none first). */
const byValue = (a: Recommendation, b: Recommendation) =>
  (a.targets.length > 0 ? 0 : 1) - (b.targets.length > 0 ? 0 : 1) ||
  (a.saved_days_per_unit === null ? 0 : 1) - (b.saved_days_per_unit === null ? 0 : 1) ||
  (a.saved_days_per_unit === null ? b.saved_days - a.saved_days : b.saved_days_per_unit! - a.saved_days_per_unit!) ||
  b.saved_days - a.saved_days ||
  (a.description < b.description ? -1 : 1);

/**
 * Shares the work budget (phase-schedules) among the re-plans. When it pays for every re-plan's
 * whole search, each runs the plan's own search (exact). Otherwise each is warm-started from the
 * current plan with an even share of WARM_SHARE of the budget (fixed shares, so re-plans do not
 * depend on each other). Without warm starts the shares of the whole budget carry over: one that
 * ends early leaves more to the next. Counted, never timed.
 */
function workShares(budget: number, iterations: number, planned: number, n: number, warmFrom: WarmStart | undefined) {
  let left = budget;
  let remaining = Math.max(1, planned);
  const per = (work: number) => Math.max(MIN_REPLAN_ITERATIONS, Math.floor(work / (Math.max(1, n) * remaining)));
  const warm = per(budget) < iterations ? warmFrom : undefined;
  const even = Math.min(iterations, per(budget * WARM_SHARE));
  let least = iterations;
  return {
    /** The re-plan, and whether it is what planning the changed input gives (its own search, not warm-started nor stopped at the cap). */
    replan(input: PlanInput, change: ScenarioChange[]): [Planned | undefined, boolean] {
      const cap = warm ? even : Math.min(iterations, Math.max(MIN_REPLAN_ITERATIONS, Math.floor(left / (Math.max(1, n) * remaining))));
      least = Math.min(least, cap);
      remaining = Math.max(1, remaining - 1);
      const next = replanChange(input, change, { iterationsCap: cap, ...(warm ? { warmStart: warm } : {}) });
      if (!next) return [undefined, false];
      left = Math.max(0, left - next.project.phases.length * next.search.evaluated);
      return [next, !warm && (cap >= iterations || next.search.evaluated < cap)];
    },
    leastCap: () => least,
    warm: () => warm !== undefined,
  };
}

/** Decides whether another re-plan may start: the plan count, and the clock as a safety net only (which then says it stopped the evaluation). */
function planBudget(options: AdvisorOptions) {
  const maxPlans = options.maxPlans ?? 16;
  const budgetMs = options.budgetMs ?? 30_000;
  const t0 = options.clock?.() ?? 0;
  const state = {
    evaluated: 0,
    complete: true,
    stoppedBy: undefined as Recommendations['stopped_by'],
    /** False (and the evaluation incomplete) when no further re-plan may start. */
    next(): boolean {
      if (!state.complete) return false;
      const elapsed = options.clock ? options.clock() - t0 : 0;
      const late = options.clock !== undefined && elapsed + (state.evaluated > 0 ? elapsed / state.evaluated : 0) > budgetMs;
      if (state.evaluated >= maxPlans) state.stoppedBy = 'plan_count';
      else if (late) state.stoppedBy = 'time_safety_net';
      else state.evaluated++;
      state.complete = state.stoppedBy === undefined;
      return state.complete;
    },
  };
  return state;
}

/**
 * Recommendations for a plan that misses a criterion: candidate changes re-planned through the
 * engine (deterministic for a seed whenever the plans themselves are), ranked, with the trade-off
 * curve (team size → makespan) of the bottleneck team.
 */
export function recommend(input: PlanInput, result: Planned, criteria: Criterion[], options: AdvisorOptions = {}): Recommendations {
  const missedCriteria = criteria.filter((c) => !c.met);
  const iterations = result.project.planning.iterations;
  const empty: Recommendations = { evaluated: 0, candidates: 0, complete: true, method: METHOD, replan_iterations: iterations, warm_start: false, items: [], trade_off: null };
  if (missedCriteria.length === 0) return empty;
  const candidates = candidateChanges(
    input,
    result,
    missedCriteria.map((c) => c.criterion),
  );
  const bottleneck = bottleneckTeams(result)[0];
  const budget = planBudget(options);
  const planned = Math.min(options.maxPlans ?? 16, candidates.length + (bottleneck === undefined ? 0 : 2));
  const warmFrom = options.warmStart === false ? undefined : warmStartOf(result);
  const work = workShares(options.workBudget ?? 6_000_000, iterations, planned, input.phases.length, warmFrom);

  const bySize = new Map<number, Planned>();
  const items: Recommendation[] = [];
  for (const cand of candidates) {
    if (!budget.next()) break;
    const [next, exact] = work.replan(input, cand.change);
    if (!next) continue;
    const c = cand.change[0]!;
    if (c.kind === 'add_people' && bottleneck === result.project.teams.findIndex((t) => t.id === c.team)) bySize.set(result.project.teams[bottleneck]!.size + c.people, next);
    const item = judgeCandidate(result, missedCriteria, cand.change, next);
    if (item) items.push({ ...item, exact });
  }
  items.sort(byValue);

  let trade_off: Recommendations['trade_off'] = null;
  if (bottleneck !== undefined) {
    const team = result.project.teams[bottleneck]!;
    bySize.set(team.size, result);
    for (const size of [team.size + 3, team.size + 4]) {
      if (!budget.next()) break;
      const [next] = work.replan(input, [{ kind: 'resize_team', team: team.id, size }]);
      if (next) bySize.set(size, next);
    }
    trade_off = {
      team: team.id,
      points: [...bySize.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([size, r]) => ({ size, fte: r2(r.project.teams[bottleneck]!.capacity), makespan_days: r2(r.schedule.makespan), utilisation_percent: pct(r.metrics.utilisation) })),
    };
  }
  return {
    evaluated: budget.evaluated,
    candidates: candidates.length,
    complete: budget.complete,
    ...(budget.stoppedBy ? { stopped_by: budget.stoppedBy } : {}),
    method: work.warm() ? METHOD_WARM : METHOD,
    replan_iterations: work.leastCap(),
    warm_start: work.warm(),
    items,
    trade_off,
  };
}
