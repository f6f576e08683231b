const EPS = 1e-7;

/** Usage of one renewable resource over time. */
export interface CapacityProfile {
  readonly capacity: number;
  reset(): void;
  /** −1 when q more units fit over [t, t + d); otherwise the next start worth trying. */
  conflict(t: number, d: number, q: number): number;
  add(t: number, d: number, q: number): void;
}

/**
 * A step function for any start and duration: usage[i] holds on [times[i], times[i+1]) and the
 * last step runs to infinity (always back to zero). Steps live in typed arrays that grow by
 * doubling, so a new step is a memory move rather than an array splice: at 10,000 phases a
 * decode spent most of its time splicing JavaScript arrays.
 */
export class ResourceProfile implements CapacityProfile {
  times = new Float64Array(16);
  usage = new Float64Array(16);
  /** Steps in use. */
  size = 1;
  /** The step last looked up: the decoder asks about nearby times in a row, so searches gallop from here. */
  private hint = 0;

  constructor(readonly capacity: number) {}

  reset(): void {
    this.size = 1;
    this.times[0] = 0;
    this.usage[0] = 0;
    this.hint = 0;
  }

  /** Index of the step containing t: the last step starting at or before t (within EPS). */
  private stepAt(t: number): number {
    const times = this.times;
    const x = t + EPS;
    const last = this.size - 1;
    let lo: number;
    let hi: number;
    let h = this.hint > last ? last : this.hint;
    if (times[h]! <= x) {
      // Gallop up from the hint to bracket the answer in [lo, hi].
      let step = 1;
      lo = h;
      hi = h + 1;
      while (hi <= last && times[hi]! <= x) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
      if (hi > last) hi = last;
      else hi--;
    } else {
      let step = 1;
      hi = h - 1;
      h = hi - 1;
      while (h > 0 && times[h]! > x) {
        hi = h - 1;
        step *= 2;
        h = hi - step;
      }
      lo = h < 0 ? 0 : h;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= t + EPS) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  /**
   * −1 when q more units fit over [t, t + d); otherwise the earliest time after which
   * the first overloaded step ends (the next start worth trying).
   */
  conflict(t: number, d: number, q: number): number {
    const limit = this.capacity - q + EPS;
    const end = t + d - EPS;
    const { times, usage, size } = this;
    for (let i = this.stepAt(t); i < size && times[i]! < end; i++) {
      if (usage[i]! > limit) {
        let j = i + 1;
        while (j < size && usage[j]! > limit) j++;
        return j < size ? times[j]! : Infinity;
      }
    }
    return -1;
  }

  /**
   * Adds q over [t, t + d): splits the steps at t and at t + d as needed (the second looked up by a
   * short scan from the first) and moves the steps after them once, by both new steps together.
   */
  add(t: number, d: number, q: number): void {
    if (d <= EPS || q === 0) return;
    const e = t + d;
    const ia = this.stepAt(t);
    if (this.size + 2 > this.times.length) this.grow();
    const { times, usage, size } = this;
    const needA = Math.abs(times[ia]! - t) > EPS ? 1 : 0;
    let ib = ia;
    while (ib + 1 < size && times[ib + 1]! <= e + EPS) ib++;
    // The step holding e once t is in: t itself when it is new and no old step lies between.
    const atT = needA === 1 && ib === ia;
    const needB = Math.abs((atT ? t : times[ib]!) - e) > EPS ? 1 : 0;
    const usageB = usage[ib]!;
    if (needA + needB > 0) moveUp(times, usage, ib + 1, size, needA + needB);
    if (needA === 1) {
      moveUp(times, usage, ia + 1, ib + 1, 1);
      times[ia + 1] = t;
      usage[ia + 1] = usage[ia]!;
    }
    const pb = ib + needA;
    if (needB === 1) {
      times[pb + 1] = e;
      usage[pb + 1] = usageB;
    }
    this.size = size + needA + needB;
    const b = pb + needB;
    for (let i = ia + needA; i < b; i++) usage[i]! += q;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const usage = new Float64Array(this.times.length * 2);
    times.set(this.times);
    usage.set(this.usage);
    this.times = times;
    this.usage = usage;
  }
}

/** Moves steps [from, to) up by `by` places. A short move is a loop: copyWithin's call costs more than moving the few steps a decode's insertions near the end usually shift. */
function moveUp(times: Float64Array, usage: Float64Array, from: number, to: number, by: number): void {
  if (to - from > 32) {
    times.copyWithin(from + by, from, to);
    usage.copyWithin(from + by, from, to);
    return;
  }
  for (let i = to - 1; i >= from; i--) {
    times[i + by] = times[i]!;
    usage[i + by] = usage[i]!;
  }
}

/**
 * Usage per whole working day, for problems whose durations and fixed starts are all integers
 * (most inputs, and PSPLIB): checks and updates are array scans, no splicing.
 */
export class GridProfile implements CapacityProfile {
  private usage: Float64Array;
  /** Days [0, used) may be non-zero. */
  private used = 0;

  constructor(
    readonly capacity: number,
    horizon: number,
  ) {
    this.usage = new Float64Array(Math.max(16, horizon));
  }

  reset(): void {
    this.usage.fill(0, 0, this.used);
    this.used = 0;
  }

  conflict(t: number, d: number, q: number): number {
    const limit = this.capacity - q + EPS;
    const usage = this.usage;
    const end = Math.min(t + d, this.used);
    for (let i = t; i < end; i++) {
      if (usage[i]! > limit) {
        let j = i + 1;
        while (j < this.used && usage[j]! > limit) j++;
        return j;
      }
    }
    return -1;
  }

  add(t: number, d: number, q: number): void {
    if (d <= 0 || q === 0) return;
    const end = t + d;
    if (end > this.usage.length) {
      const grown = new Float64Array(Math.max(end, this.usage.length * 2));
      grown.set(this.usage);
      this.usage = grown;
    }
    for (let i = t; i < end; i++) this.usage[i]! += q;
    if (end > this.used) this.used = end;
  }
}
