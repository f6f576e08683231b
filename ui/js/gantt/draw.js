// @ts-check
// The pieces of the chart as SVG: the shaded non-working days and grid, the date axis, one
// row's bar and label, the arrows of a range of rows, the today line.
import { fmt, s } from '../dom.js';
import { axisTicks, offDays } from './axis.js';
import { isoDate } from './calendar.js';
import { DASH, routeLink } from './links.js';
import { AXIS_H, ROW_H } from './layout.js';
import { syncMarkers } from './model.js';

/**
 * @typedef {import('./layout.js').Layout} Layout
 * @typedef {import('./model.js').Row} Row
 * @typedef {import('./model.js').Link} Link
 * @typedef {import('../../types.js').StatusJson} StatusJson
 */

/** Arrowheads: plain, on the critical path, on the highlighted chain. */
export const defs = () =>
  s(
    'defs',
    {},
    ['arrow', 'arrow-critical', 'arrow-chain'].map((id) =>
      s(
        'marker',
        { id: `gantt-${id}`, class: id, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        s('path', { d: 'M0 0L8 4L0 8z' }),
      ),
    ),
  );

/** Weekends and holidays shaded, and the grid of the axis' lower ticks, over the whole body. @param {Layout} L */
export function background(L) {
  const g = s('g', { class: 'background', 'aria-hidden': 'true' });
  if (L.dayW >= 3)
    for (const o of offDays(L.cal.isWorking, L.from, L.to))
      g.append(s('rect', { class: 'off-day', x: L.x(o.from), y: AXIS_H, width: (o.to - o.from) * L.dayW, height: L.height - AXIS_H }));
  for (const t of axisTicks(L.zoom, L.from, L.to).lower) g.append(s('line', { class: 'grid', x1: L.x(t.day), x2: L.x(t.day), y1: AXIS_H, y2: L.height }));
  return g;
}

/** The date axis (two tiers) with the sync points on it. @param {Layout} L @param {{ sync_id: string; kind: string; planned_day: number; planned_date: string; trigger: string }[]} syncs */
export function axis(L, syncs) {
  const { lower, upper } = axisTicks(L.zoom, L.from, L.to);
  return s(
    'g',
    { class: 'axis', 'aria-hidden': 'true' },
    s('rect', { class: 'axis-bg', x: 0, y: 0, width: L.width, height: AXIS_H }),
    upper.map((t) => [
      s('line', { class: 'tick major', x1: L.x(t.day), x2: L.x(t.day), y1: 0, y2: AXIS_H }),
      s('text', { class: 'tick-label major', x: L.x(t.day) + 3, y: 13 }, t.label),
    ]),
    lower.map((t) => [s('line', { class: 'tick', x1: L.x(t.day), x2: L.x(t.day), y1: 18, y2: AXIS_H }), s('text', { class: 'tick-label', x: L.x(t.day) + 2, y: 31 }, t.label)]),
    syncMarkers(syncs).map((m) => {
      const cx = L.x(L.cal.start(m.day));
      const [one] = m.points;
      const title =
        m.points.length === 1 && one
          ? `${one.sync_id} (${one.kind}) ${one.planned_date}: ${one.trigger}`
          : `${m.points.length} sync points on ${m.date}: ${m.points
              .slice(0, 5)
              .map((p) => `${p.sync_id} (${p.kind})`)
              .join('; ')}${m.points.length > 5 ? `; and ${m.points.length - 5} more` : ''}`;
      return s('path', { class: `sync ${m.kinds.join(' ')}`, 'data-count': m.points.length, d: `M${cx} ${AXIS_H - 10}l4 4l-4 4l-4 -4z` }, s('title', {}, title));
    }),
    s('line', { class: 'axis-line', x1: 0, x2: L.width, y1: AXIS_H - 0.5, y2: AXIS_H - 0.5 }),
  );
}

/** The top-left corner over the label column. @param {Layout} L */
export const corner = (L) =>
  s(
    'g',
    { class: 'corner', 'aria-hidden': 'true' },
    s('rect', { class: 'axis-bg', x: 0, y: 0, width: L.labelW, height: AXIS_H }),
    s('text', { class: 'col-head', x: 8, y: 31 }, 'Phase'),
    L.narrow ? null : s('text', { class: 'col-head', x: L.labelW - 8, y: 31, 'text-anchor': 'end' }, 'Team'),
  );

/** @param {string} text @param {number} max */
const cut = (text, max) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);

/** The label column's text for row i. @param {Layout} L @param {number} i */
export function rowLabel(L, i) {
  const r = /** @type {Row} */ (L.rows[i]);
  const y = L.rowY(i) + ROW_H / 2 + 4;
  if (r.kind === 'group') return s('g', { class: 'row-label group', 'data-row': i }, s('text', { x: 8, y }, cut(r.group.name, L.narrow ? 16 : 32)));
  return s(
    'g',
    { class: 'row-label', 'data-row': i },
    s('text', { x: L.inGroup(r.entry.id) ? 18 : 8, y }, cut(r.entry.name, L.narrow ? 14 : 24)),
    L.narrow ? null : s('text', { class: 'team', x: L.labelW - 8, y, 'text-anchor': 'end' }, cut(r.entry.team ?? '—', 10)),
  );
}

/** The accessible name of a phase's bar. @param {Layout} L @param {import('./model.js').GanttEntry} p @param {boolean} milestone */
function barLabel(L, p, milestone) {
  const st = L.tracked.get(p.id);
  const state = st?.status ?? 'planned';
  const deps = L.linksInto(p.id).map((l) => (l.type === 'FS' && l.lag === 0 ? l.from : `${l.from} (${l.type}${l.lag ? ` ${l.lag > 0 ? '+' : ''}${l.lag} d` : ''})`));
  const when = milestone ? `Milestone on ${p.start_date}` : `${p.start_date} to ${p.finish_date} (${fmt.days(p.duration_days)})`;
  const actual =
    st?.actualStart != null ? ` Started ${isoDate(L.cal.start(st.actualStart))}${st.actualFinish != null ? `, finished ${isoDate(L.cal.end(st.actualFinish) - 1)}` : ''}.` : '';
  return `${p.name} (${p.id}). Team ${p.team ?? 'none'}, wave ${p.wave}. ${when}.${p.critical ? ' Critical.' : ''} Depends on ${deps.length ? deps.join(', ') : 'nothing'}. Status ${state.replace('_', ' ')}${st ? `, ${fmt.num(st.percent, 0)} % done` : ''}.${actual}`;
}

/** A group's summary bar. @param {Layout} L @param {import('./model.js').GroupJson} g @param {number} i its row */
function groupBar(L, g, i) {
  const y = L.rowY(i);
  const x1 = L.x(L.cal.start(g.start_day));
  const x2 = Math.max(x1 + 4, L.x(L.cal.end(g.finish_day)));
  const label = `Group ${g.name}: ${g.phases.length} phases, ${isoDate(L.cal.start(g.start_day))} to ${isoDate(L.cal.end(g.finish_day) - 1)}`;
  return s(
    'g',
    { class: 'group-bar', 'data-group': g.id, 'data-row': i, role: 'img', 'aria-label': label },
    s('title', {}, label),
    s('path', { class: 'summary', d: `M${x1} ${y + 8}H${x2}V${y + 20}l-5 -5H${x1 + 5}l-5 5z` }),
  );
}

/** Planned bar, progress and actual bar of row i (a diamond for a milestone), and its name. @param {Layout} L @param {number} i */
export function rowBar(L, i) {
  const r = /** @type {Row} */ (L.rows[i]);
  const y = L.rowY(i);
  if (r.kind === 'group') return groupBar(L, r.group, i);
  const p = r.entry;
  const st = L.tracked.get(p.id);
  const { start, finish, centre } = L.ends(p.id);
  const cy = y + ROW_H / 2;
  const tracking = L.tracked.size > 0;
  const by = tracking ? y + 4 : y + 6;
  const bh = tracking ? 14 : 16;
  const body = r.milestone
    ? s('path', { class: 'bar-body', d: `M${centre} ${cy - 8}l8 8l-8 8l-8 -8z` })
    : s('rect', { class: 'bar-body', x: start, y: by, width: finish - start, height: bh, rx: 3 });
  const progress =
    !r.milestone && st && st.percent > 0
      ? s('rect', { class: 'bar-progress', x: start, y: by + bh - 4, width: ((finish - start) * Math.min(100, st.percent)) / 100, height: 4 })
      : null;
  let actual = null;
  if (st && st.actualStart !== null) {
    const a = L.x(L.cal.start(st.actualStart));
    const end = st.actualFinish !== null ? L.x(L.cal.end(st.actualFinish)) : L.x(L.cal.start(Math.max(st.actualStart, L.asOfDay ?? st.actualStart)));
    actual = s('rect', { class: 'actual', x: a, y: y + 20, width: Math.max(2, end - a), height: 5 });
  }
  const label = barLabel(L, p, r.milestone);
  const bar = s(
    'g',
    {
      class: `bar${p.critical ? ' critical' : ''}${r.milestone ? ' milestone' : ''} status-${st?.status ?? 'planned'}`,
      'data-phase': p.id,
      'data-row': i,
      tabindex: -1,
      role: 'button',
      'aria-label': label,
    },
    s('title', {}, label),
    s('rect', { class: 'focus-ring', x: (r.milestone ? centre - 8 : start) - 4, y: y + 1, width: (r.milestone ? 16 : finish - start) + 8, height: ROW_H - 2, rx: 4 }),
    body,
    progress,
    actual,
  );
  // The name beside the bar, outside the focusable group: the bar's accessible name is the full label.
  return s(
    'g',
    { class: 'row', 'data-row': i },
    bar,
    s('text', { class: 'bar-label', x: (r.milestone ? centre + 8 : finish) + 5, y: cy + 4, 'aria-hidden': 'true' }, cut(p.name, 40)),
  );
}

/**
 * The arrows touching or crossing rows first…last.
 * @param {Layout} L
 * @param {number} first
 * @param {number} last
 * @param {(l: Link) => boolean} onChain
 */
export function linkPaths(L, first, last, onChain) {
  /** @type {SVGElement[]} */
  const out = [];
  for (const l of L.links) {
    const a = L.rowOf.get(l.from);
    const b = L.rowOf.get(l.to);
    if (a === undefined || b === undefined || Math.min(a, b) > last || Math.max(a, b) < first) continue;
    const from = L.ends(l.from);
    const to = L.ends(l.to);
    const outOfStart = l.type[0] === 'S';
    const intoStart = l.type[1] === 'S';
    const d = routeLink({
      fx: outOfStart ? from.start : from.finish,
      fy: L.rowY(a) + ROW_H / 2,
      tx: intoStart ? to.start : to.finish,
      ty: L.rowY(b) + ROW_H / 2,
      out: outOfStart ? -1 : 1,
      into: intoStart ? 1 : -1,
      rowH: ROW_H,
    });
    const critical = isCritical(L, l);
    const chain = onChain(l);
    out.push(
      s(
        'path',
        {
          class: `dep type-${l.type}${critical ? ' critical' : ''}${chain ? ' in-chain' : ''}`,
          d,
          'data-from': l.from,
          'data-to': l.to,
          'data-type': l.type,
          'stroke-dasharray': DASH[l.type],
          'marker-end': `url(#gantt-${chain ? 'arrow-chain' : critical ? 'arrow-critical' : 'arrow'})`,
        },
        s('title', {}, `${l.from} → ${l.to} (${l.type}${l.lag ? `, lag ${l.lag} d` : ''})`),
      ),
    );
  }
  return out;
}

/** A link on the critical path: both its phases are critical. @param {Layout} L @param {Link} l */
const isCritical = (L, l) => L.entry(l.from)?.critical === true && L.entry(l.to)?.critical === true;

/** The today (as-of) line when tracking data exists. @param {Layout} L @param {StatusJson | null} status */
export function todayLine(L, status) {
  if (!status) return null;
  const x = L.x(L.cal.start(status.asOfDay));
  if (x < L.labelW || x > L.width) return null;
  return s('g', { class: 'today', 'aria-hidden': 'true' }, s('line', { x1: x, x2: x, y1: AXIS_H, y2: L.height }), s('title', {}, `today: as of ${fmt.time(status.asOf)}`));
}
