// @ts-check
// The interactive Gantt: a scroll box whose rows are rendered only while in view (and the
// focused one), the axis and label column kept in place while scrolling, one tab stop (roving
// tabindex over the bars), the chain of the hovered, focused or selected phase highlighted.
import { h, s, fmt } from '../dom.js';
import { DAY_WIDTH, ZOOMS, fittingZoom } from './axis.js';
import { axis, background, corner, defs, linkPaths, rowBar, rowLabel, todayLine } from './draw.js';
import { exportSvg } from './export.js';
import { AXIS_H, LABEL_W, ROW_H, ganttLayout } from './layout.js';
import { chainOf } from './model.js';

/**
 * @typedef {import('../../types.js').PlanVersionJson} PlanVersionJson
 * @typedef {import('../../types.js').StatusJson} StatusJson
 * @typedef {import('./axis.js').Zoom} Zoom
 * What survives a redraw: the zoom, the scroll position, the tab stop and the selection.
 * @typedef {{ zoom?: Zoom; scrollTop: number; scrollLeft: number; active?: string; selected?: string; hover?: string; focused?: string }} GanttState
 */

const OVERSCAN = 6;

/** @returns {GanttState} */
export const ganttState = () => ({ scrollTop: 0, scrollLeft: 0 });

/**
 * @param {PlanVersionJson} plan
 * @param {StatusJson | null} status
 * @param {GanttState} state
 * @param {{ onSelect?: (phase: string) => void; onZoom?: (zoom: Zoom, dayWidth: number) => void }} [on]
 */
export function ganttChart(plan, status, state, { onSelect, onZoom } = {}) {
  const ep = plan.artifacts['execution-plan.json'];
  const schedule = ep.schedule;
  if (!state.zoom) {
    const probe = ganttLayout(plan, status, 'day');
    state.zoom = fittingZoom(probe.to - probe.from);
  }
  const L = ganttLayout(plan, status, state.zoom);
  const phaseRows = L.rows.flatMap((r, i) => (r.kind === 'phase' ? [i] : []));
  if (!state.active || !L.rowOf.has(state.active)) state.active = schedule.length ? /** @type {import('./model.js').Row & { kind: 'phase' }} */ (L.rows[phaseRows[0] ?? 0]).entry.id : undefined;

  const links = s('g', { class: 'links', 'aria-hidden': 'true' });
  const bars = s('g', { class: 'rows' });
  const labels = s('g', { class: 'labels', 'aria-hidden': 'true' }, s('rect', { class: 'label-bg', x: 0, y: 0, width: LABEL_W, height: L.height }));
  const labelRows = s('g', {});
  labels.append(labelRows);
  const axisLayer = axis(L, plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points);
  const cornerLayer = corner();
  const svg = s(
    'svg',
    {
      class: `gantt zoom-${state.zoom}`,
      viewBox: `0 0 ${L.width} ${L.height}`,
      width: L.width,
      height: L.height,
      role: 'group',
      'data-day-width': L.dayW,
      'aria-label': `Gantt chart: ${schedule.length} phases, ${L.links.length} dependencies, ${fmt.days(ep.optimisation.makespan_days)} from ${ep.project_context.start_date} to ${ep.project_context.completion_date}; ${schedule.filter((p) => p.critical).length} critical`,
    },
    defs(),
    background(L),
    links,
    bars,
    todayLine(L, status),
    labels,
    axisLayer,
    cornerLayer,
  );
  const scroller = h('div', { class: 'gantt-scroll' }, svg);

  /** @type {Map<number, { bar: SVGElement; label: SVGElement }>} */
  const rendered = new Map();
  let range = { first: 0, last: -1 };
  const highlight = () => state.hover ?? state.focused ?? state.selected;
  let chain = highlight() ? chainOf(L.links, /** @type {string} */ (highlight())) : null;

  const paint = () => {
    svg.classList.toggle('highlighting', chain !== null);
    for (const { bar } of rendered.values()) {
      bar.classList.toggle('in-chain', chain?.phases.has(bar.dataset.phase ?? '') === true);
      bar.classList.toggle('selected', bar.dataset.phase !== undefined && bar.dataset.phase === state.selected);
      bar.setAttribute('tabindex', bar.dataset.phase === state.active ? '0' : '-1');
    }
    links.replaceChildren(...linkPaths(L, range.first, range.last, (l) => chain?.has(l) === true));
  };

  const renderRows = () => {
    const top = scroller.scrollTop;
    const viewH = scroller.clientHeight || 800;
    const first = Math.max(0, Math.floor((top - AXIS_H) / ROW_H) - OVERSCAN);
    const last = Math.min(L.rows.length - 1, Math.ceil((top + viewH) / ROW_H) + OVERSCAN);
    range = { first, last };
    const keep = new Set([...Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k), L.rowOf.get(state.active ?? '') ?? -1]);
    for (const [i, el] of rendered) {
      if (keep.has(i)) continue;
      el.bar.remove();
      el.label.remove();
      rendered.delete(i);
    }
    for (const i of keep) {
      if (i < 0 || rendered.has(i)) continue;
      const el = { bar: rowBar(L, i), label: rowLabel(L, i) };
      rendered.set(i, el);
      bars.append(el.bar);
      labelRows.append(el.label);
    }
    paint();
  };

  const pin = () => {
    axisLayer.setAttribute('transform', `translate(0 ${scroller.scrollTop})`);
    labels.setAttribute('transform', `translate(${scroller.scrollLeft} 0)`);
    cornerLayer.setAttribute('transform', `translate(${scroller.scrollLeft} ${scroller.scrollTop})`);
  };

  let frame = 0;
  scroller.addEventListener('scroll', () => {
    state.scrollTop = scroller.scrollTop;
    state.scrollLeft = scroller.scrollLeft;
    pin();
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        renderRows();
      });
  });

  /** @param {string | undefined} id */
  const setHighlight = (id) => {
    chain = id ? chainOf(L.links, id) : null;
    paint();
  };
  // Listeners sit on the HTML box: Chromium makes an SVG element with focus listeners a tab stop.
  /** @param {Event} e */
  const barOf = (e) => /** @type {SVGElement | null} */ (/** @type {Element} */ (e.target).closest?.('.bar'));

  scroller.addEventListener('mouseover', (e) => {
    const id = barOf(e)?.dataset.phase;
    if (id === state.hover) return;
    state.hover = id;
    setHighlight(highlight());
  });
  scroller.addEventListener('mouseleave', () => {
    state.hover = undefined;
    setHighlight(highlight());
  });
  scroller.addEventListener('focusin', (e) => {
    const id = barOf(e)?.dataset.phase;
    state.focused = id;
    if (id) state.active = id;
    setHighlight(highlight());
  });
  scroller.addEventListener('focusout', () => {
    state.focused = undefined;
    setHighlight(highlight());
  });

  /** @param {string} id */
  const select = (id) => {
    state.selected = id;
    state.active = id;
    setHighlight(highlight());
    onSelect?.(id);
  };
  scroller.addEventListener('click', (e) => {
    const id = barOf(e)?.dataset.phase;
    if (id) select(id);
  });

  /** Moves the tab stop to a phase, scrolling its row into view first. @param {string} id */
  const focusPhase = (id) => {
    const i = L.rowOf.get(id);
    if (i === undefined) return;
    state.active = id;
    const y = L.rowY(i);
    const viewH = scroller.clientHeight || 800;
    if (y - AXIS_H < scroller.scrollTop) scroller.scrollTop = y - AXIS_H;
    else if (y + ROW_H > scroller.scrollTop + viewH) scroller.scrollTop = y + ROW_H - viewH;
    pin();
    renderRows();
    /** @type {SVGElement | undefined} */ (rendered.get(i)?.bar)?.focus({ preventScroll: true });
  };

  scroller.addEventListener('keydown', (e) => {
    const id = barOf(e)?.dataset.phase;
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(id);
      return;
    }
    const at = phaseRows.indexOf(L.rowOf.get(id) ?? -1);
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(phaseRows.length - 1, at + (Number.isFinite(step) ? step : step > 0 ? phaseRows.length : -phaseRows.length)));
    const row = L.rows[phaseRows[to] ?? 0];
    if (row?.kind === 'phase') focusPhase(row.entry.id);
  });

  const zoomButtons = ZOOMS.map((z) =>
    h('button', { type: 'button', class: 'zoom', 'data-zoom': z, 'aria-pressed': String(z === state.zoom), onclick: () => z !== state.zoom && onZoom?.(z, DAY_WIDTH[z]) }, `${z[0]?.toUpperCase()}${z.slice(1)}`),
  );
  const download = h('button', { type: 'button', class: 'export-svg' }, 'Download SVG');
  download.addEventListener('click', () => exportSvg(plan, status, /** @type {Zoom} */ (state.zoom)));
  const toolbar = h('div', { class: 'gantt-toolbar' }, h('span', { class: 'zoom-group', role: 'group', 'aria-label': 'Zoom' }, 'Zoom: ', zoomButtons), download);
  const box = h('div', { class: 'gantt-view' }, toolbar, scroller);

  /** Starts showing rows once the box is in the page (its height is known then). */
  const mount = () => {
    scroller.scrollTop = state.scrollTop;
    scroller.scrollLeft = state.scrollLeft;
    pin();
    renderRows();
  };
  return { element: box, mount, focusPhase, layout: L };
}
