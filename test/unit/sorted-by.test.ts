import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { sortedBy } from '../../src/domain/schedule/justify.js';
import { stableByKey } from '../../src/domain/schedule/bucket-sort.js';

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

  it('sorts stably however the keys spread over the buckets, after a longer sort has grown its scratch', () => {
    const rng = seededRandom(11);
    const check = (key: Float64Array) => {
      const order = Int32Array.from({ length: key.length }, (_, i) => key.length - 1 - i);
      for (const descending of [false, true]) {
        const sign = descending ? -1 : 1;
        const expected = Array.from(order).sort((a, b) => sign * (key[a]! - key[b]!) || order.indexOf(a) - order.indexOf(b));
        expect(Array.from(stableByKey(order, key, descending))).toEqual(expected);
      }
    };
    check(Float64Array.from({ length: 2000 }, () => rng.next() * 1000 - 300));
    // Two values: every key in the first or the last bucket.
    check(Float64Array.from({ length: 300 }, () => (rng.next() < 0.5 ? 1 : 1.5)));
    check(Float64Array.from({ length: 300 }, () => rng.int(1000)));
    // All equal: one bucket for all.
    check(new Float64Array(50).fill(7));
    // One far key: the rest crowd into the first bucket, past insertion's length (comparison-sorted).
    check(Float64Array.from({ length: 400 }, (_, i) => (i === 17 ? 1e9 : rng.next() * 10)));
    // Infinite keys: no scale, so one bucket; -0 ties with 0.
    check(Float64Array.from({ length: 120 }, () => [Infinity, -Infinity, 0, -0, 3][rng.int(5)]!));
    check(new Float64Array(0));
    check(Float64Array.of(2));
  });

  it('orders by the second key among equal first keys, stably, in both directions', () => {
    const rng = seededRandom(17);
    for (let run = 0; run < 100; run++) {
      const n = 1 + rng.int(500);
      const key = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? 1e6 : rng.int(40) / 6));
      const second = Float64Array.from({ length: n }, () => rng.int(4));
      const order = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const k = rng.int(i + 1);
        [order[i], order[k]] = [order[k]!, order[i]!];
      }
      const at = new Int32Array(n);
      order.forEach((j, i) => (at[j] = i));
      for (const descending of [false, true]) {
        const sign = descending ? -1 : 1;
        const expected = Array.from({ length: n }, (_, j) => j).sort((a, b) => sign * (key[a]! - key[b]! || second[a]! - second[b]!) || at[a]! - at[b]!);
        expect(Array.from(stableByKey(order, key, descending, second))).toEqual(expected);
      }
    }
  });

  it('orders a run of equal first keys longer than insertion takes (comparison-sorted) as it does a short one', () => {
    const rng = seededRandom(13);
    const n = 700;
    // Two runs: 600 phases at one start, 100 at another, finishes drawn from few values so that they tie too.
    const first = Float64Array.from({ length: n }, (_, j) => (j % 7 === 0 ? 2.5 : 1 / 3));
    const second = Float64Array.from(first, (f) => f + Math.floor(rng.next() * 20) / 6);
    const topo = Int32Array.from({ length: n }, (_, j) => (j * 389) % n);
    for (const descending of [false, true]) {
      const sign = descending ? -1 : 1;
      const cmp = (a: number, b: number) => sign * (first[a]! - first[b]! || second[a]! - second[b]! || topo[a]! - topo[b]!);
      expect(Array.from(sortedBy(first, second, topo, descending))).toEqual(Array.from({ length: n }, (_, j) => j).sort(cmp));
    }
  });
});
