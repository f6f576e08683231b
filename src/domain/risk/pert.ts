import type { Estimate } from '../model.js';

/** Quantile table resolution: samples are drawn by interpolating between these points. */
export const QUANTILES = 256;

/**
 * The inverse CDF of the PERT-beta distribution of an estimate, as QUANTILES + 1 points from
 * the 0 to the 1 quantile. Sampling then costs one uniform draw and an interpolation, which is
 * what makes tens of thousands of Monte Carlo iterations cheap.
 */
export function pertQuantiles(e: Estimate, out = new Float64Array(QUANTILES + 1)): Float64Array {
  const { optimistic: o, likely: m, pessimistic: p } = e;
  if (p - o <= 1e-12) return out.fill(m);
  const a = 1 + (4 * (m - o)) / (p - o);
  const b = 1 + (4 * (p - m)) / (p - o);
  // CDF of Beta(a, b) on a fine grid by the trapezoid rule over its density.
  const grid = 2048;
  const cdf = new Float64Array(grid + 1);
  const density = (x: number) => (x <= 0 || x >= 1 ? 0 : Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x)));
  let prev = density(0);
  for (let i = 1; i <= grid; i++) {
    const cur = density(i / grid);
    cdf[i] = cdf[i - 1]! + (prev + cur) / 2;
    prev = cur;
  }
  const total = cdf[grid]!;
  let i = 0;
  for (let q = 0; q <= QUANTILES; q++) {
    const target = (q / QUANTILES) * total;
    while (i < grid && cdf[i + 1]! < target) i++;
    const span = cdf[i + 1]! - cdf[i]!;
    const frac = span > 0 ? (target - cdf[i]!) / span : 0;
    out[q] = o + (p - o) * Math.min(1, (i + Math.min(1, Math.max(0, frac))) / grid);
  }
  out[0] = o;
  out[QUANTILES] = p;
  return out;
}

/** PERT mean and standard deviation, (o + 4m + p) / 6 and (p − o) / 6. */
export const pertStdDev = (e: Estimate) => (e.pessimistic - e.optimistic) / 6;
