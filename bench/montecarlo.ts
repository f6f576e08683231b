/**
 * Monte Carlo throughput: plans a synthetic 1,000-phase project once, then times
 * simulateSchedule for 10,000 iterations. Prints figures only (no assertions on time).
 *
 *   npm run bench:montecarlo            (MC_PHASES, MC_ITERATIONS, MC_SEED override the defaults)
 */
import { computePlan } from '../src/domain/engine.js';
import { simulateSchedule } from '../src/domain/montecarlo/index.js';
import { seededRandom } from '../src/domain/random.js';
import type { PlanInput } from '../src/schemas/plan-input.js';

const phases = Number(process.env.MC_PHASES ?? 1000);
const iterations = Number(process.env.MC_ITERATIONS ?? 10_000);
const seed = Number(process.env.MC_SEED ?? 1);

/**
 * A seeded layered DAG: phases spread over √n-ish layers, each phase (after the first layer)
 * depending on ~3 phases of the previous two layers; 10 teams holding two or three of twelve
 * skills (every skill held by at least one team); two shared infrastructure pools.
 */
function layeredInput(n: number, teamCount: number, rngSeed: number): PlanInput {
  const rng = seededRandom(rngSeed);
  const skills = Array.from({ length: 12 }, (_, i) => `skill-${i}`);
  const teams = Array.from({ length: teamCount }, (_, t) => {
    const held = new Set([skills[t % skills.length]!, skills[(t + 4) % skills.length]!]);
    if (rng.next() < 0.5) held.add(skills[rng.int(skills.length)]!);
    return { id: `team-${t}`, size: 2 + rng.int(3), skills: [...held] };
  });
  for (let k = 0; k < skills.length; k++) if (!teams.some((t) => t.skills.includes(skills[k]!))) teams[k % teamCount]!.skills.push(skills[k]!);

  const layers = Math.max(2, Math.round(Math.sqrt(n) * 1.2));
  const layerOf: number[][] = Array.from({ length: layers }, () => []);
  const items: PlanInput['phases'] = [];
  for (let i = 0; i < n; i++) {
    const layer = Math.min(layers - 1, Math.floor((i * layers) / n));
    const deps = new Set<string>();
    if (layer > 0) {
      const pool = [...layerOf[layer - 1]!, ...(layer > 1 ? layerOf[layer - 2]! : [])];
      const want = Math.min(pool.length, 2 + rng.int(3)); // 2–4, about 3 on average
      for (let k = 0; k < want * 3 && deps.size < want; k++) deps.add(`p${pool[rng.int(pool.length)]!}`);
    }
    layerOf[layer]!.push(i);
    const likely = 1 + rng.int(8);
    const r = rng.next();
    items.push({
      id: `p${i}`,
      name: `Phase ${i}`,
      duration: r < 0.8 ? { optimistic: likely * 0.75, likely, pessimistic: likely * (1.4 + rng.next()) } : likely,
      dependencies: [...deps],
      skills: [skills[rng.int(skills.length)]!],
      teamSize: 1,
      ...(rng.next() < 0.25 ? { resources: { [rng.next() < 0.6 ? 'ci' : 'staging']: 1 } } : {}),
    });
  }
  return {
    name: `layered synthetic, ${n} phases`,
    startDate: '2027-01-04',
    teams,
    phases: items,
    infrastructure: [
      { id: 'ci', kind: 'ci', capacity: Math.max(2, Math.round(n / 150)) },
      { id: 'staging', kind: 'environment', capacity: Math.max(1, Math.round(n / 300)) },
    ],
    constraints: { capacityBuffer: 0 },
    planning: { seed: 3, iterations: 200 },
  };
}

const input = layeredInput(phases, 10, 7);
const t0 = performance.now();
const plan = computePlan(input, { clock: () => performance.now() });
const planMs = performance.now() - t0;
const dependencyEdges = plan.project.phases.reduce((a, p) => a + p.dependencies.length, 0);

simulateSchedule(plan, { iterations: 500, seed }); // warm-up (JIT)
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const mc = simulateSchedule(plan, { iterations, seed });
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t1;
const cpuMs = (cpu.user + cpu.system) / 1000;

const f1 = (x: number) => x.toFixed(1);
console.log(
  `Monte Carlo bench: ${phases} phases, ${dependencyEdges} dependencies (${plan.reducedEdges.length} after reduction), ${plan.resourceEdges.length} resource-flow edges, 10 teams, 2 pools`,
);
console.log(`  plan (computePlan, 200 search iterations): ${planMs.toFixed(0)} ms, makespan ${f1(plan.schedule.makespan)} working days`);
console.log(
  `  simulateSchedule: ${iterations} iterations in ${ms.toFixed(0)} ms wall (${cpuMs.toFixed(0)} ms CPU)  →  ${Math.round((iterations / ms) * 1000).toLocaleString('en')} iterations/s; ${mc.edges} edges walked per pass`,
);
console.log(
  `  makespan: planned ${f1(mc.plannedMakespan)}, mean ${f1(mc.makespan.mean)} ± ${f1(mc.makespan.stdDev)}, P50 ${f1(mc.makespan.p50)}, P80 ${f1(mc.makespan.p80)}, P95 ${f1(mc.makespan.p95)} working days`,
);
console.log(`  dates: planned ${mc.completionDates.planned}, P50 ${mc.completionDates.p50}, P80 ${mc.completionDates.p80}, P95 ${mc.completionDates.p95}`);
console.log(`  probability the planned makespan holds: ${(mc.probabilityPlanHolds * 100).toFixed(1)} %`);
