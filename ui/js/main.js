// @ts-check
import { apiKey, ApiError } from './api.js';
import { h } from './dom.js';
import { planList } from './plan-list.js';
import { planView } from './plan-view.js';

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const keyForm = /** @type {HTMLFormElement} */ (document.getElementById('key-form'));
const keyInput = /** @type {HTMLInputElement} */ (document.getElementById('api-key'));
let cleanup = () => {};

async function route() {
  cleanup();
  cleanup = () => {};
  const plan = location.hash.match(/^#\/plans\/([0-9a-f-]{36})$/i);
  main.setAttribute('aria-busy', 'true');
  try {
    if (plan) cleanup = (await planView(main, /** @type {string} */ (plan[1]))) ?? (() => {});
    else await planList(main);
  } catch (err) {
    const needsKey = err instanceof ApiError && err.status === 401;
    main.replaceChildren(
      h('h1', { tabindex: -1 }, needsKey ? 'An API key is needed' : 'Something went wrong'),
      h('p', { role: 'alert' }, needsKey ? 'This server requires an API key: enter one above.' : err instanceof Error ? err.message : String(err)),
    );
    if (needsKey) keyInput.focus();
  } finally {
    main.removeAttribute('aria-busy');
  }
  main.querySelector('h1')?.focus({ preventScroll: true });
}

keyInput.value = apiKey.get();
keyForm.addEventListener('submit', (e) => {
  e.preventDefault();
  apiKey.set(keyInput.value.trim());
  void route();
});
window.addEventListener('hashchange', () => void route());
void route();
