import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { SampleStream, simulateSchedule } from '../../src/domain/montecarlo/index.js';
import { pertSampler, pertShape } from '../../src/domain/pert.js';
import { seededRandom } from '../../src/domain/random.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput } from '../support/fixtures.js';

const example = () => exampleInput({ iterations: 300, monteCarloIterations: 500 });

/** Every estimate collapsed to its likely value and no default spread: a deterministic plan. */
const withoutSpread = (input: PlanInput): PlanInput => ({
  ...input,
  phases: input.phases.map((p) => ({ ...p, duration: typeof p.duration === 'number' ? p.duration : p.duration.likely })),
  planning: { ...input.planning, defaultSpreadPercent: 0 },
});

describe('PERT-beta sampling', () => {
  it('draws the same uniforms as the seeded generator', () => {
    const stream = new SampleStream(1234);
    const rng = seededRandom(1234);
    for (let i = 0; i < 100; i++) expect(stream.uniform()).toBe(rng.next());
  });

  it('matches the PERT-beta mean and variance', () => {
    const e = { optimistic: 2, likely: 3, pessimistic: 8 };
    const { alpha, beta } = pertShape(e);
    const draw = pertSampler(e, 7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = draw();
      sum += x;
      sq += x * x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    const range = e.pessimistic - e.optimistic;
    expect(mean).toBeCloseTo((e.optimistic + 4 * e.likely + e.pessimistic) / 6, 1);
    expect(variance).toBeCloseTo(((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1))) * range * range, 1);
    expect(lo).toBeGreaterThanOrEqual(e.optimistic);
    expect(hi).toBeLessThanOrEqual(e.pessimistic);
  });

  it('fills rows with the same draws as the readable Gamma path', () => {
    const { alpha, beta } = pertShape({ optimistic: 1, likely: 2, pessimistic: 6 });
    const dA = alpha - 1 / 3;
    const dB = beta - 1 / 3;
    const fast = new SampleStream(99);
    const out = new Float64Array(5000);
    fast.fillPert(out, 0, out.length, 0.5, 2, 1, 5, dA, 1 / Math.sqrt(9 * dA), dB, 1 / Math.sqrt(9 * dB));
    const slow = new SampleStream(99);
    for (const v of out) {
      const x = slow.gamma(dA, 1 / Math.sqrt(9 * dA));
      const y = slow.gamma(dB, 1 / Math.sqrt(9 * dB));
      expect(v).toBe(0.5 + 2 * (1 + (5 * x) / (x + y)));
    }
    expect(fast.uniform()).toBe(slow.uniform());
  });

  it('draws standard normal deviates (ziggurat)', () => {
    const stream = new SampleStream(5);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const z = stream.normal();
      sum += z;
      sq += z * z;
      if (Math.abs(z) > 1.96) tail++;
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sq / n).toBeCloseTo(1, 1);
    expect(tail / n).toBeCloseTo(0.05, 2);
  });

  it('gives the constant for a degenerate estimate', () => {
    const draw = pertSampler({ optimistic: 4, likely: 4, pessimistic: 4 }, 1);
    expect([draw(), draw(), draw()]).toEqual([4, 4, 4]);
  });
});

describe('simulateSchedule', () => {
  const plan = computePlan(example());

  it('is reproducible for a seed and differs across seeds', () => {
    const a = simulateSchedule(plan, { iterations: 500, seed: 11 });
    const b = simulateSchedule(plan, { iterations: 500, seed: 11 });
    const c = simulateSchedule(plan, { iterations: 500, seed: 12 });
    expect(b.makespan).toEqual(a.makespan);
    expect(Array.from(b.criticalityIndex)).toEqual(Array.from(a.criticalityIndex));
    expect(b.histogram).toEqual(a.histogram);
    expect(c.makespan.mean).not.toBe(a.makespan.mean);
  });

  it('orders the percentiles and summarises every sample', () => {
    const mc = simulateSchedule(plan, { iterations: 1000, seed: 3 });
    const m = mc.makespan;
    expect(m.min).toBeLessThanOrEqual(m.p50);
    expect(m.p50).toBeLessThanOrEqual(m.p80);
    expect(m.p80).toBeLessThanOrEqual(m.p95);
    expect(m.p95).toBeLessThanOrEqual(m.max);
    expect(m.stdDev).toBeGreaterThan(0);
    expect(mc.completionDates.p50 <= mc.completionDates.p80 && mc.completionDates.p80 <= mc.completionDates.p95).toBe(true);
    expect(mc.completionDates.p80).toBe(plan.calendar.finishDate(0, m.p80));
    expect(mc.histogram).toHaveLength(20);
    expect(mc.histogram.reduce((a, h) => a + h.count, 0)).toBe(1000);
    expect(mc.probabilityPlanHolds).toBeGreaterThan(0);
    expect(mc.probabilityPlanHolds).toBeLessThan(1);
    // The example's deadline (2027-03-26) is weeks after the planned finish.
    expect(mc.deadline?.day).toBe(plan.calendar.dayOf('2027-03-26') + 1);
    expect(mc.deadline?.probability).toBe(1);
    for (const x of mc.criticalityIndex) expect(x >= 0 && x <= 1).toBe(true);
    // Some phase ends every sample's longest path.
    expect(Math.max(...mc.criticalityIndex)).toBe(1);
  });

  it('reproduces the plan when no estimate has a spread', () => {
    const flat = computePlan(withoutSpread(example()));
    const mc = simulateSchedule(flat, { iterations: 200, seed: 5 });
    expect(mc.makespan.p50).toBeCloseTo(flat.schedule.makespan, 9);
    expect(mc.makespan.p95).toBeCloseTo(flat.schedule.makespan, 9);
    expect(mc.makespan.stdDev).toBeCloseTo(0, 9);
    expect(mc.probabilityPlanHolds).toBe(1);
    expect(mc.histogram).toHaveLength(1);
    expect([0, 1]).toContain(mc.deadline!.probability);
    expect(mc.deadline!.probability).toBe(1);

    const late = computePlan({ ...withoutSpread(example()), constraints: { ...example().constraints, deadline: '2027-02-01' } });
    expect(simulateSchedule(late, { iterations: 50, seed: 5 }).deadline!.probability).toBe(0);
    // Phases the planned schedule found critical are critical in every sample, the others in none.
    for (const p of flat.project.phases) expect(mc.criticalityIndex[p.index]).toBe(flat.scheduleSlack[p.index]! < 1e-6 ? 1 : 0);
  });

  it('puts every phase of a pure chain on the longest path', () => {
    const chain = computePlan({
      name: 'chain',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 1, skills: [] }],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 20 },
      phases: ['a', 'b', 'c', 'd', 'e'].map((id, i, ids) => ({
        id,
        name: id,
        duration: { optimistic: 1 + i, likely: 2 + i, pessimistic: 5 + 2 * i },
        dependencies: i > 0 ? [ids[i - 1]!] : [],
      })),
    });
    const mc = simulateSchedule(chain, { iterations: 300, seed: 9 });
    expect(Array.from(mc.criticalityIndex)).toEqual([1, 1, 1, 1, 1]);
    // A chain's makespan is the sum of its durations: bounded by the sums of o and p.
    expect(mc.makespan.min).toBeGreaterThanOrEqual(1 + 2 + 3 + 4 + 5);
    expect(mc.makespan.max).toBeLessThanOrEqual(5 + 7 + 9 + 11 + 13);
  });

  it('keeps the planned resource order: phases sharing a one-person team never overlap', () => {
    const plan2 = computePlan({
      name: 'one team',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 1, skills: [] }],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 20 },
      phases: [
        { id: 'x', name: 'x', duration: { optimistic: 2, likely: 3, pessimistic: 6 } },
        { id: 'y', name: 'y', duration: { optimistic: 4, likely: 5, pessimistic: 9 } },
        { id: 'z', name: 'z', duration: 1, teamSize: 0 },
      ],
    });
    expect(plan2.resourceEdges.length).toBeGreaterThan(0);
    const mc = simulateSchedule(plan2, { iterations: 500, seed: 2 });
    // Without the resource flow x and y would run side by side (makespan ≤ 9); the team serialises them.
    expect(mc.makespan.min).toBeGreaterThanOrEqual(2 + 4);
    expect(mc.criticalityIndex[0]).toBe(1);
    expect(mc.criticalityIndex[1]).toBe(1);
    expect(mc.criticalityIndex[2]).toBe(0);
  });

  it('keeps completed work fixed in a re-plan', () => {
    const input: PlanInput = {
      name: 'replan',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 2, skills: [] }],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 20, defaultSpreadPercent: 0 },
      phases: [
        { id: 'done', name: 'done', duration: { optimistic: 2, likely: 4, pessimistic: 10 } },
        { id: 'next', name: 'next', duration: 3, dependencies: ['done'] },
      ],
      progress: { asOf: '2027-01-11', phases: [{ id: 'done', status: 'completed', actualStart: '2027-01-04', actualFinish: '2027-01-08' }] },
    };
    const replan = computePlan(input);
    expect(replan.replan?.completed).toEqual([0]);
    const mc = simulateSchedule(replan, { iterations: 200, seed: 4 });
    expect(mc.makespan.stdDev).toBeCloseTo(0, 9);
    expect(mc.makespan.p50).toBeCloseTo(replan.schedule.makespan, 9);
  });

  it('samples only the remaining part of in-progress work', () => {
    const input: PlanInput = {
      name: 'in progress',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 2, skills: [] }],
      constraints: { capacityBuffer: 0 },
      planning: { iterations: 20, defaultSpreadPercent: 0 },
      phases: [{ id: 'run', name: 'run', duration: { optimistic: 8, likely: 10, pessimistic: 16 } }],
      progress: { asOf: '2027-01-11', phases: [{ id: 'run', status: 'in_progress', actualStart: '2027-01-04', percentComplete: 50 }] },
    };
    const replan = computePlan(input);
    const mc = simulateSchedule(replan, { iterations: 2000, seed: 8 });
    const start = replan.schedule.start[0]!;
    const done = Math.max(0, replan.replan!.asOfDay - start);
    const remaining = replan.schedule.finish[0]! - start - done;
    const scale = remaining / replan.project.phases[0]!.duration;
    // The finish stays within "now" + remaining work scaled from o…p.
    expect(mc.makespan.min).toBeGreaterThanOrEqual(start + done + 8 * scale - 1e-9);
    expect(mc.makespan.max).toBeLessThanOrEqual(start + done + 16 * scale + 1e-9);
    expect(mc.makespan.mean).toBeCloseTo(replan.schedule.makespan, 0);
  });
});
