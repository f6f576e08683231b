// @ts-check
// Where everything sits: the calendar-day scale at a zoom, each row's y, each phase's bar ends.
import { DAY_WIDTH } from './axis.js';
import { workCalendar } from './calendar.js';
import { groupsOf, linksOf, rowsOf } from './model.js';

/**
 * @typedef {import('../../types.js').PlanViewJson} PlanViewJson
 * @typedef {import('../../types.js').StatusJson} StatusJson
 * @typedef {import('./model.js').GanttEntry} GanttEntry
 * @typedef {import('./model.js').GroupJson} GroupJson
 * @typedef {import('./axis.js').Zoom} Zoom
 * @typedef {ReturnType<typeof ganttLayout>} Layout
 */

export const AXIS_H = 44;
export const ROW_H = 28;

/**
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 * @param {Zoom} zoom
 * @param {{ narrow?: boolean }} [options] narrow: a phone's screen, a slimmer label column without teams
 */
export function ganttLayout(plan, status, zoom, { narrow = false } = {}) {
  const labelW = narrow ? 120 : 230;
  const ep = plan.artifacts['execution-plan.json'];
  const schedule = /** @type {GanttEntry[]} */ (ep.schedule);
  const groups = groupsOf(schedule, /** @type {{ groups?: GroupJson[] }} */ (ep).groups);
  const rows = rowsOf(schedule, groups);
  const grouped = new Set(groups.flatMap((g) => g.phases));
  const links = linksOf(schedule);
  const cal = workCalendar(ep.project_context.start_date, ep.project_context.calendar);
  const tracked = new Map((status?.phases ?? []).map((p) => [p.id, p]));
  const lastDay = Math.max(ep.optimisation.makespan_days, status?.metrics.projectedMakespan ?? 0, status?.asOfDay ?? 0, 1);
  const from = Math.floor(cal.start(0)) - (zoom === 'month' ? 7 : 2);
  const to = Math.ceil(cal.end(lastDay)) + (zoom === 'month' ? 21 : 7);
  const dayW = DAY_WIDTH[zoom];
  /** @param {number} calDay */
  const x = (calDay) => labelW + (calDay - from) * dayW;
  /** @type {Map<string, number>} */
  const rowOf = new Map();
  rows.forEach((r, i) => rowOf.set(r.kind === 'phase' ? r.entry.id : `group:${r.group.id}`, i));
  const byId = new Map(schedule.map((e) => [e.id, e]));
  /** @type {Map<string, import('./model.js').Link[]>} */
  const into = new Map();
  for (const l of links) into.set(l.to, [...(into.get(l.to) ?? []), l]);
  /** Both ends of a phase's bar in pixels (a milestone's diamond: its centre ± its size). @param {string} id */
  const ends = (id) => {
    const e = /** @type {GanttEntry} */ (byId.get(id));
    const row = rows[rowOf.get(id) ?? 0];
    if (row?.kind === 'phase' && row.milestone) {
      const c = x(e.duration_days === 0 ? cal.start(e.start_day) : cal.end(e.finish_day));
      return { start: c - 7, finish: c + 7, centre: c };
    }
    return { start: x(cal.start(e.start_day)), finish: Math.max(x(cal.start(e.start_day)) + 3, x(cal.end(e.finish_day))), centre: NaN };
  };
  return {
    ep,
    schedule,
    rows,
    links,
    cal,
    tracked,
    zoom,
    labelW,
    narrow,
    dayW,
    from,
    to,
    x,
    ends,
    /** @param {string} id */
    entry: (id) => byId.get(id),
    /** @param {string} id */
    inGroup: (id) => grouped.has(id),
    /** The links into a phase. @param {string} id */
    linksInto: (id) => into.get(id) ?? [],
    asOfDay: status?.asOfDay ?? null,
    rowOf,
    /** @param {number} i */
    rowY: (i) => AXIS_H + i * ROW_H,
    width: x(to) + 8,
    height: AXIS_H + rows.length * ROW_H + 4,
  };
}
