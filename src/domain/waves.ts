import { peakConcurrency } from './concurrency.js';
import type { Project, Schedule, Wave, WaveKind } from './model.js';

/**
 * Waves are the dependency levels of the graph: the foundation wave holds the phases with no
 * dependencies, and each later wave the phases whose deepest dependency is in the wave before.
 * The integration waves are the narrow tail where branches converge: the trailing waves at most
 * half as wide as the widest one, from the first of them that joins work (a phase with two or
 * more dependencies). The waves between are parallel waves. Every link counts as a dependency
 * here whatever its type: a start-to-start successor is one level below its predecessor too,
 * although the two may overlap in time.
 */
export function buildWaves(project: Project, schedule: Schedule): { waves: Wave[]; waveOf: Int32Array } {
  const { level, depth } = dependencyLevels(project);
  const members: number[][] = Array.from({ length: depth + 1 }, () => []);
  for (const v of project.order) members[level[v]!]!.push(v);

  const integrationFrom = integrationStart(project, members);
  const waves = members.map((phases, index): Wave => {
    const kind: WaveKind = index === 0 ? 'foundation' : index >= integrationFrom ? 'integration' : 'parallel';
    let start = Infinity;
    let finish = 0;
    for (const v of phases) {
      start = Math.min(start, schedule.start[v]!);
      finish = Math.max(finish, schedule.finish[v]!);
    }
    return { index, kind, phases, start, finish, maxConcurrent: peakConcurrency(phases, schedule.start, schedule.finish) };
  });
  return { waves, waveOf: level };
}

/** Per phase its dependency level (0 for no dependencies, else one more than its deepest dependency's), and the deepest level. */
export function dependencyLevels(project: Pick<Project, 'phases' | 'order'>): { level: Int32Array; depth: number } {
  const level = new Int32Array(project.phases.length);
  let depth = 0;
  for (const v of project.order) {
    let l = 0;
    for (const d of project.phases[v]!.dependencies) l = Math.max(l, level[d]! + 1);
    level[v] = l;
    depth = Math.max(depth, l);
  }
  return { level, depth };
}

function integrationStart(project: Project, members: number[][]): number {
  const widest = Math.max(...members.map((m) => m.length));
  const narrow = Math.max(1, Math.floor(widest / 2));
  let from = members.length;
  while (from > 1 && members[from - 1]!.length <= narrow) from--;
  const joins = (w: number) => members[w]!.some((v) => project.phases[v]!.dependencies.length >= 2);
  while (from < members.length && !joins(from)) from++;
  return from;
}
