// @ts-check
// Element builders. Text always goes in as text nodes: plan names and ids are user data.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @typedef {Record<string, unknown> | null | undefined} Attrs
 * @typedef {Node | string | number | boolean | null | undefined} ChildItem
 * @typedef {ChildItem | ChildItem[] | ChildItem[][]} Child
 */

/**
 * @template {Element} E
 * @param {E} el
 * @param {Attrs} attrs
 * @param {Child[]} children
 * @returns {E}
 */
function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of /** @type {ChildItem[]} */ (children.flat(Infinity))) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * An HTML element: h('a', { href }, 'text', child…).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export const h = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);

/**
 * An SVG element.
 * @param {string} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {SVGElement}
 */
export const s = (tag, attrs, ...children) => fill(/** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag)), attrs, children);

/** @type {Map<number, Intl.NumberFormat>} */
const numberFormats = new Map();
/** One formatter per precision, made once: toLocaleString makes one per call. @param {number} digits */
const numberFormat = (digits) => {
  let f = numberFormats.get(digits);
  if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat('en', { maximumFractionDigits: digits })));
  return f;
};
const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Numbers for display; inputs may come as numbers or numeric strings. */
export const fmt = {
  /** @param {number | string} d */
  days: (d) => `${numberFormat(1).format(Number(d))} d`,
  /** @param {number | string} p */
  pct: (p) => `${numberFormat(1).format(Number(p))} %`,
  /** @param {number | string} n */
  num: (n, digits = 2) => numberFormat(digits).format(Number(n)),
  /** @param {string} iso */
  time: (iso) => timeFormat.format(new Date(iso)),
};

/**
 * Says something to screen readers without moving focus.
 * @param {string} text
 */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (el) el.textContent = text;
}
