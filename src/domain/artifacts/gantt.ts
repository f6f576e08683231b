import { finishDateOf, isCritical, startDateOf, teamIdOf, type ArtifactContext } from './context.js';
import { r2 } from '../format.js';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const mermaidText = (s: string) => s.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim();

/** phases grouped by team (unassigned last), each group in start order. */
function lanes(ctx: ArtifactContext): { label: string; phases: number[] }[] {
  const { project, schedule } = ctx.result;
  const byTeam = new Map<string, number[]>();
  for (const p of project.phases) {
    const label = teamIdOf(ctx, p.index) ?? 'unassigned';
    byTeam.set(label, [...(byTeam.get(label) ?? []), p.index]);
  }
  const order = [...project.teams.map((t) => t.id), 'unassigned'];
  return order.filter((l) => byTeam.has(l)).map((label) => ({ label, phases: byTeam.get(label)!.sort((a, b) => schedule.start[a]! - schedule.start[b]! || a - b) }));
}

/** A Mermaid gantt block: one section per team, critical phases marked crit. */
export function mermaidGantt(ctx: ArtifactContext): string {
  const { project } = ctx.result;
  const excludes = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
    .filter((_, d) => !project.calendar.workingDays.includes(d))
    .map((d) => d.toLowerCase());
  const lines = ['```mermaid', 'gantt', `  title ${mermaidText(project.name)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %d %b'];
  const excluded = [...excludes, ...project.calendar.holidays];
  if (excluded.length > 0) lines.push(`  excludes ${excluded.join(', ')}`);
  for (const lane of lanes(ctx)) {
    lines.push(`  section ${mermaidText(lane.label)}`);
    for (const j of lane.phases) {
      const p = project.phases[j]!;
      const tags = [isCritical(ctx, j) ? 'crit' : '', `p${j}`].filter(Boolean).join(', ');
      const start = startDateOf(ctx, j);
      const end = addDays(finishDateOf(ctx, j), 1);
      lines.push(`  ${mermaidText(p.name)} :${tags}, ${start}, ${end}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone SVG Gantt chart: one lane per team, bars in working days, the critical chain in red. */
export function ganttSvg(ctx: ArtifactContext): string {
  const { project, schedule, waves } = ctx.result;
  const laneList = lanes(ctx);
  const labelWidth = 160;
  const dayWidth = Math.max(4, Math.min(24, 900 / Math.max(1, schedule.makespan)));
  const rowHeight = 22;
  const header = 40;
  const rows = laneList.reduce((a, l) => a + l.phases.length, 0);
  const width = Math.ceil(labelWidth + schedule.makespan * dayWidth + 240);
  const height = header + rows * rowHeight + laneList.length * 8 + 20;
  const x = (day: number) => labelWidth + day * dayWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${esc(`Gantt chart of ${project.name}`)}">`,
    `<title>${esc(project.name)}: ${r2(schedule.makespan)} working days</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
  ];
  const tickEvery = Math.max(1, Math.ceil(60 / dayWidth));
  for (let d = 0; d <= schedule.makespan; d += tickEvery) {
    parts.push(`<line x1="${x(d)}" y1="${header - 8}" x2="${x(d)}" y2="${height - 10}" stroke="#eee"/>`);
    parts.push(`<text x="${x(d) + 2}" y="${header - 12}" fill="#555">${ctx.calendar.dateOf(d)}</text>`);
  }
  for (const w of waves) {
    parts.push(`<line class="wave" x1="${x(w.start)}" y1="${header - 4}" x2="${x(w.start)}" y2="${height - 10}" stroke="#99c" stroke-dasharray="3,3"/>`);
    parts.push(`<text x="${x(w.start) + 2}" y="12" fill="#66a">W${w.index + 1}</text>`);
  }
  let y = header;
  for (const lane of laneList) {
    parts.push(`<text x="4" y="${y + 14}" font-weight="bold">${esc(lane.label)}</text>`);
    for (const j of lane.phases) {
      const p = project.phases[j]!;
      const s = schedule.start[j]!;
      const w = Math.max(1, (schedule.finish[j]! - s) * dayWidth);
      const critical = isCritical(ctx, j);
      parts.push(
        `<g class="bar${critical ? ' critical' : ''}" data-phase="${esc(p.id)}"><title>${esc(`${p.name}: ${startDateOf(ctx, j)} → ${finishDateOf(ctx, j)}${critical ? ' (critical)' : ''}`)}</title>` +
          `<rect x="${r2(x(s))}" y="${y + 3}" width="${r2(w)}" height="${rowHeight - 6}" rx="3" fill="${critical ? '#d9534f' : '#5b8def'}"/>` +
          `<text x="${r2(x(s) + w + 4)}" y="${y + 15}" fill="#222">${esc(p.name)}</text></g>`,
      );
      y += rowHeight;
    }
    y += 8;
  }
  parts.push('</svg>');
  return parts.join('\n');
}
