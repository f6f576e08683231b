/**
 * The cost of the richer project model on the plain case (every dependency finish-to-start
 * without lag: PSPLIB J60 instances), in time per schedule of the whole plan, plus the same
 * instances with typed links for comparison. With LINKS_BASELINE set to the root of another
 * checkout (the code before the richer model: `git archive c903603 src package.json` extracted
 * with node_modules linked), that code plans the same plain inputs in this same process, in
 * pairs alternating with this code's, and the median ratio of the pairs is printed with its spread.
 *
 *   npm run bench:links
 *   LINKS_BASELINE=/tmp/base NODE_OPTIONS=--expose-gc npm run bench:links
 *
 * Environment: LINKS_INSTANCES (J60 names, default j6013_1,j6029_1,j6045_1,j6041_1), LINKS_ITERATIONS
 * (schedules per plan, default 1000), LINKS_RUNS (rounds, default 30), PSPLIB_DIR (default ../shared/psplib).
 * With --expose-gc each plan starts from a collected heap, so neither copy pays for the other's garbage.
 *
 * LINKS_CALLGRIND=1 counts instructions instead (valgrind's callgrind, independent of the machine's
 * load): LINKS_CALLGRIND=1 LINKS_ITERATIONS=200 LINKS_BASELINE=/tmp/base npm run bench:links
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePsplib, psplibToPlanInput } from '../src/importers/psplib.js';
import type { PlanInput } from '../src/schemas/plan-input.js';

const num = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);
const ITERATIONS = num('LINKS_ITERATIONS', 1000);
const INSTANCES = (process.env.LINKS_INSTANCES ?? 'j6013_1,j6029_1,j6045_1,j6041_1').split(',');
const RUNS = Math.max(1, num('LINKS_RUNS', 30));

type Planner = (input: PlanInput, options: { clock: () => number }) => { search: { evaluated: number; elapsedMs: number }; schedule: { makespan: number } };

async function plannerAt(root: string): Promise<Planner> {
  const mod = (await import(pathToFileURL(resolve(root, 'src/domain/engine.ts')).href)) as { computePlan: Planner };
  return mod.computePlan;
}

/** Every third dependency start-to-start with a lag of 1, every fifth finish-to-finish: the typed case. */
function typed(input: PlanInput): PlanInput {
  let k = 0;
  return {
    ...input,
    phases: input.phases.map((p) => ({
      ...p,
      dependencies: (p.dependencies ?? []).map((d) => {
        const id = typeof d === 'string' ? d : d.id;
        k++;
        return k % 3 === 0 ? { id, type: 'SS' as const, lagDays: 1 } : k % 5 === 0 ? { id, type: 'FF' as const } : id;
      }),
    })),
  };
}

/** Hard J60 instances (parameter sets whose resources are scarce), as plan inputs with a fixed schedule budget. */
function psplibInputs(): PlanInput[] {
  const dir = resolve(process.env.PSPLIB_DIR ?? '../shared/psplib', 'j60');
  return INSTANCES.map((name) => {
    const input = psplibToPlanInput(parsePsplib(readFileSync(resolve(dir, `${name}.sm`), 'utf8')), name);
    return { ...input, planning: { ...input.planning, iterations: ITERATIONS, timeBudgetMs: 60_000, monteCarloIterations: 0 } };
  });
}

interface Run {
  ms: number;
  evaluated: number;
  makespan: number;
}

/** One plan, timed from the outside (normalising, CPM and bounds included): milliseconds per schedule evaluated is what is compared. */
function timed(plan: Planner, input: PlanInput): Run {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const res = plan(input, { clock: () => performance.now() });
  return { ms: performance.now() - t0, evaluated: res.search.evaluated, makespan: res.schedule.makespan };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  return s[Math.floor(at)]! + (s[Math.ceil(at)]! - s[Math.floor(at)]!) * (at - Math.floor(at));
};
const spread = (xs: number[]) =>
  `median ${quantile(xs, 0.5).toFixed(3)}, IQR ${quantile(xs, 0.25).toFixed(3)}–${quantile(xs, 0.75).toFixed(3)}, p10–p90 ${quantile(xs, 0.1).toFixed(3)}–${quantile(xs, 0.9).toFixed(3)}, n = ${xs.length}`;

/**
 * Both copies of the code in this one process, warmed up, then planned in pairs on the same
 * instance, the order of each pair alternating: each pair gives a ratio of time per schedule
 * (this code ÷ the baseline), so the machine's load, which drifts over seconds, cancels within a
 * pair. The median ratio and its spread are printed; the typed links are paired with this code's
 * plain case the same way.
 */
async function main(): Promise<void> {
  const head = await plannerAt('.');
  const baseline = process.env.LINKS_BASELINE;
  const base = baseline ? await plannerAt(baseline) : undefined;
  const inputs = psplibInputs();
  const typedInputs = inputs.map(typed);
  for (let w = 0; w < 2; w++) {
    for (const [k, input] of inputs.entries()) {
      timed(head, input);
      if (base) timed(base, input);
      timed(head, typedInputs[k]!);
    }
  }
  const vsBase: number[] = [];
  const vsTyped: number[] = [];
  const rate = { head: [] as number[], base: [] as number[], typed: [] as number[] };
  let makespan = { head: 0, base: 0, typed: 0 };
  for (let r = 0; r < RUNS; r++) {
    makespan = { head: 0, base: 0, typed: 0 };
    for (const [k, input] of inputs.entries()) {
      // Alternating which goes first: a pair's second run meets the heap its first left.
      const order: ('head' | 'base' | 'typed')[] = r % 2 === 0 ? ['head', 'base', 'typed'] : ['typed', 'base', 'head'];
      const runs = {} as Record<'head' | 'base' | 'typed', Run>;
      for (const which of order) {
        if (which === 'base' && !base) continue;
        runs[which] = timed(which === 'base' ? base! : head, which === 'typed' ? typedInputs[k]! : input);
      }
      const perSchedule = (x: Run) => x.ms / x.evaluated;
      if (base) {
        if (runs.base.evaluated !== runs.head.evaluated || runs.base.makespan !== runs.head.makespan) {
          throw new Error(
            `${INSTANCES[k]}: the two copies searched differently (${runs.head.evaluated} vs ${runs.base.evaluated} schedules, makespan ${runs.head.makespan} vs ${runs.base.makespan})`,
          );
        }
        vsBase.push(perSchedule(runs.head) / perSchedule(runs.base));
        rate.base.push(1000 / perSchedule(runs.base));
        makespan.base += runs.base.makespan;
      }
      vsTyped.push(perSchedule(runs.typed) / perSchedule(runs.head));
      rate.head.push(1000 / perSchedule(runs.head));
      rate.typed.push(1000 / perSchedule(runs.typed));
      makespan.head += runs.head.makespan;
      makespan.typed += runs.typed.makespan;
    }
  }
  console.log(`PSPLIB J60 ${INSTANCES.join(', ')}: ${ITERATIONS} schedules per plan, ${RUNS} rounds, every variant in this one process, pairs alternating (median schedules/s):`);
  const line = (name: string, xs: number[], m: number) => console.log(`  ${name.padEnd(40)} ${quantile(xs, 0.5).toFixed(0).padStart(7)} schedules/s   Σ makespan ${m.toFixed(0)}`);
  line('plain (this code)', rate.head, makespan.head);
  if (base) line(`plain (${baseline})`, rate.base, makespan.base);
  line('typed SS/FF links (this code)', rate.typed, makespan.typed);
  if (base) {
    const m = quantile(vsBase, 0.5);
    console.log(`plain, time per schedule, this code ÷ baseline: ${spread(vsBase)} (${m <= 1.1 ? 'within' : 'outside'} the 10 % allowance)`);
  }
  console.log(`typed ÷ plain, time per schedule (this code): ${spread(vsTyped)}`);
}

/** In a child under callgrind: warms up on every instance, then plans them `plans` times over; the parent reads the instruction count. */
async function countChild(v: { root: string; typed: boolean; plans: number }): Promise<void> {
  const plan = await plannerAt(v.root);
  const inputs = psplibInputs().map((i) => (v.typed ? typed(i) : i));
  // Two rounds of warm-up, so that the optimising compiler is done before the rounds that count.
  for (let w = 0; w < 2; w++) for (const input of inputs) plan(input, { clock: () => 0 });
  for (let r = 0; r < v.plans; r++) for (const input of inputs) plan(input, { clock: () => 0 });
}

/** Instructions the process ran (callgrind's totals), with `plans` rounds of planning after the warm-up. */
function instructions(root: string, isTyped: boolean, plans: number): number {
  const out = join(mkdtempSync(join(tmpdir(), 'links-callgrind-')), 'callgrind.out');
  // One thread (no concurrent compiler or GC helpers), so the count does not depend on how threads interleave.
  execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', ...process.execArgv, process.argv[1]!], {
    env: { ...process.env, LINKS_COUNT: JSON.stringify({ root, typed: isTyped, plans }) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const totals = /^(?:totals|summary): (\d+)/m.exec(readFileSync(out, 'utf8'));
  if (!totals) throw new Error(`no totals in ${out}`);
  return Number(totals[1]);
}

/**
 * Load-independent: instructions per round of planning every instance, by callgrind, as the
 * difference between a process that plans LINKS_COUNT_ROUNDS rounds more than another (so start-up,
 * module loading and the warm-up cancel). Slow (valgrind runs node some 50 times slower): keep
 * LINKS_ITERATIONS small.
 */
function countMain(): void {
  const rounds = Math.max(1, num('LINKS_COUNT_ROUNDS', 2));
  const baseline = process.env.LINKS_BASELINE;
  const variants = [
    { name: 'plain (this code)', root: '.', typed: false },
    ...(baseline ? [{ name: `plain (${baseline})`, root: baseline, typed: false }] : []),
    ...(process.env.LINKS_COUNT_TYPED === '0' ? [] : [{ name: 'typed SS/FF links (this code)', root: '.', typed: true }]),
  ];
  const perRound = variants.map((v) => (instructions(v.root, v.typed, 1 + rounds) - instructions(v.root, v.typed, 1)) / rounds);
  console.log(`PSPLIB J60 ${INSTANCES.join(', ')}: ${ITERATIONS} schedules per plan, instructions per round of planning every instance (callgrind, ${rounds} rounds):`);
  variants.forEach((v, i) => console.log(`  ${v.name.padEnd(40)} ${(perRound[i]! / 1e6).toFixed(1).padStart(9)} M instructions`));
  if (baseline) console.log(`plain, instructions, this code ÷ baseline: ${(perRound[0]! / perRound[1]!).toFixed(4)}`);
  if (process.env.LINKS_COUNT_TYPED !== '0') console.log(`typed ÷ plain, instructions (this code): ${(perRound.at(-1)! / perRound[0]!).toFixed(4)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  if (process.env.LINKS_COUNT) await countChild(JSON.parse(process.env.LINKS_COUNT) as { root: string; typed: boolean; plans: number });
  else if (process.env.LINKS_CALLGRIND) countMain();
  else await main();
}
