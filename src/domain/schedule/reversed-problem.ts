import type { SchedulingProblem } from './problem.js';

/**
 * The problem with every link reversed, when a schedule of it read backwards in time is a
 * schedule of the original: capacities are the same at every moment, and no phase has a
 * release, a pin, a finish date or a typed link, which time reversal would break. Undefined
 * otherwise.
 */
export function reversedProblem(p: SchedulingProblem): SchedulingProblem | undefined {
  const reversible = !p.predDelta && !p.blocked && !p.finishBy && p.release.every((r) => r <= 0) && p.pinnedStart.every((s) => Number.isNaN(s));
  return reversible ? { ...p, preds: p.succs, succs: p.preds, order: p.order.slice().reverse() } : undefined;
}
