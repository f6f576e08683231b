import type { WorkCalendar } from '../calendar.js';
import type { ProgressCallback } from '../progress.js';

const EPS = 1e-7;

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

/** What the samples add up to, before it becomes a MonteCarloResult. */
export interface SampleTotals {
  makespans: Float64Array;
  criticalCount: Float64Array;
  lateCount: Float64Array;
}

/** The makespan distribution, completion dates and per-phase shares from the samples. */
export function summarise(
  totals: SampleTotals,
  context: { seed: number; plannedMakespan: number; deadline: string | undefined; calendar: WorkCalendar; bins: number },
): Omit<MonteCarloResult, 'heldToPlannedStart' | 'edges'> {
  const { makespans } = totals;
  const { calendar, deadline } = context;
  const iterations = makespans.length;
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
  const p50 = quantile(0.5);
  const p80 = quantile(0.8);
  const p95 = quantile(0.95);
  const planned = context.plannedMakespan;
  const deadlineDay = deadline !== undefined ? calendar.dayOf(deadline) + 1 : undefined;
  return {
    iterations,
    seed: context.seed,
    plannedMakespan: planned,
    makespan: { mean, stdDev: Math.sqrt(sq / iterations), min: sorted[0]!, max: sorted[iterations - 1]!, p50, p80, p95 },
    completionDates: {
      planned: calendar.finishDate(0, planned),
      p50: calendar.finishDate(0, p50),
      p80: calendar.finishDate(0, p80),
      p95: calendar.finishDate(0, p95),
    },
    probabilityPlanHolds: within(planned),
    ...(deadline !== undefined && deadlineDay !== undefined ? { deadline: { date: deadline, day: deadlineDay, probability: within(deadlineDay) } } : {}),
    criticalityIndex: totals.criticalCount.map((c) => c / iterations),
    lateFinishProbability: totals.lateCount.map((c) => c / iterations),
    histogram: histogram(sorted, context.bins),
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
