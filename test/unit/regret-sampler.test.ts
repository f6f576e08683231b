import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../src/domain/random.js';
import { linearRegret, RegretSampler, squaredRegret, type RegretWeight } from '../../src/domain/schedule/regret-sampler.js';
import { sampledList } from '../../src/domain/schedule/rules.js';
import { referenceSampledList } from '../support/reference-sampling.js';

/** A random DAG over n phases (links from lower to higher index), `width` phases ready at the start. */
function randomGraph(n: number, width: number, rng: Random) {
  const preds = Array.from({ length: n }, (_, j) => Int32Array.from(j < width ? [] : new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.int(j)))));
  const succs: number[][] = Array.from({ length: n }, () => []);
  preds.forEach((ps, j) => ps.forEach((i) => succs[i]!.push(j)));
  return { n, preds, succs: succs.map((s) => Int32Array.from(s)) };
}

const keysFor = (n: number, rng: Random) => Float64Array.from({ length: n }, () => Math.round(rng.next() * 600) / 6);

/** First draws of a fresh sampler over `keys` (all ready), counted per phase, against the weights' shares. */
function firstDrawShares(keys: Float64Array, weight: RegretWeight, draws: number): { seen: number[]; expected: number[] } {
  const worst = Math.max(...keys);
  const w = Array.from(keys, (k) => weight.of(worst, k));
  const total = w.reduce((a, b) => a + b, 0);
  const seen = new Array<number>(keys.length).fill(0);
  const rng = seededRandom(11);
  for (let d = 0; d < draws; d++) {
    const s = new RegretSampler(keys.length, keys, weight);
    for (let j = 0; j < keys.length; j++) s.add(j);
    seen[s.draw(rng)]!++;
  }
  return { seen, expected: w.map((x) => (x / total) * draws) };
}

describe('RegretSampler (regret-based biased random sampling)', () => {
  it('draws exactly what the scan of before drew while no ready set exceeds 64 phases', () => {
    const rng = seededRandom(3);
    for (let run = 0; run < 60; run++) {
      const n = 1 + rng.int(64);
      const g = randomGraph(n, 1 + rng.int(n), rng);
      const key = keysFor(n, rng);
      const seed = 1 + rng.int(1_000_000);
      expect(Array.from(sampledList(g, key, seededRandom(seed)))).toEqual(Array.from(referenceSampledList(g, key, seededRandom(seed))));
    }
  });

  it('gives precedence-feasible permutations when ready sets grow past 64 phases and shrink again', () => {
    const rng = seededRandom(5);
    for (let run = 0; run < 20; run++) {
      const n = 200 + rng.int(1500);
      const g = randomGraph(n, 1 + rng.int(300), rng);
      const list = sampledList(g, keysFor(n, rng), seededRandom(run + 1));
      const at = new Int32Array(n).fill(-1);
      list.forEach((j, k) => (at[j] = k));
      expect(at.every((k) => k >= 0)).toBe(true);
      for (let j = 0; j < n; j++) for (const i of g.preds[j]!) expect(at[i]).toBeLessThan(at[j]!);
    }
  });

  it('draws from a large ready set in proportion to the weights, squared and linear', () => {
    const rng = seededRandom(9);
    const keys = keysFor(200, rng);
    const draws = 40_000;
    for (const weight of [squaredRegret, linearRegret(50)]) {
      const { seen, expected } = firstDrawShares(keys, weight, draws);
      // Pearson's statistic over 200 cells: about 199 when the shares are right; a draw off by one cell or one weight term lands far above.
      const chi2 = seen.reduce((sum, o, j) => sum + (o - expected[j]!) ** 2 / expected[j]!, 0);
      expect(chi2).toBeLessThan(280);
      expect(seen.reduce((a, b) => a + b, 0)).toBe(draws);
    }
  });

  it('a large sampler and the scan agree on the distribution of whole lists', () => {
    // 100 independent phases: the position of the phase with the lowest key must follow the same law under both.
    const n = 100;
    const keys = Float64Array.from({ length: n }, (_, j) => j);
    const g = randomGraph(n, n, seededRandom(1));
    const meanPosition = (f: typeof sampledList) => {
      let sum = 0;
      for (let s = 1; s <= 3000; s++) sum += f(g, keys, seededRandom(s)).indexOf(0);
      return sum / 3000;
    };
    const tree = meanPosition(sampledList);
    const scan = meanPosition(referenceSampledList);
    expect(Math.abs(tree - scan)).toBeLessThan(0.15 * Math.max(1, scan));
  });
});
