import { IndexHeap } from '../heap.js';
import type { Random } from '../random.js';
import type { SchedulingProblem } from './problem.js';
import { RegretSampler, squaredRegret } from './regret-sampler.js';

/**
 * A precedence-feasible list: repeatedly the ready phase with the lowest key goes next
 * (ties: higher input priority, then input order).
 */
export function listByKey(p: SchedulingProblem, key: ArrayLike<number>): Int32Array {
  const indeg = Int32Array.from(p.preds, (x) => x.length);
  const heap = new IndexHeap((a, b) => key[a]! < key[b]! || (key[a] === key[b] && (p.priority[a]! > p.priority[b]! || (p.priority[a] === p.priority[b] && a < b))));
  for (let j = 0; j < p.n; j++) if (indeg[j] === 0) heap.push(j);
  const list = new Int32Array(p.n);
  let k = 0;
  while (heap.size > 0) {
    const j = heap.pop();
    list[k++] = j;
    for (const s of p.succs[j]!) if (--indeg[s]! === 0) heap.push(s);
  }
  return list;
}

export interface RuleInputs {
  /** Latest finish and latest start from the critical path method. */
  lf: ArrayLike<number>;
  ls: ArrayLike<number>;
  /** Number of phases that transitively depend on each phase. */
  descendants: ArrayLike<number>;
}

/** Classic priority rules as keys (lower first): LFT, LST, MTS, GRPW, and the input priority. */
export function priorityKeys(p: SchedulingProblem, r: RuleInputs): { name: string; key: Float64Array }[] {
  const grpw = new Float64Array(p.n);
  for (let j = 0; j < p.n; j++) {
    let w = p.duration[j]!;
    for (const s of p.succs[j]!) w += p.duration[s]!;
    grpw[j] = -w;
  }
  return [
    { name: 'latest-finish', key: Float64Array.from(r.lf) },
    { name: 'latest-start', key: Float64Array.from(r.ls) },
    { name: 'most-successors', key: Float64Array.from(r.descendants, (c) => -c) },
    { name: 'rank-positional-weight', key: grpw },
    { name: 'input-priority', key: Float64Array.from(p.priority, (pr, j) => -pr * 1e6 + r.lf[j]!) },
  ];
}

/**
 * Regret-based biased random sampling: a ready phase is drawn with probability proportional
 * to (regret + 1)^2, where regret is how much better its key is than the worst ready key.
 */
export function sampledList(p: Pick<SchedulingProblem, 'n' | 'preds' | 'succs'>, key: ArrayLike<number>, rng: Random): Int32Array {
  const indeg = Int32Array.from(p.preds, (x) => x.length);
  const ready = new RegretSampler(p.n, key, squaredRegret);
  for (let j = 0; j < p.n; j++) if (indeg[j] === 0) ready.add(j);
  const list = new Int32Array(p.n);
  for (let k = 0; k < p.n; k++) {
    const j = ready.draw(rng);
    list[k] = j;
    for (const s of p.succs[j]!) if (--indeg[s]! === 0) ready.add(s);
  }
  return list;
}
