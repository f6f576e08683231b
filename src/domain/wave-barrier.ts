import { PlanInputError } from './errors.js';
import type { Project } from './model.js';
import type { SchedulingProblem } from './schedule/problem.js';
import { dependencyLevels } from './waves.js';

/** More precedence than this from barriers would make the schedule search itself the bottleneck. */
export const MAX_BARRIER_EDGES = 2_000_000;

/**
 * Barrier gating as precedence: every phase of wave N+1 follows every phase of wave N, so that
 * the schedule (and so every date in the artifacts) keeps the waves apart in time, as the claims
 * do while the work runs. Only the problem the schedule is computed on changes; the project's
 * own dependencies (hand-overs, sync points) stay as they are.
 */
export function withWaveBarriers(problem: SchedulingProblem, project: Project): SchedulingProblem {
  const { level, depth } = dependencyLevels(project);
  const members: number[][] = Array.from({ length: depth + 1 }, () => []);
  for (const v of project.order) members[level[v]!]!.push(v);
  let edges = 0;
  for (let w = 1; w <= depth; w++) edges += members[w - 1]!.length * members[w]!.length;
  if (edges > MAX_BARRIER_EDGES) {
    throw new PlanInputError('barrier_too_wide', [
      {
        code: 'barrier_too_wide',
        message: `barrier gating would add ${edges} precedence pairs between consecutive waves (at most ${MAX_BARRIER_EDGES}); use waveGating "flow" for a graph this wide`,
        path: '/constraints/waveGating',
      },
    ]);
  }
  // Levels rise along every edge, old and new: ordering by level keeps the order topological.
  const order = Int32Array.from(members.flat());
  if (problem.predDelta && problem.succDelta) return { ...problem, ...linkedBarriers(problem, level, depth, members), order };
  const preds = problem.preds.map((p, v) => (level[v]! === 0 ? p : Int32Array.from(new Set([...p, ...members[level[v]! - 1]!]))));
  const succs = problem.succs.map((s, v) => (level[v]! === depth ? s : Int32Array.from(new Set([...s, ...members[level[v]! + 1]!]))));
  return { ...problem, preds, succs, order };
}

/** Barrier edges (finish-to-start, distance = the earlier phase's duration) added beside the typed links, which stay as they are. */
function linkedBarriers(problem: SchedulingProblem, level: Int32Array, depth: number, members: number[][]): Pick<SchedulingProblem, 'preds' | 'succs' | 'predDelta' | 'succDelta'> {
  const d = problem.duration;
  const preds = problem.preds.map((p, v) => (level[v]! === 0 ? p : Int32Array.from([...p, ...members[level[v]! - 1]!])));
  const predDelta = problem.predDelta!.map((x, v) => (level[v]! === 0 ? x : Float64Array.from([...x, ...members[level[v]! - 1]!.map((u) => d[u]!)])));
  const succs = problem.succs.map((s, v) => (level[v]! === depth ? s : Int32Array.from([...s, ...members[level[v]! + 1]!])));
  const succDelta = problem.succDelta!.map((x, v) => (level[v]! === depth ? x : Float64Array.from([...x, ...members[level[v]! + 1]!.map(() => d[v]!)])));
  return { preds, succs, predDelta, succDelta };
}
