// @ts-check
import { api, eventStream } from './api.js';
import { announce, fmt, h } from './dom.js';
import { downloadFile } from './download.js';
import { ganttChart, ganttState } from './gantt/view.js';
import { groupSelect, planOfGroup, wavesOfGroup } from './group-filter.js';
import { pagedTable } from './paged-table.js';
import { strategyDocument } from './strategy-document.js';
import { tabs } from './tabs.js';

/**
 * @typedef {import('../types.js').PlanViewJson} PlanViewJson
 * @typedef {import('../types.js').StatusJson} StatusJson
 * @typedef {import('./dom.js').Child} Child
 * @typedef {import('../types.js').SuccessCriterionJson} SuccessCriterionJson
 */

/**
 * @param {string} caption
 * @param {string} className
 * @param {string[]} head
 * @param {HTMLTableRowElement[]} rows
 */
const table = (caption, className, head, rows) =>
  // A table wider than a phone's screen scrolls in its own box, reachable by keyboard.
  h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
    h(
      'table',
      { class: className },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: head.length }, 'None.'))),
    ),
  );

/**
 * A body row: a row header, then one cell per value.
 * @param {Record<string, unknown>} attrs
 * @param {Child} head
 * @param {...Child} cells
 */
const bodyRow = (attrs, head, ...cells) => h('tr', attrs, h('th', { scope: 'row' }, head), ...cells.map((c) => h('td', {}, c)));

/** @param {PlanViewJson} plan */
function summary(plan) {
  const ep = plan.artifacts['execution-plan.json'];
  const ctx = ep.project_context;
  const risk = plan.artifacts['risk-mitigation-plan.json'].schedule_risk;
  /**
   * @param {string} label
   * @param {string} value
   * @param {string | null} [note]
   */
  const card = (label, value, note) => h('div', { class: 'card' }, h('dt', {}, label), h('dd', {}, value, note ? h('small', {}, note) : null));
  return h(
    'dl',
    { class: 'cards' },
    card('Parallel duration', fmt.days(ctx.parallel_duration_days), `vs ${fmt.days(ctx.sequential_duration_days)} in sequence`),
    card('Time saved', fmt.pct(ctx.time_savings_percent)),
    card('Utilisation', fmt.pct(ep.metrics.utilisation_percent), 'person-days ÷ (FTE × days)'),
    card('Completion', ctx.completion_date, ctx.deadline ? `deadline ${ctx.deadline}${ctx.deadline_met ? ' (met)' : ' (missed)'}` : null),
    card(
      'Critical path',
      fmt.days(ep.critical_path.length_days),
      `${ep.critical_path.phases.length} phases in the dependency chain; ${ep.schedule.filter((p) => p.critical).length} red bars cannot slip in this schedule (teams and resources included)`,
    ),
    card('P50 / P80 / P95', `${risk.p50_date} · ${risk.p80_date} · ${risk.p95_date}`, `${risk.iterations} Monte Carlo runs`),
    card('Schedule quality', ep.optimisation.proven_optimal ? 'proven optimal' : `≤ ${fmt.pct(ep.optimisation.gap_percent)} from bound`, searchFound(ep.optimisation.search)),
  );
}

/**
 * Where the search found the plan's schedule; null for versions planned before the artifact said.
 * @param {PlanViewJson['artifacts']['execution-plan.json']['optimisation']['search']} search
 */
function searchFound(search) {
  if (search.best_found_at_schedule === undefined) return null;
  const stop = { lower_bound: 'at the bound', iteration_budget: 'iteration budget', time_budget: 'time budget', no_new_schedules: 'nothing new to try' }[search.stopped_by];
  return `found at schedule ${fmt.num(search.best_found_at_schedule, 0)} of ${fmt.num(search.schedules_evaluated, 0)}; stopped: ${stop}`;
}

/** The success criteria first: target, value, met, and why; then what re-planning found would help. */
/** @param {PlanViewJson} plan */
function criteriaSection(plan) {
  const ep = plan.artifacts['execution-plan.json'];
  const criteria = ep.success_criteria ?? [];
  if (criteria.length === 0) return null;
  /** @param {SuccessCriterionJson} c */
  const unit = (c) => (c.unit === 'percent' ? ' %' : ' days');
  /** @param {SuccessCriterionJson} c */
  const target = (c) => `${c.comparison === 'at_least' ? '≥' : '≤'} ${c.target}${c.target_max !== undefined ? `–${c.target_max}` : ''}${unit(c)}`;
  const recs = ep.recommendations?.items ?? [];
  return h(
    'section',
    { class: 'criteria' },
    table(
      'Success criteria',
      'criteria',
      ['Criterion', 'Target', 'Value', 'Met', 'Why'],
      criteria.map((c) => bodyRow({ class: c.met ? 'met' : 'missed' }, c.name, target(c), `${c.value}${unit(c)}`, c.met ? 'yes' : 'no', c.explanation)),
    ),
    recs.length
      ? table(
          `Recommendations (${ep.recommendations.evaluated} re-plans)`,
          'recommendations',
          ['Change', 'Makespan', 'Saved days', 'Utilisation', 'Helps'],
          recs.map((r) =>
            bodyRow({}, r.description, fmt.days(r.makespan_days), `${r.saved_days} (${fmt.pct(r.saved_percent)})`, fmt.pct(r.utilisation_percent), r.targets.join(', ') || '—'),
          ),
        )
      : null,
  );
}

/** @param {import('../types.js').WaveSchedulesJson['waves']} waves */
const wavesTable = (waves) =>
  pagedTable({
    caption: 'Waves',
    className: 'waves',
    head: ['Wave', 'Kind', 'Dates', 'Phases', 'Teams', 'Blocking factors'],
    items: waves,
    row: (w) => bodyRow({}, w.name, w.kind, `${w.start_date} → ${w.finish_date}`, w.phases.map((p) => p.id).join(', '), w.teams.join(', '), w.blocking_factors.length),
  });

/** @param {PlanViewJson} plan */
const syncTable = (plan) =>
  pagedTable({
    caption: 'Sync points',
    className: 'syncs',
    head: ['Id', 'Kind', 'Date', 'Participants', 'Trigger'],
    items: plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points,
    row: (p) => bodyRow({}, p.sync_id, p.kind, p.planned_date, p.participants.join(', '), p.trigger),
  });

/** @param {PlanViewJson} plan */
const riskTable = (plan) =>
  pagedTable({
    caption: 'Risks (derived from this plan)',
    className: 'risks',
    head: ['Id', 'Level', 'Risk', 'Probability', 'Impact', 'Score'],
    items: [...plan.artifacts['risk-mitigation-plan.json'].risk_management.risks].sort((a, b) => b.score - a.score),
    row: (r) =>
      bodyRow(
        { class: `risk level-${r.level}` },
        r.id,
        h('span', { class: `badge ${r.level}` }, r.level),
        h(
          'details',
          {},
          h('summary', {}, r.title),
          h('p', {}, r.description),
          h('p', {}, h('strong', {}, 'Response: '), r.response.join(' ')),
          h('p', {}, h('strong', {}, 'Contingency: '), r.contingency),
        ),
        fmt.pct(r.probability * 100),
        fmt.days(r.impact_days),
        fmt.num(r.score),
      ),
  });

/**
 * Waves (of the group chosen, '' for all), sync points, risks and the strategy document, each built when its tab first opens.
 * @param {PlanViewJson} plan
 * @param {string} id
 * @param {{ tab?: string }} state which tab is open, kept across a redraw
 * @param {string} group
 */
const detailTabs = (plan, id, state, group) =>
  h(
    'section',
    { class: 'details', 'aria-labelledby': 'details-h' },
    h('h2', { id: 'details-h' }, 'Plan details'),
    tabs(
      'Plan details',
      [
        // Not part of the first fetch: a large plan's waves are a quarter of its artifacts' bytes.
        {
          id: 'waves',
          label: 'Waves',
          render: async () => wavesTable(wavesOfGroup(plan, (await api(`/plans/${id}/versions/${plan.version}/artifacts/wave-schedules.json`)).waves, group)),
        },
        { id: 'syncs', label: 'Sync points', render: () => syncTable(plan) },
        { id: 'risks', label: 'Risks', render: () => riskTable(plan) },
        { id: 'document', label: 'Strategy document', render: () => strategyDocument(id) },
      ],
      state,
    ),
  );

/**
 * @param {PlanViewJson} plan
 * @param {StatusJson | null} status
 * @param {string} id
 */
function phaseDetail(plan, status, id) {
  const p = plan.artifacts['execution-plan.json'].schedule.find((x) => x.id === id);
  if (!p) return h('p', {}, 'Select a bar to see the phase.');
  const slack = plan.artifacts['execution-plan.json'].critical_path.slack.find((x) => x.id === id);
  const st = status?.phases.find((x) => x.id === id);
  /**
   * @param {string} k
   * @param {string} v
   */
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v)];
  return h(
    'dl',
    { class: 'detail' },
    row('Phase', `${p.id}: ${p.name}`),
    row('Team', `${p.team} (${p.team_size} ${p.team_size === 1 ? 'person' : 'people'})`),
    row('Planned', `${p.start_date} → ${p.finish_date} (${fmt.days(p.duration_days)}), wave ${p.wave}`),
    row('Depends on', p.dependencies.length ? p.dependencies.join(', ') : 'nothing'),
    row('Slack', slack ? `${fmt.days(slack.total_slack_days)} total${p.critical ? ', on the critical path' : ''}` : '—'),
    st ? row('Status', `${st.status.replace('_', ' ')}, ${fmt.num(st.percent, 0)} %, variance ${fmt.days(st.varianceDays)}`) : null,
  );
}

/**
 * Tracking per group (phases done, share of the work, actual span) and the milestones reached; nothing when the plan has neither.
 * @param {StatusJson | null} status
 */
function groupProgress(status) {
  const groups = status?.groups ?? [];
  const milestones = status?.milestones ?? [];
  /** @param {number | null} a @param {number | null} b */
  const span = (a, b) => (a === null ? '—' : `day ${fmt.num(a)} → ${b === null ? '…' : `day ${fmt.num(b)}`}`);
  /** @type {HTMLElement[]} */
  const out = [];
  if (groups.length)
    out.push(
      table(
        'Progress by group',
        'group-progress',
        ['Group', 'Phases done', 'Work done', 'Actual'],
        groups.map((g) =>
          bodyRow(
            { 'data-group': g.id },
            g.parent ? `${g.name} (in ${g.parent})` : g.name,
            `${g.completed} of ${g.phases}`,
            h('span', {}, h('progress', { max: 100, value: g.percent, 'aria-label': `${g.name} work done` }), ` ${fmt.pct(g.percent)}`),
            span(g.actualStart, g.actualFinish),
          ),
        ),
      ),
    );
  if (milestones.length)
    out.push(
      table(
        'Milestones',
        'milestones-reached',
        ['Milestone', 'Planned', 'Reached'],
        milestones.map((m) =>
          bodyRow(
            { 'data-milestone': m.id, class: m.reached ? 'reached' : 'open' },
            `◆ ${m.name}`,
            `day ${fmt.num(m.plannedDay)}`,
            m.reached && m.reachedAt ? `yes, ${fmt.time(m.reachedAt)}${m.reachedBy === 'reported' ? ' (reported)' : ''}` : 'not yet',
          ),
        ),
      ),
    );
  return out;
}

/** What the chart's marks mean, and how to move in it. @param {boolean} tracking */
const legend = (tracking) =>
  h(
    'p',
    { class: 'legend' },
    h('span', { class: 'key critical' }),
    ' critical: cannot slip without moving the finish (resource-constrained) ',
    h('span', { class: 'key normal' }),
    ' other phases ',
    h('span', { class: 'key milestone' }),
    ' milestone ',
    h('span', { class: 'key group' }),
    ' group ',
    h('span', { class: 'key sync' }),
    ' sync point. Arrows: solid finish-to-start, dashed start-to-start, dotted finish-to-finish, dash-dot start-to-finish. ',
    tracking ? [h('span', { class: 'key today' }), ' today ', h('span', { class: 'key actual' }), ' actual (under the planned bar). '] : null,
    'Shaded: weekends and holidays. Tab to the chart, arrow keys, Page Up/Down, Home and End move between phases, Enter shows one and highlights its chain.',
  );

/**
 * The strategy document and the server's SVG Gantt, fetched with the API key (a plain link
 * cannot send it) and saved as files.
 * @param {PlanViewJson} plan
 * @param {string} id
 */
function downloads(plan, id) {
  const note = h('span', { class: 'download-error', role: 'status' });
  const base = `${plan.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'plan'}-v${plan.version}`;
  /** @param {string} label @param {string} path @param {string} filename @param {string} accept */
  const button = (label, path, filename, accept) => {
    const b = h('button', { type: 'button', class: 'download' }, label);
    b.addEventListener('click', () => {
      note.textContent = '';
      downloadFile(path, filename, accept).catch((err) => (note.textContent = `Could not download: ${err instanceof Error ? err.message : String(err)}`));
    });
    return b;
  };
  return h(
    'p',
    { class: 'downloads' },
    button('Strategy document (Markdown)', `/plans/${id}/document`, `${base}-strategy.md`, 'text/markdown'),
    ' ',
    button('Gantt from the server (SVG)', `/plans/${id}/gantt.svg`, `${base}-gantt.svg`, 'image/svg+xml'),
    ' ',
    note,
  );
}

/** The latest version's metadata and the artifacts the page draws at once; the waves come when their tab opens. @param {string} id */
const viewPath = (id) => `/plans/${id}/artifacts?names=execution-plan.json,coordination-protocols.json,risk-mitigation-plan.json`;

/**
 * One plan: summary, Gantt, live progress, waves, sync points and risks. Returns a cleanup.
 * @param {HTMLElement} main
 * @param {string} id
 */
export async function planView(main, id) {
  performance.mark('waveplan:fetch');
  // The plan first, the status asked for once it is here: the service computes the status from
  // the events (for a large plan a busy part of a second, which would hold up the plan's answer
  // too), meanwhile the page draws; the status then fills in the chart and the progress.
  /** @type {PlanViewJson} */
  let plan = await api(viewPath(id));
  performance.mark('waveplan:fetched');
  const firstStatus = api(`/plans/${id}/status`).catch(() => null);
  /** @type {StatusJson | null} */
  let status = null;
  let statusKnown = false;
  /** @type {string | undefined} */
  let selected;
  const ganttBox = h('div', { class: 'gantt-box' });
  const detail = h('div', { class: 'phase-detail', 'aria-live': 'polite' });
  const live = h('section', { class: 'live', 'aria-labelledby': 'live-h' });
  const connection = h('span', { class: 'connection', 'data-state': 'connecting' }, 'connecting…');
  /** @type {string[]} */
  const events = [];

  const gantt = ganttState();
  const drawGantt = () => {
    const focused = /** @type {HTMLElement | SVGElement | null | undefined} */ (document.activeElement?.closest?.('.bar, .gantt-toolbar button'));
    // Where the old chart is scrolled to now: its last scroll event may not have run yet.
    const scrolled = ganttBox.querySelector('.gantt-scroll');
    if (scrolled) Object.assign(gantt, { scrollTop: scrolled.scrollTop, scrollLeft: scrolled.scrollLeft });
    const chart = ganttChart(planOfGroup(plan, group), status, gantt, {
      onSelect: (phase) => {
        selected = phase;
        detail.replaceChildren(phaseDetail(plan, status, phase));
      },
      onZoom: (zoom, dayWidth) => {
        gantt.scrollLeft *= dayWidth / chart.layout.dayW;
        gantt.zoom = zoom;
        drawGantt();
      },
    });
    ganttBox.replaceChildren(chart.element);
    chart.mount();
    if (focused?.dataset.phase) chart.focusPhase(focused.dataset.phase);
    else if (focused?.dataset.zoom) /** @type {HTMLElement | null} */ (ganttBox.querySelector(`button[data-zoom="${focused.dataset.zoom}"]`))?.focus();
    if (selected) detail.replaceChildren(phaseDetail(plan, status, selected));
  };

  const drawLive = () => {
    const m = status?.metrics;
    live.replaceChildren(
      h('h2', { id: 'live-h' }, 'Progress ', connection),
      !statusKnown
        ? h('p', {}, 'Loading progress…')
        : m
          ? h(
              'p',
              { class: 'progress-line' },
              h('progress', { max: 100, value: m.percentComplete, 'aria-label': 'work complete' }),
              ` ${fmt.pct(m.percentComplete)} complete · ${m.completedPhases} of ${status?.phases.length} phases · projected finish ${m.projectedCompletionDate} · behind schedule ${fmt.pct(m.behindSchedulePercent)}`,
            )
          : h('p', {}, 'No tracking data.'),
      ...groupProgress(status),
      h('h3', {}, 'Open alerts'),
      h(
        'ul',
        { class: 'alerts' },
        status?.alerts.length
          ? status.alerts.map((a) => h('li', { class: `alert ${a.severity}` }, h('span', { class: `badge ${a.severity}` }, a.severity), ` ${a.kind}: ${a.message}`))
          : h('li', {}, 'None.'),
      ),
      h('h3', {}, 'Recent events'),
      h(
        'ol',
        { class: 'events', reversed: true },
        events.length
          ? events
              .slice(-12)
              .reverse()
              .map((e) => h('li', {}, e))
          : h('li', {}, 'None yet.'),
      ),
    );
  };

  const legendBox = h('div', { class: 'legend-box' });
  /** @type {{ tab?: string }} */
  const openTab = {};
  /** The group the Gantt and the waves show ('' for the whole plan). */
  let group = '';
  const detailsBox = h('div', {});
  const drawLegend = () => legendBox.replaceChildren(legend(status !== null));
  const draw = () => {
    drawLegend();
    detailsBox.replaceChildren(detailTabs(plan, id, openTab, group));
    main.replaceChildren(
      h('h1', { tabindex: -1 }, plan.name, ' ', h('span', { class: 'version' }, `v${plan.version}`)),
      // replaceChildren would show a null as the text "null": no description, no paragraph.
      ...(plan.artifacts['execution-plan.json'].project_context.description ? [h('p', { class: 'lede' }, plan.artifacts['execution-plan.json'].project_context.description)] : []),
      criteriaSection(plan) ?? '',
      summary(plan),
      h(
        'section',
        { 'aria-labelledby': 'gantt-h' },
        h('h2', { id: 'gantt-h' }, 'Schedule'),
        groupSelect(plan, group, (g) => {
          group = g;
          Object.assign(gantt, { scrollTop: 0, scrollLeft: 0, active: undefined });
          drawGantt();
          detailsBox.replaceChildren(detailTabs(plan, id, openTab, group));
          announce(g ? `Showing group ${g}` : 'Showing all phases');
        }),
        legendBox,
        ganttBox,
        detail,
      ),
      live,
      detailsBox,
      downloads(plan, id),
    );
    drawGantt();
    drawLive();
  };
  draw();
  performance.mark('waveplan:drawn');
  let closed = false;
  void firstStatus.then((s) => {
    if (statusKnown || closed) return; // a refresh from the event stream came first, or the page moved on
    statusKnown = true;
    status = s;
    drawLegend();
    drawGantt();
    drawLive();
    performance.mark('waveplan:status-drawn');
  });

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pending;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      status = await api(`/plans/${id}/status`).catch(() => status);
      statusKnown = true;
      if (status && status.version !== plan.version) {
        plan = await api(viewPath(id));
        draw();
        announce(`Re-planned: now version ${plan.version}`);
        return;
      }
      drawLegend();
      drawGantt();
      drawLive();
    }, 250);
  };
  const close = eventStream(
    `/plans/${id}/events`,
    (kind, data) => {
      events.push(
        kind === 'alert'
          ? `${fmt.time(data.raisedAt)} alert ${data.kind} (${data.severity}): ${data.message}`
          : `${fmt.time(data.occurredAt)} ${data.phaseId ?? ''} ${data.type}${data.data?.percent !== undefined ? ` ${data.data.percent} %` : ''}`,
      );
      if (kind === 'alert') announce(`Alert: ${data.message}`);
      refresh();
    },
    (state) => {
      connection.dataset.state = state;
      connection.textContent = { live: 'live', reconnecting: 'reconnecting…', off: 'offline' }[state] ?? state;
    },
  );
  return () => {
    closed = true;
    clearTimeout(pending);
    close();
  };
}
