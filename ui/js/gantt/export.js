// @ts-check
// A print-friendly SVG of the whole chart (every row, no scrolling), styled from inside the
// file so that it looks the same opened on its own, and downloaded as a file.
import { s } from '../dom.js';
import { saveBlob } from '../download.js';
import { axis, background, corner, defs, linkPaths, rowBar, rowLabel, todayLine } from './draw.js';
import { ganttLayout } from './layout.js';

/**
 * @typedef {import('../../types.js').PlanViewJson} PlanViewJson
 * @typedef {import('../../types.js').StatusJson} StatusJson
 */

const PRINT_CSS = `
svg { font: 11px system-ui, -apple-system, "Segoe UI", sans-serif; background: #fff; }
text { fill: #1d2430; } .tick-label, .col-head, .team { fill: #4a5260; } .tick-label.major { font-weight: 600; fill: #1d2430; }
.axis-bg, .label-bg { fill: #fff; } .axis-line { stroke: #8a93a3; } .tick { stroke: #c9ced8; } .grid { stroke: #eceff3; }
.off-day { fill: #eef0f4; } .focus-ring { fill: none; stroke: none; }
.bar-body { fill: #7d9ad8; stroke: #2f4f93; } .bar.critical .bar-body { fill: #d84a4a; stroke: #7f1010; }
.bar.milestone .bar-body { fill: #1d2430; stroke: #1d2430; } .bar.milestone.critical .bar-body { fill: #b71c1c; }
.bar-progress { fill: #1b5e20; } .actual { fill: #455a64; } .summary { fill: #1d2430; }
.dep { fill: none; stroke: #6b7585; stroke-width: 1.2; } .dep.critical { stroke: #b71c1c; }
marker path { fill: #6b7585; } marker.arrow-critical path { fill: #b71c1c; } marker.arrow-chain path { fill: #0b3d91; }
.row-label.group text { font-weight: 700; } .sync { fill: #6a1b9a; }
.today line { stroke: #e65100; stroke-width: 2; stroke-dasharray: 5 3; }
@media print { svg { width: 100%; height: auto; } }
`;

/**
 * The whole chart as one standalone SVG document.
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 * @param {import('./axis.js').Zoom} zoom
 */
export function chartSvg(plan, status, zoom) {
  const L = ganttLayout(plan, status, zoom);
  const all = Array.from({ length: L.rows.length }, (_, i) => i);
  const svg = s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'gantt',
      viewBox: `0 0 ${L.width} ${L.height}`,
      width: L.width,
      height: L.height,
      role: 'img',
      'aria-label': `${plan.name} v${plan.version}: Gantt chart`,
    },
    s('title', {}, `${plan.name} v${plan.version}`),
    s('style', {}, PRINT_CSS),
    defs(),
    background(L),
    s(
      'g',
      { class: 'links' },
      linkPaths(L, 0, L.rows.length - 1, () => false),
    ),
    s(
      'g',
      { class: 'rows' },
      all.map((i) => rowBar(L, i)),
    ),
    todayLine(L, status),
    s(
      'g',
      { class: 'labels' },
      s('rect', { class: 'label-bg', x: 0, y: 0, width: L.labelW, height: L.height }),
      all.map((i) => rowLabel(L, i)),
    ),
    axis(L, plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points),
    corner(L),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/**
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 * @param {import('./axis.js').Zoom} zoom
 */
export function exportSvg(plan, status, zoom) {
  const name = plan.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'plan';
  saveBlob(new Blob([chartSvg(plan, status, zoom)], { type: 'image/svg+xml' }), `${name}-v${plan.version}-gantt.svg`);
}
