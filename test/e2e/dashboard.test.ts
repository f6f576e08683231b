/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { startApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';
import { largeInput } from '../support/large-plan.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.WAVEPLAN_REQUIRE_BROWSER) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
if (!haveBrowser) console.warn(`dashboard browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

const ADMIN = 'admin-token-for-the-dashboard-test-0123456789';

describe.runIf(haveBrowser)('the /ui dashboard in Chromium', () => {
  const server = listeningApp(() => startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN } }));
  let browser: Browser;
  let page: Page;
  let token: string;
  let planId: string;
  let planned: { id: string; team: string; critical: boolean; start_day: number; finish_day: number; start_date: string; finish_date: string; dependencies: string[] }[];
  const errors: string[] = [];

  const call = async (method: string, path: string, body?: unknown, key = token) => {
    const res = await server.call(method, path, body, { authorization: `Bearer ${key}` });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const audit = async (where: string, context = 'html') => {
    // page.evaluate is not subject to the page's CSP, which (rightly) refuses injected scripts.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async (context) => {
      const result = await (
        window as unknown as { axe: { run(c: string, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run(context, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
    }, context);
    expect(violations, where).toEqual([]);
  };

  /** Opens a tab of the plan details (when named) and counts its table's rows: in the DOM, and in all. */
  const detailRows = async (table: string, tab?: string) => {
    if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
    const t = page.locator(`table.${table}`);
    await t.waitFor();
    return { rows: await t.locator('tbody tr').count(), total: Number(await t.getAttribute('data-rows')) };
  };

  beforeAll(async () => {
    token = (await call('POST', '/admin/keys', { workspace: 'ui', name: 'dashboard', role: 'write' }, ADMIN)).token;
    // A start in the past, so that progress can be reported as having happened.
    const input: PlanInput = { ...exampleInput(), startDate: '2026-09-07' };
    const created = await call('POST', '/plans', input);
    planId = created.planId;
    planned = created.artifacts['execution-plan.json'].schedule;
    mkdirSync(repoPath('test-results'), { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('response', (res) => void (res.status() >= 400 && errors.push(`${res.status()} ${res.url()}`)));
    // Failed requests are caught above, by URL; the console's own copy of them arrives late.
    page.on('console', (msg) => void (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && errors.push(msg.text())));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for a key, lists the plan, and draws the Gantt chart with the critical path', async () => {
    await page.goto(`${server.base()}/ui/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('An API key is needed');
    await page.getByLabel('API key').fill(token);
    await page.getByRole('button', { name: 'Use' }).click();
    const link = page.getByRole('link', { name: exampleInput().name });
    await link.waitFor();
    errors.length = 0; // the browser logs the expected 401 from before the key was given
    await link.click();

    await page.locator('svg.gantt .bar').first().waitFor();
    expect(await page.locator('svg.gantt .bar').count()).toBe(planned.length);
    const critical = planned
      .filter((p) => p.critical)
      .map((p) => p.id)
      .sort();
    expect(critical.length).toBeGreaterThan(0);
    const drawnCritical = await page.locator('svg.gantt .bar.critical').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!).sort());
    expect(drawnCritical).toEqual(critical);
    const xOf = async (id: string) => Number(await page.locator(`.bar[data-phase="${id}"] .bar-body`).getAttribute('x'));
    // One row per phase, labelled with its name and team.
    expect(await page.locator('svg.gantt .row-label').count()).toBe(planned.length);
    // An arrow for every dependency of the example, between the right phases.
    const deps = planned.flatMap((p) => p.dependencies.map((d) => `${d}→${p.id}`)).sort();
    expect(deps.length).toBeGreaterThan(10);
    const arrows = await page.locator('svg.gantt path.dep').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`).sort());
    expect(arrows).toEqual(deps);
    // Bars sit on a calendar axis: two bars lie apart by the calendar days between their start
    // dates (weekends included), not by working days; weekends are shaded.
    const first = planned.reduce((a, b) => (a.start_day <= b.start_day ? a : b));
    const last = planned.reduce((a, b) => (a.start_day >= b.start_day ? a : b));
    const dayW = Number(await page.locator('svg.gantt').getAttribute('data-day-width'));
    const calendarDays = (Date.parse(last.start_date) - Date.parse(first.start_date)) / 86_400_000;
    expect(calendarDays).toBeGreaterThan(last.start_day - first.start_day);
    expect((await xOf(last.id)) - (await xOf(first.id))).toBeCloseTo(calendarDays * dayW, 3);
    expect(await page.locator('svg.gantt .off-day').count()).toBeGreaterThanOrEqual(Math.floor(calendarDays / 7));
    expect(await page.locator('svg.gantt .tick-label.major').first().textContent()).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 2026$/);
    // The critical path: critical bars red, the arrows between two critical phases too.
    const criticalIds = new Set(critical);
    expect(await page.locator('svg.gantt path.dep.critical').count()).toBe(
      planned.flatMap((p) => p.dependencies.map((d) => [d, p.id])).filter(([a, b]) => criticalIds.has(a!) && criticalIds.has(b!)).length,
    );

    // The tables sit in tabs, each built when opened; the waves' tab is open at first.
    const plan = await call('GET', `/plans/${planId}`);
    // The schedule-quality card says where the search found the schedule and why it stopped.
    const search = plan.artifacts['execution-plan.json'].optimisation.search;
    const count = (n: number) => new Intl.NumberFormat('en').format(n);
    expect(search.stopped_by).toBe('iteration_budget');
    expect(await page.locator('.card', { hasText: 'Schedule quality' }).locator('small').textContent()).toBe(
      `found at schedule ${count(search.best_found_at_schedule)} of ${count(search.schedules_evaluated)}; stopped: iteration budget`,
    );
    expect(await detailRows('waves')).toEqual({ rows: plan.artifacts['wave-schedules.json'].waves.length, total: plan.artifacts['wave-schedules.json'].waves.length });
    expect(await page.locator('table.syncs').count()).toBe(0);
    const syncs = plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points.length;
    expect(await detailRows('syncs', 'Sync points')).toEqual({ rows: Math.min(syncs, 50), total: syncs });
    const risks = plan.artifacts['risk-mitigation-plan.json'].risk_management.risks.length;
    expect(await detailRows('risks', 'Risks')).toEqual({ rows: Math.min(risks, 50), total: risks });
    await page.getByRole('tab', { name: 'Waves' }).click();
    expect(errors).toEqual([]);
  });

  it('is keyboard-usable: one tab stop, arrows move along the rows, Enter shows the phase and highlights its chain', async () => {
    const stops = page.locator('svg.gantt [tabindex="0"]');
    expect(await stops.count()).toBe(1);
    await page.getByRole('button', { name: 'Download SVG' }).focus();
    await page.keyboard.press('Tab');
    const rowOrder = await page
      .locator('svg.gantt .bar')
      .evaluateAll((els) => els.sort((a, b) => Number(a.getAttribute('data-row')) - Number(b.getAttribute('data-row'))).map((e) => e.getAttribute('data-phase')!));
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-phase'));
    expect(await active()).toBe(rowOrder[0]);
    // Focus is a dark blue ring, not the orange outline of a phase in progress. Polled: a progress
    // update redraws the chart (keeping focus), and a ring read from the chart being replaced has no style.
    await expect.poll(() => page.locator(`.bar[data-phase="${rowOrder[0]}"] .focus-ring`).evaluate((e) => getComputedStyle(e).stroke)).toBe('rgb(11, 61, 145)');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(rowOrder[1]);
    expect(await stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')))).toEqual([rowOrder[1]]);
    await page.keyboard.press('End');
    expect(await active()).toBe(rowOrder.at(-1));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const id = rowOrder[1]!;
    expect(await active()).toBe(id);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.phase-detail').textContent()).toContain(id);
    // The chain: every phase it waits on, transitively, and every one waiting on it.
    const deps = new Map(planned.map((p) => [p.id, p.dependencies]));
    const reach = (next: (x: string) => string[]) => {
      const seen = new Set([id]);
      const todo = [id];
      while (todo.length)
        for (const n of next(todo.pop()!)) {
          if (seen.has(n)) continue;
          seen.add(n);
          todo.push(n);
        }
      return seen;
    };
    const up = reach((x) => deps.get(x) ?? []);
    const down = reach((x) => planned.filter((p) => p.dependencies.includes(x)).map((p) => p.id));
    const chain = [...new Set([...up, ...down])].sort();
    expect(await page.locator('svg.gantt .bar.in-chain').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!).sort())).toEqual(chain);
    const chainLinks = planned.flatMap((p) => p.dependencies.filter((d) => (up.has(d) && up.has(p.id)) || (down.has(d) && down.has(p.id))).map((d) => `${d}→${p.id}`)).sort();
    expect(await page.locator('svg.gantt path.dep.in-chain').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`).sort())).toEqual(
      chainLinks,
    );
  });

  it('zooms by day, week and month: the scale changes, the dates stay', async () => {
    const bar = planned.find((p) => p.finish_day - p.start_day >= 2)!;
    const widthAt = async (zoom: string) => {
      await page.getByRole('button', { name: zoom, exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: zoom, exact: true }).getAttribute('aria-pressed')).toBe('true');
      return {
        dayW: Number(await page.locator('svg.gantt').getAttribute('data-day-width')),
        bar: Number(await page.locator(`.bar[data-phase="${bar.id}"] .bar-body`).getAttribute('width')),
      };
    };
    const day = await widthAt('Day');
    await page.screenshot({ path: `${repoPath('test-results')}/gantt-day.png` });
    const week = await widthAt('Week');
    const month = await widthAt('Month');
    expect(day.dayW).toBeGreaterThan(week.dayW);
    expect(week.dayW).toBeGreaterThan(month.dayW);
    expect(day.bar / week.bar).toBeCloseTo(day.dayW / week.dayW, 5);
    expect(week.bar / month.bar).toBeCloseTo(week.dayW / month.dayW, 5);
    // Zooming keeps the focus on the zoom buttons.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-zoom'))).toBe('month');
    await widthAt('Week');
    expect(await page.locator('svg.gantt path.dep').count()).toBe(planned.flatMap((p) => p.dependencies).length);
  });

  it('downloads a print-friendly SVG of the whole chart, and the strategy document with the API key', async () => {
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    writeFileSync(`${repoPath('test-results')}/gantt-export.svg`, svg);
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<style>');
    expect(svg).toContain('@media print');
    expect(svg.match(/<g class="bar[ "]/g)?.length).toBe(planned.length);
    expect(svg.match(/<path class="dep /g)?.length).toBe(planned.flatMap((p) => p.dependencies).length);
    expect(svgFile.suggestedFilename()).toMatch(/-v1-gantt\.svg$/);

    errors.length = 0;
    const [doc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Strategy document (Markdown)' }).click()]);
    const md = readFileSync((await doc.path())!, 'utf8');
    expect(md.startsWith('# ')).toBe(true);
    expect(md).toContain(exampleInput().name);
    expect(doc.suggestedFilename()).toMatch(/-strategy\.md$/);
    expect(errors).toEqual([]);
  });

  it('renders the strategy document in the page: a heading per section, tables, the Mermaid block as code', async () => {
    errors.length = 0;
    const md = await (await fetch(`${server.base()}/plans/${planId}/document`, { headers: { authorization: `Bearer ${token}` } })).text();
    // The tabs by keyboard: arrows move along them and open the one reached.
    await page.getByRole('tab', { name: 'Waves' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sync points');
    expect(await page.getByRole('tab', { name: 'Sync points' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Strategy document' }).getAttribute('aria-selected')).toBe('true');
    const doc = page.locator('.strategy-document');
    await doc.waitFor();
    // Its headings one level under the page's: the title an h2, each ## section an h3.
    const sections = md
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).trim());
    expect(sections.length).toBeGreaterThanOrEqual(4);
    expect(await doc.locator('h2').allTextContents()).toEqual([`${exampleInput().name} — parallel execution strategy`]);
    expect(await doc.locator('h3').allTextContents()).toEqual(sections);
    const text = (await doc.textContent()) ?? '';
    expect(text).not.toContain('##');
    expect(text).not.toContain('**');
    expect(await doc.locator('table th').count()).toBeGreaterThan(5);
    expect(await doc.locator('table tbody tr').count()).toBe(md.split('\n').filter((l) => /^\|(?!\s*-)/.test(l)).length - (await doc.locator('table').count()));
    // The Mermaid Gantt stays a code block: shown, not run.
    expect(await doc.locator('pre code.language-mermaid').textContent()).toMatch(/^gantt\n/);
    await page.screenshot({ path: `${repoPath('test-results')}/strategy-document.png` });
    await audit('plan view with the strategy document open');
    expect(errors).toEqual([]);
  });

  it('sanitises the document: markup in a plan name or description is shown, never run', async () => {
    errors.length = 0;
    const name = `Injected <script>window.__xss = 'script'</script> plan`;
    const description = `An <img src="data:," onerror="window.__xss = 'img'"> and [a link](javascript:window.__xss=1).`;
    const created = await call('POST', '/plans', { ...exampleInput(), name, description });
    await page.goto(`${server.base()}/ui/#/plans/${created.planId}`);
    // A hash change: the last plan's bars are still there until the new plan is drawn.
    await page.locator('h1', { hasText: 'Injected' }).waitFor();
    await page.locator('svg.gantt .bar').first().waitFor();
    // The page shows the name as text, tags and all.
    expect(await page.locator('h1').textContent()).toBe(`${name} v1`);
    await page.getByRole('tab', { name: 'Strategy document' }).click();
    const doc = page.locator('.strategy-document');
    await doc.waitFor();
    // Raw HTML in the document is shown as the text it is; a Markdown link to javascript: loses its href.
    expect(await doc.locator('h2').textContent()).toBe(`${name} — parallel execution strategy`);
    expect(await doc.textContent()).toContain(description.replace('[a link](javascript:window.__xss=1)', 'a link'));
    expect(await doc.locator('script, img, [onerror], [href^="javascript:"]').count()).toBe(0);
    expect(await doc.locator('a', { hasText: 'a link' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    // Nothing was even tried: the CSP, which would refuse an inline script or handler, had nothing to refuse.
    expect(errors).toEqual([]);
    await page.goto(`${server.base()}/ui/#/plans/${planId}`);
    await expect.poll(() => page.locator('h1').textContent()).not.toContain('Injected');
    await page.locator('svg.gantt .bar').first().waitFor();
  });

  it('shows live progress from the event stream without a reload', async () => {
    await expect.poll(() => page.locator('.connection').getAttribute('data-state')).toBe('live');
    const phase = planned.find((p) => p.start_day === 0)!;
    const session = await call('POST', `/plans/${planId}/sessions`, { label: 'agent', team: phase.team, heartbeatTimeoutSeconds: 86400 });
    await call('POST', `/plans/${planId}/claims`, { sessionId: session.id, phaseId: phase.id, at: '2026-09-07T09:00:00Z' });
    await call('POST', `/plans/${planId}/sessions/${session.id}/events`, { type: 'started', phaseId: phase.id, at: '2026-09-07T09:00:00Z' });
    const bar = page.locator(`.bar[data-phase="${phase.id}"]`);
    await expect.poll(() => bar.getAttribute('class'), { timeout: 10_000 }).toMatch(/status-in_progress/);
    // Tracking: the today line, and the actual bar under the planned one.
    expect(await page.locator('svg.gantt .today line').count()).toBe(1);
    expect(await bar.locator('.actual').count()).toBe(1);
    await call('POST', `/plans/${planId}/sessions/${session.id}/events`, { type: 'completed', phaseId: phase.id, at: '2026-09-08T17:00:00Z' });
    await expect.poll(() => bar.getAttribute('class'), { timeout: 10_000 }).toMatch(/status-completed/);
    await expect.poll(() => page.locator('ol.events').textContent()).toContain(`${phase.id} completed`);
    // The plan started weeks ago and one phase is done: the variance alert arrives over the stream.
    await expect.poll(() => page.locator('ul.alerts').textContent()).toContain('schedule_variance');
    await expect.poll(() => page.locator('.progress-line').textContent()).toMatch(/1 of \d+ phases/);

    const dir = repoPath('test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/dashboard.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('imports a file: shows what the import assumed or where the file is wrong, then plans it and opens the plan', async () => {
    errors.length = 0;
    await page.goto(`${server.base()}/ui/#/`);
    const form = page.locator('form.import-form');
    await form.waitFor();

    await page.getByLabel('File', { exact: true }).setInputFiles(repoPath('test', 'fixtures', 'importers', 'broken.csv'));
    await page.getByLabel('Start date').fill('2027-01-04');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => form.locator('.import-errors').textContent()).toContain('line 3, column duration');
    expect(await form.locator('.import-errors li').count()).toBe(3);
    errors.length = 0; // the 422 above is the expected answer

    await page.getByLabel('File', { exact: true }).setInputFiles(repoPath('test', 'fixtures', 'importers', 'phases.csv'));
    await page.getByLabel('Team size').fill('4');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => form.locator('.import-summary').textContent()).toBe('Imported 7 phases from phases.csv (csv) as “phases”, starting 2027-01-04.');
    expect((await form.locator('.import-notes li').allTextContents()).join('\n')).toContain('one team "team-1" of 4 holding every skill');
    await form.screenshot({ path: `${repoPath('test-results')}/import.png` });
    await page.getByRole('button', { name: 'Plan it' }).click();

    await expect.poll(() => page.url()).toMatch(/#\/plans\/[0-9a-f-]{36}$/);
    await page.locator('svg.gantt .bar').first().waitFor();
    expect((await page.locator('svg.gantt .bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!))).sort()).toEqual([
      'api',
      'db',
      'qa',
      'rel',
      'req',
      'svc',
      'ui',
    ]);
    const planId = page.url().split('/').pop()!;
    const stored = await call('GET', `/plans/${planId}`);
    const critical = (stored.artifacts['execution-plan.json'].schedule as { id: string; critical: boolean }[]).filter((p) => p.critical).map((p) => p.id);
    expect(critical).toEqual(expect.arrayContaining(['req', 'svc', 'qa', 'rel']));
    expect((await page.locator('svg.gantt .bar.critical').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!))).sort()).toEqual(critical.sort());
    expect(stored.input.teams).toEqual([{ id: 'team-1', name: 'Imported team', size: 4, skills: ['backend', 'database', 'devops', 'frontend', 'product', 'qa'] }]);
    expect(errors).toEqual([]);
  });
  it('draws the richer plan model when the plan has it: typed links, flagged milestones, top-level groups', async () => {
    // The plan JSON as the richer model writes it (links with type and lag, milestone flags,
    // groups), served to the page in place of today's.
    const stored = await call('GET', `/plans/${planId}`);
    const schedule = stored.artifacts['execution-plan.json'].schedule as ((typeof planned)[number] & { links?: unknown; milestone?: boolean })[];
    const withTwo = schedule.find((e) => e.dependencies.length >= 2)!;
    const [ss, ff] = withTwo.dependencies as [string, string];
    withTwo.links = [
      { id: ss, type: 'SS', lag_days: 1 },
      { id: ff, type: 'FF', lag_days: 0 },
    ];
    const flagged = schedule.find((e) => e.id !== withTwo.id && e.id !== ss && e.id !== ff)!;
    flagged.milestone = true;
    const members = schedule.slice(0, 3);
    const groupDays = { start_day: Math.min(...members.map((e) => e.start_day)), finish_day: Math.max(...members.map((e) => e.finish_day)) };
    stored.artifacts['execution-plan.json'].groups = [
      { id: 'g-foundation', name: 'Foundation', phases: members.map((e) => e.id), ...groupDays, start_date: members[0]!.start_date, finish_date: members[0]!.finish_date },
    ];
    const url = new RegExp(`/plans/${planId}/artifacts\\?names=`);
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stored) }));
    await page.goto(`${server.base()}/ui/#/plans/${planId}`);
    await page.reload();
    await page.locator('svg.gantt .group-bar[data-group="g-foundation"]').waitFor();

    const arrow = (from: string) => page.locator(`svg.gantt path.dep[data-from="${from}"][data-to="${withTwo.id}"]`);
    expect(await arrow(ss).getAttribute('data-type')).toBe('SS');
    expect(await arrow(ss).getAttribute('stroke-dasharray')).toBe('6 3');
    expect(await arrow(ff).getAttribute('data-type')).toBe('FF');
    expect(await arrow(ff).getAttribute('stroke-dasharray')).toBe('2 2');
    // Start-to-start leaves the predecessor's start and enters the successor's start; finish-to-finish joins the finishes.
    const ends = async (id: string) => {
      const r = page.locator(`.bar[data-phase="${id}"] .bar-body`);
      const x = Number(await r.getAttribute('x'));
      return { start: x, finish: x + Number(await r.getAttribute('width')) };
    };
    const path = async (from: string) => ((await arrow(from).getAttribute('d')) ?? '').match(/-?[\d.]+/g)!.map(Number);
    const ssPath = await path(ss);
    expect(ssPath[0]).toBeCloseTo((await ends(ss)).start, 6);
    expect(ssPath.at(-1)).toBeCloseTo((await ends(withTwo.id)).start, 6);
    const ffPath = await path(ff);
    expect(ffPath[0]).toBeCloseTo((await ends(ff)).finish, 6);
    expect(ffPath.at(-1)).toBeCloseTo((await ends(withTwo.id)).finish, 6);
    // The flagged phase is a diamond; the group's summary row comes first, its phases under it.
    expect(await page.locator(`.bar.milestone[data-phase="${flagged.id}"] path.bar-body`).count()).toBe(1);
    const rowOf = async (sel: string) =>
      Number(
        await page
          .locator(sel)
          .first()
          .evaluate((e) => e.closest('[data-row]')?.getAttribute('data-row')),
      );
    expect(await rowOf('.group-bar[data-group="g-foundation"]')).toBe(0);
    for (const e of members) expect(await rowOf(`.bar[data-phase="${e.id}"]`)).toBeGreaterThan(0);
    // A status update from the stream may redraw the chart under the screenshot: then take it again.
    await expect
      .poll(() =>
        page
          .locator('.gantt-view')
          .screenshot({ path: `${repoPath('test-results')}/gantt-links.png` })
          .then(
            () => true,
            () => false,
          ),
      )
      .toBe(true);
    await page.unroute(url);
  });

  it('filters the Gantt and the waves to one group, and shows progress by group and the milestones reached', async () => {
    const input: PlanInput = {
      name: 'grouped dashboard',
      startDate: '2026-09-07',
      teams: [{ id: 'devs', size: 4, skills: [] }],
      groups: [
        { id: 'backend', name: 'Backend' },
        { id: 'api', name: 'API', parent: 'backend' },
      ],
      phases: [
        { id: 'schema', name: 'Schema', duration: 2, group: 'api' },
        { id: 'service', name: 'Service', duration: 3, group: 'backend', dependencies: ['schema'] },
        { id: 'screens', name: 'Screens', duration: 2, group: 'frontend' },
        { id: 'launch', name: 'Launch', duration: 0, dependencies: ['service', 'screens'] },
        { id: 'kickoff', name: 'Kick-off', duration: 0, milestone: true, dependencies: [{ id: 'schema', type: 'SS' }] },
      ],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 50, monteCarloIterations: 50 },
    };
    const created = await call('POST', '/plans', input);
    const session = await call('POST', `/plans/${created.planId}/sessions`, { label: 'agent', heartbeatTimeoutSeconds: 86400 });
    await call('POST', `/plans/${created.planId}/claims`, { sessionId: session.id, phaseId: 'schema', at: '2026-09-07T09:00:00Z' });
    await call('POST', `/plans/${created.planId}/sessions/${session.id}/events`, { type: 'started', phaseId: 'schema', at: '2026-09-07T09:00:00Z' });
    await call('POST', `/plans/${created.planId}/sessions/${session.id}/events`, { type: 'completed', phaseId: 'schema', at: '2026-09-08T17:00:00Z' });
    errors.length = 0;
    await page.goto(`${server.base()}/ui/#/plans/${created.planId}`);
    await page.locator('h1', { hasText: input.name }).waitFor();
    await page.locator('svg.gantt .bar').first().waitFor();
    const drawn = () => page.locator('svg.gantt .bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!).sort());
    const groupBars = () => page.locator('svg.gantt .group-bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')!).sort());
    expect(await drawn()).toEqual(['kickoff', 'launch', 'schema', 'screens', 'service']);
    const select = page.getByRole('combobox', { name: 'Group:' });
    expect(await select.locator('option').allTextContents()).toEqual(['All phases', 'Backend (2 phases)', 'API (1 phase)', 'frontend (1 phase)']);

    // Backend holds service and, through API, schema: only those bars, its own and API's summary rows, the arrow between them.
    await select.selectOption('backend');
    await expect.poll(drawn).toEqual(['schema', 'service']);
    expect(await groupBars()).toEqual(['api', 'backend']);
    expect(await page.locator('svg.gantt path.dep').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`))).toEqual([
      'schema→service',
    ]);
    const waves = () => page.locator('table.waves tbody').textContent();
    await expect.poll(waves).toContain('schema');
    expect(await waves()).not.toContain('screens');
    await select.selectOption('frontend');
    await expect.poll(drawn).toEqual(['screens']);
    await expect.poll(waves).toContain('screens');
    expect(await waves()).not.toContain('schema');

    // The status panel: schema (2 of Backend's 5 person-days) is done; Kick-off (start-to-start on schema) is reached, Launch is not.
    const backendRow = page.locator('table.group-progress tr[data-group="backend"]');
    await expect.poll(() => backendRow.textContent()).toContain('1 of 2');
    expect(await backendRow.textContent()).toContain('40 %');
    expect(await page.locator('table.group-progress tr[data-group="api"]').textContent()).toContain('100 %');
    expect(await page.locator('tr[data-milestone="kickoff"]').getAttribute('class')).toBe('reached');
    expect(await page.locator('tr[data-milestone="kickoff"]').textContent()).toContain('yes');
    expect(await page.locator('tr[data-milestone="launch"]').textContent()).toContain('not yet');

    await select.selectOption('');
    await expect.poll(drawn).toEqual(['kickoff', 'launch', 'schema', 'screens', 'service']);
    await audit('plan view with groups and milestones');
    expect(errors).toEqual([]);
  });

  it('fits a 390 px wide phone screen: nothing wider than the viewport but the boxes that scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base()}/ui/#/plans/${planId}`);
    await page.locator('svg.gantt .bar').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${repoPath('test-results')}/dashboard-390.png`, fullPage: true });
    await audit('plan view at 390 px');
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('draws a 2,000-phase plan at once: only the rows in view, one tab stop, groups and milestones', async () => {
    const input = largeInput(2000);
    const t0 = performance.now();
    const created = await call('POST', '/plans', input);
    const planMs = performance.now() - t0;
    const deps = input.phases.reduce((n, p) => n + (p.dependencies?.length ?? 0), 0);
    errors.length = 0;
    // A fresh page load (modules, plan JSON, status, first draw), as a user opening the link sees it.
    await page.goto('about:blank');
    const t1 = performance.now();
    await page.goto(`${server.base()}/ui/#/plans/${created.planId}`);
    await page.locator('h1', { hasText: input.name }).waitFor();
    await page.locator('svg.gantt .bar').first().waitFor();
    const renderMs = performance.now() - t1;
    const rendered = await page.locator('svg.gantt .bar').count();
    // The page's own marks: the plan fetched, the page drawn, then the status filled in.
    await page.waitForFunction(() => performance.getEntriesByName('waveplan:status-drawn').length > 0);
    const marks = await page.evaluate(() => [
      `load event ${Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd)} ms`,
      ...['waveplan:fetch', 'waveplan:fetched', 'waveplan:drawn', 'waveplan:status-drawn'].map(
        (m) => `${m.slice(9)} ${Math.round(performance.getEntriesByName(m)[0]?.startTime ?? NaN)} ms`,
      ),
    ]);
    const fetches = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/plans\/[^/]+(\/status|\/artifacts\?names=.*)?$/.test(e.name))
        .map(
          (e) =>
            `${new URL(e.name).pathname.endsWith('status') ? 'status' : 'plan'} ${Math.round((e as PerformanceResourceTiming).responseEnd - e.startTime)} ms (${Math.round((e as PerformanceResourceTiming).encodedBodySize / 1024)} KiB)`,
        ),
    );
    console.log(
      // The service runs in this process: while it computes the status, the browser's news waits, so the page's own marks come first.
      `2,000-phase plan: planned by the service in ${planMs.toFixed(0)} ms; page load to the Gantt drawn ${renderMs.toFixed(0)} ms as the test saw it (fetches: ${fetches.join(', ')}; the page's marks since navigation: ${marks.join(', ')}), ${rendered} of 2000 bars in the DOM`,
    );
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(150);
    expect(await page.locator('svg.gantt [tabindex="0"]').count()).toBe(1);
    expect(await page.locator('svg.gantt .group-bar').count()).toBeGreaterThan(0);
    // Scrolling to the end draws the last rows and drops the first ones.
    const rows = 2000 + 40;
    // Scrolled in the page, found afresh each time: a status update may redraw the chart meanwhile.
    const scrollToEnd = () =>
      page.evaluate((last) => {
        const box = document.querySelector('.gantt-scroll')!;
        box.scrollTop = box.scrollHeight;
        return document.querySelector(`svg.gantt .rows [data-row="${last}"]`) !== null;
      }, rows - 1);
    await expect.poll(scrollToEnd, { timeout: 20_000 }).toBe(true);
    expect(await page.locator('svg.gantt .bar[data-row="5"]').count()).toBe(0);
    expect(await page.locator('svg.gantt .bar').count()).toBeLessThan(150);
    // The tab stop stayed in the DOM, and End moves it to the last phase, in view.
    await page.locator('svg.gantt [tabindex="0"]').focus();
    await page.keyboard.press('End');
    const last = await page.evaluate(() => Number(document.activeElement?.getAttribute('data-row')));
    expect(last).toBe(rows - 1);
    await page.screenshot({ path: `${repoPath('test-results')}/gantt-2000.png` });
    // The chart only: the rest of the page is the same components as the example's, audited there.
    await audit('2,000-phase plan view', '.gantt-view');
    // The tables hold one page of rows each, whatever the plan's size; the captions give the full count, Last the last rows.
    const waves = created.artifacts['wave-schedules.json'].waves as { name: string }[];
    const syncs = created.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points as { sync_id: string }[];
    const risks = created.artifacts['risk-mitigation-plan.json'].risk_management.risks as unknown[];
    expect(waves.length).toBeGreaterThan(100);
    expect(syncs.length).toBeGreaterThan(100);
    expect(await detailRows('waves')).toEqual({ rows: 50, total: waves.length });
    expect(await page.locator('table.waves caption').textContent()).toBe(`Waves (${waves.length.toLocaleString('en')})`);
    await page.locator('#panel-waves:not([aria-busy])').waitFor();
    await page.locator('#panel-waves').getByRole('button', { name: 'Last' }).click();
    // Read once the page has redrawn (a loaded CI machine can run the assertion first).
    await expect
      .poll(() => page.locator('#panel-waves .pager-status').textContent())
      .toBe(`Rows ${Math.floor((waves.length - 1) / 50) * 50 + 1}–${waves.length} of ${waves.length}`);
    expect(await page.locator('table.waves tbody tr th').last().textContent()).toBe(waves.at(-1)!.name);
    // On the axis, one marker per date that has sync points, each saying how many.
    const syncDates = new Set((syncs as unknown as { planned_date: string }[]).map((p) => p.planned_date));
    expect(await page.locator('svg.gantt path.sync').count()).toBe(syncDates.size);
    expect(syncDates.size).toBeLessThan(syncs.length / 2);
    expect((await page.locator('svg.gantt path.sync').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).reduce((a, b) => a + b, 0)).toBe(syncs.length);
    expect(await detailRows('syncs', 'Sync points')).toEqual({ rows: 50, total: syncs.length });
    await page.locator('#panel-syncs').getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('table.syncs tbody tr th').first().textContent()).toBe(syncs[50]!.sync_id);
    expect(await detailRows('risks', 'Risks')).toEqual({ rows: Math.min(50, risks.length), total: risks.length });
    // Outside the chart (whose axis has a marker per date with sync points) the page's size does not grow with the plan.
    const dom = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return { all: all.length, outsideChart: all.filter((e) => !e.closest('svg.gantt')).length };
    });
    console.log(
      `2,000-phase plan view with every table tab opened: ${dom.all} elements in the DOM, ${dom.outsideChart} outside the chart (${waves.length} waves, ${syncs.length} sync points, ${risks.length} risks)`,
    );
    expect(dom.outsideChart).toBeLessThan(2000);
    // The exported SVG holds every row: 2,000 bars (20 of them milestone diamonds), 40 group bars, every arrow.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const svg = readFileSync((await file.path())!, 'utf8');
    expect(svg.match(/<g class="bar[ "]/g)?.length).toBe(2000);
    expect(svg.match(/<g class="bar[^"]*milestone/g)?.length).toBe(20);
    expect(svg.match(/<g class="group-bar"/g)?.length).toBe(40);
    expect(svg.match(/<path class="dep /g)?.length).toBe(deps);
    expect(errors).toEqual([]);
  }, 180_000);

  it('has no serious or critical axe-core violation on the plan list and the plan view', async () => {
    await page.goto(`${server.base()}/ui/`);
    const link = page.getByRole('link', { name: exampleInput().name });
    await link.waitFor();
    await audit('plan list');
    await link.click();
    await page.locator('svg.gantt .bar').first().waitFor();
    await audit('plan view');
  });
});
