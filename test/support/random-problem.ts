import type { Random } from '../../src/domain/random.js';
import type { SchedulingProblem } from '../../src/domain/schedule/problem.js';

/**
 * A random scheduling problem straight in the decoder's arrays: teams with eligibility and skill
 * match, pools and area-like unit locks, fractional or whole-day durations, typed-link distances
 * (negative too), calendar blocks, releases and pinned work.
 */
export function randomProblem(rng: Random): SchedulingProblem {
  const n = 1 + rng.int(40);
  const teamCount = rng.int(5);
  const pools = rng.int(4);
  const integral = rng.next() < 0.5;
  const typed = rng.next() < 0.4;
  const time = (max: number) => (integral ? rng.int(max + 1) : Math.round(rng.next() * max * 6) / 6);
  const capacity = Float64Array.from({ length: teamCount + pools }, (_, r) => (r < teamCount ? 1 + rng.int(4) + (integral ? 0 : 0.4 * rng.int(2)) : 1 + rng.int(3)));
  const duration = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? 0 : time(8)));
  const preds: number[][] = [];
  const predDelta: number[][] = [];
  for (let j = 0; j < n; j++) {
    const mine = [...new Set(Array.from({ length: rng.int(4) }, () => rng.int(Math.max(1, j))))].filter((i) => i < j);
    preds.push(mine);
    predDelta.push(mine.map((i) => (typed ? time(6) - 2 : duration[i]!)));
  }
  const succs: number[][] = Array.from({ length: n }, () => []);
  const succDelta: number[][] = Array.from({ length: n }, () => []);
  preds.forEach((ps, j) =>
    ps.forEach((i, q) => {
      succs[i]!.push(j);
      succDelta[i]!.push(predDelta[j]![q]!);
    }),
  );
  const eligible = Array.from({ length: n }, () =>
    teamCount === 0 || rng.next() < 0.15 ? new Int32Array(0) : Int32Array.from(new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.int(teamCount)))),
  );
  const poolRes = Array.from({ length: n }, () =>
    Int32Array.from(new Set(Array.from({ length: rng.int(3) }, () => rng.int(pools)).filter(() => pools > 0))).map((r) => teamCount + r),
  );
  const pinnedStart = new Float64Array(n).fill(NaN);
  const pinnedTeam = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (rng.next() < 0.08) {
      pinnedStart[j] = time(10);
      if (eligible[j]!.length > 0) pinnedTeam[j] = eligible[j]![0]!;
    }
  }
  return {
    n,
    duration,
    preds: preds.map((x) => Int32Array.from(x)),
    succs: succs.map((x) => Int32Array.from(x)),
    order: Int32Array.from({ length: n }, (_, j) => j),
    capacity,
    teamCount,
    resourceNames: Array.from(capacity, (_, r) => `r${r}`),
    poolRes,
    poolQty: poolRes.map((r) => Float64Array.from(r, () => (rng.next() < 0.7 ? 1 : 0.5))),
    // Every eligible team is big enough for the phase, as buildProblem ensures.
    teamSize: Float64Array.from(eligible, (e) => (e.length === 0 ? 0 : Math.min(1 + (rng.next() < 0.2 ? 1 : 0), ...Array.from(e, (t) => capacity[t]!)))),
    eligible,
    skillMatch: eligible.map((e) => Float64Array.from(e, () => rng.int(4) / 4)),
    release: Float64Array.from({ length: n }, () => (rng.next() < 0.2 ? time(5) : 0)),
    pinnedStart,
    pinnedTeam,
    priority: new Float64Array(n),
    ...(typed ? { predDelta: predDelta.map((x) => Float64Array.from(x)), succDelta: succDelta.map((x) => Float64Array.from(x)) } : {}),
    ...(teamCount > 0 && rng.next() < 0.4 ? { blocked: [{ res: rng.int(teamCount), from: time(6), to: 7 + time(6), amount: 1 }] } : {}),
  };
}

/** A random topological order (predecessors always have lower indices). */
export function randomList(p: SchedulingProblem, rng: Random): Int32Array {
  const indeg = Int32Array.from(p.preds, (x) => x.length);
  const ready: number[] = [];
  for (let j = 0; j < p.n; j++) if (indeg[j] === 0) ready.push(j);
  const list = new Int32Array(p.n);
  for (let k = 0; k < p.n; k++) {
    const j = ready.splice(rng.int(ready.length), 1)[0]!;
    list[k] = j;
    for (const s of p.succs[j]!) if (--indeg[s]! === 0) ready.push(s);
  }
  return list;
}
