// @ts-check
// What the Gantt draws, from the execution plan: rows (group summary rows, each followed by its
// phases), the dependency links with their types, milestones, and a phase's chain.

/**
 * @typedef {import('../../types.js').ScheduleEntryJson} ScheduleEntryJson
 * @typedef {'FS' | 'SS' | 'FF' | 'SF'} LinkType
 * @typedef {{ id: string; type: LinkType; lag_days: number }} LinkJson
 * Fields the richer plan model adds to a schedule entry (optional until every plan has them).
 * @typedef {ScheduleEntryJson & { links?: LinkJson[]; milestone?: boolean }} GanttEntry
 * @typedef {{ id: string; name: string; parent?: string; phases: string[]; start_day: number; finish_day: number; start_date?: string; finish_date?: string }} GroupJson
 * @typedef {{ kind: 'phase'; entry: GanttEntry; milestone: boolean } | { kind: 'group'; group: GroupJson }} Row
 * @typedef {{ from: string; to: string; type: LinkType; lag: number }} Link
 */

/** @param {GanttEntry} e */
export const isMilestone = (e) => e.milestone === true || e.duration_days === 0;

/**
 * The dependency links into each phase: its `links` when the plan has them, else its
 * dependencies as finish-to-start.
 * @param {GanttEntry[]} schedule
 * @returns {Link[]}
 */
export function linksOf(schedule) {
  const ids = new Set(schedule.map((e) => e.id));
  /** @type {Link[]} */
  const out = [];
  for (const e of schedule) {
    const links = e.links ?? e.dependencies.map((id) => ({ id, type: /** @type {LinkType} */ ('FS'), lag_days: 0 }));
    for (const l of links) if (ids.has(l.id)) out.push({ from: l.id, to: e.id, type: l.type, lag: l.lag_days });
  }
  return out;
}

/**
 * The plan's groups: its `groups` when present, else rolled up from the entries' `group`.
 * @param {GanttEntry[]} schedule
 * @param {GroupJson[] | undefined} groups
 * @returns {GroupJson[]}
 */
export function groupsOf(schedule, groups) {
  if (groups) return groups;
  /** @type {Map<string, GanttEntry[]>} */
  const by = new Map();
  for (const e of schedule) if (e.group !== undefined) by.set(e.group, [...(by.get(e.group) ?? []), e]);
  return [...by].map(([name, es]) => ({
    id: name,
    name,
    phases: es.map((e) => e.id),
    start_day: Math.min(...es.map((e) => e.start_day)),
    finish_day: Math.max(...es.map((e) => e.finish_day)),
  }));
}

/**
 * Rows in time order: each group's summary row followed by what is in it — its own phases and the
 * groups below it (their summary rows, then their phases) — by start; ungrouped phases between the
 * top-level groups by start. A phase of a nested group is drawn once, under its innermost group,
 * though every group above it counts it (groups[] rolls them up).
 * @param {GanttEntry[]} schedule
 * @param {GroupJson[]} groups
 * @returns {Row[]}
 */
export function rowsOf(schedule, groups) {
  const byId = new Map(schedule.map((e) => [e.id, e]));
  /** @param {{ start_day: number; finish_day: number; id: string }} a @param {{ start_day: number; finish_day: number; id: string }} b */
  const byStart = (a, b) => a.start_day - b.start_day || a.finish_day - b.finish_day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const known = new Set(groups.map((g) => g.id));
  /** @type {Map<string, GroupJson[]>} */
  const children = new Map();
  for (const g of groups) if (g.parent !== undefined && known.has(g.parent)) children.set(g.parent, [...(children.get(g.parent) ?? []), g]);
  /** @typedef {{ id: string; start_day: number; finish_day: number; row: () => Row[] }} Item */
  /** @param {GanttEntry} e @returns {Item} */
  const phaseItem = (e) => ({ id: e.id, start_day: e.start_day, finish_day: e.finish_day, row: () => [{ kind: 'phase', entry: e, milestone: isMilestone(e) }] });
  /** @param {GroupJson} g @param {number} depth @returns {Item} */
  const groupItem = (g, depth) => {
    const inner = depth < groups.length ? (children.get(g.id) ?? []) : [];
    const below = new Set(inner.flatMap((c) => c.phases));
    const items = [
      ...inner.map((c) => groupItem(c, depth + 1)),
      ...g.phases
        .filter((id) => !below.has(id))
        .map((id) => byId.get(id))
        .filter((e) => e !== undefined)
        .map(phaseItem),
    ];
    return { id: g.id, start_day: g.start_day, finish_day: g.finish_day, row: () => [{ kind: 'group', group: g }, ...items.sort(byStart).flatMap((i) => i.row())] };
  };
  const grouped = new Set(groups.flatMap((g) => g.phases));
  const items = [...groups.filter((g) => g.parent === undefined || !known.has(g.parent)).map((g) => groupItem(g, 0)), ...schedule.filter((e) => !grouped.has(e.id)).map(phaseItem)];
  return items.sort(byStart).flatMap((i) => i.row());
}

/**
 * The phases a phase waits on (transitively) and the ones waiting on it, and the links between
 * them along the chain.
 * @param {Link[]} links
 * @param {string} id
 */
export function chainOf(links, id) {
  /** @type {Map<string, string[]>} */
  const preds = new Map();
  /** @type {Map<string, string[]>} */
  const succs = new Map();
  for (const l of links) {
    preds.set(l.to, [...(preds.get(l.to) ?? []), l.from]);
    succs.set(l.from, [...(succs.get(l.from) ?? []), l.to]);
  }
  /** @param {Map<string, string[]>} next */
  const reach = (next) => {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length)
      for (const n of next.get(/** @type {string} */ (stack.pop())) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    return seen;
  };
  const up = reach(preds);
  const down = reach(succs);
  return {
    phases: new Set([...up, ...down]),
    /** @param {Link} l */
    has: (l) => (up.has(l.from) && up.has(l.to)) || (down.has(l.from) && down.has(l.to)),
  };
}

/**
 * The sync points by date, one axis marker each: a large plan has thousands (2,783 for 2,000
 * phases), most of them handovers sharing a day, and the axis is drawn whole.
 * @template {{ kind: string; planned_day: number; planned_date: string }} S
 * @param {S[]} syncs
 * @returns {{ day: number; date: string; kinds: string[]; points: S[] }[]}
 */
export function syncMarkers(syncs) {
  /** @type {Map<string, S[]>} */
  const byDate = new Map();
  for (const sp of syncs) byDate.set(sp.planned_date, [...(byDate.get(sp.planned_date) ?? []), sp]);
  return [...byDate].map(([date, points]) => ({
    day: Math.min(...points.map((p) => p.planned_day)),
    date,
    kinds: [...new Set(points.map((p) => p.kind))].sort(),
    points,
  }));
}
