import type { WorkCalendar } from './calendar.js';
import type { Cpm, PlanResult, Project } from './model.js';
import { PlanInputError, type InputIssue } from './errors.js';
import { linkDelta } from './links.js';
import type { Pins, SchedulingProblem } from './schedule/problem.js';

const EPS = 1e-6;

export interface DateDays {
  /** Working day before which the phase may not start (0 when unconstrained). */
  notBefore: Float64Array;
  /** Working day by which it should finish (the end of its finishNoLaterThan date), NaN when unconstrained. */
  finishBy: Float64Array;
}

/** The phases' date constraints in working days, or undefined when the input has none. */
export function dateDays(project: Project, calendar: WorkCalendar): DateDays | undefined {
  if (!project.phases.some((p) => p.startNoEarlierThan !== undefined || p.finishNoLaterThan !== undefined)) return undefined;
  return {
    notBefore: Float64Array.from(project.phases, (p) => (p.startNoEarlierThan !== undefined ? Math.max(0, calendar.dayOf(p.startNoEarlierThan)) : 0)),
    finishBy: Float64Array.from(project.phases, (p) => (p.finishNoLaterThan !== undefined ? calendar.endOfDate(p.finishNoLaterThan) : NaN)),
  };
}

/** The hard finish-no-later-than days the schedule search meets first (problem.finishBy), when there are any. */
export function hardFinishBy(project: Project, dates: DateDays): Pick<SchedulingProblem, 'finishBy'> {
  const by = Float64Array.from(dates.finishBy, (d, j) => (Number.isNaN(d) || project.phases[j]!.finishConstraint !== 'hard' ? Infinity : d));
  return by.some((d) => d !== Infinity) ? { finishBy: by } : {};
}

/** Start-no-earlier-than dates as release days, beside a re-plan's own. */
export function withNotBefore(pins: Pins | undefined, dates: DateDays): Pins {
  const release = Float64Array.from(dates.notBefore, (d, j) => Math.max(d, pins?.release?.[j] ?? 0));
  return { ...pins, release };
}

/**
 * The chain of phases that sets phase j's start in a timing (the critical path's or a schedule's):
 * each step back is a link whose distance is exactly met, or else an edge of `extra` (resource
 * flow: the phase took over a team or pool) whose predecessor finishes exactly then. First entry
 * first; the chain ends at a phase nothing holds back except its release (a date, or day 0).
 */
export function bindingChain(project: Pick<Project, 'phases'>, start: ArrayLike<number>, finish: ArrayLike<number>, j: number, extra: [number, number][] = []): number[] {
  const chain = [j];
  const seen = new Set(chain);
  for (let v = j; ;) {
    const d = finish[v]! - start[v]!;
    const link = project.phases[v]!.links.find((l) => Math.abs(start[l.on]! + linkDelta(l.type, l.lag, finish[l.on]! - start[l.on]!, d) - start[v]!) < EPS);
    const u = link?.on ?? extra.find(([a, b]) => b === v && Math.abs(finish[a]! - start[v]!) < EPS)?.[0];
    if (u === undefined || seen.has(u)) break;
    chain.unshift(u);
    seen.add(u);
    v = u;
  }
  return chain;
}

/** "a → b → c", and what holds the first back when it is a start-no-earlier-than date. */
export function chainText(project: Project, chain: number[], notBefore: ArrayLike<number>, start: ArrayLike<number>): string {
  const first = project.phases[chain[0]!]!;
  const held = first.startNoEarlierThan !== undefined && notBefore[first.index]! > 0 && Math.abs(start[first.index]! - notBefore[first.index]!) < EPS;
  return `${chain.map((k) => project.phases[k]!.id).join(' → ')}${held ? ` (${first.id} may not start before ${first.startNoEarlierThan})` : ''}`;
}

/** Hard finish-no-later-than dates the critical path alone already misses: 422, naming the chain that makes each impossible. */
export function refuseInfeasibleDates(project: Project, cpm: Cpm, dates: DateDays, pinned: ArrayLike<number>): void {
  const issues: InputIssue[] = [];
  for (const p of project.phases) {
    const by = dates.finishBy[p.index]!;
    if (Number.isNaN(by) || p.finishConstraint !== 'hard' || !Number.isNaN(pinned[p.index]!) || cpm.ef[p.index]! <= by + EPS) continue;
    const chain = bindingChain(project, cpm.es, cpm.ef, p.index);
    issues.push({
      code: 'finish_constraint_infeasible',
      message: `phase "${p.id}" must finish by ${p.finishNoLaterThan} (working day ${by}) but cannot finish before day ${round(cpm.ef[p.index]!)} even with unlimited teams: ${chainText(project, chain, dates.notBefore, cpm.es)}`,
      path: `/phases/${p.index}/finishNoLaterThan`,
      ids: chain.map((k) => project.phases[k]!.id),
    });
  }
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
}

/** Hard finish-no-later-than dates the schedule found still misses (teams and pools make them late): 422 naming what each waits for. */
export function refuseUnmetDates(result: Pick<PlanResult, 'project' | 'schedule' | 'resourceEdges'>, dates: DateDays, pinned: ArrayLike<number>): void {
  const { project, schedule } = result;
  const issues: InputIssue[] = [];
  for (const p of project.phases) {
    const by = dates.finishBy[p.index]!;
    if (Number.isNaN(by) || p.finishConstraint !== 'hard' || !Number.isNaN(pinned[p.index]!) || schedule.finish[p.index]! <= by + EPS) continue;
    const chain = bindingChain(project, schedule.start, schedule.finish, p.index, result.resourceEdges);
    issues.push({
      code: 'finish_constraint_unmet',
      message:
        `phase "${p.id}" must finish by ${p.finishNoLaterThan} (working day ${by}); the best schedule found with these teams and pools finishes it on day ${round(schedule.finish[p.index]!)}, ` +
        `after ${chainText(project, chain, dates.notBefore, schedule.start)}. Add capacity, or make the constraint soft to plan it late and see the risk`,
      path: `/phases/${p.index}/finishNoLaterThan`,
      ids: chain.map((k) => project.phases[k]!.id),
    });
  }
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
}

/**
 * Latest finish per phase under the finish-no-later-than days as well as the project end: the
 * priority key that lets the search put the phases those dates depend on first.
 */
export function finishByKey(p: SchedulingProblem, lf: ArrayLike<number>, finishBy: Float64Array): Float64Array {
  const key = Float64Array.from(lf, (x, j) => (Number.isNaN(finishBy[j]!) ? x : Math.min(x, finishBy[j]!)));
  for (let k = p.n - 1; k >= 0; k--) {
    const v = p.order[k]!;
    const s = p.succs[v]!;
    for (let q = 0; q < s.length; q++) {
      const u = s[q]!;
      const delta = p.succDelta ? p.succDelta[v]![q]! : p.duration[v]!;
      key[v] = Math.min(key[v]!, key[u]! - p.duration[u]! - delta + p.duration[v]!);
    }
  }
  return key;
}

const round = (x: number) => Math.round(x * 100) / 100;
