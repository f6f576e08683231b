import type { Windows } from './time-windows.js';

/** Passes over the phases at most; a pass that narrows nothing ends the shaving earlier. */
const MAX_PASSES = 3;

/**
 * Shaving on start windows (Martin & Shmoys 1996, "A new approach to computing optimal schedules
 * for the job-shop scheduling problem", IPCO 5; for the RCPSP's destructive bounds, Baptiste &
 * Demassey 2004, "Tight LP bounds for resource constrained project scheduling", OR Spectrum 26):
 * suppose a phase starts in the first part of its window, [es, es + k); when the windows'
 * reasoning (`fails`) then finds no schedule, the phase starts at es + k or later, and likewise
 * for the last part of the window. Each narrowing is proved by its own failed probe, so the
 * result is sound whatever the probes' order; k doubles while probes fail, so a long shave costs
 * a few probes (the cut is the longest failed probe, which stops short of the longest possible
 * cut when a probe between them would have failed too). `fails` narrows the windows it is given
 * and is true when they cannot hold a schedule.
 */
export class Shaver {
  private readonly probe: Windows;

  constructor(
    n: number,
    private readonly phases: Int32Array,
    private readonly fails: (w: Windows) => boolean,
    /** False once the work allowed is spent: the shaving then stops and refutes nothing more. */
    private readonly mayProbe: () => boolean,
  ) {
    this.probe = { es: new Float64Array(n), ls: new Float64Array(n) };
  }

  /** True when shaving empties a window of `w` (already narrowed by `fails`), so no schedule fits them. */
  refutes(w: Windows): boolean {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let narrowed = false;
      for (const j of this.phases) {
        for (const late of [false, true]) {
          const cut = this.shave(w, j, late);
          if (cut === undefined) return false;
          if (cut === 0) continue;
          if (late) w.ls[j] = w.ls[j]! - cut;
          else w.es[j] = w.es[j]! + cut;
          narrowed = true;
          if (w.es[j]! > w.ls[j]! || this.fails(w)) return true;
        }
      }
      if (!narrowed) return false;
    }
    return false;
  }

  /**
   * The most whole days by which phase j's window can be cut at its start (or, `late`, at its
   * end) with a failed probe for each: 0 when the first day already fits; undefined when no more
   * probes are allowed.
   */
  private shave(w: Windows, j: number, late: boolean): number | undefined {
    const span = w.ls[j]! - w.es[j]! + 1;
    // A one-day window's only probe is the windows themselves, which hold.
    if (span <= 1) return 0;
    let cut = 0;
    for (let k = 1; cut < span; k = Math.min(2 * k, span)) {
      this.probe.es.set(w.es);
      this.probe.ls.set(w.ls);
      if (late) this.probe.es[j] = w.ls[j]! - k + 1;
      else this.probe.ls[j] = w.es[j]! + k - 1;
      if (!this.mayProbe()) return undefined;
      if (!this.fails(this.probe)) break;
      cut = k;
      if (k === span) break;
    }
    return cut;
  }
}
