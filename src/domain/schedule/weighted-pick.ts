import type { Random } from '../random.js';

/**
 * Removes and returns one entry of `ready`, drawn with probability weights[i] / total
 * (weights parallel to ready; the last entry takes its place, so order is not kept).
 */
export function takeWeighted(ready: number[], weights: readonly number[], total: number, rng: Random): number {
  let x = rng.next() * total;
  let pick = 0;
  while (pick < ready.length - 1 && x >= weights[pick]!) x -= weights[pick++]!;
  const j = ready[pick]!;
  ready[pick] = ready[ready.length - 1]!;
  ready.pop();
  return j;
}
