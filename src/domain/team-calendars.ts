import type { WorkCalendar } from './calendar.js';
import { teamCapacity } from './capacity.js';
import { PlanInputError, type InputIssue } from './errors.js';
import type { Project, Team, TeamBlock } from './model.js';

interface Stretch {
  from: number;
  to: number;
  /** People away (Infinity: the whole team), or the team's size from `from` on. */
  people: number;
  reason: string;
}

/** A team's calendar as day stretches: its leave, its non-working days and its size over time. Checks the dates' order. */
function stretches(t: Team, calendar: WorkCalendar, issues: InputIssue[]): { away: Stretch[]; sizes: { from: number; size: number; date: string }[] } {
  const c = t.calendar ?? {};
  const away: Stretch[] = [];
  (c.leave ?? []).forEach((l, k) => {
    if (l.to < l.from)
      issues.push({
        code: 'invalid_leave',
        message: `team "${t.id}": leave ends (${l.to}) before it begins (${l.from})`,
        path: `/teams/${t.index}/calendar/leave/${k}/to`,
        ids: [t.id],
      });
    const who = l.people !== undefined ? `${l.people} ${l.people === 1 ? 'person' : 'people'}` : 'whole team';
    away.push({
      from: Math.max(0, calendar.dayOf(l.from)),
      to: calendar.endOfDate(l.to),
      people: l.people ?? Infinity,
      reason: `leave ${l.from}–${l.to} (${l.reason ? `${l.reason}, ` : ''}${who})`,
    });
  });
  for (const d of c.nonWorkingDays ?? []) away.push({ from: Math.max(0, calendar.dayOf(d)), to: calendar.endOfDate(d), people: Infinity, reason: `non-working day ${d}` });
  const sizes = [...(c.capacity ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1)).map((e) => ({ from: Math.max(0, calendar.dayOf(e.from)), size: e.size, date: e.from }));
  return { away: away.filter((a) => a.to > a.from), sizes };
}

/**
 * People there per stretch between consecutive bounds, and why fewer, in one sweep over the
 * bounds (leave starting and ending as events, sizes in date order): linear in the calendar's
 * entries, so a thousand leave periods on a thousand teams stay cheap.
 */
function sweep(
  bounds: number[],
  away: Stretch[],
  sizes: { from: number; size: number; date: string }[],
  base: number,
): { from: number; to: number; people: number; reasons: string[] }[] {
  const starts = [...away].sort((a, b) => a.from - b.from);
  const active = new Set<Stretch>();
  const out: { from: number; to: number; people: number; reasons: string[] }[] = [];
  let next = 0;
  let sized = -1;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    for (const a of active) if (a.to <= from) active.delete(a);
    while (next < starts.length && starts[next]!.from <= from) active.add(starts[next++]!);
    while (sized + 1 < sizes.length && sizes[sized + 1]!.from <= from) sized++;
    const size = sized >= 0 ? sizes[sized]!.size : base;
    let gone = 0;
    for (const a of active) gone += a.people;
    const reasons = [...active].slice(0, 3).map((a) => a.reason);
    if (active.size > 3) reasons.push(`${active.size - 3} more`);
    const following = sizes[sized + 1];
    if (sizes.length > 0) reasons.push(`team of ${size}${sized >= 0 ? ` from ${sizes[sized]!.date}` : ''}${following ? ` until ${following.date}` : ''}`);
    out.push({ from, to, people: size - Math.min(size, gone), reasons });
  }
  return out;
}

/**
 * The FTE each team lacks, stretch by stretch, against the most it ever has: the schedule reserves
 * that much of the team (problem.ts capacity = the most). `end` (all the work, lags and releases)
 * bounds how far past the last date named the last stretch runs.
 */
export function teamBlocks(project: Project, calendar: WorkCalendar, buffer: number, end: number): { blocks: TeamBlock[]; peak: number[]; until: number } | undefined {
  if (!project.teams.some((t) => t.calendar)) return undefined;
  const issues: InputIssue[] = [];
  const blocks: TeamBlock[] = [];
  const peak = project.teams.map((t) => t.capacity);
  const named = project.teams.map((t) => {
    if (!t.calendar) return undefined;
    const { away, sizes } = stretches(t, calendar, issues);
    return { away, sizes, inner: [...sizes.map((s) => s.from), ...away.flatMap((a) => [a.from, a.to])] };
  });
  // Past the last date any team's calendar names every capacity is constant, so no phase a team
  // has the people for is pushed further than all the work from there: the last stretch ends
  // there (one team's leave can delay another team's phases, so the date is the same for all).
  const stop = Math.max(0, ...named.flatMap((c) => c?.inner ?? [])) + end;
  for (const t of project.teams) {
    const c = named[t.index];
    if (!c) continue;
    const fte = (people: number) => teamCapacity(people, t.availability, buffer, t.hoursPerWeek);
    const bounds = [...new Set([0, stop, ...c.inner])].sort((a, b) => a - b);
    const segments = sweep(bounds, c.away, c.sizes, t.size).map((g) => ({ ...g, fte: fte(g.people) }));
    const most = Math.max(t.capacity, ...segments.map((s) => s.fte));
    peak[t.index] = most;
    for (const s of segments) if (most - s.fte > 1e-9) blocks.push({ team: t.index, from: s.from, to: s.to, amount: most - s.fte, left: s.fte, reasons: s.reasons });
  }
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
  return { blocks, peak, until: stop };
}

/**
 * Refuses a schedule that put a phase on a team with a calendar past the days the calendars
 * describe (`until`, the same day for every team): that
 * happens only when no team that may take it has its people on any day it can start — a team that
 * had them early and shrank before the phase's dependencies let it begin.
 */
export function refuseNoCapacityWindow(project: Project, schedule: { start: ArrayLike<number>; team: ArrayLike<number> }, calendars: { blocks: TeamBlock[]; until: number }): void {
  const issues: InputIssue[] = [];
  for (const p of project.phases) {
    const t = schedule.team[p.index]!;
    if (t < 0 || !project.teams[t]!.calendar || schedule.start[p.index]! + 1e-6 < calendars.until) continue;
    const last = calendars.blocks.filter((b) => b.team === t && b.to >= calendars.until - 1e-9).flatMap((b) => b.reasons);
    issues.push({
      code: 'no_capacity_window',
      message: `phase "${p.id}" needs ${p.demand} FTE of its team, and no team that may take it has them on any day it can start${last.length > 0 ? ` (${project.teams[t]!.id}: ${last.join('; ')})` : ''}`,
      path: `/phases/${p.index}/teamSize`,
      ids: [p.id],
    });
  }
  if (issues.length > 0) throw new PlanInputError(issues[0]!.code, issues);
}

/**
 * Why a phase's team calendar moved it, in words, or undefined: a block of an eligible team inside
 * the days the phase could otherwise have run ([ready, ready + duration)) that put it on another
 * team, or a block of its own team between when it was ready and when it starts.
 */
export function calendarNote(
  blocks: TeamBlock[],
  eligible: number[],
  team: number,
  ready: number,
  start: number,
  duration: number,
  teamId: (t: number) => string,
  dateOf: (day: number) => string,
): string | undefined {
  const overlaps = (b: TeamBlock, a: number, z: number) => b.from < z - 1e-9 && b.to > a + 1e-9;
  const delayed = start > ready + 1e-6 ? blocks.filter((b) => b.team === team && overlaps(b, ready, start)) : [];
  if (delayed.length > 0) return `${teamId(team)}: ${delayed.flatMap((b) => b.reasons).join('; ')} — starts ${dateOf(start)}, after it`;
  const moved = blocks.filter((b) => b.team !== team && eligible.includes(b.team) && overlaps(b, ready, ready + Math.max(duration, 1)));
  if (moved.length > 0 && team >= 0)
    return `${teamId(moved[0]!.team)}: ${moved
      .filter((b) => b.team === moved[0]!.team)
      .flatMap((b) => b.reasons)
      .join('; ')} — planned on ${teamId(team)}`;
  return undefined;
}

/**
 * For the Monte Carlo: per phase, the stretches [from, to) (flat pairs, in order) in which its
 * planned team has too few people left for it, or undefined. A sample that would run the phase
 * into one starts it when the stretch ends.
 */
export function calendarGaps(project: Project, team: ArrayLike<number>, blocks: TeamBlock[] | undefined): (Float64Array | undefined)[] | undefined {
  if (!blocks || blocks.length === 0) return undefined;
  return project.phases.map((p) => {
    const t = team[p.index]!;
    if (t < 0 || p.duration <= 0) return undefined;
    const gaps = blocks.filter((b) => b.team === t && b.left + 1e-9 < p.demand).sort((a, b) => a.from - b.from);
    return gaps.length > 0 ? Float64Array.from(gaps.flatMap((b) => [b.from, b.to])) : undefined;
  });
}
