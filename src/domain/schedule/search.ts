import type { Random } from '../random.js';
import { Justifier, topologicalBy } from './justify.js';
import { LaneBatches } from './lane-batches.js';
import { decodeAndJustify, LANES, type LaneOutcome, type LaneTask, type SearchHelper } from './lanes.js';
import type { SchedulingProblem } from './problem.js';
import { peakWindow, resampleBlock, shiftMutation, swapMutation, twoPointCrossover, windowCrossover } from './operators.js';
import { listByKey, sampledList } from './rules.js';
import { better, copyDecoded, emptyDecoded, SerialSgs, type Decoded } from './sgs.js';
import { SpareSchedules } from './spare-schedules.js';

export interface SearchOptions {
  rng: Random;
  /** Schedules to evaluate at most (every pass of the generation scheme counts). */
  iterations: number;
  timeBudgetMs: number;
  /** Milliseconds; without a clock only the iteration budget applies. */
  clock?: () => number;
  /** Stop as soon as the makespan reaches this (it is then optimal). */
  lowerBound: number;
  rules: { name: string; key: Float64Array }[];
  populationSize?: number;
  /** Warm start: lists decoded before the rules' (with `teams`, each phase on that team; −1: the scheme chooses). */
  seeds?: { list: Int32Array; teams?: Int32Array }[];
  /** Told the schedules evaluated of the iteration budget: 0 first, about every 5%, the budget last (also when the search ends early). */
  onProgress?: (done: number, total: number) => void;
  /** Lanes of a generation (lanes.ts); default: LANES for plans above LANED_PHASES, else 1 (children one by one). */
  lanes?: number;
  /** A thread that evaluates one lane of laned searches (closed when the search ends). */
  helper?: SearchHelper;
}

export interface SearchResult {
  best: Decoded;
  list: Int32Array;
  /** The rule whose list gave the best schedule, or "genetic" when the search improved on them. */
  origin: string;
  initialMakespan: number;
  evaluated: number;
  /** Of those, decodes equal to one met before, which were not justified again (each counted as one schedule). */
  repeated: number;
  generations: number;
  /** Lanes a helper thread evaluated (laned searches only). */
  helpedLanes: number;
  /** Schedules evaluated when the returned schedule was found (that one included). */
  bestAt: number;
  stoppedBy: StopReason;
}

/**
 * Why the search ended: its schedule reached the lower bound (so it is optimal), the schedule
 * budget or the time budget ran out, or no new distinct schedule could be made (tiny plans).
 * The execution plan's `stopped_by` says the same words.
 */
export type StopReason = 'lower_bound' | 'iteration_budget' | 'time_budget' | 'no_new_schedules';

interface Individual {
  list: Int32Array;
  schedule: Decoded;
  key: number;
  /** Decoded by the parallel scheme: a gene children inherit from the mother (Hartmann 2002, NRL 49). */
  parallel: boolean;
  /** Decoded to a schedule met before, so not justified again and never admitted (its key is the justified one's). */
  repeat: boolean;
}

/**
 * Population of a plan of up to 500 phases for a schedule budget: 40 up to 6,400 schedules, then
 * one member per 160 schedules, at most 500. On every-8th J60 at 50,000 schedules (seeds 1–3,
 * deviation from the critical-path bound) 40 members gave 15.32 %, 160 gave 15.13 %, 300 gave
 * 15.06 % and 500 gave 15.13 % (seeds 1–2); at 5,000 schedules 30, 40 and 60 were within the
 * seeds' spread (docs/benchmarks.md).
 */
export function populationFor(iterations: number): number {
  return Math.min(500, Math.max(40, Math.round(iterations / 160)));
}

/**
 * Large plans get a small population so that the genetic search starts within the budget (one
 * decode of a 10,000-phase plan costs milliseconds) and gets through generations. On two such
 * plans at 150, 300 and 450 schedules, over planning seeds 1–8, 8 members beat 4 in five of six
 * cases and 6, 12 and 16 were no better than 8; on a 2,000-phase plan 16 beat 8 (docs/benchmarks.md).
 * Smaller plans grow the population with the schedule budget, so that a large budget is spent
 * on a wider search rather than on a converged one.
 */
const sizeFor = (n: number, iterations: number) => (n > LARGE_PHASES ? 8 : n > 500 ? 16 : populationFor(iterations));

/**
 * Plans above this many phases split their generations into lanes, so that a helper thread takes
 * half of each. From 600 to 2,000 phases (bench:large's generator, 8–12 teams, planning seeds
 * 1–8, default budget) that made computePlan 1.3–1.5× faster end to end at the same schedule count
 * (2,000 phases: 1.83 s → 1.20 s, near the 2 s time budget before), and the makespans were within
 * the seeds' spread (docs/benchmarks.md, fourteenth pass). Smaller plans take well under half a second.
 */
const LANED_PHASES = 500;

/** Lanes a search of n phases splits its generations into (lanes.ts): one for plans up to LANED_PHASES. */
export const lanesFor = (n: number) => (n > LANED_PHASES ? LANES : 1);

/** Generations without a better best schedule before the population is renewed. */
const STAGNATION = 4;
/** Share of the population kept when it is renewed. */
const ELITE_SHARE = 0.25;
/** Times a child that decodes to a schedule met before is shifted and decoded again. */
const REPEAT_RETRIES = 2;
/** Plans up to this many phases also decode some children with the parallel scheme (O(n²)). */
const PARALLEL_MAX_PHASES = 400;
/** Plans above this many phases are large: a population of 8, and mostly two-point crossover. */
const LARGE_PHASES = 2000;
/**
 * Share of children made by two-point crossover (the rest by peak crossover). On two generated
 * 10,000-phase plans at 150, 300 and 450 schedules, planning seeds 1–8, 0.8 gave shorter mean
 * makespans than 0.5 in all six cases (by 1.7–7.4 days), as on a 5,000-phase plan; on every-8th
 * J60 it did not help, so plans up to LARGE_PHASES keep an even split (docs/benchmarks.md).
 */
const twoPointShare = (n: number) => (n > LARGE_PHASES ? 0.8 : 0.5);

/**
 * Activity-list genetic search with justification, after the methods that lead the PSPLIB
 * comparisons at fixed schedule budgets (Kolisch & Hartmann 2006, EJOR 174):
 * - every individual is decoded (serial scheme, or for small plans sometimes the parallel one)
 *   and improved by forward-backward justification; its list is the justified schedule's order
 *   (Valls, Ballestín & Quintanilla 2005, EJOR 165); an individual of the parallel scheme is
 *   justified by that scheme both ways where time can be reversed (Justifier.improveParallel);
 * - children come from two-point crossover (Hartmann 1998, NRL 45) or from a peak crossover that
 *   keeps the mother's phases in a busy window of her schedule (Valls et al. 2008, EJOR 185);
 *   parents by 2-tournament; swap and shift mutation;
 * - duplicates (same start times and teams) are refused, so the population stays diverse; a
 *   child whose decode equals one met before is not justified again (it costs one schedule, not
 *   three) and is shifted and decoded anew, up to twice;
 * - when the best stops improving, a local step re-solves windows of the best schedule
 *   (decomposition, Debels & Vanhoucke 2007, Operations Research 55) and the population is
 *   renewed around the elite (Valls et al. 2008's second phase).
 * Every pass of the generation scheme counts as one schedule, justification passes included,
 * as in the literature. Deterministic for a seed unless the time budget ends the search.
 */
export function searchSchedule(p: SchedulingProblem, o: SearchOptions): SearchResult {
  const sgs = new SerialSgs(p);
  const justifier = new Justifier(p, sgs);
  const started = o.clock?.() ?? 0;
  let evaluated = 0;
  const outOfBudget = () => evaluated >= o.iterations || (o.clock !== undefined && o.clock() - started >= o.timeBudgetMs);
  const rng = o.rng;

  const best = emptyDecoded(p.n);
  best.makespan = Infinity;
  best.lateness = Infinity;
  let bestList: Int32Array = new Int32Array(0);
  let origin = '';
  let improvedAt = 0;
  let bestAt = 0;
  const optimal = () => best.makespan <= o.lowerBound + 1e-7 && best.lateness <= 1e-7;
  const total = o.iterations;
  const step = Math.max(1, Math.ceil(total / 20));
  let nextReport = step;
  o.onProgress?.(0, total);

  // Justification is deterministic, so a decode equal to one met before (a third or more of the
  // children once the population has converged) would be justified to the same schedule again:
  // such a child costs its one decode and is not justified (it could not be admitted anyway).
  const justifiedKey = new Map<number, number>();
  let repeated = 0;
  const spare = new SpareSchedules(p.n);
  const drop = (ind: Individual) => spare.give(ind.schedule);
  // Every justified decode, as pairs of decoded and justified fingerprints, for the lanes to catch up on.
  const journal: number[] = [];
  const absorb = (out: LaneOutcome, source: string, parallel: boolean): Individual => {
    evaluated += out.cost;
    repeated += out.repeated;
    if (o.onProgress && evaluated >= nextReport && evaluated < total) {
      o.onProgress(evaluated, total);
      nextReport = evaluated + step;
    }
    if (!out.repeat) {
      justifiedKey.set(out.decodedKey, out.key);
      journal.push(out.decodedKey, out.key);
      if (better(out.schedule, best)) {
        copyDecoded(out.schedule, best);
        bestList = out.list;
        origin = source;
        improvedAt = generations;
        bestAt = evaluated;
      }
    }
    return { list: out.list, schedule: out.schedule, key: out.key, parallel, repeat: out.repeat };
  };
  const evaluate = (list: Int32Array, source: string, parallel = false, teams?: Int32Array): Individual =>
    absorb(decodeAndJustify(sgs, justifier, justifiedKey, list, parallel, spare.take(), teams), source, parallel);

  let generations = 0;
  const population: Individual[] = [];
  const keys = new Set<number>();
  const admit = (ind: Individual): boolean => {
    if (ind.repeat || keys.has(ind.key)) {
      drop(ind);
      return false;
    }
    keys.add(ind.key);
    population.push(ind);
    return true;
  };
  const rankPopulation = (size: number) => {
    population.sort((a, b) => (better(a.schedule, b.schedule) ? -1 : better(b.schedule, a.schedule) ? 1 : 0));
    for (const gone of population.splice(size)) {
      keys.delete(gone.key);
      drop(gone);
    }
  };

  const lft = o.rules[0]!.key;
  const size = o.populationSize ?? sizeFor(p.n, o.iterations);
  const batches = (o.lanes ?? lanesFor(p.n)) > 1 ? new LaneBatches(p, lft, () => spare.take(), sgs, justifier, o.helper, o.clock) : undefined;
  if (!batches) o.helper?.close();
  // A batch's outcomes are taken in task order, whichever lane evaluated them.
  const runBatch = (tasks: LaneTask[], sources: string[]): Individual[] => {
    const msLeft = o.clock ? o.timeBudgetMs - (o.clock() - started) : Infinity;
    const outcomes = batches!.run(tasks, journal, Math.max(0, o.iterations - evaluated), msLeft);
    const done: Individual[] = [];
    outcomes.forEach((out, i) => {
      if (out.done) done.push(absorb(out, sources[i]!, tasks[i]!.parallel));
    });
    return done;
  };
  const pos = new Int32Array(p.n);
  const useParallel = p.n <= PARALLEL_MAX_PHASES;
  const stop = () => outOfBudget() || optimal();
  const state: SearchState = { p, rng, size, population, keys, pos, lft, useParallel, evaluate, runBatch: batches ? runBatch : undefined, admit, rankPopulation, drop, stop };
  let initialMakespan = Infinity;
  // The helper is closed however the search ends.
  try {
    for (const seed of o.seeds ?? []) if (!optimal() && !outOfBudget()) admit(evaluate(seed.list, 'warm-start', false, seed.teams));
    decodeRules(state, o.rules, () => optimal() || (population.length > 0 && outOfBudget()));
    initialMakespan = best.makespan;
    firstPopulation(state);
    const taken = new Uint8Array(p.n);
    while (!state.stop() && population.length >= 2) {
      generations++;
      if (state.runBatch) breedBatch(state, state.runBatch, taken);
      else breedGeneration(state, taken);
      rankPopulation(size);
      if (generations - improvedAt >= STAGNATION && !state.stop()) {
        improveBest(state, population[0]!);
        renew(state);
        improvedAt = generations;
      }
    }
  } finally {
    batches?.close();
  }
  if (total > 0) o.onProgress?.(total, total);
  const stoppedBy: StopReason = optimal() ? 'lower_bound' : evaluated >= o.iterations ? 'iteration_budget' : outOfBudget() ? 'time_budget' : 'no_new_schedules';
  return { best, list: bestList, origin, initialMakespan, evaluated, repeated, generations, helpedLanes: batches?.helped ?? 0, bestAt, stoppedBy };
}

/**
 * Each rule's list, while `done` is false. Laned, the first rule is decoded here (so that there is
 * a schedule whatever the budget) and the others in lanes.
 */
function decodeRules(s: SearchState, rules: SearchOptions['rules'], done: () => boolean): void {
  for (const rule of s.runBatch ? rules.slice(0, 1) : rules) {
    if (done()) return;
    s.admit(s.evaluate(listByKey(s.p, rule.key), rule.name));
  }
  if (!s.runBatch || rules.length < 2 || done()) return;
  const others = rules.slice(1);
  const tasks = others.map((rule) => ({ list: listByKey(s.p, rule.key), seed: 0, parallel: false, retries: 0 }));
  for (const ind of s.runBatch(
    tasks,
    others.map((rule) => rule.name),
  ))
    s.admit(ind);
}

/** Fills the population with sampled lists (for small plans every other one decoded by the parallel scheme). */
function firstPopulation(s: SearchState): void {
  const { p, rng, size, population, lft, useParallel } = s;
  if (s.runBatch) {
    fillBatched(population, size, s.stop, s.runBatch, s.admit, (k) => ({ task: { seed: rng.int(2 ** 31), parallel: useParallel && k % 2 === 1, retries: 0 }, source: 'sampling' }));
    return;
  }
  for (let tries = 0; population.length < size && tries < 3 * size && !s.stop(); tries++) {
    s.admit(s.evaluate(sampledList(p, lft, rng), 'sampling', useParallel && tries % 2 === 1));
  }
}

/** As many children as there are members, by 2-tournament parents; a child that decodes to a schedule met before is shifted and decoded again. */
function breedGeneration(s: SearchState, taken: Uint8Array): void {
  const { p, rng, population, pos } = s;
  const want = population.length;
  for (let c = 0; c < want && !s.stop(); c++) {
    const { list: child, parallel } = nextChild(s, taken);
    let ind = s.evaluate(child, 'genetic', parallel);
    for (let r = 0; ind.repeat && r < REPEAT_RETRIES && !s.stop(); r++) {
      for (let m = 0; m <= r; m++) shiftMutation(p, child, rng, pos);
      s.drop(ind);
      ind = s.evaluate(child, 'genetic', parallel);
    }
    s.admit(ind);
  }
}

/**
 * A laned generation: as many children as there are members, bred and evaluated LANES at a time
 * (one per lane), so that later children may have earlier ones as parents, as one by one; a
 * repeated child is shifted in its lane. Pairs, not one batch of all, because that is nearer the
 * unlaned search; at 300 schedules (planning seeds 1–8) the two were within the seeds' spread on
 * both 10,000-phase plans (978.75 / 996.48 days in one batch, 976.62 / 998.46 in pairs).
 */
function breedBatch(s: SearchState, runBatch: NonNullable<SearchState['runBatch']>, taken: Uint8Array): void {
  const { rng, population } = s;
  const want = population.length;
  for (let c = 0; c < want && !s.stop(); c += LANES) {
    const tasks: LaneTask[] = [];
    for (let k = 0; k < LANES && c + k < want; k++) {
      const { list, parallel } = nextChild(s, taken);
      tasks.push({ list, seed: rng.int(2 ** 31), parallel, retries: REPEAT_RETRIES });
    }
    for (const ind of runBatch(
      tasks,
      tasks.map(() => 'genetic'),
    ))
      s.admit(ind);
  }
}

/** Fills the population to `size` by batches of new individuals, at most 3 × size of them, as the unlaned loops do one by one. */
function fillBatched(
  population: Individual[],
  size: number,
  stop: () => boolean,
  runBatch: NonNullable<SearchState['runBatch']>,
  admit: (ind: Individual) => boolean,
  make: (k: number) => { task: LaneTask; source: string },
): void {
  for (let tries = 0; population.length < size && tries < 3 * size && !stop();) {
    const made = Array.from({ length: Math.min(size - population.length, 3 * size - tries) }, (_, i) => make(tries + i));
    tries += made.length;
    for (const ind of runBatch(
      made.map((m) => m.task),
      made.map((m) => m.source),
    ))
      admit(ind);
  }
}

/** A child of two 2-tournament parents, and its scheme: the mother's, or with probability 0.2 the other. */
function nextChild(s: SearchState, taken: Uint8Array): { list: Int32Array; parallel: boolean } {
  const { p, rng, population, pos } = s;
  const pick = () => population[Math.min(rng.int(population.length), rng.int(population.length))]!;
  const mother = pick();
  const father = pick();
  const list = breed(p, mother, father, rng, taken, pos);
  return { list, parallel: s.useParallel && (rng.next() < 0.2 ? !mother.parallel : mother.parallel) };
}

/** One child of two parents: two-point or peak-window crossover, then swap and sometimes shift mutation. */
function breed(p: SchedulingProblem, mother: Individual, father: Individual, rng: Random, taken: Uint8Array, pos: Int32Array): Int32Array {
  let child: Int32Array;
  if (rng.next() < twoPointShare(p.n)) child = twoPointCrossover(mother.list, father.list, rng, taken);
  else {
    const width = mother.schedule.makespan * (0.1 + 0.4 * rng.next());
    child = windowCrossover(mother.list, mother.schedule, father.list, peakWindow(p, mother.schedule, width, rng));
    // Start order is precedence order only for finish-to-start links: otherwise keep the child's order where the links allow.
    if (p.predDelta) {
      for (let i = 0; i < child.length; i++) pos[child[i]!] = i;
      child = topologicalBy(p.n, p.preds, p.succs, (a, b) => pos[a]! < pos[b]!);
    }
  }
  swapMutation(p, child, rng, 0.02);
  if (rng.next() < 0.3) shiftMutation(p, child, rng, pos);
  return child;
}

/** What the local step and the renewal share with the search loop (the population is changed in place). */
interface SearchState {
  p: SchedulingProblem;
  rng: Random;
  size: number;
  population: Individual[];
  keys: Set<number>;
  pos: Int32Array;
  /** The first rule's priority key, which sampled lists are drawn around. */
  lft: Float64Array;
  useParallel: boolean;
  evaluate: (list: Int32Array, source: string, parallel?: boolean) => Individual;
  /** Evaluates tasks in lanes (laned searches only); the individuals evaluated, in task order. */
  runBatch: ((tasks: LaneTask[], sources: string[]) => Individual[]) | undefined;
  admit: (ind: Individual) => boolean;
  rankPopulation: (size: number) => void;
  /** Hands the schedule of an individual that left the search back for reuse. */
  drop: (ind: Individual) => void;
  /** Out of budget, or already optimal. */
  stop: () => boolean;
}

/** Re-solves windows of the best schedule's list while that keeps it no longer (decoded by its scheme). */
function improveBest(s: SearchState, ind: Individual): void {
  const { p, rng, keys, population } = s;
  const inBlock = new Uint8Array(p.n);
  let current = ind;
  const tries = Math.max(4, Math.min(s.size, 3 * Math.round(Math.sqrt(p.n))));
  const resampled = () => {
    const w = Math.max(2, Math.min(p.n, Math.round(p.n * (0.1 + 0.3 * rng.next()))));
    const from = rng.int(p.n - w + 1);
    const keyOf = current.schedule.start;
    const noisy = Float64Array.from(keyOf, (x) => x + rng.next() * current.schedule.makespan * 0.1);
    return resampleBlock(p, current.list, from, from + w, noisy, rng, inBlock);
  };
  // Laned, each round re-solves one window per lane of the same schedule and keeps the better.
  const round = s.runBatch ? LANES : 1;
  for (let k = 0; k < tries && !s.stop(); k += round) {
    let children: Individual[];
    if (s.runBatch) {
      const tasks = Array.from({ length: Math.min(round, tries - k) }, () => ({ list: resampled(), seed: rng.int(2 ** 31), parallel: current.parallel, retries: 0 }));
      children = s.runBatch(
        tasks,
        tasks.map(() => 'local-search'),
      );
    } else children = [s.evaluate(resampled(), 'local-search', current.parallel)];
    let kept: Individual | undefined;
    for (const child of children) {
      if (!child.repeat && !better(current.schedule, child.schedule) && !keys.has(child.key) && (!kept || better(child.schedule, kept.schedule))) kept = child;
    }
    for (const child of children) if (child !== kept) s.drop(child);
    if (kept) {
      keys.delete(current.key);
      const at = population.indexOf(current);
      keys.add(kept.key);
      population[at] = kept;
      s.drop(current);
      current = kept;
    }
  }
  s.rankPopulation(s.size);
}

/** Keeps the elite and refills the population with mutated elite lists (decoded by their parent's scheme) and new samples. */
function renew(s: SearchState): void {
  const { p, rng, size, keys, population } = s;
  const keep = Math.max(2, Math.ceil(size * ELITE_SHARE));
  for (const gone of population.splice(keep)) {
    keys.delete(gone.key);
    s.drop(gone);
  }
  const elite = population.length;
  if (s.runBatch) {
    fillBatched(population, size, s.stop, s.runBatch, s.admit, (k) => {
      if (k % 2 === 1) return { task: { seed: rng.int(2 ** 31), parallel: s.useParallel && rng.next() < 0.5, retries: 0 }, source: 'sampling' };
      const parent = population[rng.int(elite)]!;
      return { task: { list: mutatedList(p, parent.list, rng, s.pos), seed: rng.int(2 ** 31), parallel: parent.parallel, retries: 0 }, source: 'genetic' };
    });
    return;
  }
  for (let tries = 0; population.length < size && tries < 3 * size && !s.stop(); tries++) {
    if (tries % 2 === 0) {
      const parent = population[rng.int(elite)]!;
      s.admit(s.evaluate(mutatedList(p, parent.list, rng, s.pos), 'genetic', parent.parallel));
    } else s.admit(s.evaluate(sampledList(p, s.lft, rng), 'sampling', s.useParallel && rng.next() < 0.5));
  }
}

/** An elite list moved by 1 … n/10 shifts: renewal's near copies. */
function mutatedList(p: SchedulingProblem, parentList: Int32Array, rng: Random, pos: Int32Array): Int32Array {
  const list = Int32Array.from(parentList);
  const moves = 1 + rng.int(Math.max(2, Math.round(p.n / 10)));
  for (let m = 0; m < moves; m++) shiftMutation(p, list, rng, pos);
  return list;
}
