import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { scheduleBounds } from '../../src/domain/schedule/bounds.js';
import { usableCapacity, type SchedulingProblem } from '../../src/domain/schedule/problem.js';
import { emptyDecoded, SerialSgs, type Decoded } from '../../src/domain/schedule/sgs.js';
import { randomList, randomProblem } from '../support/random-problem.js';

/** Highest usage of resource r over a schedule (half-open intervals: a finish frees before a start at the same time takes). */
function peak(p: SchedulingProblem, s: Decoded, r: number): number {
  const events: [number, number][] = [];
  for (let j = 0; j < p.n; j++) {
    if (s.finish[j]! - s.start[j]! <= 1e-9) continue;
    let q = s.team[j] === r ? p.teamSize[j]! : 0;
    p.poolRes[j]!.forEach((x, k) => (q += x === r ? p.poolQty[j]![k]! : 0));
    if (q > 0) events.push([s.start[j]!, q], [s.finish[j]!, -q]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, q] of events) max = Math.max(max, (cur += q));
  return max;
}

const unitPhases = (capacity: number, teamSize: number[]): SchedulingProblem => {
  const n = teamSize.length;
  return {
    n,
    duration: new Float64Array(n).fill(1),
    preds: Array.from({ length: n }, () => new Int32Array(0)),
    succs: Array.from({ length: n }, () => new Int32Array(0)),
    order: Int32Array.from({ length: n }, (_, j) => j),
    capacity: Float64Array.of(capacity, 2.5),
    teamCount: 1,
    resourceNames: ['team', 'pool'],
    poolRes: Array.from({ length: n }, () => Int32Array.of(1)),
    poolQty: Array.from({ length: n }, () => Float64Array.of(1)),
    teamSize: Float64Array.from(teamSize),
    eligible: Array.from({ length: n }, () => Int32Array.of(0)),
    skillMatch: Array.from({ length: n }, () => Float64Array.of(1)),
    release: new Float64Array(n),
    pinnedStart: new Float64Array(n).fill(NaN),
    pinnedTeam: new Int32Array(n).fill(-1),
    priority: new Float64Array(n),
  };
};

describe('usable capacity', () => {
  it('cuts a resource to a whole number only when every demand on it is whole and no calendar blocks it', () => {
    expect(Array.from(usableCapacity(unitPhases(2.4, [1, 1, 2])))).toEqual([2, 2]);
    expect(Array.from(usableCapacity(unitPhases(2.4, [1, 1.5])))).toEqual([2.4, 2]);
    expect(Array.from(usableCapacity({ ...unitPhases(2.4, [1]), blocked: [{ res: 0, from: 0, to: 1, amount: 0.8 }] }))).toEqual([2.4, 2]);
    // Within the decoder's tolerance a capacity just under a whole number counts as that number.
    expect(Array.from(usableCapacity(unitPhases(3 - 1e-9, [1])))).toEqual([3, 2]);
  });

  it('is never exceeded by a decoded schedule, and cuts some capacity on random problems', () => {
    const rng = seededRandom(18);
    let cut = 0;
    for (let run = 0; run < 150; run++) {
      const p = randomProblem(rng);
      const usable = usableCapacity(p);
      const sgs = new SerialSgs(p);
      const s = sgs.decode(randomList(p, rng), emptyDecoded(p.n));
      for (let r = 0; r < p.capacity.length; r++) {
        expect(usable[r]).toBeLessThanOrEqual(p.capacity[r]!);
        if (usable[r]! < p.capacity[r]!) cut++;
        // Pinned phases are placed as given, not checked against capacity, so only free plans count here.
        if (p.pinnedStart.every((x) => Number.isNaN(x))) expect(peak(p, s, r)).toBeLessThanOrEqual(usable[r]! + 1e-6);
      }
    }
    expect(cut).toBeGreaterThan(20);
  });

  it('is what the energy bound divides by: 7 one-day, one-person phases on 2.4 FTE take 4 days, not 3', () => {
    const p = unitPhases(2.4, [1, 1, 1, 1, 1, 1, 1]);
    // 7 ÷ 2.4 = 2.92 would round up to 3; at most 2 people work at once, so 7 ÷ 2 = 3.5 → 4.
    const bounds = scheduleBounds(p, 1, 4);
    expect(bounds.resource).toBe(4);
    expect(bounds.optimal).toBe(true);
    const s = new SerialSgs(p).decode(
      Int32Array.from({ length: 7 }, (_, j) => j),
      emptyDecoded(7),
    );
    expect(s.makespan).toBe(4);
    // Without the pool's cut (2.5 units, whole demands: 2 at once) the team's 2.4 would give 3.
    const teamOnly = { ...p, capacity: Float64Array.of(2.4, 7) };
    expect(scheduleBounds(teamOnly, 1, 4).resource).toBe(4);
    // A half-person phase keeps the team at 2.4 FTE: 6.5 person-days ÷ 2.4 = 2.7 → 3.
    expect(scheduleBounds({ ...unitPhases(2.4, [1, 1, 1, 1, 1, 1, 0.5]), capacity: Float64Array.of(2.4, 7) }, 1, 4).resource).toBe(3);
  });
});
