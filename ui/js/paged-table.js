// @ts-check
// A table that holds one page of its rows in the DOM (a 2,000-phase plan has thousands of
// rows): the caption says how many there are, First / Previous / Next / Last move between pages.
// The buttons stay focusable at the ends (aria-disabled), so paging by keyboard keeps its place.
import { h } from './dom.js';

export const PAGE_SIZE = 50;

/**
 * @template T
 * @param {{ caption: string; className: string; head: string[]; items: T[]; row: (item: T) => HTMLTableRowElement; pageSize?: number }} spec
 */
export function pagedTable({ caption, className, head, items, row, pageSize = PAGE_SIZE }) {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const count = items.length.toLocaleString('en');
  const body = h('tbody', {});
  const status = h('span', { class: 'pager-status', 'aria-live': 'polite' });
  let page = 0;
  /** @param {string} label @param {() => number} to */
  const button = (label, to) => {
    const b = h('button', { type: 'button', 'data-page': label.toLowerCase() }, label);
    b.addEventListener('click', () => {
      if (b.getAttribute('aria-disabled') !== 'true') show(to());
    });
    return b;
  };
  const buttons = [button('First', () => 0), button('Previous', () => page - 1), button('Next', () => page + 1), button('Last', () => pages - 1)];
  /** @param {number} n */
  const show = (n) => {
    page = Math.max(0, Math.min(pages - 1, n));
    const slice = items.slice(page * pageSize, (page + 1) * pageSize);
    body.replaceChildren(...(slice.length ? slice.map(row) : [h('tr', {}, h('td', { colspan: head.length }, 'None.'))]));
    status.textContent = items.length ? `Rows ${(page * pageSize + 1).toLocaleString('en')}–${(page * pageSize + slice.length).toLocaleString('en')} of ${count}` : '';
    buttons.forEach((b, i) => b.setAttribute('aria-disabled', String(i < 2 ? page === 0 : page === pages - 1)));
  };
  show(0);
  const table = h(
    'table',
    { class: className, 'data-rows': items.length },
    h('caption', {}, `${caption} (${count})`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    body,
  );
  return h(
    'div',
    { class: 'paged-table' },
    // A table wider than a phone's screen scrolls in its own box, reachable by keyboard.
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, table),
    pages > 1 ? h('div', { class: 'pager', role: 'group', 'aria-label': `${caption}: pages` }, buttons, ' ', status) : null,
  );
}
