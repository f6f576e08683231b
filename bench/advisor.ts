/**
 * Advisor benchmark: what judging a plan and evaluating its recommendations costs, for the
 * example and a 1,000-phase synthetic plan (bench/large.ts's generator). The advisor re-plans
 * changed inputs through the engine, so its cost is a multiple of one plan: the ratios say how many.
 *
 *   npm run bench:advisor
 *
 * Targets: the example's advisor under 1 s of CPU; the 1,000-phase plan under 10 s through the
 * worker pool the service plans in. Each line gives the advisor's CPU ÷ one plan's CPU, measured
 * in the same run. The advisor's re-plans are capped by a work budget (phase-schedules), not by
 * time, so the recommendations printed are the same on any machine.
 * Environment: ADVISOR_PHASES (default 1000), ADVISOR_RUNS (example runs, default 3).
 */
import { readFileSync } from 'node:fs';
import { deadlineFacts, successCriteria } from '../src/domain/advisor/criteria.js';
import { recommend } from '../src/domain/advisor/recommendations.js';
import { computePlan } from '../src/domain/engine.js';
import { planProject } from '../src/domain/plan.js';
import { r2 } from '../src/domain/format.js';
import { repoPath } from '../src/paths.js';
import type { PlanInput } from '../src/schemas/plan-input.js';
import { createWorkerPlanner } from '../src/service/thread-pool-planner.js';

const cpuMs = (f: () => void) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};
const fmt = (x: number) => x.toFixed(0).padStart(7);
const clock = () => performance.now();

function advisorOnly(input: PlanInput) {
  const result = computePlan(input);
  const criteria = successCriteria(result, undefined, deadlineFacts(result, result.calendar));
  let rec: ReturnType<typeof recommend> | undefined;
  // Both sides without a clock: the search ends by its iteration budget (or its lower bound), as the re-plans' do.
  const plan = cpuMs(() => computePlan(input));
  // No clock: the work budget alone decides, as it does in the service unless the machine is many times slower.
  const advisor = cpuMs(() => (rec = recommend(input, result, criteria)));
  return { plan, advisor, rec: rec!, base: result };
}

const example = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
const runs = Number(process.env.ADVISOR_RUNS ?? 3);
advisorOnly(example); // warm-up
console.log('example (14 phases, 4 teams)            CPU ms   wall ms');
for (let i = 0; i < runs; i++) {
  const { plan, advisor, rec } = advisorOnly(example);
  console.log(`  one plan (engine)                    ${fmt(plan.cpu)}   ${fmt(plan.wall)}`);
  console.log(
    `  advisor (${rec.evaluated} re-plans)                ${fmt(advisor.cpu)}   ${fmt(advisor.wall)}   = ${(advisor.cpu / plan.cpu).toFixed(1)} plans of CPU, ${rec.items.length} recommendations${rec.complete ? '' : ' (budget hit)'}`,
  );
}
const full = cpuMs(() => planProject(example, { clock }));
const bare = cpuMs(() => planProject(example, { clock, advisor: { maxPlans: 0 } }));
console.log(`  planProject with / without advisor   ${fmt(full.cpu)} / ${fmt(bare.cpu)} CPU ms   ratio ${(full.cpu / bare.cpu).toFixed(2)}`);

process.env.LARGE_PHASES ??= process.env.ADVISOR_PHASES ?? '1000';
process.env.LARGE_TEAMS ??= '10';
const { largeInput } = await import('./large.js');
const large = largeInput();
console.log(`\n${large.phases.length} phases, ${large.teams.length} teams (bench/large.ts generator)`);
const { plan, advisor, rec, base } = advisorOnly(large);
const top = rec.items[0];
console.log('                                        CPU ms   wall ms');
console.log(`  one plan (engine)                    ${fmt(plan.cpu)}   ${fmt(plan.wall)}`);
console.log(
  `  advisor (${rec.evaluated} re-plans of ≤ ${rec.replan_iterations} schedules)  ${fmt(advisor.cpu)}   ${fmt(advisor.wall)}   = ${(advisor.cpu / plan.cpu).toFixed(1)} plans of CPU, ${rec.items.length} recommendations${rec.complete ? '' : ' (stopped early)'}`,
);
if (top) console.log(`  top recommendation: ${top.description}: ${top.makespan_days} days (saves ${top.saved_days})`);
const pool = createWorkerPlanner({ threads: 1 });
try {
  const t0 = performance.now();
  const v = await pool.planner(large, { planId: 'bench', version: 1 });
  const wall = performance.now() - t0;
  const r = v.artifacts['execution-plan.json'].recommendations;
  const same = JSON.stringify(r.items) === JSON.stringify(rec.items);
  const o = v.artifacts['execution-plan.json'].optimisation;
  console.log(`  worker pool: whole version with advisor ${fmt(wall)} ms wall, ${r.evaluated} re-plans, ${r.items.length} recommendations${r.complete ? '' : ' (stopped early)'}`);
  // The worker plans the base on the clock (the input's time budget), as the service does; the advisor's re-plans never are.
  console.log(
    `  recommendations ${same ? 'the same as in process' : `differ from in process: base plan ${o.makespan_days} days after ${o.search.schedules_evaluated} schedules in the worker, ${r2(base.schedule.makespan)} after ${base.search.evaluated} in process`}`,
  );
} finally {
  await pool.close();
}
