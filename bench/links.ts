/**
 * The cost of the richer project model on the plain case (every dependency finish-to-start
 * without lag: PSPLIB J60 instances), in schedules per second of the schedule search, plus the
 * same instances with typed links for comparison. With LINKS_BASELINE set to the root of another checkout (e.g. a `git archive main`
 * of src/ with node_modules linked), the same plain input is planned by that code too, runs
 * each in its own process, rounds alternating, and the ratio after ÷ before is printed.
 *
 *   npm run bench:links
 *   LINKS_BASELINE=/tmp/base npm run bench:links
 *
 * Environment: LINKS_INSTANCES (J60 names, default j6013_1,j6029_1,j6045_1,j6041_1), LINKS_ITERATIONS
 * (schedules per instance, default 5000), LINKS_RUNS (default 6), PSPLIB_DIR (default ../shared/psplib).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePsplib, psplibToPlanInput } from '../src/importers/psplib.js';
import type { PlanInput } from '../src/schemas/plan-input.js';

const num = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);
const ITERATIONS = num('LINKS_ITERATIONS', 5000);
const INSTANCES = (process.env.LINKS_INSTANCES ?? 'j6013_1,j6029_1,j6045_1,j6041_1').split(',');
const RUNS = Math.max(1, num('LINKS_RUNS', 6));

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Hard J60 instances (parameter sets whose resources are scarce), as plan inputs with a fixed schedule budget. */
function psplibInputs(): PlanInput[] {
  const dir = resolve(process.env.PSPLIB_DIR ?? '../shared/psplib', 'j60');
  return INSTANCES.map((name) => {
    const input = psplibToPlanInput(parsePsplib(readFileSync(resolve(dir, `${name}.sm`), 'utf8')), name);
    return { ...input, planning: { ...input.planning, iterations: ITERATIONS, timeBudgetMs: 60_000, monteCarloIterations: 0 } };
  });
}

interface Variant {
  name: string;
  root: string;
  typed: boolean;
}

/** In a child process: plans the inputs with the code at `root` once warm, and prints schedules evaluated, milliseconds and Σ makespan. */
async function child(v: Variant): Promise<void> {
  const plan = await plannerAt(v.root);
  const inputs = psplibInputs().map((i) => (v.typed ? typed(i) : i));
  const clock = () => performance.now();
  plan(inputs[0]!, { clock }); // warm-up
  let evaluated = 0;
  let ms = 0;
  let makespan = 0;
  for (const input of inputs) {
    const res = plan(input, { clock });
    evaluated += res.search.evaluated;
    ms += res.search.elapsedMs;
    makespan += res.schedule.makespan;
  }
  process.stdout.write(JSON.stringify({ evaluated, ms, makespan }));
}

/**
 * Each variant runs in its own process (so neither copy of the code shares a JIT or heap with the
 * other), the processes one after another, the order alternating each round.
 */
function main(): void {
  const variants: Variant[] = [{ name: 'plain (this code)', root: '.', typed: false }];
  if (process.env.LINKS_BASELINE) variants.push({ name: `plain (${process.env.LINKS_BASELINE})`, root: process.env.LINKS_BASELINE, typed: false });
  variants.push({ name: 'typed SS/FF links (this code)', root: '.', typed: true });
  const rates = variants.map(() => [] as number[]);
  const makespans = variants.map(() => 0);
  for (let r = 0; r < RUNS; r++) {
    const round = variants.map((v, i) => ({ v, i }));
    if (r % 2 === 1) round.reverse();
    for (const { v, i } of round) {
      const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, LINKS_CHILD: JSON.stringify(v) }, encoding: 'utf8' });
      const res = JSON.parse(out) as { evaluated: number; ms: number; makespan: number };
      rates[i]!.push((res.evaluated / res.ms) * 1000);
      makespans[i] = res.makespan;
    }
  }
  console.log(`PSPLIB J60 ${INSTANCES.join(', ')}: ${ITERATIONS} schedules per instance, ${RUNS} alternating rounds of one process per variant (median):`);
  variants.forEach((v, i) => console.log(`  ${v.name.padEnd(40)} ${median(rates[i]!).toFixed(0).padStart(7)} schedules/s   Σ makespan ${makespans[i]!.toFixed(0)}`));
  if (process.env.LINKS_BASELINE) {
    const ratio = median(rates[0]!) / median(rates[1]!);
    console.log(`plain after ÷ before: ${ratio.toFixed(3)} (${ratio >= 0.9 ? 'within' : 'outside'} the 10 % allowance)`);
  }
  console.log(`typed ÷ plain: ${(median(rates[variants.length - 1]!) / median(rates[0]!)).toFixed(3)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  if (process.env.LINKS_CHILD) await child(JSON.parse(process.env.LINKS_CHILD) as Variant);
  else main();
}
