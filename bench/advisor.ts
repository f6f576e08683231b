/**
 * Advisor benchmark: what judging a plan and evaluating its recommendations costs, for the
 * example and a 1,000-phase synthetic plan (bench/large.ts's generator). The advisor re-plans
 * changed inputs through the engine, so its cost is a multiple of one plan: the ratios say how many.
 *
 *   npm run bench:advisor
 *
 * Targets: the example's advisor under 1 s of CPU; the 1,000-phase plan under 10 s through the
 * worker pool the service plans in. Each line gives the advisor's CPU ÷ one plan's CPU, measured
 * in the same run. The re-plans are capped by a work budget (phase-schedules), not by time, so the
 * recommendations printed are the same on any machine. Each figure is printed for the current path
 * (large plans: re-plans warm-started from the plan) and the path before it (ADVISOR_OLD=0 skips it:
 * capped searches from scratch), one after the other, so that they are comparable under load.
 * Environment: ADVISOR_PHASES (default 1000), ADVISOR_RUNS (example runs, default 3), ADVISOR_OLD,
 * ADVISOR_QUALITY=1 (also each candidate's makespan warm-started, capped from scratch, and from
 * scratch with the plan's whole iteration budget: what the warm start buys in quality; ≈ 20 s more CPU).
 */
import { readFileSync } from 'node:fs';
import { deadlineFacts, successCriteria } from '../src/domain/advisor/criteria.js';
import { candidateChanges, recommend, replanChange, warmStartOf } from '../src/domain/advisor/recommendations.js';
import { computePlan } from '../src/domain/engine.js';
import { planProject } from '../src/domain/plan.js';
import { repoPath } from '../src/paths.js';
import type { PlanInput } from '../src/schemas/plan-input.js';
import { createWorkerPlanner } from '../src/service/thread-pool-planner.js';

const cpuMs = <T>(f: () => T) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0, value };
};
const fmt = (x: number) => x.toFixed(0).padStart(7);
const clock = () => performance.now();
const paths = process.env.ADVISOR_OLD === '0' ? (['warm'] as const) : (['warm', 'old'] as const);
const advisorOf = (path: 'warm' | 'old') => (path === 'old' ? { warmStart: false } : {});

function advisorOnly(input: PlanInput, path: 'warm' | 'old') {
  const base = computePlan(input);
  const criteria = successCriteria(base, undefined, deadlineFacts(base, base.calendar));
  // Both without a clock: the searches end by their iteration budget or lower bound, as the re-plans' do.
  const plan = cpuMs(() => computePlan(input));
  const advisor = cpuMs(() => recommend(input, base, criteria, advisorOf(path)));
  return { plan, advisor, rec: advisor.value, base };
}

const line = (label: string, r: ReturnType<typeof advisorOnly>) =>
  `  ${label.padEnd(44)} ${fmt(r.advisor.cpu)}   ${fmt(r.advisor.wall)}   = ${(r.advisor.cpu / r.plan.cpu).toFixed(1).padStart(4)} plans of CPU, ` +
  `${r.rec.evaluated} re-plans of ≤ ${r.rec.replan_iterations} schedules, ${r.rec.items.length} recommendations${r.rec.complete ? '' : ` (stopped: ${r.rec.stopped_by})`}`;

const example = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
const runs = Number(process.env.ADVISOR_RUNS ?? 3);
advisorOnly(example, 'warm'); // warm-up
console.log('example (14 phases, 4 teams)                   CPU ms   wall ms');
for (let i = 0; i < runs; i++) {
  const r = advisorOnly(example, 'warm');
  console.log(`  one plan (engine)                            ${fmt(r.plan.cpu)}   ${fmt(r.plan.wall)}`);
  console.log(line(`advisor (warm start used: ${r.rec.warm_start})`, r));
}
const full = cpuMs(() => planProject(example, { clock }));
const bare = cpuMs(() => planProject(example, { clock, advisor: { maxPlans: 0 } }));
console.log(`  planProject with / without advisor           ${fmt(full.cpu)} / ${fmt(bare.cpu)} CPU ms   ratio ${(full.cpu / bare.cpu).toFixed(2)}`);

process.env.LARGE_PHASES ??= process.env.ADVISOR_PHASES ?? '1000';
process.env.LARGE_TEAMS ??= '10';
const { largeInput } = await import('./large.js');
const large = largeInput();
console.log(`\n${large.phases.length} phases, ${large.teams.length} teams (bench/large.ts generator)`);
console.log('                                                 CPU ms   wall ms');
const measured = paths.map((path) => [path, advisorOnly(large, path)] as const);
console.log(`  one plan (engine)                            ${fmt(measured[0]![1].plan.cpu)}   ${fmt(measured[0]![1].plan.wall)}`);
for (const [path, r] of measured) {
  console.log(line(path === 'warm' ? 'advisor, warm-started re-plans' : 'advisor before (capped searches from scratch)', r));
  const shown = r.rec.items.slice(0, 3).map((i) => `${i.description}: ${i.makespan_days} d (${i.saved_days >= 0 ? 'saves' : 'costs'} ${Math.abs(i.saved_days)})`);
  console.log(`    top: ${shown.join('; ') || '—'}`);
}
if (measured.length === 2) console.log(`  advisor CPU before ÷ now: ${(measured[1]![1].advisor.cpu / measured[0]![1].advisor.cpu).toFixed(1)} ×`);
if (process.env.ADVISOR_QUALITY === '1') quality(large, measured[0]![1].rec.replan_iterations);

/** Each candidate's makespan (schedules evaluated) three ways: warm-started and capped, capped from scratch, and the plan's whole search from scratch. */
function quality(input: PlanInput, cap: number) {
  const base = computePlan(input);
  const missed = successCriteria(base, undefined, deadlineFacts(base, base.calendar)).filter((c) => !c.met);
  const warmStart = warmStartOf(base);
  const days = (r: ReturnType<typeof replanChange>) => (r ? `${r.schedule.makespan.toFixed(2)} (${r.search.evaluated})` : 'invalid').padStart(14);
  console.log(`  quality: makespan in days (schedules evaluated); the plan itself: ${base.schedule.makespan.toFixed(2)} (${base.search.evaluated})`);
  console.log(`    ${'change'.padEnd(48)} ${'warm, capped'.padStart(14)} ${'capped'.padStart(14)} ${'whole search'.padStart(14)}`);
  const tally = { shorter: 0, same: 0, longer: 0 };
  for (const c of candidateChanges(
    input,
    base,
    missed.map((m) => m.criterion),
  )) {
    const warm = replanChange(input, c.change, { iterationsCap: cap, warmStart });
    const capped = replanChange(input, c.change, { iterationsCap: cap });
    const whole = replanChange(input, c.change, { iterationsCap: base.project.planning.iterations });
    if (warm && whole) tally[warm.schedule.makespan < whole.schedule.makespan - 1e-6 ? 'shorter' : warm.schedule.makespan > whole.schedule.makespan + 1e-6 ? 'longer' : 'same']++;
    console.log(`    ${JSON.stringify(c.change).slice(0, 48).padEnd(48)} ${days(warm)} ${days(capped)} ${days(whole)}`);
  }
  console.log(`    warm-started vs whole search from scratch: ${tally.shorter} shorter, ${tally.same} the same, ${tally.longer} longer`);
}

/** The whole version through a one-thread pool (as the service plans it), without the advisor and with each path. */
async function inPool(advisor: Record<string, unknown>) {
  const pool = createWorkerPlanner({ threads: 1, advisor });
  try {
    await pool.planner({ ...example, planning: { ...example.planning, iterations: 30 } }, { planId: 'warm-up', version: 1 }); // starts the thread
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const v = await pool.planner(large, { planId: 'bench', version: 1 });
    const c = process.cpuUsage(c0);
    const plan = v.artifacts['execution-plan.json'];
    return {
      wall: performance.now() - t0,
      cpu: (c.user + c.system) / 1000,
      rec: plan.recommendations,
      search: plan.optimisation.search.schedules_evaluated,
      days: plan.optimisation.makespan_days,
    };
  } finally {
    await pool.close();
  }
}
console.log('  worker pool (1 thread), whole version          CPU ms   wall ms');
const none = await inPool({ maxPlans: 0 });
console.log(`    without the advisor                        ${fmt(none.cpu)}   ${fmt(none.wall)}`);
for (const path of paths) {
  const v = await inPool(advisorOf(path));
  const label = path === 'warm' ? 'with the advisor (warm-started)' : 'with the advisor before (from scratch)';
  console.log(
    `    ${label.padEnd(42)} ${fmt(v.cpu)}   ${fmt(v.wall)}   advisor ≈ ${fmt(v.cpu - none.cpu)} CPU ms, ${fmt(v.wall - none.wall)} wall ms; ` +
      `${v.rec.evaluated} re-plans, ${v.rec.items.length} recommendations${v.rec.complete ? '' : ` (stopped: ${v.rec.stopped_by})`}`,
  );
  // The worker plans the base on the clock (the input's time budget), as the service does; the re-plans never are, but they start from that base.
  const own = measured.find(([p]) => p === path)![1];
  const same = JSON.stringify(v.rec.items) === JSON.stringify(own.rec.items);
  if (!same)
    console.log(
      `      (differ from in process: the worker's base plan took ${v.days} days after ${v.search} schedules on the clock, in process ${own.base.schedule.makespan.toFixed(2)} after ${own.base.search.evaluated})`,
    );
}
