import type { SchedulingProblem } from '../../src/domain/schedule/problem.js';
import { emptyDecoded, SerialSgs } from '../../src/domain/schedule/sgs.js';

/**
 * The optimal makespan of a tiny problem by exhaustion: every precedence-feasible list decoded by
 * the serial scheme under every team assignment. For a fixed assignment the serial scheme's lists
 * reach every active schedule, and one of those is optimal.
 */
export function exhaustiveMakespan(p: SchedulingProblem): number {
  const sgs = new SerialSgs(p);
  const out = emptyDecoded(p.n);
  const teams = new Int32Array(p.n).fill(-1);
  const lists: Int32Array[] = [];
  const indeg = Int32Array.from(p.preds, (x) => x.length);
  const list: number[] = [];
  const used = new Uint8Array(p.n);
  const topo = () => {
    if (list.length === p.n) {
      lists.push(Int32Array.from(list));
      return;
    }
    for (let j = 0; j < p.n; j++) {
      if (used[j] || indeg[j]! > 0) continue;
      used[j] = 1;
      list.push(j);
      for (const s of p.succs[j]!) indeg[s]!--;
      topo();
      for (const s of p.succs[j]!) indeg[s]!++;
      list.pop();
      used[j] = 0;
    }
  };
  topo();
  let best = Infinity;
  const assign = (j: number) => {
    if (j === p.n) {
      for (const l of lists) best = Math.min(best, sgs.decode(l, out, teams).makespan);
      return;
    }
    const e = p.eligible[j]!;
    if (e.length === 0) return assign(j + 1);
    for (const t of e) {
      teams[j] = t;
      assign(j + 1);
    }
    teams[j] = -1;
  };
  assign(0);
  return best;
}
