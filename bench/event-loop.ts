/**
 * What a large plan costs the event loop when it is planned in the worker pool: the longest
 * event-loop stall while the planner call runs (the worker plans and serialises; the main thread
 * receives a structured clone and the JSON texts), against the time JSON.stringify of the same
 * parts takes on the main thread — what the event loop paid before the texts came from the worker.
 *
 *   npm run bench:event-loop          (LARGE_PHASES, default 2000; LARGE_TEAMS default 30)
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createWorkerPlanner } from '../src/service/thread-pool-planner.js';
import { jsonText } from '../src/store/json-text.js';

process.env.LARGE_PHASES ??= '2000';
const { largeInput } = await import('./large.js');

const workers = createWorkerPlanner({ inProcessBelowPhases: 1 });
try {
  const input = largeInput();
  input.planning = { ...input.planning, timeBudgetMs: 2000, monteCarloIterations: 200 };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t0 = performance.now();
  const planned = await workers.planner(input, { planId: 'bench', version: 1 });
  const wall = performance.now() - t0;
  delay.disable();
  const s0 = performance.now();
  const texts = [planned.artifacts, planned.schedule, planned.playbooks].map(jsonText);
  const primedMs = performance.now() - s0;
  const s1 = performance.now();
  const bytes = [planned.artifacts, planned.schedule, planned.playbooks].map((v) => JSON.stringify(v).length).reduce((a, b) => a + b, 0);
  const stringifyMs = performance.now() - s1;
  const maxStallMs = delay.max / 1e6;
  console.log(`phases ${input.phases.length}, JSON ${(bytes / 1e6).toFixed(1)} MB (${texts.length} parts)`);
  console.log(`planner call ${wall.toFixed(0)} ms wall; longest event-loop stall meanwhile ${maxStallMs.toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms)`);
  console.log(`serialising on the main thread: ${stringifyMs.toFixed(1)} ms if stringified there, ${primedMs.toFixed(2)} ms with the worker's texts`);
  console.log(`ratio main-thread serialisation (worker texts / stringify): ${(primedMs / stringifyMs).toFixed(4)}`);
} finally {
  await workers.close();
}
