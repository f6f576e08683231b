const float = new Float64Array(1);
// Node runs on little-endian machines: word 0 holds the low 32 bits.
const words = new Uint32Array(float.buffer);

/**
 * `order` re-ordered by `key` (ascending or descending), keeping `order` among equal keys: a
 * least-significant-digit radix sort, 8 bits a pass, over the keys' IEEE 754 bits mapped so that
 * unsigned order is numeric order (−0 counts as 0). Passes whose digit is the same for every key
 * (the low bits of whole days, mostly) are skipped.
 */
export function stableByKey(order: Int32Array, key: Float64Array, descending: boolean): Int32Array {
  const n = order.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
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
  }
  let from = Int32Array.from(order);
  let to = new Int32Array(n);
  const count = new Int32Array(257);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[from[i]!]! >>> shift) & 255) + 1]!++;
    if (count.includes(n)) continue;
    for (let b = 0; b < 256; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) {
      const j = from[i]!;
      to[count[(word[j]! >>> shift) & 255]!++] = j;
    }
    [from, to] = [to, from];
  }
  return from;
}
