// @ts-check
// The date axis at a zoom: pixels per calendar day, the ticks of two tiers, and the stretches
// of non-working days (weekends, holidays) to shade.
import { dateOf, isoDate } from './calendar.js';

/** @typedef {'day' | 'week' | 'month'} Zoom */

/** Pixels per calendar day at each zoom. */
export const DAY_WIDTH = /** @type {const} */ ({ day: 26, week: 7, month: 2 });
export const ZOOMS = /** @type {Zoom[]} */ (['day', 'week', 'month']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The zoom that shows a span of calendar days in about a screen's width. @param {number} days */
export const fittingZoom = (days) => (days * DAY_WIDTH.day <= 1300 ? 'day' : days * DAY_WIDTH.week <= 2600 ? 'week' : 'month');

/**
 * @param {Zoom} zoom
 * @param {number} from first calendar (epoch) day shown
 * @param {number} to last calendar day shown (exclusive)
 */
export function axisTicks(zoom, from, to) {
  /** @type {{ day: number; label: string }[]} */
  const lower = [];
  /** @type {{ day: number; label: string }[]} */
  const upper = [];
  for (let d = Math.floor(from); d < to; d++) {
    const date = dateOf(d);
    const dom = date.getUTCDate();
    const month = date.getUTCMonth();
    const year = date.getUTCFullYear();
    const monthLabel = `${MONTHS[month]} ${year}`;
    if (zoom === 'day') lower.push({ day: d, label: String(dom) });
    else if (zoom === 'week' && date.getUTCDay() === 1) lower.push({ day: d, label: `${dom} ${MONTHS[month]}` });
    else if (zoom === 'month' && dom === 1) lower.push({ day: d, label: /** @type {string} */ (MONTHS[month]) });
    if (zoom !== 'month' && (dom === 1 || d === Math.floor(from))) upper.push({ day: d, label: monthLabel });
    if (zoom === 'month' && ((dom === 1 && month === 0) || d === Math.floor(from))) upper.push({ day: d, label: String(year) });
  }
  return { lower, upper };
}

/**
 * Stretches [from, to) of consecutive non-working days.
 * @param {(day: number) => boolean} isWorking
 * @param {number} from
 * @param {number} to
 */
export function offDays(isWorking, from, to) {
  /** @type {{ from: number; to: number; label: string }[]} */
  const out = [];
  for (let d = Math.floor(from); d < to; d++) {
    if (isWorking(d)) continue;
    const last = out[out.length - 1];
    if (last && last.to === d) last.to = d + 1;
    else out.push({ from: d, to: d + 1, label: isoDate(d) });
  }
  return out;
}
