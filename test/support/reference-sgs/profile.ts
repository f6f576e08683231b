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

  constructor(readonly capacity: number) {}

  reset(): void {
    this.size = 1;
    this.times[0] = 0;
    this.usage[0] = 0;
  }

  /** Index of the step containing t. */
  private stepAt(t: number): number {
    const times = this.times;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= t + EPS) lo = mid;
      else hi = mid - 1;
    }
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

  private split(t: number): number {
    const i = this.stepAt(t);
    if (Math.abs(this.times[i]! - t) <= EPS) return i;
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const usage = new Float64Array(this.size * 2);
      times.set(this.times);
      usage.set(this.usage);
      this.times = times;
      this.usage = usage;
    }
    this.times.copyWithin(i + 2, i + 1, this.size);
    this.usage.copyWithin(i + 2, i + 1, this.size);
    this.times[i + 1] = t;
    this.usage[i + 1] = this.usage[i]!;
    this.size++;
    return i + 1;
  }

  add(t: number, d: number, q: number): void {
    if (d <= EPS || q === 0) return;
    const a = this.split(t);
    const b = this.split(t + d);
    for (let i = a; i < b; i++) this.usage[i]! += q;
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
