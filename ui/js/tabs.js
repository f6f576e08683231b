// @ts-check
// Tabs (the WAI-ARIA tabs pattern): one tab stop on the selected tab, arrow keys, Home and End
// move along the tabs and open them. A panel is built the first time its tab opens, so that
// what is never looked at costs nothing.
import { h } from './dom.js';

/**
 * @typedef {{ id: string; label: string; render: () => Node | Promise<Node> }} Tab
 */

/**
 * @param {string} label what the tab list is about
 * @param {Tab[]} tabs
 * @param {{ tab?: string }} [state] the open tab's id, read at first (default the first tab) and kept up to date
 */
export function tabs(label, tabs, state = {}) {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  /** @type {Map<string, { tab: HTMLButtonElement; panel: HTMLElement; built: boolean }>} */
  const parts = new Map();
  /** @param {string} id @param {boolean} [focus] */
  const open = (id, focus = false) => {
    state.tab = id;
    for (const [other, p] of parts) {
      const on = other === id;
      p.tab.setAttribute('aria-selected', String(on));
      p.tab.tabIndex = on ? 0 : -1;
      p.panel.hidden = !on;
      if (on && !p.built) {
        p.built = true;
        build(p.panel, /** @type {Tab} */ (tabs.find((t) => t.id === id)));
      }
    }
    if (focus) parts.get(id)?.tab.focus();
  };
  for (const t of tabs) {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'data-tab': t.id }, t.label);
    const panel = h('div', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, tabindex: 0, class: 'tabpanel', hidden: true });
    tab.addEventListener('click', () => open(t.id));
    parts.set(t.id, { tab, panel, built: false });
    list.append(tab);
  }
  list.addEventListener('keydown', (e) => {
    const ids = tabs.map((t) => t.id);
    const at = ids.indexOf(/** @type {HTMLElement} */ (e.target).dataset.tab ?? '');
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 }[e.key];
    if (at < 0 || to === undefined) return;
    e.preventDefault();
    open(/** @type {string} */ (ids[(to + ids.length) % ids.length]), true);
  });
  const initial = tabs.find((t) => t.id === state.tab)?.id ?? tabs[0]?.id;
  if (initial) open(initial);
  return h(
    'div',
    { class: 'tabs' },
    list,
    [...parts.values()].map((p) => p.panel),
  );
}

/**
 * Fills a panel with what its tab renders; a slow one says so meanwhile, a failed one says why.
 * @param {HTMLElement} panel
 * @param {Tab} tab
 */
function build(panel, tab) {
  panel.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  panel.setAttribute('aria-busy', 'true');
  Promise.resolve()
    .then(tab.render)
    .then(
      (node) => panel.replaceChildren(node),
      (err) => panel.replaceChildren(h('p', { role: 'alert', class: 'panel-error' }, `Could not load: ${err instanceof Error ? err.message : String(err)}`)),
    )
    .finally(() => panel.removeAttribute('aria-busy'));
}
