import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { sortedBy } from '../../src/domain/schedule/justify.js';

describe('sortedBy (the justification passes’ ordering)', () => {
  it('orders exactly as a comparator sort does, ties on the first key included, in both directions', () => {
    const rng = seededRandom(7);
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(rng.next() * 300);
      // Few distinct values, so most phases tie on the first key and some on the second too; -0 and negatives among them.
      const first = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? -0 : Math.floor(rng.next() * 12) / 3 - (rng.next() < 0.2 ? 2 : 0)));
      const second = Float64Array.from(first, (f) => f + Math.floor(rng.next() * 3));
      const topo = Int32Array.from({ length: n }, (_, j) => j);
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(rng.next() * (i + 1));
        [topo[i], topo[k]] = [topo[k]!, topo[i]!];
      }
      for (const descending of [false, true]) {
        const sign = descending ? -1 : 1;
        const cmp = (a: number, b: number) => sign * (first[a]! - first[b]! || second[a]! - second[b]! || topo[a]! - topo[b]!);
        const expected = Array.from({ length: n }, (_, j) => j).sort(cmp);
        expect(Array.from(sortedBy(first, second, topo, descending))).toEqual(expected);
      }
    }
  });
});
