import { own } from './own.js';
import type { PlanInput } from '../schemas/plan-input.js';
import { WorkCalendar } from './calendar.js';
import { criticalPath } from './cpm.js';
import { dateDays, finishByKey, hardFinishBy, refuseInfeasibleDates, refuseUnmetDates, withNotBefore } from './date-constraints.js';
import { PlanInputError, type InputIssue } from './errors.js';
import { descendantCounts, descendants, transitiveReduction } from './graph.js';
import { normalise } from './input.js';
import type { ProgressCallback } from './progress.js';
import { computeMetrics } from './efficiency.js';
import type { PlanResult, Project, ReplanBasis, TeamBlock } from './model.js';
import { refuseNoCapacityWindow, teamBlocks } from './team-calendars.js';
import { seededRandom } from './random.js';
import { alapSchedule } from './schedule/alap.js';
import { boundsAt, lowerBounds } from './schedule/bounds.js';
import { resourceFlow } from './schedule/flow.js';
import { Justifier } from './schedule/justify.js';
import { buildProblem, type Pins, type SchedulingProblem } from './schedule/problem.js';
import { listByKey, priorityKeys } from './schedule/rules.js';
import type { SearchHelperFactory } from './schedule/lanes.js';
import { lanesFor, searchSchedule } from './schedule/search.js';
import { SerialSgs } from './schedule/sgs.js';
import { withWaveBarriers } from './wave-barrier.js';
import { buildWaves } from './waves.js';

export interface EngineOptions {
  /** Milliseconds, for the time budget; the domain has no clock of its own. */
  clock?: () => number;
  /** Caps the time budget the input asks for. */
  timeBudgetCapMs?: number;
  /**
   * Caps the input's iteration budget. The search is the same for a seed whatever its budget, only
   * stopped earlier, so a capped run's makespan is never shorter than the uncapped one's.
   */
  iterationsCap?: number;
  /** Told how far the schedule search has got (stage 'schedule', schedules evaluated of the budget). Observes only. */
  onProgress?: ProgressCallback;
  /** Makes a thread that evaluates half of each generation of a large plan's search (lanes.ts); the plan is the same without one. */
  searchHelper?: SearchHelperFactory;
  /**
   * Warm start from a plan of a similar input (the advisor's base plan): per phase id, the day it
   * started and its team there. The search first decodes that order with those teams, then the same
   * order with the teams the scheme picks (so added capacity can draw phases); phases not named go
   * by their earliest start. A capped search then starts from the other plan's schedule.
   * Deterministic for a seed; a different trajectory than without it.
   */
  warmStart?: WarmStart;
}

export type WarmStart = ReadonlyMap<string, { start: number; team: string | null }>;

/** The warm start as this problem's seeds: the order of the given days, each phase on its given team where that team is eligible; then the same order, teams left to the scheme. */
function warmSeeds(project: Project, problem: SchedulingProblem, es: ArrayLike<number>, warm: WarmStart): { list: Int32Array; teams?: Int32Array }[] {
  const teamOf = new Map(project.teams.map((t) => [t.id, t.index]));
  const key = Float64Array.from(project.phases, (p) => warm.get(p.id)?.start ?? es[p.index]!);
  const teams = Int32Array.from(project.phases, (p) => {
    const id = warm.get(p.id)?.team;
    const t = id === undefined || id === null ? -1 : (teamOf.get(id) ?? -1);
    return t >= 0 && problem.eligible[p.index]!.includes(t) ? t : -1;
  });
  const list = listByKey(problem, key);
  return [{ list, teams }, { list }];
}

/** Share of an overrunning phase assumed still to do when its session reported no percentage. */
const OVERRUN_REMAINING = 0.1;

/** Turns reported progress into pinned phases and release days (a re-plan from where things stand). */
function progressPins(input: PlanInput, project: Project, cal: WorkCalendar): { pins: Pins; basis: ReplanBasis } | undefined {
  const progress = input.progress;
  if (!progress) return undefined;
  const n = project.phases.length;
  const indexOf = new Map(project.phases.map((p) => [p.id, p.index]));
  const teamOf = new Map(project.teams.map((t) => [t.id, t.index]));
  const duration = Float64Array.from(project.phases, (p) => p.duration);
  const pinnedStart = new Float64Array(n).fill(NaN);
  const pinnedTeam = new Int32Array(n).fill(-1);
  const issues: InputIssue[] = [];
  const lastActual = progress.phases.reduce((a, p) => (p.actualFinish && p.actualFinish > a ? p.actualFinish : p.actualStart > a ? p.actualStart : a), input.startDate);
  const asOfDay = Math.max(0, cal.dayOf(progress.asOf ?? lastActual));
  const basis: ReplanBasis = { asOfDay, completed: [], inProgress: [] };

  progress.phases.forEach((pp, i) => {
    const j = indexOf.get(pp.id);
    if (j === undefined) {
      issues.push({ code: 'unknown_phase', message: `progress names unknown phase "${pp.id}"`, path: `/progress/phases/${i}/id`, ids: [pp.id] });
      return;
    }
    let team = -1;
    if (pp.team !== undefined) {
      const t = teamOf.get(pp.team);
      if (t === undefined) issues.push({ code: 'unknown_team', message: `progress names unknown team "${pp.team}"`, path: `/progress/phases/${i}/team`, ids: [pp.team] });
      else team = t;
    } else if (pp.status === 'in_progress') team = project.eligibleTeams[j]![0] ?? -1;
    const s = Math.max(0, cal.dayOf(pp.actualStart));
    pinnedStart[j] = s;
    pinnedTeam[j] = team;
    if (pp.status === 'completed') {
      if (!pp.actualFinish) {
        issues.push({ code: 'missing_actual_finish', message: `completed phase "${pp.id}" needs actualFinish`, path: `/progress/phases/${i}/actualFinish` });
        return;
      }
      duration[j] = Math.max(0, cal.dayOf(pp.actualFinish) + 1 - s);
      basis.completed.push(j);
    } else {
      const planned = project.phases[j]!.duration;
      const from = Math.max(s, asOfDay);
      const remaining = pp.percentComplete !== undefined ? planned * (1 - pp.percentComplete / 100) : Math.max(s + planned - from, planned * OVERRUN_REMAINING);
      duration[j] = from + remaining - s;
      basis.inProgress.push(j);
    }
  });
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);

  const release = new Float64Array(n);
  for (const p of project.phases) release[p.index] = Math.max(asOfDay, own(progress.baseline, p.id) ?? 0);
  return { pins: { release, pinnedStart, pinnedTeam, duration }, basis };
}

/**
 * The scheduling problem of a project: a phase holds its FTE demand of its team (capacity.ts),
 * which is below its head count when it is stretched. Use this, not buildProblem alone.
 */
export function schedulingProblem(project: Project, pins?: Pins): SchedulingProblem {
  return { ...buildProblem(project, pins), teamSize: Float64Array.from(project.phases, (p) => p.demand) };
}

/** A day no schedule needs to go past: all the work one after another, after the latest release, plus every lag. */
function workHorizon(p: SchedulingProblem): number {
  let end = 1 + Math.max(0, ...p.release);
  for (let j = 0; j < p.n; j++) end += p.duration[j]!;
  for (const deltas of p.predDelta ?? []) for (const d of deltas) end += Math.abs(d);
  return Math.ceil(end);
}

/** Team calendars in the problem: each team at the most it ever has, less what its calendar blocks day by day. */
function calendarCapacity(p: SchedulingProblem, calendars: { blocks: TeamBlock[]; peak: number[] }): Pick<SchedulingProblem, 'capacity' | 'blocked'> {
  return {
    capacity: Float64Array.from(p.capacity, (c, r) => (r < p.teamCount ? calendars.peak[r]! : c)),
    blocked: calendars.blocks.map((b) => ({ res: b.team, from: b.from, to: b.to, amount: b.amount })),
  };
}

/** The whole planning run: validate, analyse the graph, schedule under resources, derive waves and metrics. */
export function computePlan(input: PlanInput, options: EngineOptions = {}): PlanResult & { calendar: WorkCalendar } {
  const project = normalise(input);
  const calendar = new WorkCalendar(project.startDate, project.calendar);
  const replan = progressPins(input, project, calendar);
  const dates = dateDays(project, calendar);
  const graph = schedulingProblem(project, dates ? withNotBefore(replan?.pins, dates) : replan?.pins);
  // Barrier gating is precedence between whole waves: the schedule keeps them apart; the graph's own edges stay for hand-overs.
  const waveGating = input.constraints?.waveGating ?? 'flow';
  const gated = waveGating === 'barrier' ? withWaveBarriers(graph, project) : graph;
  const calendars = teamBlocks(project, calendar, project.constraints.capacityBuffer, workHorizon(gated));
  const problem: SchedulingProblem =
    dates || calendars ? { ...gated, ...(dates ? hardFinishBy(project, dates) : {}), ...(calendars ? calendarCapacity(gated, calendars) : {}) } : gated;

  const cpmRelease = replan ? problem.release.map((r, j) => (Number.isNaN(problem.pinnedStart[j]!) ? r : problem.pinnedStart[j]!)) : dates ? problem.release : undefined;
  const cpm = criticalPath(problem, problem.duration, cpmRelease);
  if (dates) refuseInfeasibleDates(project, cpm, dates, problem.pinnedStart);
  // Past the last refusal before the search, so that the thread loads while the rules and bounds are worked out.
  const helper = lanesFor(problem.n) > 1 ? options.searchHelper?.(problem) : undefined;
  const reach = descendants(graph);
  const descendantsCount = descendantCounts(reach);
  const reducedEdges = transitiveReduction(graph, reach);

  const rules = priorityKeys(problem, { lf: cpm.lf, ls: cpm.ls, descendants: descendantsCount });
  if (input.progress?.baseline) {
    const baseline = input.progress.baseline;
    rules.unshift({ name: 'baseline', key: Float64Array.from(project.phases, (p) => own(baseline, p.id) ?? cpm.es[p.index]!) });
  }
  if (dates?.finishBy.some((d) => !Number.isNaN(d))) rules.unshift({ name: 'finish-no-later-than', key: finishByKey(problem, cpm.lf, dates.finishBy) });
  // Heads and tails only hold without fixed work: pins make the critical path differ per phase.
  const ht = replan ? undefined : { head: cpm.es, tail: cpm.lf.map((lf) => cpm.length - lf) };
  const bounds = lowerBounds(problem, cpm.length, ht);
  const lowerBound = bounds.best;
  const budget = Math.min(project.planning.timeBudgetMs, options.timeBudgetCapMs ?? Infinity);
  const t0 = options.clock?.() ?? 0;
  const found = searchSchedule(problem, {
    rng: seededRandom(project.planning.seed),
    iterations: Math.min(project.planning.iterations, options.iterationsCap ?? Infinity),
    timeBudgetMs: budget,
    ...(options.clock ? { clock: options.clock } : {}),
    lowerBound,
    rules,
    ...(options.warmStart ? { seeds: warmSeeds(project, problem, cpm.es, options.warmStart) } : {}),
    ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!('schedule', done, total) } : {}),
    ...(helper ? { helper } : {}),
  });
  const elapsedMs = options.clock ? options.clock() - t0 : 0;
  const alap = project.phases.map((p) => p.alap);
  const best = alap.some(Boolean) ? alapSchedule(problem, found.best, alap) : found.best;
  const schedule = { start: best.start, finish: best.finish, team: best.team, makespan: best.makespan };

  if (calendars) refuseNoCapacityWindow(project, schedule, calendars);
  const resourceEdges = resourceFlow(problem, schedule.start, schedule.finish, schedule.team);
  if (dates) refuseUnmetDates({ project, schedule, resourceEdges }, dates, problem.pinnedStart);
  const right = new Justifier(problem, new SerialSgs(problem)).rightJustify(best);
  const scheduleSlack = Float64Array.from(right.start, (s, j) => Math.max(0, s - schedule.start[j]!));
  const { waves, waveOf } = buildWaves(project, schedule);
  const result: PlanResult & { calendar: WorkCalendar } = {
    project,
    cpm,
    schedule,
    scheduleSlack,
    bounds: boundsAt(bounds, schedule.makespan),
    waves,
    waveOf,
    metrics: computeMetrics(project, schedule, waves, waveOf, reducedEdges, replan?.basis),
    search: {
      seed: project.planning.seed,
      iterations: project.planning.iterations,
      evaluated: found.evaluated,
      generations: found.generations,
      initialMakespan: found.initialMakespan,
      origin: found.origin,
      elapsedMs,
      helpedLanes: found.helpedLanes,
      bestAt: found.bestAt,
      stoppedBy: found.stoppedBy,
    },
    reducedEdges,
    descendants: descendantsCount,
    resourceEdges,
    calendar,
    waveGating,
    ...(dates ? { dateDays: dates } : {}),
    ...(calendars ? { teamBlocks: calendars.blocks } : {}),
  };
  if (replan) result.replan = replan.basis;
  return result;
}
