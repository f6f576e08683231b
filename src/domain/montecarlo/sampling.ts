import type { PlanResult } from '../model.js';
import { DEGENERATE, pertShape } from '../pert.js';
import type { SampleStream } from './stream.js';

/** Sampling kinds per phase. */
const FIXED = 0;
const BETA = 1;
const CONSTANT = 2;

/**
 * How each phase's duration is drawn: fixedPart + scale · (low + range · Beta(α, β)) for kind
 * BETA, else fixedPart alone. Completed phases are fixed at their actual duration; in-progress
 * ones keep the part done before "now" fixed and sample the remaining part.
 */
export interface DurationModel {
  kind: Uint8Array;
  /** Duration that is not sampled (completed work, work done so far). */
  fixedPart: Float64Array;
  scale: Float64Array;
  low: Float64Array;
  range: Float64Array;
  /** Marsaglia–Tsang d, c for α, two per phase. */
  gA: Float64Array;
  /** … and for β. */
  gB: Float64Array;
  /** Phases that keep their start in a re-plan (completed or in progress); NaN for the others. */
  pinnedStart: Float64Array;
  plannedDuration: Float64Array;
}

export function durationModel(result: PlanResult): DurationModel {
  const { project, schedule } = result;
  const { start, finish } = schedule;
  const phases = project.phases;
  const n = phases.length;
  const m: DurationModel = {
    kind: new Uint8Array(n),
    fixedPart: new Float64Array(n),
    scale: new Float64Array(n),
    low: new Float64Array(n),
    range: new Float64Array(n),
    gA: new Float64Array(n * 2),
    gB: new Float64Array(n * 2),
    pinnedStart: new Float64Array(n).fill(NaN),
    plannedDuration: Float64Array.from(phases, (p) => finish[p.index]! - start[p.index]!),
  };
  const asOf = result.replan?.asOfDay ?? 0;
  const completed = new Set(result.replan?.completed ?? []);
  const inProgress = new Set(result.replan?.inProgress ?? []);
  for (const p of phases) {
    const j = p.index;
    const e = p.estimate;
    let remaining = m.plannedDuration[j]!;
    if (completed.has(j)) {
      m.kind[j] = FIXED;
      m.fixedPart[j] = m.plannedDuration[j]!;
      m.pinnedStart[j] = start[j]!;
      continue;
    }
    if (inProgress.has(j)) {
      m.pinnedStart[j] = start[j]!;
      const done = Math.min(m.plannedDuration[j]!, Math.max(0, asOf - start[j]!));
      m.fixedPart[j] = done;
      remaining = m.plannedDuration[j]! - done;
    }
    const r = e.pessimistic - e.optimistic;
    // The estimate describes the phase's whole planned duration; the sample scales the remaining work.
    m.scale[j] = p.duration > 0 ? remaining / p.duration : 0;
    if (r <= DEGENERATE || m.scale[j] === 0) {
      // No spread (or no planned duration to scale): the planned remaining duration is the only value.
      m.kind[j] = CONSTANT;
      m.fixedPart[j] = m.fixedPart[j]! + remaining;
      continue;
    }
    m.kind[j] = BETA;
    m.low[j] = e.optimistic;
    m.range[j] = r;
    const { alpha, beta } = pertShape(e);
    // Shapes of PERT-beta are ≥ 1, so Marsaglia–Tsang applies directly.
    const dA = alpha - 1 / 3;
    const dB = beta - 1 / 3;
    m.gA[2 * j] = dA;
    m.gA[2 * j + 1] = 1 / Math.sqrt(9 * dA);
    m.gB[2 * j] = dB;
    m.gB[2 * j + 1] = 1 / Math.sqrt(9 * dB);
  }
  return m;
}

/** Fills `dur` with `count` sampled durations per phase, phase j's in the row starting at j · width. */
export function drawDurations(m: DurationModel, stream: SampleStream, dur: Float64Array, width: number, count: number): void {
  const n = m.kind.length;
  for (let j = 0; j < n; j++) {
    const row = j * width;
    const base = m.fixedPart[j]!;
    if (m.kind[j] !== BETA) {
      for (let s = 0; s < count; s++) dur[row + s] = base;
      continue;
    }
    stream.fillPert(dur, row, count, base, m.scale[j]!, m.low[j]!, m.range[j]!, m.gA[2 * j]!, m.gA[2 * j + 1]!, m.gB[2 * j]!, m.gB[2 * j + 1]!);
  }
}
