/**
 * Numbers and words in artifacts and documents. Numeric helpers return numbers for JSON fields;
 * prose helpers return text for titles, descriptions and Markdown.
 */

/** A number for an artifact field: two decimals are plenty for working days and percentages (+ 0 turns −0, from exact sums of unrounded durations, into 0, as JSON would). */
export const r2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** A fraction as a number of percent for an artifact field (0.125 → 12.5). */
export const percentValue = (fraction: number) => r2(fraction * 100);

/** A number in prose, to one decimal ("2.5", "3"). */
export const figure = (x: number) => String(Math.round(x * 10) / 10);

/** A fraction as whole percent in prose ("12 %"). */
export const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** A count of days in prose: "1 day", "2.5 working days". */
export const days = (x: number, working = false) => `${figure(x)} ${working ? 'working ' : ''}day${figure(x) === '1' ? '' : 's'}`;

/** A count with its noun: "1 phase", "3 phases", "2 people". */
export const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** Items in prose, the first `max` of them: "a, b, c and 4 more". */
export const list = (xs: string[], max = 6) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);
