import type { Random } from '../../src/domain/random.js';
import type { SchedulingProblem } from '../../src/domain/schedule/problem.js';

/**
 * Regret-based biased random sampling as it was before RegretSampler (kept to compare against):
 * every draw scans the ready set for the worst key and the weights (regret + 1)², then walks the
 * weights; the drawn phase's place in the set goes to the last one.
 */
export function referenceSampledList(p: Pick<SchedulingProblem, 'n' | 'preds' | 'succs'>, key: ArrayLike<number>, rng: Random): Int32Array {
  const indeg = Int32Array.from(p.preds, (x) => x.length);
  const ready: number[] = [];
  for (let j = 0; j < p.n; j++) if (indeg[j] === 0) ready.push(j);
  const list = new Int32Array(p.n);
  const weights: number[] = [];
  for (let k = 0; k < p.n; k++) {
    let worst = -Infinity;
    for (const j of ready) worst = Math.max(worst, key[j]!);
    let total = 0;
    weights.length = ready.length;
    for (let i = 0; i < ready.length; i++) {
      const w = (worst - key[ready[i]!]! + 1) ** 2;
      weights[i] = w;
      total += w;
    }
    let x = rng.next() * total;
    let pick = 0;
    while (pick < ready.length - 1 && x >= weights[pick]!) x -= weights[pick++]!;
    const j = ready[pick]!;
    ready[pick] = ready[ready.length - 1]!;
    ready.pop();
    list[k] = j;
    for (const s of p.succs[j]!) if (--indeg[s]! === 0) ready.push(s);
  }
  return list;
}
