import type { WorkCalendar } from '../calendar.js';
import type { PlanResult } from '../model.js';
import { seededRandom } from '../random.js';
import { pertQuantiles, QUANTILES } from './pert.js';

export interface ScheduleRisk {
  iterations: number;
  seed: number;
  /** Makespan distribution in working days. */
  makespan: { planned: number; mean: number; stdDev: number; min: number; max: number; p50: number; p80: number; p95: number };
  completionDates: { planned: string; p50: string; p80: string; p95: string };
  /** Share of samples finishing no later than the planned makespan. */
  probabilityPlanHolds: number;
  /** Share of samples finishing by the end of the deadline day (absent without a deadline). */
  probabilityMeetsDeadline?: number;
  deadlineDay?: number;
  /** Per phase: share of samples in which it is on a longest path. */
  criticalityIndex: Float64Array;
  histogram: { from: number; to: number; count: number }[];
}

const EPS = 1e-7;

/**
 * Schedule risk by Monte Carlo. Durations are drawn from each phase's PERT-beta distribution
 * and the plan is re-timed per sample over the dependencies plus the resource flow of the
 * planned schedule, so each sample keeps the same teams, order and capacities. Work already
 * done in a re-plan keeps its actual duration; nothing pending starts before "now".
 */
export function scheduleRisk(result: PlanResult, calendar: WorkCalendar, options: { iterations: number; seed: number }): ScheduleRisk {
  const { project, schedule } = result;
  const n = project.phases.length;
  const iterations = Math.max(1, options.iterations);

  // Augmented predecessor lists in CSR form, and a topological order of the augmented graph.
  const preds: number[][] = project.phases.map((p) => [...p.dependencies]);
  for (const [u, v] of result.resourceEdges) preds[v]!.push(u);
  const offsets = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) offsets[j + 1] = offsets[j]! + preds[j]!.length;
  const flat = new Int32Array(offsets[n]!);
  preds.forEach((list, j) => flat.set(list, offsets[j]!));
  const topo = new Int32Array(n);
  project.order.forEach((j, k) => (topo[j] = k));
  const order = Int32Array.from(project.phases.map((p) => p.index)).sort(
    (a, b) => schedule.start[a]! - schedule.start[b]! || schedule.finish[a]! - schedule.finish[b]! || topo[a]! - topo[b]!,
  );

  const fixed = new Uint8Array(n);
  const fixedStart = new Float64Array(n);
  for (const j of [...(result.replan?.completed ?? []), ...(result.replan?.inProgress ?? [])]) {
    fixed[j] = 1;
    fixedStart[j] = schedule.start[j]!;
  }
  const release = result.replan?.asOfDay ?? 0;
  const tables = project.phases.map((p) => pertQuantiles(p.estimate));
  const plannedDuration = Float64Array.from(project.phases, (p) => schedule.finish[p.index]! - schedule.start[p.index]!);

  const rng = seededRandom(options.seed);
  const d = new Float64Array(n);
  const ef = new Float64Array(n);
  const lf = new Float64Array(n);
  const criticalCount = new Float64Array(n);
  const makespans = new Float64Array(iterations);

  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < n; j++) {
      if (fixed[j]) {
        d[j] = plannedDuration[j]!;
        continue;
      }
      const u = rng.next() * QUANTILES;
      const q = u | 0;
      const t = tables[j]!;
      d[j] = t[q]! + (t[q + 1]! - t[q]!) * (u - q);
    }
    let makespan = 0;
    for (let k = 0; k < n; k++) {
      const j = order[k]!;
      let s = fixed[j] ? fixedStart[j]! : release;
      for (let e = offsets[j]!; e < offsets[j + 1]!; e++) if (ef[flat[e]!]! > s) s = ef[flat[e]!]!;
      const f = s + d[j]!;
      ef[j] = f;
      if (f > makespan) makespan = f;
    }
    makespans[it] = makespan;
    // Backward pass over the same graph: a phase is critical when it has no float.
    lf.fill(makespan);
    for (let k = n - 1; k >= 0; k--) {
      const j = order[k]!;
      const ls = lf[j]! - d[j]!;
      if (lf[j]! - ef[j]! < EPS) criticalCount[j]!++;
      for (let e = offsets[j]!; e < offsets[j + 1]!; e++) if (ls < lf[flat[e]!]!) lf[flat[e]!] = ls;
    }
  }

  const sorted = Float64Array.from(makespans).sort();
  const quantile = (q: number) => sorted[Math.min(iterations - 1, Math.max(0, Math.ceil(q * iterations) - 1))]!;
  let sum = 0;
  let sq = 0;
  for (const m of makespans) {
    sum += m;
    sq += m * m;
  }
  const mean = sum / iterations;
  const planned = schedule.makespan;
  const within = (limit: number) => {
    let c = 0;
    for (const m of makespans) if (m <= limit + EPS) c++;
    return c / iterations;
  };
  const deadline = project.constraints.deadline;
  const deadlineDay = deadline ? calendar.dayOf(deadline) + 1 : undefined;
  const min = sorted[0]!;
  const max = sorted[iterations - 1]!;
  const bins = 20;
  const width = (max - min) / bins || 1;
  const histogram = Array.from({ length: bins }, (_, b) => ({ from: min + b * width, to: min + (b + 1) * width, count: 0 }));
  for (const m of makespans) histogram[Math.min(bins - 1, Math.floor((m - min) / width))]!.count++;

  return {
    iterations,
    seed: options.seed,
    makespan: { planned, mean, stdDev: Math.sqrt(Math.max(0, sq / iterations - mean * mean)), min, max, p50: quantile(0.5), p80: quantile(0.8), p95: quantile(0.95) },
    completionDates: {
      planned: calendar.finishDate(0, planned),
      p50: calendar.finishDate(0, quantile(0.5)),
      p80: calendar.finishDate(0, quantile(0.8)),
      p95: calendar.finishDate(0, quantile(0.95)),
    },
    probabilityPlanHolds: within(planned),
    ...(deadlineDay !== undefined ? { probabilityMeetsDeadline: within(deadlineDay), deadlineDay } : {}),
    criticalityIndex: criticalCount.map((c) => c / iterations),
    histogram,
  };
}
