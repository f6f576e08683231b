import { IndexHeap } from '../heap.js';
import type { Random } from '../random.js';

/**
 * How a ready phase's weight follows from its regret (the worst ready key less its own key):
 * `of` as the scan computes it, `coefficients` the same weight as α + β·key + γ·key² for a given
 * worst key, so that a tree can sum it over any set from the sums of the keys and their squares.
 */
export interface RegretWeight {
  of(worst: number, key: number): number;
  coefficients(worst: number, out: Float64Array): void;
}

/** (regret + 1)², the bias of regret-based biased random sampling (Kolisch & Hartmann 2006). */
export const squaredRegret: RegretWeight = {
  of: (worst, key) => (worst - key + 1) ** 2,
  coefficients: (worst, out) => {
    out[0] = (worst + 1) ** 2;
    out[1] = -2 * (worst + 1);
    out[2] = 1;
  },
};

/** regret ÷ spread × 4 + 1: a milder bias, for re-sampling a block of a good list. */
export function linearRegret(spread: number): RegretWeight {
  return {
    of: (worst, key) => ((worst - key) / spread) * 4 + 1,
    coefficients: (worst, out) => {
      out[0] = (worst / spread) * 4 + 1;
      out[1] = -4 / spread;
      out[2] = 0;
    },
  };
}

/**
 * Ready sets up to this size are drawn by a scan over the set in its order, exactly as before
 * the tree existed: plans of up to 64 phases (J30, J60) get the same lists as then, and a scan
 * is the faster draw for a small set.
 */
const SCAN_MAX = 64;

/**
 * The ready phases of a list being sampled, each drawn with probability proportional to its
 * regret weight. A draw by scan costs the ready set's size; past SCAN_MAX phases the draw goes
 * down a Fenwick tree over the phases that holds, per node, the count, the sum of the keys and
 * the sum of their squares (enough to sum any weight of degree two in the key), with a max-heap
 * for the worst key. On the 10,000-phase plan of bench:large, ready sets
 * hold 125–913 phases and a sampled list took 61–89 ms by scan, five to seven decodes; by the tree
 * 13–20 ms (bench:decode). The tree draws from the same distribution, though not the same phase
 * for the same random number.
 */
export class RegretSampler {
  private readonly ready: number[] = [];
  /** Position of each phase in `ready`, −1 when it is not ready. */
  private readonly at: Int32Array;
  private readonly weights: number[] = [];
  /** Fenwick nodes, three numbers each: the count, the sum of the keys, the sum of their squares. */
  private readonly tree: Float64Array;
  /** The same three over every ready phase. */
  private readonly all = new Float64Array(3);
  private readonly worst: IndexHeap;
  private readonly coefficients = new Float64Array(3);
  private readonly top: number;

  constructor(
    private readonly n: number,
    private readonly key: ArrayLike<number>,
    private readonly weight: RegretWeight,
  ) {
    this.at = new Int32Array(n).fill(-1);
    this.tree = new Float64Array(3 * (n + 1));
    this.worst = new IndexHeap((a, b) => key[a]! > key[b]!);
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = top;
  }

  add(j: number): void {
    this.at[j] = this.ready.length;
    this.ready.push(j);
    this.worst.push(j);
    this.update(j, 1);
  }

  /** Removes and returns one ready phase, drawn with probability weight ÷ total weight. */
  draw(rng: Random): number {
    const ready = this.ready;
    let pick: number;
    if (ready.length <= SCAN_MAX) {
      const key = this.key;
      let worst = -Infinity;
      for (const j of ready) worst = Math.max(worst, key[j]!);
      const weights = this.weights;
      weights.length = ready.length;
      let total = 0;
      for (let i = 0; i < ready.length; i++) {
        const w = this.weight.of(worst, key[ready[i]!]!);
        weights[i] = w;
        total += w;
      }
      let x = rng.next() * total;
      pick = 0;
      while (pick < ready.length - 1 && x >= weights[pick]!) x -= weights[pick++]!;
    } else pick = this.at[this.descend(rng)]!;
    const j = ready[pick]!;
    const last = ready.pop()!;
    if (pick < ready.length) {
      ready[pick] = last;
      this.at[last] = pick;
    }
    this.at[j] = -1;
    this.update(j, -1);
    return j;
  }

  /** The phase whose weight interval holds a uniform draw over the total weight, by Fenwick descent. */
  private descend(rng: Random): number {
    const at = this.at;
    while (at[this.worst.peek()]! < 0) this.worst.pop();
    const c = this.coefficients;
    this.weight.coefficients(this.key[this.worst.peek()]!, c);
    const { tree, all, n } = this;
    let x = rng.next() * (c[0]! * all[0]! + c[1]! * all[1]! + c[2]! * all[2]!);
    let pos = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next > n) continue;
      const w = c[0]! * tree[3 * next]! + c[1]! * tree[3 * next + 1]! + c[2]! * tree[3 * next + 2]!;
      if (w <= x) {
        x -= w;
        pos = next;
      }
    }
    // Rounding can leave a draw past the end, or on a phase no longer ready whose sums did not cancel to zero: the nearest ready phase stands for it.
    for (let j = Math.min(pos, n - 1); j >= 0; j--) if (at[j]! >= 0) return j;
    for (let j = pos; j < n; j++) if (at[j]! >= 0) return j;
    throw new Error('RegretSampler: nothing is ready');
  }

  private update(j: number, sign: number): void {
    const k = this.key[j]!;
    const dk = sign * k;
    const dk2 = dk * k;
    const { tree, all, n } = this;
    all[0]! += sign;
    all[1]! += dk;
    all[2]! += dk2;
    for (let i = j + 1; i <= n; i += i & -i) {
      tree[3 * i]! += sign;
      tree[3 * i + 1]! += dk;
      tree[3 * i + 2]! += dk2;
    }
  }
}
