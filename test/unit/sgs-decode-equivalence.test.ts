import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
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

describe('the serial decoder with flat arrays, galloping profile searches', () => {
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
