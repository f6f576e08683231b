import { WorkCalendar } from './calendar.js';
import type { Estimate, PlanResult } from './model.js';
import { pertShape } from './pert.js';
import type { ProgressCallback } from './progress.js';

/** Makespan distribution over the samples, in working days from the project start. */
export interface MakespanSummary {
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  p50: number;
  p80: number;
  p95: number;
}

export interface HistogramBin {
  /** Working days, [from, to); the last bin includes its upper edge. */
  from: number;
  to: number;
  count: number;
}

export interface MonteCarloResult {
  iterations: number;
  seed: number;
  /** The makespan of the planned (resource-constrained) schedule. */
  plannedMakespan: number;
  makespan: MakespanSummary;
  /** Completion dates: the day the last phase finishes, for the plan and the percentiles. */
  completionDates: { planned: string; p50: string; p80: string; p95: string };
  /** Share of samples finishing no later than the planned makespan. */
  probabilityPlanHolds: number;
  /** Present when the project has a deadline: its date, the working day bound it gives and the share of samples meeting it. */
  deadline?: { date: string; day: number; probability: number };
  /** Per phase (by index): share of samples in which the phase is on a longest path (zero total slack). */
  criticalityIndex: Float64Array;
  /** Per phase (by index): share of samples in which the phase finishes after its planned finish. */
  lateFinishProbability: Float64Array;
  /**
   * Phases whose planned start is later than the dependencies and resource flow explain (a
   * baseline start in a re-plan, or a non-active planned schedule); samples keep them from
   * starting before their planned start.
   */
  heldToPlannedStart: number;
  /** Edges the passes walk: dependencies plus resource flow, after dropping those longer paths imply. */
  edges: number;
  histogram: HistogramBin[];
}

export interface MonteCarloOptions {
  iterations: number;
  seed: number;
  /** Histogram bins, default 20. */
  bins?: number;
  /** Called with stage 'monte-carlo' before the first sample and then about every 5% of the samples, last with done = total. */
  onProgress?: ProgressCallback;
}

const EPS = 1e-7;
/** Samples evaluated together: the passes run over sample-contiguous rows of this width. */
const BLOCK = 64;

/** Sampling kinds per phase. */
const FIXED = 0;
const BETA = 1;
const CONSTANT = 2;

/**
 * Ziggurat tables for standard normal deviates (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", 2000; 128 layers): pure numbers, computed once.
 */
const ZIG_KN = new Float64Array(128);
const ZIG_WN = new Float64Array(128);
const ZIG_FN = new Float64Array(128);
const ZIG_R = 3.442619855899;
{
  const m1 = 2147483648;
  const vn = 9.91256303526217e-3;
  let dn = ZIG_R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  ZIG_KN[0] = (dn / q) * m1;
  ZIG_KN[1] = 0;
  ZIG_WN[0] = q / m1;
  ZIG_WN[127] = dn / m1;
  ZIG_FN[0] = 1;
  ZIG_FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_KN[i + 1] = (dn / tn) * m1;
    tn = dn;
    ZIG_FN[i] = Math.exp(-0.5 * dn * dn);
    ZIG_WN[i] = dn / m1;
  }
}

const TWO_POW_32_INV = 1 / 4294967296;

/**
 * The seeded stream behind the simulation: the same mulberry32 generator as `seededRandom`
 * (random.ts), with the same seed handling and the same sequence, held in a field so that the
 * hot loop inlines it. On top of it: normal deviates by the ziggurat, Gamma(shape ≥ 1) by
 * Marsaglia and Tsang (2000), and Beta as X/(X + Y) of two Gamma draws.
 */
export class SampleStream {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0 || 0x9e3779b9;
  }

  /** 32 random bits as a signed integer. */
  int32(): number {
    const a = (this.a = (this.a + 0x6d2b79f5) | 0);
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }

  /** Uniform in [0, 1): draw for draw the same as `seededRandom(seed).next()`. */
  uniform(): number {
    return (this.int32() >>> 0) * TWO_POW_32_INV;
  }

  /** Standard normal deviate (ziggurat; the rare wedge and tail cases in `normalSlow`). */
  normal(): number {
    const hz = this.int32();
    const iz = hz & 127;
    return Math.abs(hz) < ZIG_KN[iz]! ? hz * ZIG_WN[iz]! : this.normalSlow(hz, iz);
  }

  private normalSlow(hz: number, iz: number): number {
    for (;;) {
      let x = hz * ZIG_WN[iz]!;
      if (iz === 0) {
        let y: number;
        do {
          x = -Math.log(1 - this.uniform()) / ZIG_R;
          y = -Math.log(1 - this.uniform());
        } while (y + y < x * x);
        return hz > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      if (ZIG_FN[iz]! + this.uniform() * (ZIG_FN[iz - 1]! - ZIG_FN[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = this.int32();
      iz = hz & 127;
      if (Math.abs(hz) < ZIG_KN[iz]!) return hz * ZIG_WN[iz]!;
    }
  }

  /**
   * Fills out[at … at + count) with base + scale · (lo + range · X/(X + Y)), X ~ Gamma(α),
   * Y ~ Gamma(β) given d and c of each (Marsaglia–Tsang). The same draws, in the same order, as
   * calling `gamma(dA, cA)` then `gamma(dB, cB)` per value; written out with the generator state
   * in a local variable because this loop is where the simulation spends most of its time.
   */
  fillPert(out: Float64Array, at: number, count: number, base: number, scale: number, lo: number, range: number, dA: number, cA: number, dB: number, cB: number): void {
    let a = this.a;
    for (let s = 0; s < count; s++) {
      let x = 0;
      let y = 0;
      for (let k = 0; k < 2; k++) {
        const d = k === 0 ? dA : dB;
        const c = k === 0 ? cA : cB;
        let g: number;
        for (;;) {
          let z: number;
          let v: number;
          do {
            a = (a + 0x6d2b79f5) | 0;
            let t = Math.imul(a ^ (a >>> 15), a | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            const hz = t ^ (t >>> 14);
            const iz = hz & 127;
            if (Math.abs(hz) < ZIG_KN[iz]!) z = hz * ZIG_WN[iz]!;
            else {
              this.a = a;
              z = this.normalSlow(hz, iz);
              a = this.a;
            }
            v = 1 + c * z;
          } while (v <= 0);
          v = v * v * v;
          a = (a + 0x6d2b79f5) | 0;
          let t = Math.imul(a ^ (a >>> 15), a | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          const u = ((t ^ (t >>> 14)) >>> 0) * TWO_POW_32_INV;
          const z2 = z * z;
          if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
            g = d * v;
            break;
          }
        }
        if (k === 0) x = g;
        else y = g;
      }
      out[at + s] = base + scale * (lo + (range * x) / (x + y));
    }
    this.a = a;
  }

  /** Gamma(shape, 1) for shape ≥ 1, given d = shape − 1/3 and c = 1/√(9d) (Marsaglia–Tsang). */
  gamma(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Gamma(shape, 1) for any shape > 0 (below 1: Gamma(shape + 1) · U^(1/shape)). */
  gammaOf(shape: number): number {
    if (shape >= 1) {
      const d = shape - 1 / 3;
      return this.gamma(d, 1 / Math.sqrt(9 * d));
    }
    const d = shape + 2 / 3;
    return this.gamma(d, 1 / Math.sqrt(9 * d)) * Math.pow(1 - this.uniform(), 1 / shape);
  }

  /** Beta(α, β) as X/(X + Y), X ~ Gamma(α), Y ~ Gamma(β). */
  beta(alpha: number, beta: number): number {
    const x = this.gammaOf(alpha);
    const y = this.gammaOf(beta);
    return x / (x + y);
  }
}

/**
 * A seeded sampler of the PERT-beta distribution of one estimate: o + (p − o) · B with
 * B ~ Beta(α, β). A degenerate estimate (o = p) gives the constant.
 */
export function pertSampler(e: Estimate, seed: number): () => number {
  const range = e.pessimistic - e.optimistic;
  if (range <= 1e-12) return () => e.likely;
  const { alpha, beta } = pertShape(e);
  const stream = new SampleStream(seed);
  return () => e.optimistic + range * stream.beta(alpha, beta);
}

/**
 * A topological order of the dependency graph plus the resource flow, preferring the planned
 * order: planned start, then finish, then position in the project's topological order (Kahn's
 * algorithm with that rank as priority, so the order stays valid even if the plan had ties
 * that contradict an edge).
 */
function augmentedOrder(n: number, predOffsets: Int32Array, preds: Int32Array, start: Float64Array, finish: Float64Array, topo: Int32Array): Int32Array {
  const byPlan = Int32Array.from({ length: n }, (_, j) => j).sort(
    (a, b) => start[a]! - start[b]! || finish[a]! - finish[b]! || topo[a]! - topo[b]!,
  );
  const rank = new Int32Array(n);
  byPlan.forEach((j, k) => (rank[j] = k));
  // Successor lists from the predecessor CSR.
  const outDeg = new Int32Array(n + 1);
  for (let e = 0; e < preds.length; e++) outDeg[preds[e]! + 1]!++;
  for (let j = 0; j < n; j++) outDeg[j + 1]! += outDeg[j]!;
  const succ = new Int32Array(preds.length);
  const fill = outDeg.slice(0, n);
  const inDeg = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    inDeg[j] = predOffsets[j + 1]! - predOffsets[j]!;
    for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) succ[fill[preds[e]!]!++] = j;
  }
  // Binary heap of ready phases keyed by rank.
  const heap = new Int32Array(n);
  let size = 0;
  const push = (j: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (rank[heap[parent]!]! <= rank[j]!) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = j;
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && rank[heap[c + 1]!]! < rank[heap[c]!]!) c++;
      if (rank[heap[c]!]! >= rank[last]!) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let j = 0; j < n; j++) if (inDeg[j] === 0) push(j);
  const order = new Int32Array(n);
  let k = 0;
  while (size > 0) {
    const j = pop();
    order[k++] = j;
    for (let e = outDeg[j]!; e < outDeg[j + 1]!; e++) if (--inDeg[succ[e]!]! === 0) push(succ[e]!);
  }
  // The dependency graph is acyclic and resource flow only points forward in time, so every
  // phase is placed; this guards the typed arrays should a malformed result come in.
  if (k < n) for (const j of byPlan) if (inDeg[j]! > 0) order[k++] = j;
  return order;
}

/** Phases up to which the augmented graph is transitively reduced (ancestor bitsets take n²/8 bytes). */
const REDUCE_UP_TO = 5000;

/**
 * Drops the edges u → v of the augmented graph that a longer path u → … → w → v implies (u is
 * an ancestor of another predecessor w of v): with durations ≥ 0 they never decide a longest
 * path, so the passes give the same times over fewer edges. Ancestor sets are bitsets built in
 * topological order.
 */
function reduceAugmented(n: number, predOffsets: Int32Array, preds: Int32Array, order: Int32Array): { predOffsets: Int32Array; preds: Int32Array } {
  const words = (n + 31) >>> 5;
  const anc = new Int32Array(n * words);
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    const row = v * words;
    for (let e = predOffsets[v]!; e < predOffsets[v + 1]!; e++) {
      const u = preds[e]!;
      const urow = u * words;
      for (let w = 0; w < words; w++) anc[row + w]! |= anc[urow + w]!;
      anc[row + (u >>> 5)]! |= 1 << (u & 31);
    }
  }
  const offsets = new Int32Array(n + 1);
  const kept: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let e = predOffsets[v]!; e < predOffsets[v + 1]!; e++) {
      const u = preds[e]!;
      let implied = false;
      for (let f = predOffsets[v]!; f < predOffsets[v + 1]! && !implied; f++) {
        const w = preds[f]!;
        if (w !== u && (anc[w * words + (u >>> 5)]! >>> (u & 31)) & 1) implied = true;
      }
      if (!implied) kept.push(u);
    }
    offsets[v + 1] = kept.length;
  }
  return { predOffsets: offsets, preds: Int32Array.from(kept) };
}

/**
 * Schedule risk by Monte Carlo simulation. Each sample draws every phase's duration from its
 * PERT-beta distribution (three-point estimates; fixed durations carry the default ± spread in
 * `phase.estimate`) and re-times the plan by a longest-path forward pass over the dependencies
 * plus the resource flow of the planned schedule (`result.resourceEdges`), so each sample keeps
 * the planned teams, order and capacities. A backward pass per sample marks the phases with
 * zero total slack (on a longest path) for the criticality index.
 *
 * In a re-plan, completed phases keep their actual start and duration; in-progress ones keep
 * their start and the part done before "now", and only the remaining part is sampled (scaled
 * by sample / planned duration); nothing pending starts before "now".
 *
 * The passes run over blocks of BLOCK samples at a time: for each phase in topological order,
 * each incoming edge updates a contiguous row of BLOCK sample values (Float64Array), so the
 * CSR adjacency (Int32Array) is walked once per block rather than once per sample.
 */
export function simulateSchedule(result: PlanResult & { calendar?: WorkCalendar }, options: MonteCarloOptions): MonteCarloResult {
  const { project, schedule } = result;
  const phases = project.phases;
  const n = phases.length;
  const iterations = Number.isFinite(options.iterations) ? Math.max(1, Math.floor(options.iterations)) : 1;
  const seed = options.seed;
  const calendar = result.calendar ?? new WorkCalendar(project.startDate, project.calendar);
  const start = schedule.start;
  const finish = schedule.finish;

  // Predecessors of the augmented graph in CSR form: the dependencies (without those implied
  // by longer paths, which never decide a longest path, unless pinned phases in a re-plan may
  // break that) plus the resource flow, duplicates dropped.
  const lists: number[][] = Array.from({ length: n }, () => []);
  if (result.replan) for (const p of phases) lists[p.index]!.push(...p.dependencies);
  else for (const [u, v] of result.reducedEdges) lists[v]!.push(u);
  for (const [u, v] of result.resourceEdges) if (!lists[v]!.includes(u) && !phases[v]!.dependencies.includes(u)) lists[v]!.push(u);
  let predOffsets: Int32Array = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) predOffsets[j + 1] = predOffsets[j]! + lists[j]!.length;
  let preds: Int32Array = new Int32Array(predOffsets[n]!);
  for (let j = 0; j < n; j++) preds.set(lists[j]!, predOffsets[j]!);
  const topo = new Int32Array(n);
  project.order.forEach((j, k) => (topo[j] = k));
  const order = augmentedOrder(n, predOffsets, preds, start, finish, topo);
  // Pinned phases (re-plan) do not wait for their predecessors, so paths through them imply nothing.
  if (!result.replan && n <= REDUCE_UP_TO) ({ predOffsets, preds } = reduceAugmented(n, predOffsets, preds, order));

  // Per phase: how it is sampled, its fixed part and its Beta parameters.
  const kind = new Uint8Array(n);
  const fixedPart = new Float64Array(n); // duration that is not sampled (completed work, work done so far)
  const scale = new Float64Array(n); // sampled duration = fixedPart + scale · (o + range · beta)
  const low = new Float64Array(n);
  const range = new Float64Array(n);
  const gA = new Float64Array(n * 2); // Marsaglia–Tsang d, c for α
  const gB = new Float64Array(n * 2); // … and for β
  const pinnedStart = new Float64Array(n).fill(NaN);
  const release = new Float64Array(n);
  const plannedDuration = Float64Array.from(phases, (p) => finish[p.index]! - start[p.index]!);
  const asOf = result.replan?.asOfDay ?? 0;
  release.fill(asOf);
  const completed = new Set(result.replan?.completed ?? []);
  const inProgress = new Set(result.replan?.inProgress ?? []);
  for (const p of phases) {
    const j = p.index;
    const e = p.estimate;
    let remaining = plannedDuration[j]!;
    if (completed.has(j)) {
      kind[j] = FIXED;
      fixedPart[j] = plannedDuration[j]!;
      pinnedStart[j] = start[j]!;
      continue;
    }
    if (inProgress.has(j)) {
      pinnedStart[j] = start[j]!;
      const done = Math.min(plannedDuration[j]!, Math.max(0, asOf - start[j]!));
      fixedPart[j] = done;
      remaining = plannedDuration[j]! - done;
    }
    const r = e.pessimistic - e.optimistic;
    // The estimate describes the phase's whole planned duration; the sample scales the remaining work.
    scale[j] = p.duration > 0 ? remaining / p.duration : 0;
    if (r <= 1e-12 || scale[j] === 0) {
      // No spread (or no planned duration to scale): the planned remaining duration is the only value.
      kind[j] = CONSTANT;
      fixedPart[j] = fixedPart[j]! + remaining;
      continue;
    }
    kind[j] = BETA;
    low[j] = e.optimistic;
    range[j] = r;
    const { alpha, beta } = pertShape(e);
    // Shapes of PERT-beta are ≥ 1, so Marsaglia–Tsang applies directly.
    const dA = alpha - 1 / 3;
    const dB = beta - 1 / 3;
    gA[2 * j] = dA;
    gA[2 * j + 1] = 1 / Math.sqrt(9 * dA);
    gB[2 * j] = dB;
    gB[2 * j + 1] = 1 / Math.sqrt(9 * dB);
  }

  // Planned starts that neither the edges nor "now" explain become release days (see heldToPlannedStart).
  let heldToPlannedStart = 0;
  {
    const ef = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const j = order[k]!;
      let s = release[j]!;
      for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) if (ef[preds[e]!]! > s) s = ef[preds[e]!]!;
      if (Number.isNaN(pinnedStart[j]!) && start[j]! > s + 1e-6) {
        release[j] = start[j]!;
        s = start[j]!;
        heldToPlannedStart++;
      }
      ef[j] = (Number.isNaN(pinnedStart[j]!) ? s : pinnedStart[j]!) + plannedDuration[j]!;
    }
  }

  const stream = new SampleStream(seed);
  const B = BLOCK;
  const dur = new Float64Array(n * B);
  const ef = new Float64Array(n * B);
  const lf = new Float64Array(n * B);
  const blockMakespan = new Float64Array(B);
  const makespans = new Float64Array(iterations);
  const criticalCount = new Float64Array(n);
  const lateCount = new Float64Array(n);
  const onProgress = options.onProgress;
  // Samples between progress reports: about 5% of them, rounded up to whole blocks as they finish.
  const reportEvery = Math.max(1, Math.ceil(iterations / 20));
  let nextReport = reportEvery;
  onProgress?.('monte-carlo', 0, iterations);

  for (let first = 0; first < iterations; first += B) {
    const count = Math.min(B, iterations - first);

    // 1. Durations, one row of `count` samples per phase.
    for (let j = 0; j < n; j++) {
      const row = j * B;
      const base = fixedPart[j]!;
      if (kind[j] !== BETA) {
        for (let s = 0; s < count; s++) dur[row + s] = base;
        continue;
      }
      const sc = scale[j]!;
      const lo = low[j]!;
      const rg = range[j]!;
      const da = gA[2 * j]!;
      const ca = gA[2 * j + 1]!;
      const db = gB[2 * j]!;
      const cb = gB[2 * j + 1]!;
      stream.fillPert(dur, row, count, base, sc, lo, rg, da, ca, db, cb);
    }

    // 2. Forward pass: earliest finish per phase and sample.
    blockMakespan.fill(0);
    for (let k = 0; k < n; k++) {
      const j = order[k]!;
      const row = j * B;
      const pinned = pinnedStart[j]!;
      if (!Number.isNaN(pinned)) {
        for (let s = 0; s < count; s++) ef[row + s] = pinned;
      } else {
        const r = release[j]!;
        for (let s = 0; s < count; s++) ef[row + s] = r;
        for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
          const prow = preds[e]! * B;
          for (let s = 0; s < count; s++) {
            ef[row + s] = Math.max(ef[row + s]!, ef[prow + s]!);
          }
        }
      }
      for (let s = 0; s < count; s++) {
        const f = ef[row + s]! + dur[row + s]!;
        ef[row + s] = f;
        if (f > blockMakespan[s]!) blockMakespan[s] = f;
      }
    }

    // 3. Backward pass: latest finish; zero total slack marks a phase on a longest path.
    for (let j = 0; j < n; j++) lf.set(blockMakespan.subarray(0, count), j * B);
    for (let k = n - 1; k >= 0; k--) {
      const j = order[k]!;
      const row = j * B;
      const plannedFinish = finish[j]! + EPS;
      let critical = 0;
      let late = 0;
      for (let s = 0; s < count; s++) {
        const f = ef[row + s]!;
        if (lf[row + s]! - f < EPS) critical++;
        if (f > plannedFinish) late++;
        // Reuse the duration row for the latest start.
        dur[row + s] = lf[row + s]! - dur[row + s]!;
      }
      criticalCount[j]! += critical;
      lateCount[j]! += late;
      // Pinned phases do not wait for their predecessors, so they impose no latest finish on them.
      if (!Number.isNaN(pinnedStart[j]!)) continue;
      for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
        const prow = preds[e]! * B;
        for (let s = 0; s < count; s++) {
          lf[prow + s] = Math.min(lf[prow + s]!, dur[row + s]!);
        }
      }
    }
    makespans.set(blockMakespan.subarray(0, count), first);
    const done = first + count;
    if (onProgress && (done >= nextReport || done === iterations)) {
      onProgress('monte-carlo', done, iterations);
      nextReport = (Math.floor(done / reportEvery) + 1) * reportEvery;
    }
  }

  const sorted = Float64Array.from(makespans).sort();
  // Nearest-rank percentile: the smallest sample with at least q of the samples at or below it.
  const quantile = (q: number) => sorted[Math.min(iterations - 1, Math.max(0, Math.ceil(q * iterations - 1e-9) - 1))]!;
  let sum = 0;
  for (let i = 0; i < iterations; i++) sum += makespans[i]!;
  const mean = sum / iterations;
  let sq = 0;
  for (let i = 0; i < iterations; i++) sq += (makespans[i]! - mean) ** 2;
  const within = (limit: number) => {
    // sorted is ascending: count the samples ≤ limit by binary search.
    let lo = 0;
    let hi = iterations;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= limit + EPS) lo = mid + 1;
      else hi = mid;
    }
    return lo / iterations;
  };
  const min = sorted[0]!;
  const max = sorted[iterations - 1]!;
  const p50 = quantile(0.5);
  const p80 = quantile(0.8);
  const p95 = quantile(0.95);
  const planned = schedule.makespan;
  const deadline = project.constraints.deadline;
  const deadlineDay = deadline !== undefined ? calendar.dayOf(deadline) + 1 : undefined;

  return {
    iterations,
    seed,
    plannedMakespan: planned,
    makespan: { mean, stdDev: Math.sqrt(sq / iterations), min, max, p50, p80, p95 },
    completionDates: {
      planned: calendar.finishDate(0, planned),
      p50: calendar.finishDate(0, p50),
      p80: calendar.finishDate(0, p80),
      p95: calendar.finishDate(0, p95),
    },
    probabilityPlanHolds: within(planned),
    ...(deadline !== undefined && deadlineDay !== undefined ? { deadline: { date: deadline, day: deadlineDay, probability: within(deadlineDay) } } : {}),
    criticalityIndex: criticalCount.map((c) => c / iterations),
    lateFinishProbability: lateCount.map((c) => c / iterations),
    heldToPlannedStart,
    edges: preds.length,
    histogram: histogram(sorted, options.bins ?? 20),
  };
}

/** Equal-width bins from the smallest to the largest sample; one bin when every sample is equal. */
function histogram(sorted: Float64Array, bins: number): HistogramBin[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (max - min <= EPS) return [{ from: min, to: max, count: sorted.length }];
  const count = Math.max(1, Math.floor(bins));
  const width = (max - min) / count;
  const out = Array.from({ length: count }, (_, b) => ({ from: min + b * width, to: b === count - 1 ? max : min + (b + 1) * width, count: 0 }));
  for (const m of sorted) out[Math.min(count - 1, Math.floor((m - min) / width))]!.count++;
  return out;
}
