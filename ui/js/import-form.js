// @ts-check
import { api, ApiError } from './api.js';
import { announce, h } from './dom.js';

/** @typedef {import('../types.js').ImportJson['input']} PlanInput */

/** @type {Record<string, string>} */
const TYPES = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  xml: 'application/xml',
  jsonl: 'application/x-ndjson',
};
/** @param {string} name */
const contentType = (name) => TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'text/plain';

/**
 * A file that already is a Waveplan plan input goes straight to POST /plans; anything else through POST /imports.
 * @param {string} name
 * @param {string} text
 * @returns {PlanInput | undefined}
 */
function planInputIn(name, text) {
  if (!/\.json$/i.test(name)) return undefined;
  try {
    const value = JSON.parse(text);
    return value && Array.isArray(value.phases) && Array.isArray(value.teams) && typeof value.startDate === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** @param {unknown} err */
const problems = (err) =>
  h(
    'div',
    { role: 'alert', class: 'import-errors' },
    h('p', {}, err instanceof Error ? err.message : String(err)),
    err instanceof ApiError && err.body?.details?.length
      ? h(
          'ul',
          {},
          err.body.details.map((/** @type {{ path: string; message: string }} */ d) => h('li', {}, h('code', {}, d.path || '(file)'), ' ', d.message)),
        )
      : null,
  );

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the plan; a large one is queued (202) and the job is polled until it is done.
 * @param {PlanInput} input
 * @returns {Promise<string>} the plan id
 */
async function createPlan(input) {
  /** @type {import('../types.js').PlanVersionJson | { jobId: string; planId: string }} */
  const res = await api('/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!('jobId' in res)) return res.planId;
  for (;;) {
    /** @type {import('../types.js').JobJson} */
    const job = await api(`/jobs/${res.jobId}`);
    if (job.state === 'completed') return job.planId;
    if (job.state === 'failed') throw new ApiError(422, job.error ?? { message: 'planning failed' });
    await sleep(500);
  }
}

/**
 * "New plan from a file": a dependency graph, task-master tasks.json, CSV, PSPLIB .sm or a plan
 * input. Shows what the import assumed before anything is planned, then plans it and opens it.
 */
export function importForm() {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.json,.yaml,.yml,.csv,.tsv,.sm,.txt,.xml,.jsonl', required: true });
  const start = h('input', { id: 'import-start', type: 'date' });
  const teamSize = h('input', { id: 'import-team-size', type: 'number', min: 1, max: 10000, step: 1, inputmode: 'numeric' });
  const format = h(
    'select',
    { id: 'import-format' },
    h('option', { value: '' }, 'tell from the file'),
    ['dependency-graph', 'task-master', 'csv', 'psplib', 'mspdi', 'beads', 'ccpm'].map((f) => h('option', { value: f }, f)),
  );
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Import');
  /**
   * @param {string} label
   * @param {HTMLInputElement | HTMLSelectElement} input
   * @param {string} [hint]
   */
  const field = (label, input, hint) => h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint ? h('small', {}, hint) : null);

  /** @param {PlanInput} input */
  const planIt = (input) => {
    const go = h('button', { type: 'button', class: 'plan-it' }, 'Plan it');
    go.addEventListener('click', async () => {
      go.disabled = true;
      go.textContent = 'Planning…';
      try {
        location.hash = `#/plans/${await createPlan(input)}`;
      } catch (err) {
        go.disabled = false;
        go.textContent = 'Plan it';
        result.append(problems(err));
      }
    });
    return go;
  };

  const form = h(
    'form',
    { class: 'import-form', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, 'New plan from a file'),
    h(
      'p',
      { class: 'hint' },
      'A dependency graph (JSON or YAML), task-master tasks.json, a CSV (id,name,duration,dependencies,skills), a PSPLIB .sm file, or a Waveplan plan input.',
    ),
    h(
      'div',
      { class: 'fields' },
      field('File', file),
      field('Start date', start, 'when the file gives none'),
      field('Team size', teamSize, 'when the file names no teams'),
      field('Format', format),
    ),
    submit,
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    submit.disabled = true;
    result.replaceChildren(h('p', {}, `Reading ${chosen.name}…`));
    try {
      const text = await chosen.text();
      const direct = format.value ? undefined : planInputIn(chosen.name, text);
      if (direct) {
        result.replaceChildren(h('p', { class: 'import-summary' }, `${chosen.name} is a plan input: ${direct.phases.length} phases.`), planIt(direct));
        return;
      }
      const query = new URLSearchParams({ fileName: chosen.name });
      if (start.value) query.set('startDate', start.value);
      if (teamSize.value) query.set('teamSize', teamSize.value);
      if (format.value) query.set('format', format.value);
      /** @type {import('../types.js').ImportJson} */
      const imported = await api(`/imports?${query}`, { method: 'POST', headers: { 'content-type': contentType(chosen.name) }, body: text });
      const summary = `Imported ${imported.input.phases.length} phases from ${chosen.name} (${imported.format}) as “${imported.input.name}”, starting ${imported.input.startDate}.`;
      result.replaceChildren(
        h('p', { class: 'import-summary' }, summary),
        // replaceChildren would show a null as the text "null": no notes, no list.
        ...(imported.notes.length
          ? [
              h(
                'ul',
                { class: 'import-notes', 'aria-label': 'What the import assumed' },
                imported.notes.map((n) => h('li', {}, n)),
              ),
            ]
          : []),
        planIt(imported.input),
      );
      announce(summary);
    } catch (err) {
      result.replaceChildren(problems(err));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
