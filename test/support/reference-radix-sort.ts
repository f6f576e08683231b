/**
 * The justification passes' ordering as it was up to the fourteenth pass (issue 15): a
 * least-significant-digit radix sort by the first key, then insertion by the second key within
 * runs of equal first keys. bench:decode measures the bucket sort (src/domain/schedule/bucket-sort.ts)
 * against it and checks that both give the same order.
 */
const float = new Float64Array(1);
// Node runs on little-endian machines: word 0 holds the low 32 bits.
const words = new Uint32Array(float.buffer);

/**
 * Scratch for the mapped keys and the passes, grown as needed (sorts never overlap in a thread):
 * allocated per sort, they were four arrays of n for every sort, two sorts per justified child.
 */
let scratch = { hi: new Uint32Array(0), lo: new Uint32Array(0), buffer: new Int32Array(0) };
const counts = new Int32Array(8 * 256);

/**
 * `order` re-ordered by `key` (ascending or descending), keeping `order` among equal keys: a
 * least-significant-digit radix sort, 8 bits a pass, over the keys' IEEE 754 bits mapped so that
 * unsigned order is numeric order (−0 counts as 0). The eight digits' counts come from one read
 * of the keys; passes whose digit is the same for every key (the low bits of whole days,
 * mostly) are skipped.
 */
export function stableByKey(order: Int32Array, key: Float64Array, descending: boolean): Int32Array {
  const n = order.length;
  if (scratch.hi.length < n) scratch = { hi: new Uint32Array(n), lo: new Uint32Array(n), buffer: new Int32Array(n) };
  const { hi, lo } = scratch;
  counts.fill(0);
  for (let j = 0; j < n; j++) {
    float[0] = key[j]! + 0;
    let l = words[0]!;
    let h = words[1]!;
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    if (descending) {
      h = ~h;
      l = ~l;
    }
    hi[j] = h;
    lo[j] = l;
    counts[l & 255]!++;
    counts[256 + ((l >>> 8) & 255)]!++;
    counts[512 + ((l >>> 16) & 255)]!++;
    counts[768 + (l >>> 24)]!++;
    counts[1024 + (h & 255)]!++;
    counts[1280 + ((h >>> 8) & 255)]!++;
    counts[1536 + ((h >>> 16) & 255)]!++;
    counts[1792 + (h >>> 24)]!++;
  }
  const result = Int32Array.from(order);
  let from = result;
  let to = scratch.buffer;
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    const base = pass * 256;
    // Exclusive prefix sums, unless one bucket holds every key.
    let sum = 0;
    let skip = false;
    for (let b = base; b < base + 256; b++) {
      const c = counts[b]!;
      if (c === n) skip = true;
      counts[b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const j = from[i]!;
      to[counts[base + ((word[j]! >>> shift) & 255)]!++] = j;
    }
    [from, to] = [to, from];
  }
  if (from !== result) result.set(from.subarray(0, n));
  return result;
}

/** Runs of equal first keys longer than this were ordered by a comparison sort (stable), not by insertion. */
const LONG_RUN = 256;

/** The indices 0…n−1 ordered by `first`, then `second`, then `topoPos` (all ascending, or all descending). */
export function referenceSortedBy(first: Float64Array, second: Float64Array, topoPos: Int32Array, descending: boolean): Int32Array {
  const n = first.length;
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[descending ? n - 1 - topoPos[j]! : topoPos[j]!] = j;
  const out = stableByKey(order, first, descending);
  const sign = descending ? -1 : 1;
  for (let i = 0; i < n;) {
    const f = first[out[i]!]!;
    let k = i + 1;
    while (k < n && first[out[k]!] === f) k++;
    if (k - i > LONG_RUN) {
      const run = Array.from(out.subarray(i, k)).sort((a, b) => sign * (second[a]! - second[b]!));
      out.set(run, i);
    } else
      for (let a = i + 1; a < k; a++) {
        const j = out[a]!;
        const key = sign * second[j]!;
        let b = a - 1;
        for (; b >= i && sign * second[out[b]!]! > key; b--) out[b + 1] = out[b]!;
        out[b + 1] = j;
      }
    i = k;
  }
  return out;
}
