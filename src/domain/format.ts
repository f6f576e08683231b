/** Numbers in artifacts: two decimals are plenty for working days and percentages (+ 0 turns −0, from exact sums of unrounded durations, into 0, as JSON would). */
export const r2 = (x: number) => Math.round(x * 100) / 100 + 0;
export const pct = (fraction: number) => r2(fraction * 100);
