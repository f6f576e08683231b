/** Times closer than this are one instant: the scheduler's own tolerance (schedule/sgs.ts), so float noise in a finish is no overlap. */
const SAME_INSTANT = 1e-7;

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
  // Ends before starts at the same instant: back-to-back work does not overlap, also when one
  // finish carries float noise (1.3888… + 5.8333… is 7.2222…23, the phase after starts at 7.2222…22).
  events.sort((a, b) => (Math.abs(a[0] - b[0]) < SAME_INSTANT ? a[1] - b[1] : a[0] - b[0]));
  let cur = 0;
  let peak = 0;
  for (const [, w] of events) {
    cur += w;
    if (cur > peak) peak = cur;
  }
  return peak;
}
