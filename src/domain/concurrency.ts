/** Peak of a weighted sum of intervals [start, finish) (zero-length intervals count at their instant). */
export function peakConcurrency(items: ArrayLike<number>, start: ArrayLike<number>, finish: ArrayLike<number>, weight?: (j: number) => number): number {
  const events: [number, number][] = [];
  for (let k = 0; k < items.length; k++) {
    const j = items[k]!;
    const w = weight ? weight(j) : 1;
    if (w === 0) continue;
    if (finish[j]! - start[j]! <= 1e-9) {
      events.push([start[j]!, w], [start[j]!, -w]);
      continue;
    }
    events.push([start[j]!, w], [finish[j]!, -w]);
  }
  // Ends before starts at the same instant: back-to-back work does not overlap.
  events.sort((a, b) => a[0] - b[0] || (Math.abs(a[0] - b[0]) < 1e-9 ? a[1] - b[1] : 0));
  let cur = 0;
  let peak = 0;
  for (const [, w] of events) {
    cur += w;
    if (cur > peak) peak = cur;
  }
  return peak;
}
