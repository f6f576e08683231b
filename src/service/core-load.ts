import { availableParallelism } from 'node:os';

/**
 * Threads of this process at work on plans: planning threads (and the main thread when it plans
 * in-process) while they plan, helper threads while they evaluate a lane. The word lives in a
 * SharedArrayBuffer, so the planning threads see the main thread's word when their tasks carry it
 * (postMessage shares such memory rather than copying it).
 */
export type CoreLoad = Int32Array;

/** This thread's own word; the pool sends the main thread's with every plan. */
export const coreLoad: CoreLoad = new Int32Array(new SharedArrayBuffer(4));

/** Counts this thread as at work while `work` runs. */
export function holdingCore<T>(load: CoreLoad, work: () => T): T {
  Atomics.add(load, 0, 1);
  try {
    return work();
  } finally {
    Atomics.sub(load, 0, 1);
  }
}

/**
 * Takes a core for a helper's lane when one is idle; false when every core is already at work, so
 * that a helper does not slow the other plans down (the search then evaluates the lane itself,
 * and the plan is the same). Give it back with releaseCore.
 */
export function claimSpareCore(load: CoreLoad, cores = availableParallelism()): boolean {
  if (Atomics.add(load, 0, 1) < cores) return true;
  Atomics.sub(load, 0, 1);
  return false;
}

export function releaseCore(load: CoreLoad): void {
  Atomics.sub(load, 0, 1);
}
