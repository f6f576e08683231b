/** Numbers in artifacts: two decimals are plenty for working days and percentages. */
export const r2 = (x: number) => Math.round(x * 100) / 100;
export const pct = (fraction: number) => r2(fraction * 100);
