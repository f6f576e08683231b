import type { SchedulingProblem } from '../../../src/domain/schedule/problem.js';

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
  const edges = new Set<string>();
  const out: [number, number][] = [];
  users.forEach((list, r) => {
    list.sort((a, b) => start[a.j]! - start[b.j]! || a.j - b.j);
    let holders: Holder[] = [{ phase: -1, amount: p.capacity[r]!, freeAt: -Infinity }];
    for (const { j, q } of list) {
      const t = start[j]!;
      const preds = p.preds[j]!;
      const rank = (h: Holder) => (h.phase < 0 || preds.includes(h.phase) ? 0 : 1);
      const free = holders.filter((h) => h.freeAt <= t + EPS).sort((a, b) => rank(a) - rank(b) || b.freeAt - a.freeAt);
      let need = q;
      for (const h of free) {
        if (need <= EPS) break;
        const take = Math.min(need, h.amount);
        h.amount -= take;
        need -= take;
        if (h.phase >= 0 && rank(h) === 1) {
          const key = `${h.phase}>${j}`;
          if (!edges.has(key)) {
            edges.add(key);
            out.push([h.phase, j]);
          }
        }
      }
      holders = holders.filter((h) => h.amount > EPS);
      holders.push({ phase: j, amount: q, freeAt: finish[j]! });
    }
  });
  return out;
}
