import { Justifier } from './justify.js';
import type { SchedulingProblem } from './problem.js';
import { SerialSgs, type Decoded } from './sgs.js';

const EPS = 1e-7;

/**
 * As-late-as-possible phases: every other phase stays where the schedule put it (pinned, with its
 * team) and the ALAP ones are right-justified among them — a backward pass from the makespan, so
 * each goes to the latest start its successors, its team and its pools allow. The schedule is
 * kept as it was should the pass move an ALAP phase earlier, lengthen the plan or miss a hard
 * finish date (it cannot when nothing competes; guarded all the same).
 */
export function alapSchedule(p: SchedulingProblem, s: Decoded, alap: boolean[]): Decoded {
  const pinnedStart = Float64Array.from(s.start, (x, j) => (alap[j] && Number.isNaN(p.pinnedStart[j]!) ? NaN : x));
  const pinnedTeam = Int32Array.from(s.team);
  const fixed: SchedulingProblem = { ...p, pinnedStart, pinnedTeam };
  const right = new Justifier(fixed, new SerialSgs(fixed)).rightJustify(s);
  const moved = alap.some((a, j) => a && right.start[j]! < s.start[j]! - EPS);
  if (moved || right.makespan > s.makespan + EPS || right.lateness > s.lateness + EPS) return s;
  return { ...s, start: Float64Array.from(right.start), finish: Float64Array.from(right.finish), team: Int32Array.from(right.team) };
}
