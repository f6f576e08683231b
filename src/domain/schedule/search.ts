import type { Random } from '../random.js';
import { Justifier } from './justify.js';
import type { SchedulingProblem } from './problem.js';
import { listByKey, sampledList } from './rules.js';
import { better, copyDecoded, emptyDecoded, SerialSgs, type Decoded } from './sgs.js';

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
  /** Told the schedules evaluated of the iteration budget: 0 first, about every 5%, the budget last (also when the search ends early). */
  onProgress?: (done: number, total: number) => void;
}

export interface SearchResult {
  best: Decoded;
  list: Int32Array;
  /** The rule whose list gave the best schedule, or "genetic" when the search improved on them. */
  origin: string;
  initialMakespan: number;
  evaluated: number;
  generations: number;
}

interface Individual {
  list: Int32Array;
  schedule: Decoded;
}

/**
 * Activity-list genetic search (after Hartmann): the population starts from the priority
 * rules and biased random samples, every child is decoded by the serial scheme and improved by
 * forward-backward justification, and the fittest survive. Deterministic for a given seed
 * unless the time budget, rather than the iteration budget, ends it.
 */
export function searchSchedule(p: SchedulingProblem, o: SearchOptions): SearchResult {
  const sgs = new SerialSgs(p);
  const justifier = new Justifier(p, sgs);
  const started = o.clock?.() ?? 0;
  let evaluated = 0;
  const outOfBudget = () => evaluated >= o.iterations || (o.clock !== undefined && o.clock() - started >= o.timeBudgetMs);

  const best = emptyDecoded(p.n);
  best.makespan = Infinity;
  let bestList: Int32Array = new Int32Array(0);
  let origin = '';
  const optimal = () => best.makespan <= o.lowerBound + 1e-7;
  const total = o.iterations;
  const step = Math.max(1, Math.ceil(total / 20));
  let nextReport = step;
  o.onProgress?.(0, total);

  const evaluate = (list: Int32Array, source: string): Individual => {
    const schedule = sgs.decode(list, emptyDecoded(p.n));
    const improved = justifier.improve(schedule);
    evaluated += 3;
    if (o.onProgress && evaluated >= nextReport && evaluated < total) {
      o.onProgress(evaluated, total);
      nextReport = evaluated + step;
    }
    const ind = { list: improved, schedule };
    if (better(schedule, best)) {
      copyDecoded(schedule, best);
      bestList = ind.list;
      origin = source;
    }
    return ind;
  };

  const population: Individual[] = [];
  for (const rule of o.rules) {
    population.push(evaluate(listByKey(p, rule.key), rule.name));
    if (optimal() || (population.length > 0 && outOfBudget())) break;
  }
  const initialMakespan = best.makespan;
  // Large plans get a smaller population so that the genetic search starts within the budget
  // (one decode of a 10,000-phase plan costs tens of milliseconds).
  const size = o.populationSize ?? (p.n > 2000 ? 6 : p.n > 500 ? 16 : 40);
  const lft = o.rules[0]!.key;
  while (population.length < size && !optimal() && !outOfBudget()) population.push(evaluate(sampledList(p, lft, o.rng), 'sampling'));

  let generations = 0;
  const taken = new Uint8Array(p.n);
  while (!optimal() && !outOfBudget() && population.length >= 2) {
    generations++;
    const children: Individual[] = [];
    for (let c = 0; c < population.length && !outOfBudget(); c++) {
      const mother = population[o.rng.int(population.length)]!.list;
      const father = population[o.rng.int(population.length)]!.list;
      const child = crossover(mother, father, o.rng, taken);
      mutate(p, child, o.rng, 0.05);
      children.push(evaluate(child, 'genetic'));
      if (optimal()) break;
    }
    population.push(...children);
    population.sort((a, b) => (better(a.schedule, b.schedule) ? -1 : better(b.schedule, a.schedule) ? 1 : 0));
    population.length = Math.min(population.length, size);
  }
  if (total > 0) o.onProgress?.(total, total);
  return { best, list: bestList, origin, initialMakespan, evaluated, generations };
}

/** Two-point crossover that keeps precedence feasibility. */
function crossover(mother: Int32Array, father: Int32Array, rng: Random, taken: Uint8Array): Int32Array {
  const n = mother.length;
  let q1 = rng.int(n + 1);
  let q2 = rng.int(n + 1);
  if (q1 > q2) [q1, q2] = [q2, q1];
  taken.fill(0);
  const child = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < q1; i++) taken[(child[k++] = mother[i]!)] = 1;
  for (let i = 0; i < n && k < q2; i++) if (!taken[father[i]!]) taken[(child[k++] = father[i]!)] = 1;
  for (let i = 0; i < n && k < n; i++) if (!taken[mother[i]!]) taken[(child[k++] = mother[i]!)] = 1;
  return child;
}

/** Swaps neighbours that do not depend on each other, each with probability `rate`. */
function mutate(p: SchedulingProblem, list: Int32Array, rng: Random, rate: number): void {
  for (let i = 0; i + 1 < list.length; i++) {
    if (rng.next() >= rate) continue;
    const a = list[i]!;
    const b = list[i + 1]!;
    if (p.preds[b]!.includes(a)) continue;
    list[i] = b;
    list[i + 1] = a;
  }
}
