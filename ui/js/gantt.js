// @ts-check
// Gantt chart by team: one lane per team (phases that overlap in a team get sub-rows),
// critical phases marked, wave bands, sync points on the axis, progress from tracking.
import { s, fmt } from './dom.js';

/**
 * @typedef {import('../types.js').PlanVersionJson} PlanVersionJson
 * @typedef {import('../types.js').StatusJson} StatusJson
 * @typedef {import('../types.js').ScheduleEntryJson} ScheduleEntryJson
 */

const LABEL_W = 150;
const BAR_H = 22;
const ROW_GAP = 6;
const AXIS_H = 46;

/**
 * Rows within a lane: each phase goes in the first row free at its start.
 * @param {ScheduleEntryJson[]} phases
 */
function packRows(phases) {
  /** @type {number[]} */
  const ends = [];
  /** @type {Map<string, number>} */
  const rowOf = new Map();
  for (const p of [...phases].sort((a, b) => a.start_day - b.start_day || a.finish_day - b.finish_day)) {
    let row = ends.findIndex((end) => end <= p.start_day + 1e-9);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = p.finish_day;
    rowOf.set(p.id, row);
  }
  return { rows: Math.max(1, ends.length), rowOf };
}

/** @param {number} span */
function tickStep(span) {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500]) if (span / step <= 16) return step;
  return 1000;
}

/**
 * plan: the version JSON (artifacts inside). status (optional): GET /plans/{id}/status.
 * Returns the <svg>; bars are focusable and carry data-phase.
 * @param {PlanVersionJson} plan
 * @param {StatusJson | null} status
 * @param {(phase: string) => void} [onSelect]
 */
export function renderGantt(plan, status, onSelect) {
  const ep = plan.artifacts['execution-plan.json'];
  const waves = plan.artifacts['wave-schedules.json'].waves;
  const syncs = plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points;
  const schedule = ep.schedule;
  const byPhase = new Map((status?.phases ?? []).map((p) => [p.id, p]));
  const span = Math.max(ep.optimisation.makespan_days, status?.metrics.projectedMakespan ?? 0, 1);
  const dayW = Math.max(6, Math.min(40, 1150 / span));
  const width = LABEL_W + span * dayW + 20;
  /** @param {number} day */
  const x = (day) => LABEL_W + day * dayW;

  const teamIds = ep.resource_analysis.teams.map((t) => t.id).filter((id) => schedule.some((p) => p.team === id));
  /** @type {{ team: string; phases: ScheduleEntryJson[]; rowOf: Map<string, number>; y: number; height: number }[]} */
  const lanes = [];
  let y = AXIS_H;
  for (const team of teamIds) {
    const phases = schedule.filter((p) => p.team === team);
    const { rows, rowOf } = packRows(phases);
    const height = rows * (BAR_H + ROW_GAP) + ROW_GAP;
    lanes.push({ team, phases, rowOf, y, height });
    y += height;
  }
  const height = y + 8;

  const svg = s('svg', {
    class: 'gantt',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'group',
    'aria-label': `Gantt chart: ${schedule.length} phases over ${fmt.days(ep.optimisation.makespan_days)}, ${ep.critical_path.phases.length} on the critical path`,
  });

  // Wave bands behind everything.
  waves.forEach((w, i) => {
    svg.append(
      s('rect', { class: `wave-band ${i % 2 ? 'odd' : 'even'}`, x: x(w.start_day), y: 18, width: Math.max(1, (w.finish_day - w.start_day) * dayW), height: height - 18 }),
      s('text', { class: 'wave-label', x: x(w.start_day) + 3, y: 14 }, `W${w.wave}`),
    );
  });

  // Axis in working days.
  const step = tickStep(span);
  for (let d = 0; d <= span + 1e-9; d += step) {
    svg.append(s('line', { class: 'tick', x1: x(d), x2: x(d), y1: AXIS_H - 8, y2: height }), s('text', { class: 'tick-label', x: x(d) + 2, y: AXIS_H - 12 }, `d${d}`));
  }

  // Sync points as diamonds on the axis.
  for (const sp of syncs) {
    const cx = x(sp.planned_day);
    const cy = AXIS_H - 4;
    svg.append(
      s('path', { class: `sync ${sp.kind}`, d: `M${cx} ${cy - 4} l4 4 l-4 4 l-4 -4 z` }, s('title', {}, `${sp.sync_id} (${sp.kind}) ${sp.planned_date}: ${sp.trigger}`)),
    );
  }

  for (const lane of lanes) {
    svg.append(
      s('rect', { class: 'lane', x: 0, y: lane.y, width, height: lane.height }),
      s('text', { class: 'lane-label', x: 8, y: lane.y + BAR_H / 2 + ROW_GAP + 4 }, lane.team),
    );
    for (const p of lane.phases) {
      const st = byPhase.get(p.id);
      const by = lane.y + ROW_GAP + (lane.rowOf.get(p.id) ?? 0) * (BAR_H + ROW_GAP);
      const bx = x(p.start_day);
      const bw = Math.max(3, (p.finish_day - p.start_day) * dayW);
      const state = st?.status ?? 'planned';
      const label = `${p.name} (${p.id}). Team ${p.team}, wave ${p.wave}. ${p.start_date} to ${p.finish_date} (${fmt.days(p.duration_days)}).${p.critical ? ' Critical.' : ''} Status ${state.replace('_', ' ')}${st ? `, ${fmt.num(st.percent, 0)} % done` : ''}.`;
      const bar = s(
        'g',
        { class: `bar ${p.critical ? 'critical' : ''} status-${state}`, 'data-phase': p.id, tabindex: 0, role: 'button', 'aria-label': label },
        s('title', {}, label),
        s('rect', { class: 'bar-body', x: bx, y: by, width: bw, height: BAR_H, rx: 3 }),
        st && st.percent > 0 ? s('rect', { class: 'bar-progress', x: bx, y: by + BAR_H - 5, width: (bw * Math.min(100, st.percent)) / 100, height: 5, rx: 2 }) : null,
      );
      // The visible label is the phase's name (cut to the bar), drawn beside the bar's group and
      // hidden from assistive technology: the bar's own accessible name is the full label.
      const shown = p.name.length * 6.5 > bw - 8 ? `${p.name.slice(0, Math.max(1, Math.floor((bw - 14) / 6.5)))}…` : p.name;
      const text = bw > 40 ? s('text', { class: 'bar-label', x: bx + 4, y: by + BAR_H / 2 + 4, 'aria-hidden': 'true' }, shown) : null;
      bar.addEventListener('click', () => onSelect?.(p.id));
      bar.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect?.(p.id);
        }
      });
      svg.append(bar);
      if (text) svg.append(text);
    }
  }

  if (status && status.asOfDay >= 0 && status.asOfDay <= span) {
    svg.append(s('line', { class: 'as-of', x1: x(status.asOfDay), x2: x(status.asOfDay), y1: 18, y2: height }, s('title', {}, `as of ${status.asOf}`)));
  }
  return svg;
}
