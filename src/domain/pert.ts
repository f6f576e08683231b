import type { Estimate } from './model.js';
import { SampleStream } from './montecarlo/stream.js';

/** Below this spread (p − o) an estimate is a constant. */
export const DEGENERATE = 1e-12;
const EPS = 1e-6;

/** PERT expected value of a three-point estimate: (o + 4m + p) / 6. */
export const pertMean = (e: Estimate) => (e.optimistic + 4 * e.likely + e.pessimistic) / 6;

/** The three-point estimate of a fixed duration: ± the spread (a share; the optimistic case never below 0). */
export const spreadEstimate = (duration: number, spread: number): Estimate => ({
  optimistic: duration * (1 - Math.min(spread, 1)),
  likely: duration,
  pessimistic: duration * (1 + spread),
});

/** PERT-beta shape parameters of an estimate: α = 1 + 4(m − o)/(p − o), β = 1 + 4(p − m)/(p − o). */
export function pertShape(e: Estimate): { alpha: number; beta: number } {
  const range = e.pessimistic - e.optimistic;
  if (range <= 0) return { alpha: 1, beta: 1 };
  const m = Math.min(e.pessimistic, Math.max(e.optimistic, e.likely));
  return { alpha: 1 + (4 * (m - e.optimistic)) / range, beta: 1 + (4 * (e.pessimistic - m)) / range };
}

/**
 * A seeded sampler of the PERT-beta distribution of one estimate: o + (p − o) · B with
 * B ~ Beta(α, β). A degenerate estimate (o = p) gives the constant.
 */
export function pertSampler(e: Estimate, seed: number): () => number {
  const range = e.pessimistic - e.optimistic;
  if (range <= DEGENERATE) return () => e.likely;
  const { alpha, beta } = pertShape(e);
  const stream = new SampleStream(seed);
  return () => e.optimistic + range * stream.beta(alpha, beta);
}

/** The PERT-beta distribution of one estimate: exceedance and quantiles from a numerical CDF of Beta(α, β). */
export class PertDistribution {
  private readonly cdf: Float64Array;
  private static readonly GRID = 512;

  constructor(private readonly e: Estimate) {
    const grid = PertDistribution.GRID;
    this.cdf = new Float64Array(grid + 1);
    if (e.pessimistic - e.optimistic <= DEGENERATE) return;
    const { alpha, beta } = pertShape(e);
    const density = (x: number) => (x <= 0 || x >= 1 ? (x <= 0 ? (alpha === 1 ? 1 : 0) : beta === 1 ? 1 : 0) : Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1));
    let prev = density(0);
    for (let i = 1; i <= grid; i++) {
      const cur = density(i / grid);
      this.cdf[i] = this.cdf[i - 1]! + (prev + cur) / 2;
      prev = cur;
    }
    const total = this.cdf[grid]!;
    for (let i = 0; i <= grid; i++) this.cdf[i] = this.cdf[i]! / total;
  }

  /** P(duration > x). */
  exceeds(x: number): number {
    const { optimistic: o, pessimistic: p, likely } = this.e;
    if (p - o <= DEGENERATE) return x < likely - EPS ? 1 : 0;
    if (x <= o) return 1;
    if (x >= p) return 0;
    const t = ((x - o) / (p - o)) * PertDistribution.GRID;
    const i = Math.floor(t);
    const c = this.cdf[i]! + (this.cdf[Math.min(PertDistribution.GRID, i + 1)]! - this.cdf[i]!) * (t - i);
    return 1 - c;
  }

  /** The q-quantile of the duration. */
  quantile(q: number): number {
    const { optimistic: o, pessimistic: p, likely } = this.e;
    if (p - o <= DEGENERATE) return likely;
    let i = 0;
    while (i < PertDistribution.GRID && this.cdf[i + 1]! < q) i++;
    const span = this.cdf[i + 1]! - this.cdf[i]!;
    const frac = span > 0 ? (q - this.cdf[i]!) / span : 0;
    return o + ((p - o) * (i + Math.min(1, Math.max(0, frac)))) / PertDistribution.GRID;
  }
}
