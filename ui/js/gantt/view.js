// @ts-check
// The interactive Gantt: a scroll box whose rows are rendered only while in view (and the
// focused one), the axis and label column kept in place while scrolling, one tab stop (roving
// tabindex over the bars), the chain of the hovered, focused or selected phase highlighted.
import { h, s, fmt } from '../dom.js';
import { DAY_WIDTH, ZOOMS, fittingZoom } from './axis.js';
import { axis, background, corner, defs, linkPaths, rowBar, rowLabel, todayLine } from './draw.js';
import { exportSvg } from './export.js';
import { AXIS_H, ROW_H, ganttLayout } from './layout.js';
import { chainOf } from './model.js';

/**
 * @typedef {import('../../types.js').PlanViewJson} PlanViewJson
 * @typedef {import('../../types.js').StatusJson} StatusJson
 * @typedef {import('./axis.js').Zoom} Zoom
 * @typedef {import('./layout.js').Layout} Layout
 * What survives a redraw: the zoom, the scroll position, the tab stop and the selection.
 * @typedef {{ zoom?: Zoom; scrollTop: number; scrollLeft: number; active?: string; selected?: string; hover?: string; focused?: string }} GanttState
 */

const OVERSCAN = 6;

/** @returns {GanttState} */
export const ganttState = () => ({ scrollTop: 0, scrollLeft: 0 });

/**
 * The chart's layers; rows and arrows are filled in by the virtual rows.
 * @param {Layout} L
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 */
function chartLayers(L, plan, status) {
  const ep = L.ep;
  const links = s('g', { class: 'links', 'aria-hidden': 'true' });
  const bars = s('g', { class: 'rows' });
  const labelRows = s('g', {});
  const labels = s('g', { class: 'labels', 'aria-hidden': 'true' }, s('rect', { class: 'label-bg', x: 0, y: 0, width: L.labelW, height: L.height }), labelRows);
  const axisLayer = axis(L, plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points);
  const cornerLayer = corner(L);
  const critical = L.schedule.filter((p) => p.critical).length;
  const svg = s(
    'svg',
    {
      class: `gantt zoom-${L.zoom}`,
      viewBox: `0 0 ${L.width} ${L.height}`,
      width: L.width,
      height: L.height,
      role: 'group',
      'data-day-width': L.dayW,
      'aria-label': `Gantt chart: ${L.schedule.length} phases, ${L.links.length} dependencies, ${fmt.days(ep.optimisation.makespan_days)} from ${ep.project_context.start_date} to ${ep.project_context.completion_date}; ${critical} critical`,
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
  return { svg, links, bars, labels, labelRows, axisLayer, cornerLayer };
}

/**
 * Rows drawn while in view: render() after a scroll, paint() after the highlight or the tab
 * stop changed, pin() keeps the axis and the label column in place.
 * @param {Layout} L
 * @param {ReturnType<typeof chartLayers>} layers
 * @param {HTMLElement} scroller
 * @param {GanttState} state
 */
function virtualRows(L, layers, scroller, state) {
  /** @type {Map<number, { row: SVGElement; label: SVGElement }>} */
  const rendered = new Map();
  let range = { first: 0, last: -1 };
  /** @type {ReturnType<typeof chainOf> | null} */
  let chain = null;
  /** @type {string | undefined} */
  let chainFor;

  const paint = () => {
    const id = state.hover ?? state.focused ?? state.selected;
    if (id !== chainFor) chain = id ? chainOf(L.links, id) : null;
    chainFor = id;
    layers.svg.classList.toggle('highlighting', chain !== null);
    for (const { row } of rendered.values()) {
      const bar = /** @type {SVGElement | null} */ (row.matches('.bar') ? row : row.querySelector('.bar'));
      if (!bar) continue;
      bar.classList.toggle('in-chain', chain?.phases.has(bar.dataset.phase ?? '') === true);
      bar.classList.toggle('selected', bar.dataset.phase !== undefined && bar.dataset.phase === state.selected);
      bar.setAttribute('tabindex', bar.dataset.phase === state.active ? '0' : '-1');
    }
    layers.links.replaceChildren(...linkPaths(L, range.first, range.last, (l) => chain?.has(l) === true));
  };

  const render = () => {
    const top = scroller.scrollTop;
    const viewH = scroller.clientHeight || 800;
    const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
    const last = Math.min(L.rows.length - 1, Math.ceil((top + viewH - AXIS_H) / ROW_H) + OVERSCAN);
    range = { first, last };
    // The tab stop's row stays, so that Tab always finds the chart.
    const keep = new Set([...Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k), L.rowOf.get(state.active ?? '') ?? -1]);
    for (const [i, el] of rendered) {
      if (keep.has(i)) continue;
      el.row.remove();
      el.label.remove();
      rendered.delete(i);
    }
    for (const i of keep) {
      if (i < 0 || rendered.has(i)) continue;
      const el = { row: rowBar(L, i), label: rowLabel(L, i) };
      rendered.set(i, el);
      layers.bars.append(el.row);
      layers.labelRows.append(el.label);
    }
    paint();
  };

  const pin = () => {
    layers.axisLayer.setAttribute('transform', `translate(0 ${scroller.scrollTop})`);
    layers.labels.setAttribute('transform', `translate(${scroller.scrollLeft} 0)`);
    layers.cornerLayer.setAttribute('transform', `translate(${scroller.scrollLeft} ${scroller.scrollTop})`);
  };

  /** Scrolls a row and its bar's start into view. @param {number} i @param {string} id */
  const reveal = (i, id) => {
    const y = L.rowY(i);
    const viewH = scroller.clientHeight || 800;
    if (y - AXIS_H < scroller.scrollTop) scroller.scrollTop = y - AXIS_H;
    else if (y + ROW_H > scroller.scrollTop + viewH) scroller.scrollTop = y + ROW_H - viewH;
    const x = L.ends(id).start;
    const viewW = scroller.clientWidth || 1000;
    if (x < scroller.scrollLeft + L.labelW || x > scroller.scrollLeft + viewW - 40) scroller.scrollLeft = Math.max(0, x - L.labelW - 40);
    pin();
    render();
    const row = rendered.get(i)?.row;
    return /** @type {SVGElement | null | undefined} */ (row?.querySelector('.bar'));
  };
  return { render, paint, pin, reveal };
}

/**
 * Pointer and keyboard: hover, focus and selection highlight the chain; arrows, Page Up/Down,
 * Home and End move the tab stop along the phase rows; Enter or Space selects.
 * Listeners sit on the HTML box: Chromium makes an SVG element with focus listeners a tab stop.
 * @param {Layout} L
 * @param {HTMLElement} scroller
 * @param {GanttState} state
 * @param {ReturnType<typeof virtualRows>} rows
 * @param {(id: string) => void} select
 * @param {(id: string) => void} focusPhase
 */
function bindInput(L, scroller, state, rows, select, focusPhase) {
  const phaseRows = L.rows.flatMap((r, i) => (r.kind === 'phase' ? [i] : []));
  /** @param {Event} e */
  const barOf = (e) => /** @type {SVGElement | null} */ (/** @type {Element} */ (e.target).closest?.('.bar'))?.dataset.phase;
  let frame = 0;
  scroller.addEventListener('scroll', () => {
    state.scrollTop = scroller.scrollTop;
    state.scrollLeft = scroller.scrollLeft;
    rows.pin();
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      rows.render();
    });
  });
  scroller.addEventListener('mouseover', (e) => {
    const id = barOf(e);
    if (id === state.hover) return;
    state.hover = id;
    rows.paint();
  });
  scroller.addEventListener('mouseleave', () => {
    state.hover = undefined;
    rows.paint();
  });
  scroller.addEventListener('focusin', (e) => {
    state.focused = barOf(e);
    state.active = state.focused ?? state.active;
    rows.paint();
  });
  scroller.addEventListener('focusout', () => {
    state.focused = undefined;
    rows.paint();
  });
  scroller.addEventListener('click', (e) => {
    const id = barOf(e);
    if (id) select(id);
  });
  scroller.addEventListener('keydown', (e) => {
    const id = barOf(e);
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(id);
      return;
    }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10, Home: -phaseRows.length, End: phaseRows.length }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(phaseRows.length - 1, phaseRows.indexOf(L.rowOf.get(id) ?? -1) + step));
    const row = L.rows[phaseRows[to] ?? 0];
    if (row?.kind === 'phase') focusPhase(row.entry.id);
  });
}

/**
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 * @param {GanttState} state
 * @param {{ onSelect?: (phase: string) => void; onZoom?: (zoom: Zoom, dayWidth: number) => void }} [on]
 */
export function ganttChart(plan, status, state, { onSelect, onZoom } = {}) {
  if (!state.zoom) {
    const probe = ganttLayout(plan, status, 'day');
    state.zoom = fittingZoom(probe.to - probe.from);
  }
  const zoom = state.zoom;
  const L = ganttLayout(plan, status, zoom, { narrow: matchMedia('(max-width: 600px)').matches });
  const firstPhase = L.rows.find((r) => r.kind === 'phase');
  if (!state.active || !L.rowOf.has(state.active)) state.active = firstPhase?.kind === 'phase' ? firstPhase.entry.id : undefined;

  const layers = chartLayers(L, plan, status);
  const scroller = h('div', { class: 'gantt-scroll' }, layers.svg);
  const rows = virtualRows(L, layers, scroller, state);
  /** @param {string} id */
  const select = (id) => {
    state.selected = id;
    state.active = id;
    rows.paint();
    onSelect?.(id);
  };
  /** Moves the tab stop to a phase and focuses it, scrolled into view. @param {string} id */
  const focusPhase = (id) => {
    const i = L.rowOf.get(id);
    if (i === undefined) return;
    state.active = id;
    rows.reveal(i, id)?.focus({ preventScroll: true });
  };
  bindInput(L, scroller, state, rows, select, focusPhase);

  const zoomButtons = ZOOMS.map((z) =>
    h(
      'button',
      { type: 'button', class: 'zoom', 'data-zoom': z, 'aria-pressed': String(z === zoom), onclick: () => z !== zoom && onZoom?.(z, DAY_WIDTH[z]) },
      `${z[0]?.toUpperCase()}${z.slice(1)}`,
    ),
  );
  const download = h('button', { type: 'button', class: 'export-svg', onclick: () => exportSvg(plan, status, zoom) }, 'Download SVG');
  const toolbar = h('div', { class: 'gantt-toolbar' }, h('span', { class: 'zoom-group', role: 'group', 'aria-label': 'Zoom' }, 'Zoom: ', zoomButtons), download);

  /** Starts showing rows once the box is in the page (its height is known then). */
  const mount = () => {
    scroller.scrollTop = state.scrollTop;
    scroller.scrollLeft = state.scrollLeft;
    rows.pin();
    rows.render();
  };
  return { element: h('div', { class: 'gantt-view' }, toolbar, scroller), mount, focusPhase, layout: L };
}
