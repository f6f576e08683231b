/**
 * The dashboard's plan view of a 2,000-phase plan: this tree's page against an earlier
 * revision's, alternating in one Chromium against one service, so that the two are measured
 * under the same load. Prints per page the median time from its navigation to the first bar of
 * the Gantt in the DOM, to the status drawn, and the bytes of the API answers it waited for.
 *
 *   npm run bench:dashboard
 *
 * Environment:
 *   DASHBOARD_BEFORE   the git revision whose ui/ is "before" (default main)
 *   DASHBOARD_RUNS     page loads of each (default 5)
 *   DASHBOARD_PHASES   phases (default 2000)
 *   CHROMIUM_PATH      default /usr/bin/chromium
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/http/app.js';
import { repoPath } from '../src/paths.js';
import { createDomainPlanner } from '../src/service/domain-planner.js';
import { connectPglite } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { largeInput } from '../test/support/large-plan.js';

const BEFORE = process.env.DASHBOARD_BEFORE ?? 'main';
const RUNS = Number(process.env.DASHBOARD_RUNS ?? 5);
const PHASES = Number(process.env.DASHBOARD_PHASES ?? 2000);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const before = mkdtempSync(path.join(tmpdir(), 'waveplan-ui-before-'));
execFileSync('bash', ['-c', `git -C "${repoPath()}" archive "${BEFORE}" ui | tar -x -C "${before}"`]);

const handle = await connectPglite('memory://');
await migrateToLatest(handle.db);
const app = await buildApp({ db: handle.db, listener: handle.listener, planner: createDomainPlanner() });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const created = await app.inject({ method: 'POST', url: '/plans', payload: largeInput(PHASES) });
const planId = created.json().planId as string;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

/** Serves the earlier revision's ui/ in place of this tree's (the vendor modules stay this tree's). */
const useBefore = (on: boolean) =>
  on
    ? page.route(/\/ui\/(?!vendor\/)/, (route) => {
        const file = path.join(before, new URL(route.request().url()).pathname.replace(/\/$/, '/index.html'));
        route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      })
    : page.unrouteAll();

// Times are the page's, since its navigation started: the service runs in this process, and while
// it computes a status, what the browser tells this process waits.
await page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('svg.gantt .bar')) return;
    performance.mark('bench:first-bar');
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
});

async function load(p: Page) {
  await p.goto('about:blank');
  await p.goto(`${base}/ui/#/plans/${planId}`);
  await p.locator('svg.gantt .bar').first().waitFor({ timeout: 60_000 });
  const at = (name: string) => p.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);
  const bar = await at('bench:first-bar');
  // The earlier page drew with the status; this one marks when the status is drawn after it.
  const marked = await p.evaluate(() => performance.getEntriesByName('waveplan:drawn').length > 0);
  if (marked) await p.waitForFunction(() => performance.getEntriesByName('waveplan:status-drawn').length > 0);
  const status = marked ? await at('waveplan:status-drawn') : bar;
  const kib = await p.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/plans\/[^/]+(\/status|\/artifacts\?names=.*)?$/.test(e.name))
      .reduce((n, e) => n + (e as PerformanceResourceTiming).encodedBodySize / 1024, 0),
  );
  const marks = await p.evaluate(() => ['waveplan:fetch', 'waveplan:fetched', 'waveplan:drawn'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN));
  return { bar, status, kib, marks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<'before' | 'after', Awaited<ReturnType<typeof load>>[]> = { before: [], after: [] };
await page.goto(`${base}/ui/`);
for (let i = 0; i < RUNS + 1; i++)
  for (const which of ['before', 'after'] as const) {
    await useBefore(which === 'before');
    const r = await load(page);
    if (i > 0) results[which].push(r); // the first of each warms the caches
  }
const line = (which: 'before' | 'after') => {
  const rs = results[which];
  const marks = [0, 1, 2].map((i) => median(rs.map((r) => r.marks[i]!)));
  const page = marks.every(Number.isFinite) ? ` (page marks: fetch ${marks[0]!.toFixed(0)}, fetched ${marks[1]!.toFixed(0)}, drawn ${marks[2]!.toFixed(0)} ms)` : '';
  return `${which.padEnd(6)} first bar ${median(rs.map((r) => r.bar)).toFixed(0)} ms, status drawn ${median(rs.map((r) => r.status)).toFixed(0)} ms, waited-for API answers ${median(rs.map((r) => r.kib)).toFixed(0)} KiB${page}`;
};
console.log(`dashboard plan view, ${PHASES} phases, median of ${RUNS} loads each (before: ${BEFORE}'s ui/)`);
console.log(line('before'));
console.log(line('after'));
const ratio = median(results.before.map((r) => r.bar)) / median(results.after.map((r) => r.bar));
console.log(`first bar: ${ratio.toFixed(2)}× faster`);

await browser.close();
await app.close();
await handle.close();
rmSync(before, { recursive: true, force: true });
