import { WorkCalendar } from '../calendar.js';
import { LINK_CODE } from '../links.js';
import { calendarGaps } from '../team-calendars.js';
import type { PlanResult } from '../model.js';
import { precedenceGraph, type Precedence } from './precedence.js';
import { drawDurations, durationModel, type DurationModel } from './sampling.js';
import { SampleStream } from './stream.js';
import { summarise, type MonteCarloOptions, type MonteCarloResult, type SampleTotals } from './summary.js';

const EPS = 1e-7;
/** Samples evaluated together: the passes run over sample-contiguous rows of this width. */
const BLOCK = 64;

/** One block of samples: a row of BLOCK values per phase. */
interface Block {
  dur: Float64Array;
  ef: Float64Array;
  lf: Float64Array;
  makespan: Float64Array;
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
 * Typed and lagged links are re-timed by their type and lag with the sampled durations (links.ts);
 * a phase whose team's calendar leaves it too few people in a stretch (leave, non-working days)
 * waits for the stretch to end when a sample would run it into one. The backward pass
 * (criticality) does not look at those stretches.
 *
 * The passes run over blocks of BLOCK samples at a time: for each phase in topological order,
 * each incoming edge updates a contiguous row of BLOCK sample values (Float64Array), so the
 * CSR adjacency (Int32Array) is walked once per block rather than once per sample.
 */
export function simulateSchedule(result: PlanResult & { calendar?: WorkCalendar }, options: MonteCarloOptions): MonteCarloResult {
  const { project, schedule } = result;
  const n = project.phases.length;
  const iterations = Number.isFinite(options.iterations) ? Math.max(1, Math.floor(options.iterations)) : 1;
  const graph = precedenceGraph(result);
  const gaps = calendarGaps(project, schedule.team, result.teamBlocks);
  const model = durationModel(result);
  const { release, heldToPlannedStart } = releaseDays(result, graph, model);

  const stream = new SampleStream(options.seed);
  const block: Block = { dur: new Float64Array(n * BLOCK), ef: new Float64Array(n * BLOCK), lf: new Float64Array(n * BLOCK), makespan: new Float64Array(BLOCK) };
  const totals: SampleTotals = { makespans: new Float64Array(iterations), criticalCount: new Float64Array(n), lateCount: new Float64Array(n) };
  const onProgress = options.onProgress;
  // Samples between progress reports: about 5% of them, rounded up to whole blocks as they finish.
  const reportEvery = Math.max(1, Math.ceil(iterations / 20));
  let nextReport = reportEvery;
  onProgress?.('monte-carlo', 0, iterations);
  for (let first = 0; first < iterations; first += BLOCK) {
    const count = Math.min(BLOCK, iterations - first);
    drawDurations(model, stream, block.dur, BLOCK, count);
    if (graph.edgeType || gaps) {
      linkedForwardPass(graph, release, model.pinnedStart, block, count, gaps);
      linkedBackwardPass(graph, schedule.finish, model.pinnedStart, block, count, totals);
    } else {
      forwardPass(graph, release, model.pinnedStart, block, count);
      backwardPass(graph, schedule.finish, model.pinnedStart, block, count, totals);
    }
    totals.makespans.set(block.makespan.subarray(0, count), first);
    const done = first + count;
    if (onProgress && (done >= nextReport || done === iterations)) {
      onProgress('monte-carlo', done, iterations);
      nextReport = (Math.floor(done / reportEvery) + 1) * reportEvery;
    }
  }

  const calendar = result.calendar ?? new WorkCalendar(project.startDate, project.calendar);
  const { histogram, ...summary } = summarise(totals, {
    seed: options.seed,
    plannedMakespan: schedule.makespan,
    deadline: project.constraints.deadline,
    calendar,
    bins: options.bins ?? 20,
  });
  return { ...summary, heldToPlannedStart, edges: graph.preds.length, histogram };
}

/**
 * The day before which a phase may not start in a sample: "now" in a re-plan, or its planned
 * start where neither the edges nor "now" explain it (see heldToPlannedStart).
 */
function releaseDays(result: PlanResult, graph: Precedence, model: DurationModel): { release: Float64Array; heldToPlannedStart: number } {
  const { predOffsets, preds, order } = graph;
  const { pinnedStart, plannedDuration } = model;
  const start = result.schedule.start;
  const n = order.length;
  const release = new Float64Array(n).fill(result.replan?.asOfDay ?? 0);
  let heldToPlannedStart = 0;
  const ef = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    let s = release[j]!;
    if (graph.edgeType) {
      for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
        const u = preds[e]!;
        s = Math.max(s, edgeReady(graph.edgeType[e]!, graph.edgeLag![e]!, ef[u]!, plannedDuration[u]!, plannedDuration[j]!));
      }
    } else for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) if (ef[preds[e]!]! > s) s = ef[preds[e]!]!;
    if (Number.isNaN(pinnedStart[j]!) && start[j]! > s + 1e-6) {
      release[j] = start[j]!;
      s = start[j]!;
      heldToPlannedStart++;
    }
    ef[j] = (Number.isNaN(pinnedStart[j]!) ? s : pinnedStart[j]!) + plannedDuration[j]!;
  }
  return { release, heldToPlannedStart };
}

/** Earliest finish per phase and sample (into block.ef), and each sample's makespan. */
function forwardPass(graph: Precedence, release: Float64Array, pinnedStart: Float64Array, block: Block, count: number): void {
  const { predOffsets, preds, order } = graph;
  const { dur, ef, makespan } = block;
  const B = BLOCK;
  makespan.fill(0);
  for (let k = 0; k < order.length; k++) {
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
      if (f > makespan[s]!) makespan[s] = f;
    }
  }
}

/**
 * Once a phase's latest finish is known in every sample: counts the samples where it has no slack
 * and those finishing after plannedFinish, and turns its duration row into its latest start.
 */
function countCriticalAndLate(j: number, plannedFinish: number, block: Block, count: number, totals: SampleTotals): void {
  const { dur, ef, lf } = block;
  const row = j * BLOCK;
  let critical = 0;
  let late = 0;
  for (let s = 0; s < count; s++) {
    const f = ef[row + s]!;
    if (lf[row + s]! - f < EPS) critical++;
    if (f > plannedFinish) late++;
    // Reuse the duration row for the latest start.
    dur[row + s] = lf[row + s]! - dur[row + s]!;
  }
  totals.criticalCount[j]! += critical;
  totals.lateCount[j]! += late;
}

/** Latest finish per phase and sample; counts the samples with zero total slack (on a longest path) and those finishing late. */
function backwardPass(graph: Precedence, finish: Float64Array, pinnedStart: Float64Array, block: Block, count: number, totals: SampleTotals): void {
  const { predOffsets, preds, order } = graph;
  const { dur, lf, makespan } = block;
  const B = BLOCK;
  const n = order.length;
  for (let j = 0; j < n; j++) lf.set(makespan.subarray(0, count), j * B);
  for (let k = n - 1; k >= 0; k--) {
    const j = order[k]!;
    const row = j * B;
    countCriticalAndLate(j, finish[j]! + EPS, block, count, totals);
    // Pinned phases do not wait for their predecessors, so they impose no latest finish on them.
    if (!Number.isNaN(pinnedStart[j]!)) continue;
    for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
      const prow = preds[e]! * B;
      for (let s = 0; s < count; s++) {
        lf[prow + s] = Math.min(lf[prow + s]!, dur[row + s]!);
      }
    }
  }
}

/** Earliest start a link (type code of LINK_CODE, lag) allows its successor, from the predecessor's finish and both durations. */
function edgeReady(type: number, lag: number, efPred: number, dPred: number, dSucc: number): number {
  const fromFinish = type === LINK_CODE.FS || type === LINK_CODE.FF;
  const toFinish = type === LINK_CODE.FF || type === LINK_CODE.SF;
  return (fromFinish ? efPred : efPred - dPred) + lag - (toFinish ? dSucc : 0);
}

/** forwardPass over typed, lagged edges (graph.edgeType). */
function linkedForwardPass(graph: Precedence, release: Float64Array, pinnedStart: Float64Array, block: Block, count: number, gaps?: (Float64Array | undefined)[]): void {
  const { predOffsets, preds, order } = graph;
  const type = graph.edgeType ?? new Uint8Array(preds.length);
  const lag = graph.edgeLag ?? new Float64Array(preds.length);
  const { dur, ef, makespan } = block;
  const B = BLOCK;
  makespan.fill(0);
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!;
    const row = j * B;
    const pinned = pinnedStart[j]!;
    const r = Number.isNaN(pinned) ? release[j]! : pinned;
    for (let s = 0; s < count; s++) ef[row + s] = r;
    if (Number.isNaN(pinned)) {
      for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
        const prow = preds[e]! * B;
        for (let s = 0; s < count; s++) ef[row + s] = Math.max(ef[row + s]!, edgeReady(type[e]!, lag[e]!, ef[prow + s]!, dur[prow + s]!, dur[row + s]!));
      }
      const gap = gaps?.[j];
      if (gap) for (let s = 0; s < count; s++) ef[row + s] = afterGaps(gap, ef[row + s]!, dur[row + s]!);
    }
    for (let s = 0; s < count; s++) {
      const f = ef[row + s]! + dur[row + s]!;
      ef[row + s] = f;
      if (f > makespan[s]!) makespan[s] = f;
    }
  }
}

/**
 * backwardPass over typed, lagged edges. For an edge u → j: FS gives LF_u ≤ LS_j − L, SS
 * LF_u ≤ LS_j − L + d_u, FF LF_u ≤ LF_j − L, SF LF_u ≤ LF_j − L + d_u.
 */
function linkedBackwardPass(graph: Precedence, finish: Float64Array, pinnedStart: Float64Array, block: Block, count: number, totals: SampleTotals): void {
  const { predOffsets, preds, order } = graph;
  const type = graph.edgeType ?? new Uint8Array(preds.length);
  const lag = graph.edgeLag ?? new Float64Array(preds.length);
  const { dur, lf, makespan } = block;
  const B = BLOCK;
  const n = order.length;
  for (let j = 0; j < n; j++) lf.set(makespan.subarray(0, count), j * B);
  for (let k = n - 1; k >= 0; k--) {
    const j = order[k]!;
    const row = j * B;
    countCriticalAndLate(j, finish[j]! + EPS, block, count, totals);
    if (!Number.isNaN(pinnedStart[j]!)) continue;
    for (let e = predOffsets[j]!; e < predOffsets[j + 1]!; e++) {
      const prow = preds[e]! * B;
      const t = type[e]!;
      const fromStart = t === LINK_CODE.SS || t === LINK_CODE.SF;
      const toFinish = t === LINK_CODE.FF || t === LINK_CODE.SF;
      const L = lag[e]!;
      for (let s = 0; s < count; s++) {
        const bound = (toFinish ? lf[row + s]! : dur[row + s]!) - L + (fromStart ? dur[prow + s]! : 0);
        if (bound < lf[prow + s]!) lf[prow + s] = bound;
      }
    }
  }
}

/** The first start at or after `start` at which a phase of duration d runs into none of the gaps (flat [from, to) pairs, in order). */
function afterGaps(gap: Float64Array, start: number, d: number): number {
  let s = start;
  for (let k = 0; k < gap.length; k += 2) if (s < gap[k + 1]! - EPS && s + d > gap[k]! + EPS) s = gap[k + 1]!;
  return s;
}
