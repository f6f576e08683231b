import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type WorkerOptions } from 'node:worker_threads';
import type { LaneOutcome, LaneWork, SearchHelper } from '../domain/schedule/lanes.js';
import type { SchedulingProblem } from '../domain/schedule/problem.js';
import { claimSpareCore, coreLoad, releaseCore, type CoreLoad } from './core-load.js';

/** What the search sends the thread: a plan to work on, work on it, or the end of the plan. */
export type HelperMessage = { plan: SchedulingProblem } | { work: LaneWork } | { done: true };
/** What the thread answers a lane with. */
export type HelperReply = { outcomes: LaneOutcome[] } | { error: string };

/** Shared words: [READY] is 1 once the thread can take work, [ANSWERS] counts the lanes it has answered. */
export const READY = 0;
export const ANSWERS = 1;

/** Slack on top of the lane's own time before the search stops waiting and evaluates the lane itself. */
const GRACE_MS = 1000;

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  answered: number;
  /** The plan whose helper is open, if any. */
  holder: object | undefined;
}

/**
 * One thread per planning thread, kept between plans (a new thread re-reads every module and
 * decodes cold until the JIT has caught up), unreferenced so that it never keeps the process up.
 */
let thread: Thread | undefined;

/**
 * A thread that evaluates one lane of a large plan's search while the search evaluates the other
 * (lanes.ts). The search blocks on a shared word, not on the event loop, so this works in a pool
 * thread as in the main one; the answer is read with receiveMessageOnPort. Until the thread has
 * loaded, the search evaluates both lanes; if the thread fails or stops answering, the search
 * evaluates the lane itself and the thread is ended (the next plan starts another). The plan is
 * the same either way. A lane is taken only while a core is idle (core-load.ts): when every core
 * is already planning, the helper would only slow the other plans down.
 */
export const createSearchHelper = (p: SchedulingProblem, load: CoreLoad = coreLoad): SearchHelper | undefined => {
  if (availableParallelism() < 2) return undefined;
  const t = (thread ??= startThread());
  if (!t) return undefined;
  const holder = {};
  t.holder = holder;
  t.port.postMessage({ plan: p } satisfies HelperMessage);
  let sent: { at: number; msLeft: number } | undefined;
  const mine = () => thread === t && t.holder === holder;
  return {
    start(work) {
      if (!mine() || sent || Atomics.load(t.signal, READY) !== 1 || !claimSpareCore(load)) return false;
      t.port.postMessage({ work } satisfies HelperMessage);
      sent = { at: performance.now(), msLeft: work.msLeft };
      return true;
    },
    finish() {
      if (!sent) return undefined;
      const { at, msLeft } = sent;
      sent = undefined;
      // The core is the helper's until its answer is in (or the search gives up on it).
      try {
        if (!mine()) return undefined;
        // The lane should take about as long as the search's own; past that and its time left, give up.
        const ownMs = performance.now() - at;
        const limit = at + (Number.isFinite(msLeft) ? Math.max(msLeft, 4 * ownMs) : 4 * ownMs) + GRACE_MS;
        const want = t.answered + 1;
        while (Atomics.load(t.signal, ANSWERS) < want) {
          const wait = limit - performance.now();
          if (wait <= 0) return end(t);
          Atomics.wait(t.signal, ANSWERS, want - 1, Math.min(wait, 100));
        }
        t.answered = want;
        const reply = receiveMessageOnPort(t.port)?.message as HelperReply | undefined;
        if (!reply || 'error' in reply) return end(t);
        return reply.outcomes;
      } finally {
        releaseCore(load);
      }
    },
    close() {
      const owed = sent !== undefined;
      if (owed) {
        sent = undefined;
        releaseCore(load);
      }
      if (!mine()) return;
      t.holder = undefined;
      // The thread lets go of the plan; an answer still owed would be stale, so such a thread is ended.
      if (owed) end(t);
      else t.port.postMessage({ done: true } satisfies HelperMessage);
    },
  } satisfies SearchHelper;
};

function startThread(): Thread | undefined {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  try {
    const [file, how] = entry();
    const worker = new Worker(file, { ...how, workerData: { signal, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    const t: Thread = { worker, port: port1, signal, answered: 0, holder: undefined };
    // A thread that fails to load or dies is replaced by the next plan.
    worker.on('error', () => end(t));
    worker.on('exit', () => end(t));
    return t;
  } catch {
    port1.close();
    return undefined;
  }
}

function end(t: Thread): undefined {
  if (thread === t) thread = undefined;
  t.holder = undefined;
  t.port.close();
  void t.worker.terminate();
  return undefined;
}

/**
 * The thread's module: compiled, search-helper-thread.js beside this one; under tsx (development,
 * tests), the .ts file, imported once tsx's hooks are registered in the thread (Node 20 does not
 * apply `--import tsx` hooks to a worker's entry module).
 */
function entry(): [string | URL, WorkerOptions] {
  if (!import.meta.url.endsWith('.ts')) return [new URL('./search-helper-thread.js', import.meta.url), {}];
  // tsx's ES module API (its CommonJS one registers from the wrong path); a bare name resolves from the working directory.
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const module = new URL('./search-helper-thread.ts', import.meta.url).href;
  return [`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); })`, { eval: true }];
}
