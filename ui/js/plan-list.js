// @ts-check
import { api } from './api.js';
import { h, fmt } from './dom.js';
import { importForm } from './import-form.js';

/**
 * The plans of the workspace, newest first, a page at a time.
 * @param {HTMLElement} main
 */
export async function planList(main) {
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More plans');
  main.replaceChildren(
    h('h1', { tabindex: -1 }, 'Plans'),
    h(
      'table',
      { class: 'plans' },
      h('caption', { class: 'visually-hidden' }, 'Plans, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Updated'))),
      tbody,
    ),
    more,
    importForm(),
  );
  /** @type {string | undefined} */
  let cursor;
  const load = async () => {
    /** @type {import('../types.js').PlanPageJson} */
    const page = await api(`/plans?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const p of page.items) {
      tbody.append(
        h('tr', {}, h('td', {}, h('a', { href: `#/plans/${p.id}`, class: 'plan-link' }, p.name)), h('td', {}, `v${p.latestVersion}`), h('td', {}, fmt.time(p.updatedAt))),
      );
    }
    if (!tbody.children.length) tbody.append(h('tr', {}, h('td', { colspan: 3 }, 'No plans yet. POST an input to /plans (see ', h('a', { href: '/docs' }, 'the API'), ').')));
    cursor = page.nextCursor ?? undefined;
    more.hidden = !cursor;
  };
  more.addEventListener('click', () => void load());
  await load();
}
