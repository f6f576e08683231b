/** Scratch for the buckets, grown as needed (sorts never overlap in a thread). */
let scratch = { bucket: new Int32Array(0), end: new Int32Array(0) };

/** Buckets holding more phases than this are comparison-sorted rather than by insertion. */
const LONG_BUCKET = 64;

/**
 * `order` re-ordered by `key`, then by `second` when given (both ascending, or both descending),
 * keeping `order` among phases equal on both: the justification passes' ordering and the peak
 * window's. `order` is a permutation of 0…n−1 and the keys are indexed by phase.
 *
 * A bucket sort: n buckets over [min, max], a key's bucket ⌊(key − min) · n ÷ (max − min)⌋. That
 * map is monotone (IEEE 754 subtraction and multiplication round monotonically), so ordering the
 * buckets and then the phases inside each orders the keys exactly, ties and −0 (= 0) included.
 * Schedule times spread over the makespan, so buckets hold one or two phases and the sort is two
 * passes over the phases plus one over the buckets; the least-significant-digit radix sort it
 * replaced made up to eight passes over fractional days (bench:decode compares them). Keys that
 * crowd into few buckets (or are not finite) fall to a comparison sort per bucket.
 */
export function stableByKey(order: Int32Array, key: Float64Array, descending: boolean, second?: Float64Array): Int32Array {
  const n = order.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    const k = key[j]!;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (scratch.bucket.length < n) scratch = { bucket: new Int32Array(n), end: new Int32Array(n + 1) };
  const { bucket, end } = scratch;
  end.fill(0, 0, n + 1);
  const scale = hi > lo && hi - lo < Infinity ? n / (hi - lo) : 0;
  const last = n - 1;
  for (let j = 0; j < n; j++) {
    const v = scale === 0 ? 0 : (descending ? hi - key[j]! : key[j]! - lo) * scale;
    // NaN falls to bucket 0 (v >= 0 is false); it keeps its place there.
    const b = v >= 0 ? Math.min(last, Math.floor(v)) : 0;
    bucket[j] = b;
    end[b + 1]!++;
  }
  for (let b = 0; b < n; b++) end[b + 1]! += end[b]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[i]!;
    out[end[bucket[j]!]!++] = j;
  }
  // end[b] is now where bucket b ends.
  const sign = descending ? -1 : 1;
  let from = 0;
  for (let b = 0; b < n; b++) {
    const to = end[b]!;
    if (to - from > LONG_BUCKET) {
      const run = Array.from(out.subarray(from, to)).sort((x, y) => sign * (key[x]! - key[y]! || (second ? second[x]! - second[y]! : 0)));
      out.set(run, from);
    } else
      for (let a = from + 1; a < to; a++) {
        const j = out[a]!;
        const kj = sign * key[j]!;
        const sj = second ? sign * second[j]! : 0;
        let c = a - 1;
        for (; c >= from; c--) {
          const kc = sign * key[out[c]!]!;
          if (kc < kj || (kc === kj && (!second || sign * second[out[c]!]! <= sj))) break;
          out[c + 1] = out[c]!;
        }
        out[c + 1] = j;
      }
    from = to;
  }
  return out;
}
