// @ts-check
// The strategy document rendered in the page: Markdown fetched with the API key, turned into
// HTML by marked and sanitised by DOMPurify (the document quotes plan names and descriptions,
// which are user data: raw HTML in them is shown as text), its headings one level down under the page's. Nothing in it runs: the
// Mermaid Gantt block stays a code block. Both libraries are loaded on first use.
import { apiText } from './api.js';
import { h } from './dom.js';

/** @typedef {{ marked: typeof import('marked'); purify: typeof import('dompurify').default }} Libraries */

/** @type {Promise<Libraries> | undefined} */
let libraries;
/** @returns {Promise<Libraries>} */
const load = () =>
  (libraries ??= Promise.all([import(new URL('../vendor/marked.esm.js', import.meta.url).href), import(new URL('../vendor/purify.es.mjs', import.meta.url).href)]).then(
    ([marked, purify]) => ({ marked, purify: purify.default }),
  ));

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The document as sanitised DOM: wide tables and code blocks scroll in their own focusable box.
 * @param {string} markdown
 * @param {Libraries} libs
 * @returns {DocumentFragment}
 */
export function renderMarkdown(markdown, { marked, purify }) {
  const md = new marked.Marked({
    gfm: true,
    walkTokens: (token) => {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
    },
    // The service writes no HTML into the document: any there came in with a plan's name or
    // description, and shows as the text it is (as the page's own heading shows the name).
    renderer: { html: ({ text }) => escapeHtml(text) },
  });
  const html = /** @type {string} */ (md.parse(markdown, { async: false }));
  const fragment = purify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'] });
  fragment.querySelectorAll('table, pre').forEach((el, i) => {
    const label = el.matches('pre') ? (el.querySelector('code.language-mermaid') ? 'Gantt chart (Mermaid source)' : 'Code') : `Table ${i + 1}`;
    const box = h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 });
    el.replaceWith(box);
    box.append(el);
  });
  return fragment;
}

/**
 * The strategy document of a plan's latest version, rendered.
 * @param {string} id the plan
 */
export async function strategyDocument(id) {
  const [markdown, libs] = await Promise.all([apiText(`/plans/${id}/document`, 'text/markdown'), load()]);
  return h('article', { class: 'strategy-document' }, renderMarkdown(markdown, libs));
}
