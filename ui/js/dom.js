// Element builders. Text always goes in as text nodes: plan names and ids are user data.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element: h('a', { href }, 'text', child…). */
export const h = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);

/** An SVG element. */
export const s = (tag, attrs, ...children) => fill(document.createElementNS(SVG_NS, tag), attrs, children);

export const fmt = {
  days: (d) => `${Number(d).toLocaleString('en', { maximumFractionDigits: 1 })} d`,
  pct: (p) => `${Number(p).toLocaleString('en', { maximumFractionDigits: 1 })} %`,
  num: (n, digits = 2) => Number(n).toLocaleString('en', { maximumFractionDigits: digits }),
  time: (iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
};

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (el) el.textContent = text;
}
