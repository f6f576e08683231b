import { computePlan } from '../src/domain/engine.js';
import { scheduleRisk } from '../src/domain/risk/schedule-risk.js';
import { syntheticInput } from '../test/support/synthetic.js';

const phases = Number(process.env.MC_PHASES ?? 1000);
const iterations = Number(process.env.MC_ITERATIONS ?? 10_000);
const input = { ...syntheticInput({ phases, teams: 10 }), planning: { iterations: 200, seed: 3 } };
const plan = computePlan(input, { clock: () => performance.now() });
const edges = plan.project.phases.reduce((a, p) => a + p.dependencies.length, 0) + plan.resourceEdges.length;

scheduleRisk(plan, plan.calendar, { iterations: 200, seed: 1 }); // warm-up
const t0 = performance.now();
const risk = scheduleRisk(plan, plan.calendar, { iterations, seed: 1 });
const ms = performance.now() - t0;

console.log(`Monte Carlo: ${phases} phases, ${edges} edges (dependencies + resource flow), ${iterations} iterations`);
console.log(`  total ${ms.toFixed(0)} ms  →  ${Math.round((iterations / ms) * 1000).toLocaleString('en')} iterations/s (target: 10,000 in < 1 s)`);
console.log(`  planned ${risk.makespan.planned.toFixed(1)} d, P50 ${risk.makespan.p50.toFixed(1)}, P80 ${risk.makespan.p80.toFixed(1)}, P95 ${risk.makespan.p95.toFixed(1)} working days`);
