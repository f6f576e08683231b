/**
 * PSPLIB benchmark: plans the single-mode RCPSP instances (J30, J60, and any other j<size> set
 * found) with the engine and compares the makespans with the optimal or best known ones. Every
 * schedule is also checked against the instance itself (precedences and capacities), so a lossy
 * adapter cannot pass.
 *
 *   npm run bench:psplib
 *
 * By default every search ends at a fixed number of schedules (one schedule = one pass of the
 * generation scheme, justification passes included), as the literature compares heuristics,
 * so the results do not depend on the machine's speed or load.
 *
 * Environment:
 *   PSPLIB_DIR         instances and reference makespans (default ../shared/psplib, from the repo root);
 *                      searched recursively for j<size><par>_<inst>.sm files, *.csv reference tables and the
 *                      classic PSPLIB result tables j30opt.sm, j60hrs.sm (columns Par Inst Makespan)
 *   PSPLIB_SETS        sets to run, e.g. "j30,j60" (default: every set found)
 *   PSPLIB_LIMIT       instances per set at most (default all)
 *   PSPLIB_SAMPLE      every k-th instance only (default 1: all)
 *   PSPLIB_ITERATIONS  schedules per instance (default 5000; the literature also uses 1000 and 50000)
 *   PSPLIB_BUDGET_MS   time cap per instance (default 60000, so that the schedule count decides)
 *   PSPLIB_SEED        the planning seed (default 1)
 *   PSPLIB_INSTANCES   only these instances, e.g. "j309_2,j3013_2" (PSPLIB_SAMPLE is then ignored)
 *   PSPLIB_PER_INSTANCE 1: also a line per instance ("instance j601_1 makespan=… cpm=… bound=… reference=… schedules=… best_at=… found_by=…":
 *                      best_at is the schedule at which the search found the one it returned)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computePlan } from '../src/domain/engine.js';
import { parsePsplib, psplibToPlanInput, type PsplibInstance } from '../src/importers/psplib.js';

interface BenchSet {
  name: string;
  prefix: string;
}

/** PSPLIB instance file names: j<size><par>_<inst>.sm (j301_1, j6048_10, j12060_10). */
const INSTANCE_FILE = /^(j(?:30|60|90|120|\d+?))(\d+)_(\d+)\.sm$/i;

/** The sets with at least one instance file, smallest first. */
function setsFound(files: string[]): BenchSet[] {
  const sizes = new Set<number>();
  for (const f of files) {
    const m = INSTANCE_FILE.exec(basename(f));
    if (m) sizes.add(Number(m[1]!.slice(1)));
  }
  return [...sizes].sort((a, b) => a - b).map((size) => ({ name: `J${size}`, prefix: `j${size}` }));
}

/** The planning seed: the same for every instance, so a run is repeatable and seeds can be compared. */
const SEED = Number(process.env.PSPLIB_SEED ?? 1);
/** One line per instance, so that runs (seeds, budgets) can be merged instance by instance. */
const PER_INSTANCE = process.env.PSPLIB_PER_INSTANCE === '1';

const RESULT_TABLE = /^(j\d+)(opt|hrs)\.(sm|txt)$/i;

interface Outcome {
  name: string;
  makespan: number;
  reference?: number;
  lowerBound: number;
  criticalPath: number;
  provedOptimal: boolean;
  feasible: boolean;
  ms: number;
  evaluated: number;
  /** Schedules evaluated when the returned schedule was found, and what found it. */
  bestAt: number;
  foundBy: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    const kind = e.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : e;
    return kind?.isDirectory() ? filesUnder(path) : kind?.isFile() ? [path] : [];
  });
}

/** "J30/j301_1.sm" → "j301_1". */
const instanceName = (s: string) => basename(s.trim()).replace(/\.sm$/i, '').toLowerCase();

/** Instance files of one set, in PSPLIB order (parameter, then instance), one file per name. */
function instanceFiles(files: string[], prefix: string): string[] {
  const pattern = new RegExp(`^${prefix}(\\d+)_(\\d+)\\.sm$`, 'i');
  const byName = new Map<string, { path: string; par: number; inst: number }>();
  for (const path of files) {
    const m = pattern.exec(basename(path));
    if (m && !byName.has(instanceName(path))) byName.set(instanceName(path), { path, par: Number(m[1]), inst: Number(m[2]) });
  }
  return [...byName.values()].sort((a, b) => a.par - b.par || a.inst - b.inst).map((f) => f.path);
}

/** A reference cell: "43", "43.0" or an open interval "82..87" (the best known makespan is its upper end). */
function referenceValue(cell: string | undefined): number | undefined {
  const m = /^\s*(?:\d+(?:\.\d+)?)?\s*\.\.\s*(\d+(?:\.\d+)?)\s*$|^\s*(\d+(?:\.\d+)?)\s*$/.exec(cell ?? '');
  return m ? Number(m[1] ?? m[2]) : undefined;
}

const NAME_COLUMNS = ['instance', 'name', 'file', 'filename', 'problem'];
const VALUE_COLUMNS = ['reference', 'makespan', 'bestknown', 'best', 'ub', 'upperbound', 'opt', 'optimum', 'optimal', 'cmax', 'value'];

/** Index of the first column matching the names in priority order, exactly, then as a part of the header. */
function pickColumn(header: string[], names: string[], usable: (k: number) => boolean): number {
  for (const exact of [true, false]) {
    for (const name of names) {
      const k = header.findIndex((h, i) => (exact ? h === name : h.includes(name)) && !/lb|lower/.test(h) && usable(i));
      if (k >= 0) return k;
    }
  }
  return -1;
}

/** Instance → reference makespan from a CSV (comma, semicolon, tab or blank separated) with or without a header. */
function readReferenceCsv(text: string): Map<string, number> {
  const rows = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((l) => (/[,;\t]/.test(l) ? l.split(/[,;\t]/) : l.trim().split(/\s+/)).map((c) => c.trim().replace(/^"|"$/g, '')));
  const refs = new Map<string, number>();
  const [first, ...rest] = rows;
  if (!first) return refs;
  const headerless = referenceValue(first[1]) !== undefined;
  const body = headerless ? rows : rest;
  const numeric = (k: number) => body.filter((r) => referenceValue(r[k]) !== undefined).length >= body.length / 2;
  const header = first.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const nameAt = headerless ? 0 : pickColumn(header, NAME_COLUMNS, () => true);
  const valueAt = headerless ? 1 : pickColumn(header, VALUE_COLUMNS, numeric);
  if (nameAt < 0 || valueAt < 0) return refs;
  for (const row of body) {
    const value = referenceValue(row[valueAt]);
    if (row[nameAt] && value !== undefined) refs.set(instanceName(row[nameAt]), value);
  }
  return refs;
}

/** Rows "Par Inst Makespan …" of a PSPLIB result table such as j30opt.sm or j60hrs.sm. */
function readResultTable(text: string, prefix: string): Map<string, number> {
  const refs = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const [par, inst, makespan] = line.trim().split(/\s+/);
    if ([par, inst, makespan].every((t) => t !== undefined && /^\d+$/.test(t))) refs.set(`${prefix}${par}_${inst}`, Number(makespan));
  }
  return refs;
}

/** All reference makespans found: hrs tables, then opt tables, then CSVs, later ones overriding. */
function readReferences(files: string[]): { refs: Map<string, number>; sources: string[] } {
  const refs = new Map<string, number>();
  const sources: string[] = [];
  const rank = (f: string) => (f.toLowerCase().endsWith('.csv') ? 2 : /opt\./i.test(basename(f)) ? 1 : 0);
  const tables = files.filter((f) => RESULT_TABLE.test(basename(f)) || f.toLowerCase().endsWith('.csv')).sort((a, b) => rank(a) - rank(b));
  for (const file of tables) {
    const text = readFileSync(file, 'utf8');
    const table = RESULT_TABLE.exec(basename(file));
    const found = table ? readResultTable(text, table[1]!.toLowerCase()) : readReferenceCsv(text);
    if (found.size === 0) continue;
    for (const [name, value] of found) refs.set(name, value);
    sources.push(`${file} (${found.size})`);
  }
  return { refs, sources };
}

/** True when the start days keep every precedence and never exceed a capacity. */
function feasible(inst: PsplibInstance, startOf: Map<number, number>): boolean {
  const start = (id: number) => startOf.get(id) ?? 0;
  const finish = (id: number) => start(id) + inst.jobs[id - 1]!.duration;
  for (const job of inst.jobs) if (job.successors.some((s) => start(s) < finish(job.id) - 1e-9)) return false;
  const events = [...new Set([...startOf.values()])];
  return events.every((t) =>
    inst.capacities.every((cap, k) => {
      const load = inst.jobs.filter((j) => start(j.id) <= t && t < finish(j.id)).reduce((sum, j) => sum + j.requests[k]!, 0);
      return load <= cap;
    }),
  );
}

function runInstance(path: string, budgetMs: number, iterations: number, reference: number | undefined): Outcome {
  const name = instanceName(path);
  const inst = parsePsplib(readFileSync(path, 'utf8'));
  const input = { ...psplibToPlanInput(inst, name), planning: { timeBudgetMs: budgetMs, iterations, seed: SEED } };
  const t0 = performance.now();
  const result = computePlan(input, { clock: () => performance.now(), timeBudgetCapMs: budgetMs });
  const ms = performance.now() - t0;
  // Phase "j7" is job 7; the dummy source and sink start at 0 and at the makespan.
  const startOf = new Map<number, number>([[inst.jobs.length, result.schedule.makespan]]);
  for (const phase of result.project.phases) startOf.set(Number(phase.id.slice(1)), result.schedule.start[phase.index]!);
  return {
    name,
    makespan: result.schedule.makespan,
    ...(reference !== undefined ? { reference } : {}),
    lowerBound: result.bounds.best,
    criticalPath: result.bounds.criticalPath,
    provedOptimal: result.bounds.optimal,
    feasible: feasible(inst, startOf),
    ms,
    evaluated: result.search.evaluated,
    bestAt: result.search.bestAt,
    foundBy: result.search.origin,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const pct = (x: number, digits = 2) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(digits)} %`);
const deviation = (value: number, base: number) => ((value - base) / base) * 100;

/**
 * Where in their searches the instances left above the reference found their schedule: late finds
 * mean the search was still improving when the budget ended (more schedules would help), early
 * ones that it had stalled.
 */
function lateFinds(above: Outcome[]): string {
  if (above.length === 0) return 'n/a (none above)';
  const at = above.map((o) => o.bestAt / Math.max(1, o.evaluated)).sort((a, b) => a - b);
  const quartile = (q: number) => `${(at[Math.min(at.length - 1, Math.floor(q * at.length))]! * 100).toFixed(0)} %`;
  const late = at.filter((x) => x >= 0.8).length;
  return `at ${quartile(0.25)} / ${quartile(0.5)} / ${quartile(0.75)} of their schedules (quartiles); ${late} of ${above.length} in the last fifth`;
}

function summarise(set: BenchSet, budgetMs: number, iterations: number, outcomes: Outcome[]): { row: string; line: string } {
  const withRef = outcomes.filter((o): o is Outcome & { reference: number } => o.reference !== undefined);
  const devRef = withRef.map((o) => deviation(o.makespan, o.reference));
  const devRefMean = mean(devRef);
  const atRef = withRef.filter((o) => o.makespan <= o.reference).length;
  const devLb = mean(outcomes.map((o) => deviation(o.makespan, o.lowerBound)));
  const devCp = mean(outcomes.map((o) => deviation(o.makespan, o.criticalPath)));
  const proved = outcomes.filter((o) => o.provedOptimal).length;
  const msPer = mean(outcomes.map((o) => o.ms));
  const share = (k: number, n: number) => (n ? `${((k / n) * 100).toFixed(1)} %` : 'n/a');

  console.log(`\n${set.name}: ${outcomes.length} instances, ${iterations} schedules (time cap ${budgetMs} ms), seed ${SEED}, ${withRef.length} with a reference makespan`);
  console.log(`  deviation from reference   mean ${pct(devRefMean)}, max ${pct(devRef.length ? Math.max(...devRef) : NaN)}`);
  console.log(`  at reference makespan      ${atRef}/${withRef.length} (${share(atRef, withRef.length)})`);
  // Finer than the rounded mean: two settings a tenth of a point apart differ by a few periods here.
  const excess = withRef.reduce((sum, o) => sum + Math.max(0, o.makespan - o.reference), 0);
  console.log(`  excess over reference      ${excess} periods in all (mean deviation ${pct(devRefMean, 3)})`);
  console.log(`  deviation from own bound   mean ${pct(devLb)}; proved optimal by it ${proved}/${outcomes.length} (${share(proved, outcomes.length)})`);
  console.log(`  deviation from CPM bound   mean ${pct(devCp)}`);
  console.log(
    `  time per instance          mean ${msPer.toFixed(0)} ms, max ${Math.max(...outcomes.map((o) => o.ms)).toFixed(0)} ms; schedules ${mean(outcomes.map((o) => o.evaluated)).toFixed(0)} on average`,
  );
  console.log(`  above reference, best found ${lateFinds(withRef.filter((o) => o.makespan > o.reference))}`);
  // With optimal references (J30) a bound at the reference proves the optimum whatever the search finds.
  const boundAt = withRef.filter((o) => o.lowerBound >= o.reference - 1e-9).length;
  console.log(
    `  own bound at reference     ${boundAt}/${withRef.length} (${share(boundAt, withRef.length)}); mean ${pct(mean(withRef.map((o) => deviation(o.reference, o.lowerBound))))} below it`,
  );
  const over = withRef.filter((o) => o.lowerBound > o.reference + 1e-9);
  if (over.length) console.log(`  bound above reference (check!) ${over.map((o) => `${o.name} ${o.lowerBound} > ${o.reference}`).join(', ')}`);
  const below = withRef.filter((o) => o.makespan < o.reference);
  if (below.length) console.log(`  below reference (check!)   ${below.map((o) => `${o.name} ${o.makespan} < ${o.reference}`).join(', ')}`);
  const line = `${set.name} n=${outcomes.length} schedules=${iterations} dev_ref=${devRefMean.toFixed(2)}% dev_cpm=${devCp.toFixed(2)}% at_ref=${withRef.length ? ((atRef / withRef.length) * 100).toFixed(1) : 'n/a'}% ms=${msPer.toFixed(0)}`;
  const row = `| ${set.name} | ${outcomes.length} | ${iterations} | ${pct(devRefMean)} | ${pct(devRef.length ? Math.max(...devRef) : NaN)} | ${share(atRef, withRef.length)} | ${pct(devLb)} | ${share(proved, outcomes.length)} | ${pct(devCp)} | ${msPer.toFixed(0)} |`;
  return { row, line };
}

function runSet(set: BenchSet, files: string[], refs: Map<string, number>): { row: string; line: string } | undefined {
  const limit = process.env.PSPLIB_LIMIT ? Number(process.env.PSPLIB_LIMIT) : Infinity;
  const sample = Math.max(1, Number(process.env.PSPLIB_SAMPLE ?? 1));
  const budgetMs = Number(process.env.PSPLIB_BUDGET_MS ?? 60_000);
  const iterations = Number(process.env.PSPLIB_ITERATIONS ?? 5000);
  const only = process.env.PSPLIB_INSTANCES?.toLowerCase()
    .split(',')
    .map((x) => x.trim());
  const paths = instanceFiles(files, set.prefix)
    .filter((path, k) => (only ? only.includes(instanceName(path)) : k % sample === 0))
    .slice(0, limit);
  if (paths.length === 0) {
    console.log(`\n${set.name}: no ${set.prefix}*_*.sm files found`);
    return undefined;
  }
  const outcomes: Outcome[] = [];
  for (const [k, path] of paths.entries()) {
    try {
      const outcome = runInstance(path, budgetMs, iterations, refs.get(instanceName(path)));
      if (!outcome.feasible) {
        console.error(`${outcome.name}: the schedule breaks a precedence or a capacity`);
        process.exitCode = 1;
      }
      outcomes.push(outcome);
      if (PER_INSTANCE)
        console.log(
          `instance ${outcome.name} makespan=${outcome.makespan} cpm=${outcome.criticalPath} bound=${outcome.lowerBound} reference=${outcome.reference ?? 'none'} schedules=${outcome.evaluated} best_at=${outcome.bestAt} found_by=${outcome.foundBy}`,
        );
    } catch (e) {
      console.error(`${instanceName(path)}: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
    if ((k + 1) % 40 === 0) process.stderr.write(`  ${set.name} ${k + 1}/${paths.length}\n`);
  }
  return outcomes.length ? summarise(set, budgetMs, iterations, outcomes) : undefined;
}

function main(): void {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const dir = resolve(repoRoot, process.env.PSPLIB_DIR ?? '../shared/psplib');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`PSPLIB instances not found at ${dir}; set PSPLIB_DIR`);
    return;
  }
  const files = filesUnder(dir);
  const { refs, sources } = readReferences(files);
  console.log(`PSPLIB at ${dir}`);
  console.log(sources.length ? `reference makespans: ${sources.join(', ')}` : 'no reference makespans found (reference.csv, j30opt.sm, j60hrs.sm)');

  const wanted = process.env.PSPLIB_SETS?.toLowerCase()
    .split(',')
    .map((s) => s.trim());
  const sets = setsFound(files).filter((s) => !wanted || wanted.includes(s.prefix));
  if (sets.length === 0) console.log(`no instance files (j<size><par>_<inst>.sm) found${wanted ? ` for ${wanted.join(', ')}` : ''}`);
  const results = sets.flatMap((s) => runSet(s, files, refs) ?? []);
  if (results.length === 0) return;
  console.log('\nMarkdown (docs/benchmarks.md):\n');
  console.log(
    '| Set | Instances | Schedules | Mean dev. from reference | Max dev. | At reference | Mean dev. from own bound | Proved optimal | Mean dev. from CPM bound | Mean ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(r.row);
  console.log('');
  for (const r of results) console.log(r.line);
}

main();
