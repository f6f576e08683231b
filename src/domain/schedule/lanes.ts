import { seededRandom } from '../random.js';
import { Justifier } from './justify.js';
import { fingerprint, shiftMutation } from './operators.js';
import type { SchedulingProblem } from './problem.js';
import { sampledList } from './rules.js';
import { emptyDecoded, SerialSgs, type Decoded } from './sgs.js';

/**
 * Lanes split a large plan's generation into parts evaluated apart, so that a helper thread can
 * evaluate one while the search evaluates the other. What a lane does depends only on its tasks
 * and on the schedules the search knew when the batch began, never on the other lane, so the
 * search gives the same plan with a helper, without one, or with one that stops answering.
 */
export const LANES = 2;

/** One child to evaluate: its list (or, without one, a sampled list drawn in the lane). */
export interface LaneTask {
  list?: Int32Array;
  /** Seeds the lane's draws for this task: the sampled list, and the shifts of a repeated child. */
  seed: number;
  parallel: boolean;
  /** Times a child that decodes to a schedule met before is shifted and decoded again. */
  retries: number;
}

export interface LaneOutcome {
  /** False when the lane's budget ran out before the task. */
  done: boolean;
  list: Int32Array;
  schedule: Decoded;
  /** Fingerprint of the justified schedule (of the repeated one, when repeat). */
  key: number;
  /** Fingerprint of the decode before justification, which the search remembers as met. */
  decodedKey: number;
  repeat: boolean;
  /** Schedules evaluated: one per repeated decode, three per justified one. */
  cost: number;
  repeated: number;
}

export interface LaneWork {
  tasks: LaneTask[];
  /** Decodes met before the batch that the lane was not told of yet: pairs of decoded and justified fingerprints. */
  known: Float64Array;
  /** Schedules the lane may evaluate; it starts no decode once it has spent them. */
  budget: number;
  /** Milliseconds the lane may take (Infinity without a clock). */
  msLeft: number;
  /** The key sampled lists are drawn around; sent with a plan's first work. */
  sampleKey?: Float64Array;
}

/** Evaluates lanes elsewhere (a thread): the search hands it one lane per batch. */
export interface SearchHelper {
  /** Starts the work elsewhere; false when that cannot be done now (the search then evaluates it). */
  start(work: LaneWork): boolean;
  /** The started work's outcomes, blocking until they are back; undefined when the helper gave up (the search then evaluates the work). */
  finish(): LaneOutcome[] | undefined;
  close(): void;
}

/** Makes a helper for a plan, or none (one core, no threads). */
export type SearchHelperFactory = (p: SchedulingProblem) => SearchHelper | undefined;

/**
 * Decodes a list into `out` and, unless the decode was met before (in `known`, decoded →
 * justified fingerprint), justifies it: the one evaluation of the search, in any thread. The
 * caller records a new decode in `known`.
 */
export function decodeAndJustify(
  sgs: SerialSgs,
  justifier: Justifier,
  known: ReadonlyMap<number, number>,
  list: Int32Array,
  parallel: boolean,
  out: Decoded,
  teams?: Int32Array,
): LaneOutcome {
  const schedule = parallel ? sgs.decodeParallel(list, out) : sgs.decode(list, out, teams);
  const decodedKey = fingerprint(schedule);
  const met = known.get(decodedKey);
  if (met !== undefined) return { done: true, list, schedule, key: met, decodedKey, repeat: true, cost: 1, repeated: 1 };
  const improved = parallel ? justifier.improveParallel(schedule) : justifier.improve(schedule);
  return { done: true, list: improved, schedule, key: fingerprint(schedule), decodedKey, repeat: false, cost: 3, repeated: 0 };
}

/** Evaluates one lane's tasks: the same code in the search's thread and in a helper's. */
export class LaneEvaluator {
  private readonly known = new Map<number, number>();
  private readonly pos: Int32Array;

  constructor(
    private readonly p: SchedulingProblem,
    /** The key sampled lists are drawn around (else the first work's). */
    private sampleKey: ArrayLike<number> | undefined,
    private readonly take: () => Decoded = () => emptyDecoded(p.n),
    /** In the search's thread, the search's own scheme and justifier (lanes there run one after another). */
    private readonly sgs: SerialSgs = new SerialSgs(p),
    private readonly justifier: Justifier = new Justifier(p, sgs),
  ) {
    this.pos = new Int32Array(p.n);
  }

  /** Evaluates the work's tasks in order; `clock` (milliseconds) with work.msLeft ends it early. */
  run(work: LaneWork, clock?: () => number): LaneOutcome[] {
    if (work.sampleKey) this.sampleKey = work.sampleKey;
    for (let i = 0; i + 1 < work.known.length; i += 2) this.known.set(work.known[i]!, work.known[i + 1]!);
    const deadline = clock && Number.isFinite(work.msLeft) ? clock() + work.msLeft : Infinity;
    let spent = 0;
    const stop = () => spent >= work.budget || (deadline !== Infinity && clock!() >= deadline);
    const outcomes: LaneOutcome[] = [];
    for (const task of work.tasks) {
      if (stop()) {
        outcomes.push(notDone());
        continue;
      }
      const rng = seededRandom(task.seed);
      const list = task.list ?? sampledList(this.p, this.sampleKey!, rng);
      let outcome = this.evaluate(list, task.parallel);
      let cost = outcome.cost;
      let repeated = outcome.repeated;
      for (let r = 0; outcome.repeat && r < task.retries && spent + cost < work.budget && !(deadline !== Infinity && clock!() >= deadline); r++) {
        for (let m = 0; m <= r; m++) shiftMutation(this.p, list, rng, this.pos);
        outcome = this.evaluate(list, task.parallel);
        cost += outcome.cost;
        repeated += outcome.repeated;
      }
      spent += cost;
      outcomes.push({ ...outcome, cost, repeated });
    }
    return outcomes;
  }

  private evaluate(list: Int32Array, parallel: boolean): LaneOutcome {
    const outcome = decodeAndJustify(this.sgs, this.justifier, this.known, list, parallel, this.take());
    if (!outcome.repeat) this.known.set(outcome.decodedKey, outcome.key);
    return outcome;
  }
}

function notDone(): LaneOutcome {
  return { done: false, list: new Int32Array(0), schedule: emptyDecoded(0), key: 0, decodedKey: 0, repeat: true, cost: 0, repeated: 0 };
}
