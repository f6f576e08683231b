import type { ArtifactContext } from './artifacts/context.js';
import { finishDateOf, startDateOf, teamIdOf } from './artifacts/context.js';
import { r2 } from './format.js';

/** The strategy document in Markdown. */
export function strategyDocument(ctx: ArtifactContext, _artifacts: Record<string, unknown>): string {
  const { result, calendar } = ctx;
  const { project, schedule, metrics } = result;
  const lines = [
    `# ${project.name} — parallel execution strategy`,
    '',
    `Version ${ctx.version}. ${project.phases.length} phases, ${project.teams.length} teams, from ${calendar.dateOf(0)} to ${calendar.finishDate(0, schedule.makespan)}.`,
    `Sequential duration ${r2(metrics.sequentialDuration)} working days, parallel ${r2(metrics.parallelDuration)}: ${r2(metrics.timeSavingsPercent)} % saved.`,
    '',
    '| Phase | Team | Start | Finish |',
    '|---|---|---|---|',
    ...project.phases.map((p) => `| ${p.name} | ${teamIdOf(ctx, p.index) ?? '—'} | ${startDateOf(ctx, p.index)} | ${finishDateOf(ctx, p.index)} |`),
  ];
  return lines.join('\n') + '\n';
}
