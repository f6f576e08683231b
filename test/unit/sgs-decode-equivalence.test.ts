import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { Checkpoints } from '../../src/domain/schedule/checkpoints.js';
import { resourceFlow } from '../../src/domain/schedule/flow.js';
import { emptyDecoded, SerialSgs, type Decoded } from '../../src/domain/schedule/sgs.js';
import { randomList, randomProblem } from '../support/random-problem.js';
import { resourceFlow as referenceFlow } from '../support/reference-sgs/flow.js';
import { SerialSgs as ReferenceSgs } from '../support/reference-sgs/sgs.js';

/** Instances per property; raise with PROPERTY_RUNS for a deeper search. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

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
