import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../src/domain/random.js';
import { Checkpoints } from '../../src/domain/schedule/checkpoints.js';
import { resourceFlow } from '../../src/domain/schedule/flow.js';
import type { SchedulingProblem } from '../../src/domain/schedule/problem.js';
import { emptyDecoded, SerialSgs, type Decoded } from '../../src/domain/schedule/sgs.js';
import { resourceFlow as referenceFlow } from '../support/reference-sgs/flow.js';
import { SerialSgs as ReferenceSgs } from '../support/reference-sgs/sgs.js';

/** Instances per property; raise with PROPERTY_RUNS for a deeper search. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

/**
 * A random scheduling problem straight in the decoder's arrays: teams with eligibility and skill
 * match, pools and area-like unit locks, fractional or whole-day durations, typed-link distances
 * (negative too), calendar blocks, releases and pinned work.
 */
function randomProblem(rng: Random): SchedulingProblem {
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
function randomList(p: SchedulingProblem, rng: Random): Int32Array {
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

const view = (d: Decoded) => ({
  start: Array.from(d.start),
  finish: Array.from(d.finish),
  team: Array.from(d.team),
  makespan: d.makespan,
  imbalance: d.imbalance,
  skillMatch: d.skillMatch,
  lateness: d.lateness,
});

describe('the serial decoder with flat arrays, galloping profile searches and checkpoints', () => {
  it('gives exactly the schedules of the decoder before it (forward, fixed teams, mirrored, parallel)', () => {
    const rng = seededRandom(15);
    for (let run = 0; run < RUNS; run++) {
      const p = randomProblem(rng);
      const now = new SerialSgs(p);
      const ref = new ReferenceSgs(p);
      for (let l = 0; l < 3; l++) {
        const list = randomList(p, rng);
        const a = now.decode(list, emptyDecoded(p.n));
        const b = ref.decode(list, emptyDecoded(p.n));
        expect(view(a)).toEqual(view(b));
        const teams = Int32Array.from(a.team, (t) => (rng.next() < 0.3 ? -1 : t));
        expect(view(now.decode(list, emptyDecoded(p.n), teams))).toEqual(view(ref.decode(list, emptyDecoded(p.n), teams)));
        const back = Int32Array.from(list).reverse();
        const ma = emptyDecoded(p.n);
        const mb = emptyDecoded(p.n);
        ma.makespan = mb.makespan = a.makespan;
        expect(view(now.decode(back, ma, a.team, true))).toEqual(view(ref.decode(back, mb, a.team, true)));
        expect(view(now.decodeParallel(list, emptyDecoded(p.n)))).toEqual(view(ref.decodeParallel(list, emptyDecoded(p.n))));
      }
    }
  });

  it('resumes from a checkpoint to the same schedule as a full decode, placing only the rest of the list', () => {
    const rng = seededRandom(16);
    let partial = 0;
    for (let run = 0; run < RUNS; run++) {
      const p = randomProblem(rng);
      const sgs = new SerialSgs(p);
      const cps = new Checkpoints(1 + rng.int(5));
      const base = randomList(p, rng);
      const fixed = rng.next() < 0.5 ? Int32Array.from({ length: p.n }, () => -1) : undefined;
      const saved = sgs.decodeSaving(base, emptyDecoded(p.n), cps, fixed);
      expect(view(saved)).toEqual(view(sgs.decode(base, emptyDecoded(p.n), fixed)));
      for (let m = 0; m < 4; m++) {
        // Another topological order that keeps the base list's first `at` positions.
        const at = rng.int(p.n + 1);
        const list = Int32Array.from(base);
        for (let swaps = 0; swaps < 3; swaps++) {
          const i = at + rng.int(Math.max(1, p.n - at - 1));
          const x = list[i]!;
          const y = list[i + 1];
          if (y === undefined || p.preds[y]!.includes(x)) continue;
          list[i] = y;
          list[i + 1] = x;
        }
        const teams = fixed && Int32Array.from(fixed, (t, j) => (list.indexOf(j) >= at && rng.next() < 0.5 ? saved.team[j]! : t));
        const resumed = emptyDecoded(p.n);
        const placed = sgs.decodeFrom(list, resumed, cps, at, teams);
        expect(placed).toBeLessThanOrEqual(p.n - Math.floor(Math.min(at, p.n) / cps.every) * cps.every + cps.every);
        if (placed < p.n) partial++;
        const full = sgs.decode(list, emptyDecoded(p.n), teams);
        if (teams) resumed.skillMatch = full.skillMatch = 0;
        expect(view(resumed)).toEqual(view(full));
      }
    }
    // The resumption is exercised, not only the fall-back to a full decode.
    expect(partial).toBeGreaterThan(RUNS);
  });

  it('derives the same resource flow as before, edge for edge and in the same order', () => {
    const rng = seededRandom(17);
    let edges = 0;
    for (let run = 0; run < RUNS; run++) {
      const p = randomProblem(rng);
      const s = new SerialSgs(p).decode(randomList(p, rng), emptyDecoded(p.n));
      const flow = resourceFlow(p, s.start, s.finish, s.team);
      expect(flow).toEqual(referenceFlow(p, s.start, s.finish, s.team));
      edges += flow.length;
    }
    expect(edges).toBeGreaterThan(RUNS);
  });
});
