import { finishDateOf, startDateOf, type ArtifactContext } from './artifacts/context.js';

/** One team's playbook in Markdown: its phases in order, what it waits for and hands over. */
export function teamPlaybook(ctx: ArtifactContext, team: number): string {
  const { project, schedule } = ctx.result;
  const t = project.teams[team]!;
  const mine = project.phases.filter((p) => schedule.team[p.index] === team).sort((a, b) => schedule.start[a.index]! - schedule.start[b.index]!);
  const lines = [`# Playbook: ${t.name}`, '', `${mine.length} phase${mine.length === 1 ? '' : 's'} for ${t.name} in ${project.name}.`, ''];
  for (const p of mine) lines.push(`- **${p.name}** (${p.id}): ${startDateOf(ctx, p.index)} → ${finishDateOf(ctx, p.index)}`);
  return lines.join('\n') + '\n';
}
