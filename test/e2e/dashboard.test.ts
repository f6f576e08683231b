/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { startApp } from '../support/app.js';
import { exampleInput } from '../support/fixtures.js';
import { listeningApp } from '../support/http.js';

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
  let planned: { id: string; team: string; critical: boolean; start_day: number }[];
  const errors: string[] = [];

  const call = async (method: string, path: string, body?: unknown, key = token) => {
    const res = await server.call(method, path, body, { authorization: `Bearer ${key}` });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    token = (await call('POST', '/admin/keys', { workspace: 'ui', name: 'dashboard', role: 'write' }, ADMIN)).token;
    // A start in the past, so that progress can be reported as having happened.
    const input: PlanInput = { ...exampleInput(), startDate: '2026-09-07' };
    const created = await call('POST', '/plans', input);
    planId = created.planId;
    planned = created.artifacts['execution-plan.json'].schedule;
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
    const critical = planned.filter((p) => p.critical).map((p) => p.id).sort();
    expect(critical.length).toBeGreaterThan(0);
    const drawnCritical = await page.locator('svg.gantt .bar.critical').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!).sort());
    expect(drawnCritical).toEqual(critical);
    // One lane per team that has work, in the chart.
    const lanes = await page.locator('svg.gantt .lane-label').allTextContents();
    expect(lanes.sort()).toEqual([...new Set(planned.map((p) => p.team))].sort());
    // Bars sit in time order: the first phase's bar starts left of the last one's.
    const first = planned.reduce((a, b) => (a.start_day <= b.start_day ? a : b));
    const last = planned.reduce((a, b) => (a.start_day >= b.start_day ? a : b));
    const xOf = async (id: string) => Number(await page.locator(`.bar[data-phase="${id}"] .bar-body`).getAttribute('x'));
    expect(await xOf(first.id)).toBeLessThan(await xOf(last.id));

    const plan = await call('GET', `/plans/${planId}`);
    expect(await page.locator('table.waves tbody tr').count()).toBe(plan.artifacts['wave-schedules.json'].waves.length);
    expect(await page.locator('table.syncs tbody tr').count()).toBe(plan.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points.length);
    expect(await page.locator('table.risks tbody tr').count()).toBe(plan.artifacts['risk-mitigation-plan.json'].risk_management.risks.length);
    expect(errors).toEqual([]);
  });

  it('is keyboard-usable: Tab reaches a bar, arrows move along, Enter shows the phase', async () => {
    const bar = page.locator(`.bar[data-phase="${planned[0]!.id}"]`);
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.phase-detail').textContent()).toContain(planned[0]!.id);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-phase'))).toBe(planned[1]!.id);
  });

  it('shows live progress from the event stream without a reload', async () => {
    await expect.poll(() => page.locator('.connection').getAttribute('data-state')).toBe('live');
    const phase = planned.find((p) => p.start_day === 0)!;
    const session = await call('POST', `/plans/${planId}/sessions`, { label: 'agent', team: phase.team, heartbeatTimeoutSeconds: 86400 });
    await call('POST', `/plans/${planId}/claims`, { sessionId: session.id, phaseId: phase.id, at: '2026-09-07T09:00:00Z' });
    await call('POST', `/plans/${planId}/sessions/${session.id}/events`, { type: 'started', phaseId: phase.id, at: '2026-09-07T09:00:00Z' });
    const bar = page.locator(`.bar[data-phase="${phase.id}"]`);
    await expect.poll(() => bar.getAttribute('class'), { timeout: 10_000 }).toMatch(/status-in_progress/);
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
    expect((await page.locator('svg.gantt .bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!))).sort()).toEqual(['api', 'db', 'qa', 'rel', 'req', 'svc', 'ui']);
    const planId = page.url().split('/').pop()!;
    const stored = await call('GET', `/plans/${planId}`);
    const critical = (stored.artifacts['execution-plan.json'].schedule as { id: string; critical: boolean }[]).filter((p) => p.critical).map((p) => p.id);
    expect(critical).toEqual(expect.arrayContaining(['req', 'svc', 'qa', 'rel']));
    expect((await page.locator('svg.gantt .bar.critical').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')!))).sort()).toEqual(critical.sort());
    expect(stored.input.teams).toEqual([{ id: 'team-1', name: 'Imported team', size: 4, skills: ['backend', 'database', 'devops', 'frontend', 'product', 'qa'] }]);
    expect(errors).toEqual([]);
  });
  it('has no serious or critical axe-core violation on the plan list and the plan view', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const audit = async (where: string) => {
      // page.evaluate is not subject to the page's CSP, which (rightly) refuses injected scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, where).toEqual([]);
    };
    await page.goto(`${server.base()}/ui/`);
    const link = page.getByRole('link', { name: exampleInput().name });
    await link.waitFor();
    await audit('plan list');
    await link.click();
    await page.locator('svg.gantt .bar').first().waitFor();
    await audit('plan view');
  });
});
