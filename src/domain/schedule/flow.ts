import type { SchedulingProblem } from './problem.js';

const EPS = 1e-7;

interface Holder {
  phase: number;
  amount: number;
  freeAt: number;
}

/**
 * A resource flow for a feasible schedule: for every team and pool, which finished phase hands
 * its units to which later phase. Adding these edges to the dependencies gives a graph whose
 * longest paths reproduce the schedule, so the plan can be re-timed (Monte Carlo, delays)
 * without breaking capacities. Edges already implied by a direct dependency are left out.
 */
export function resourceFlow(p: SchedulingProblem, start: ArrayLike<number>, finish: ArrayLike<number>, team: ArrayLike<number>): [number, number][] {
  const users: { j: number; q: number }[][] = Array.from(p.capacity, () => []);
  for (let j = 0; j < p.n; j++) {
    if (finish[j]! - start[j]! <= EPS) continue;
    if (team[j]! >= 0) users[team[j]!]!.push({ j, q: p.teamSize[j]! });
    p.poolRes[j]!.forEach((r, k) => users[r]!.push({ j, q: p.poolQty[j]![k]! }));
  }
  // Numeric edge keys and a predecessor mark per user: at 10,000 phases string keys and per-holder searches of the predecessor lists cost more than the rest.
  const edges = new Set<number>();
  const isPred = new Uint8Array(p.n);
  const out: [number, number][] = [];
  const free: Holder[] = [];
  const rank: number[] = [];
  users.forEach((list, r) => {
    list.sort((a, b) => start[a.j]! - start[b.j]! || a.j - b.j);
    let holders: Holder[] = [{ phase: -1, amount: p.capacity[r]!, freeAt: -Infinity }];
    for (const { j, q } of list) {
      const t = start[j]!;
      const preds = p.preds[j]!;
      for (let k = 0; k < preds.length; k++) isPred[preds[k]!] = 1;
      // The free holders, the source and j's predecessors first, then the latest freed (a stable insertion sort: few holders).
      free.length = 0;
      rank.length = 0;
      for (const h of holders) {
        if (h.freeAt > t + EPS) continue;
        const rh = h.phase < 0 || isPred[h.phase] === 1 ? 0 : 1;
        let i = free.length;
        while (i > 0 && (rank[i - 1]! > rh || (rank[i - 1] === rh && free[i - 1]!.freeAt < h.freeAt))) {
          free[i] = free[i - 1]!;
          rank[i] = rank[i - 1]!;
          i--;
        }
        free[i] = h;
        rank[i] = rh;
      }
      let need = q;
      for (let i = 0; i < free.length; i++) {
        if (need <= EPS) break;
        const h = free[i]!;
        const take = Math.min(need, h.amount);
        h.amount -= take;
        need -= take;
        if (h.phase >= 0 && rank[i] === 1) {
          const key = h.phase * p.n + j;
          if (!edges.has(key)) {
            edges.add(key);
            out.push([h.phase, j]);
          }
        }
      }
      for (let k = 0; k < preds.length; k++) isPred[preds[k]!] = 0;
      holders = holders.filter((h) => h.amount > EPS);
      holders.push({ phase: j, amount: q, freeAt: finish[j]! });
    }
  });
  return out;
}
