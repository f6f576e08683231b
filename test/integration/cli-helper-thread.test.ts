import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { schedulingProblem } from '../../src/domain/engine.js';
import { normalise } from '../../src/domain/input.js';
import { LaneEvaluator, type LaneWork } from '../../src/domain/schedule/lanes.js';
import { listByKey } from '../../src/domain/schedule/rules.js';
import { repoPath } from '../../src/paths.js';
import { ANSWERS, READY, type HelperReply } from '../../src/service/search-helper.js';
import { largeInput } from '../support/large-plan.js';
import { ensureBuilt } from '../support/built.js';

const chunks = repoPath('dist', 'src', 'cli', 'chunks');
const THREAD = 'search-helper-thread.js';

/** Up to 10 s for a condition the thread sets. */
const WAIT = { timeout: 10_000, interval: 50 };

/**
 * The CLI plans large inputs locally with the helper thread (search-helper.ts), which looks for
 * search-helper-thread.js beside the module that starts it. In the bundle that module is a chunk,
 * so the thread must be an entry of its own in the chunks' folder, and it must load and evaluate
 * lanes as the search's own code does.
 */
describe('the bundled CLI’s search helper thread', () => {
  beforeAll(ensureBuilt, 300_000);

  it('sits beside every part of the bundle that starts it', () => {
    const bundle = [repoPath('dist', 'src', 'cli', 'main.js'), ...readdirSync(chunks).map((f) => path.join(chunks, f))];
    const starters = bundle.filter((f) => f.endsWith('.js') && path.basename(f) !== THREAD && readFileSync(f, 'utf8').includes(`"./${THREAD}"`));
    expect(starters.length).toBeGreaterThan(0);
    for (const starter of starters) expect(existsSync(path.join(path.dirname(starter), THREAD)), starter).toBe(true);
  });

  it('loads and evaluates a lane as the search does', async () => {
    const p = schedulingProblem(normalise(largeInput(300)));
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(path.join(chunks, THREAD), { workerData: { signal, port: port2 }, transferList: [port2] });
    try {
      await vi.waitUntil(() => Atomics.load(signal, READY) === 1, WAIT);
      expect(Atomics.load(signal, READY)).toBe(1);
      const rule = Float64Array.from({ length: p.n }, (_, j) => p.duration[j]! * ((j * 7919) % 13));
      const work = (): LaneWork => ({
        tasks: [
          { list: listByKey(p, rule), seed: 5, parallel: false, retries: 2 },
          { seed: 9, parallel: false, retries: 0 },
        ],
        known: new Float64Array(0),
        budget: 100,
        msLeft: Infinity,
        sampleKey: rule,
      });
      port1.postMessage({ plan: p });
      port1.postMessage({ work: work() });
      await vi.waitUntil(() => Atomics.load(signal, ANSWERS) >= 1, WAIT);
      const reply = receiveMessageOnPort(port1)?.message as HelperReply;
      expect('outcomes' in reply).toBe(true);
      const theirs = 'outcomes' in reply ? reply.outcomes : [];
      const ours = new LaneEvaluator(p, undefined).run(work());
      expect(theirs).toHaveLength(2);
      expect(theirs.map((o) => [o.done, o.key, o.cost, o.schedule.makespan, Array.from(o.list)])).toEqual(
        ours.map((o) => [o.done, o.key, o.cost, o.schedule.makespan, Array.from(o.list)]),
      );
    } finally {
      port1.close();
      await worker.terminate();
    }
  });
});
