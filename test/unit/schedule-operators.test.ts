import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, schedulingProblem } from '../../src/domain/engine.js';
import { normalise } from '../../src/domain/input.js';
import { seededRandom } from '../../src/domain/random.js';
import { Justifier } from '../../src/domain/schedule/justify.js';
import { peakWindow, resampleBlock, shiftMutation, swapMutation, twoPointCrossover, windowCrossover } from '../../src/domain/schedule/operators.js';
import { type SchedulingProblem } from '../../src/domain/schedule/problem.js';
import { sampledList } from '../../src/domain/schedule/rules.js';
import { LANES, LaneEvaluator, type LaneWork, type SearchHelper } from '../../src/domain/schedule/lanes.js';
import { lanesFor, populationFor, searchSchedule, type SearchResult } from '../../src/domain/schedule/search.js';
import { copyDecoded, emptyDecoded, SerialSgs, type Decoded } from '../../src/domain/schedule/sgs.js';
import { areasOverlap } from '../../src/domain/tracking/areas.js';
import type { PhaseInput, PlanInput } from '../../src/schemas/plan-input.js';

const TOL = 1e-6;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const SKILLS = ['s0', 's1', 's2', 's3'];
const AREAS = ['api', 'api/auth', 'api/search', 'web'];

/** Small random plans with teams and skills, pools, a session limit and shared file areas. */
const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    teams: fc.array(fc.record({ size: fc.integer({ min: 1, max: 6 }), skills: fc.subarray(SKILLS) }), { minLength: 1, maxLength: 4 }),
    pool: fc.integer({ min: 1, max: 3 }),
    sessions: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    integral: fc.boolean(),
    seed: fc.integer({ min: 0, max: 10_000 }),
    phases: fc.array(
      fc.record({
        team: fc.nat(),
        skillMask: fc.integer({ min: 0, max: 15 }),
        duration: fc.integer({ min: 0, max: 600 }),
        deps: fc.array(fc.nat(), { maxLength: 3 }),
        pool: fc.integer({ min: 0, max: 3 }),
        areas: fc.array(fc.integer({ min: 0, max: AREAS.length + 1 }), { maxLength: 2 }),
        big: fc.boolean(),
      }),
      { minLength: 2, maxLength: 25 },
    ),
  })
  .map((r): PlanInput => {
    const teams = r.teams.map((t, i) => ({ id: `team${i}`, size: t.size, skills: t.skills }));
    const phases: PhaseInput[] = r.phases.map((ph, i) => {
      const team = r.teams[ph.team % r.teams.length]!;
      const skills = team.skills.filter((_, k) => (ph.skillMask >> k) & 1);
      const cap = Math.max(1, Math.floor(team.size * 0.8 + 1e-9));
      const areas = [...new Set(ph.areas.filter((a) => a < AREAS.length).map((a) => AREAS[a]!))];
      return {
        id: `p${i}`,
        name: `phase ${i}`,
        duration: r.integral ? Math.round(ph.duration / 100) : ph.duration / 100,
        dependencies: i === 0 ? [] : [...new Set(ph.deps.map((d) => `p${d % i}`))],
        skills,
        teamSize: ph.big ? cap : 1,
        ...(ph.pool > 0 ? { resources: { shared: Math.min(ph.pool, r.pool) } } : {}),
        ...(areas.length > 0 ? { areas } : {}),
      };
    });
    return {
      name: 'operators',
      startDate: '2027-01-04',
      teams,
      infrastructure: [{ id: 'shared', capacity: r.pool }],
      phases,
      ...(r.sessions !== undefined ? { constraints: { maxConcurrentSessions: r.sessions } } : {}),
      planning: { seed: r.seed, iterations: 3000 },
    };
  });

/** True when `list` holds every phase once and every phase after its predecessors. */
function precedenceFeasible(p: SchedulingProblem, list: Int32Array): boolean {
  const at = new Int32Array(p.n).fill(-1);
  list.forEach((j, k) => (at[j] = k));
  if (list.length !== p.n || at.some((k) => k < 0)) return false;
  for (let j = 0; j < p.n; j++) for (const q of p.preds[j]!) if (at[q]! > at[j]!) return false;
  return true;
}

function peak(intervals: { s: number; f: number; q: number }[]): number {
  const events: [number, number][] = [];
  for (const { s, f, q } of intervals) if (f - s > 1e-9 && q > 0) events.push([s, q], [f, -q]);
  events.sort((a, b) => a[0] - b[0]);
  let cur = 0;
  let max = 0;
  for (let i = 0; i < events.length;) {
    const t0 = events[i]![0];
    for (; i < events.length && events[i]![0] - t0 <= TOL; i++) cur += events[i]![1];
    max = Math.max(max, cur);
  }
  return max;
}

/** Checks a schedule against the plan input itself: precedences, eligible teams, team, pool and session capacities, areas. */
function checkSchedule(input: PlanInput, p: SchedulingProblem, s: Pick<Decoded, 'start' | 'finish' | 'team'>): void {
  const project = normalise(input);
  for (let j = 0; j < p.n; j++) {
    expect(s.finish[j]! - s.start[j]!).toBeCloseTo(p.duration[j]!, 9);
    expect(s.start[j]!).toBeGreaterThanOrEqual(-TOL);
    for (const q of p.preds[j]!) expect(s.start[j]!).toBeGreaterThanOrEqual(s.finish[q]! - TOL);
    const ph = input.phases[j]!;
    const t = s.team[j]!;
    expect(t).toBeGreaterThanOrEqual(0);
    for (const skill of ph.skills ?? []) expect(input.teams[t]!.skills).toContain(skill);
  }
  project.teams.forEach((team, t) => {
    // A phase holds its staffing demand (full-time equivalents, capacity.ts), not its head count.
    const used = peak(input.phases.flatMap((_ph, j) => (s.team[j] === t ? [{ s: s.start[j]!, f: s.finish[j]!, q: project.phases[j]!.demand }] : [])));
    expect(used).toBeLessThanOrEqual(team.capacity + TOL);
  });
  const pool = input.infrastructure![0]!;
  expect(peak(input.phases.map((ph, j) => ({ s: s.start[j]!, f: s.finish[j]!, q: ph.resources?.shared ?? 0 })))).toBeLessThanOrEqual(pool.capacity + TOL);
  const sessions = input.constraints?.maxConcurrentSessions;
  if (sessions !== undefined) expect(peak(input.phases.map((_, j) => ({ s: s.start[j]!, f: s.finish[j]!, q: 1 })))).toBeLessThanOrEqual(sessions + TOL);
  for (let a = 0; a < p.n; a++) {
    for (let b = a + 1; b < p.n; b++) {
      const aa = input.phases[a]!.areas ?? [];
      const ba = input.phases[b]!.areas ?? [];
      if (!aa.some((x) => ba.some((y) => areasOverlap(x, y)))) continue;
      expect(
        peak([
          { s: s.start[a]!, f: s.finish[a]!, q: 1 },
          { s: s.start[b]!, f: s.finish[b]!, q: 1 },
        ]),
      ).toBeLessThanOrEqual(1);
    }
  }
}

describe('search operators on random small plans with teams, skills and areas', () => {
  it('every operator keeps lists precedence-feasible, and both schemes decode them to feasible schedules', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = schedulingProblem(normalise(input));
        const rng = seededRandom(input.planning!.seed!);
        const sgs = new SerialSgs(p);
        const justifier = new Justifier(p, sgs);
        const key = Float64Array.from({ length: p.n }, () => rng.next());
        const taken = new Uint8Array(p.n);
        const scratch = new Int32Array(p.n);
        const mother = sampledList(p, key, rng);
        const father = sampledList(p, key, rng);
        const motherSchedule = sgs.decode(mother, emptyDecoded(p.n));
        const justified = justifier.improve(motherSchedule);
        const children = [
          twoPointCrossover(justified, father, rng, taken),
          windowCrossover(justified, motherSchedule, father, peakWindow(p, motherSchedule, motherSchedule.makespan / 3, rng)),
          resampleBlock(p, justified, Math.floor(p.n / 3), p.n, motherSchedule.start, rng, new Uint8Array(p.n)),
        ];
        const mutated = Int32Array.from(father);
        swapMutation(p, mutated, rng, 0.5);
        for (let k = 0; k < 5; k++) shiftMutation(p, mutated, rng, scratch);
        children.push(mutated);
        for (const child of children) {
          expect(precedenceFeasible(p, child)).toBe(true);
          checkSchedule(input, p, sgs.decode(child, emptyDecoded(p.n)));
          const parallel = sgs.decodeParallel(child, emptyDecoded(p.n));
          checkSchedule(input, p, parallel);
          const before = parallel.makespan;
          const both = copyDecoded(parallel, emptyDecoded(p.n));
          justifier.improve(parallel);
          expect(parallel.makespan).toBeLessThanOrEqual(before + TOL);
          // The parallel scheme both ways (these plans have no releases, pins or typed links, so time reverses).
          expect(precedenceFeasible(p, justifier.improveParallel(both))).toBe(true);
          expect(both.makespan).toBeLessThanOrEqual(before + TOL);
          checkSchedule(input, p, both);
          checkSchedule(input, p, parallel);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the peak window is the busiest of the window starts it samples (usage relative to capacity, summed phase by phase)', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0.05, max: 1, noNaN: true }), (input, share) => {
        const p = schedulingProblem(normalise(input));
        const seed = input.planning!.seed!;
        const s = new SerialSgs(p).decode(
          sampledList(
            p,
            Float64Array.from({ length: p.n }, (_, j) => j),
            seededRandom(seed),
          ),
          emptyDecoded(p.n),
        );
        const width = s.makespan * share;
        const usage = (a: number, b: number) => {
          let sum = 0;
          for (let j = 0; j < p.n; j++) {
            if (s.finish[j]! - s.start[j]! <= 0) continue;
            let w = s.team[j]! >= 0 ? p.teamSize[j]! / p.capacity[s.team[j]!]! : 0;
            p.poolRes[j]!.forEach((r, k) => (w += p.poolQty[j]![k]! / p.capacity[r]!));
            sum += w * Math.max(0, Math.min(b, s.finish[j]!) - Math.max(a, s.start[j]!));
          }
          return sum;
        };
        const [a, b] = peakWindow(p, s, width, seededRandom(seed + 1));
        const busy = s.makespan > 0 && usage(0, s.makespan) > 0;
        expect(b - a).toBeCloseTo(busy ? width : s.makespan, 9);
        if (!busy) return;
        // The same eight draws the operator makes.
        const draws = seededRandom(seed + 1);
        const starts = Array.from({ length: 8 }, () => draws.next() * Math.max(0, s.makespan - width));
        expect(starts).toContain(a);
        const busiest = Math.max(...starts.map((x) => usage(x, x + width)));
        expect(usage(a, b)).toBeGreaterThanOrEqual(busiest - 1e-9 * (1 + busiest));
      }),
      { numRuns: RUNS },
    );
  });

  it('where time cannot be reversed (a release), the parallel justification is the serial one', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plain = schedulingProblem(normalise(input));
        const p: SchedulingProblem = { ...plain, release: Float64Array.from(plain.release, (_, j) => (j === plain.n - 1 ? 1 : 0)) };
        const sgs = new SerialSgs(p);
        const decoded = sgs.decodeParallel(
          sampledList(
            p,
            Float64Array.from({ length: p.n }, (_, j) => j),
            seededRandom(input.planning!.seed!),
          ),
          emptyDecoded(p.n),
        );
        const serial = copyDecoded(decoded, emptyDecoded(p.n));
        const listSerial = new Justifier(p, sgs).improve(serial);
        const viaParallel = copyDecoded(decoded, emptyDecoded(p.n));
        const listParallel = new Justifier(p, sgs).improveParallel(viaParallel);
        expect(Array.from(listParallel)).toEqual(Array.from(listSerial));
        expect(Array.from(viaParallel.start)).toEqual(Array.from(serial.start));
        checkSchedule(input, p, viaParallel);
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
  });

  it('the whole search (renewals and window re-solves included) returns a feasible schedule, the same for the same seed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = computePlan(input);
        checkSchedule(input, schedulingProblem(a.project), a.schedule);
        expect(a.search.evaluated).toBeLessThanOrEqual(input.planning!.iterations! + 2);
        expect(a.schedule.makespan).toBeGreaterThanOrEqual(a.bounds.best - TOL);
        const b = computePlan(input);
        expect(Array.from(b.schedule.start)).toEqual(Array.from(a.schedule.start));
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
  });

  it('a child that decodes to a schedule met before costs one schedule (no justification) and the search stays feasible and deterministic', () => {
    let repeatedSomewhere = false;
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = schedulingProblem(normalise(input));
        const run = () => {
          const rng = seededRandom(input.planning!.seed!);
          const key = Float64Array.from({ length: p.n }, (_, j) => j);
          return searchSchedule(p, { rng, iterations: 1500, timeBudgetMs: Infinity, lowerBound: 0, rules: [{ name: 'input-order', key }] });
        };
        const a = run();
        checkSchedule(input, p, a.best);
        // Every justified individual costs three passes (decode, backward, forward), a repeated decode one.
        expect((a.evaluated - a.repeated) % 3).toBe(0);
        expect(a.repeated).toBeLessThanOrEqual(a.evaluated);
        expect(a.evaluated).toBeLessThanOrEqual(1500 + 2);
        if (a.repeated > 0) repeatedSomewhere = true;
        const b = run();
        expect(Array.from(b.best.start)).toEqual(Array.from(a.best.start));
        expect(b.repeated).toBe(a.repeated);
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
    expect(repeatedSomewhere).toBe(true);
  });

  it('the population grows with the schedule budget, and a large budget keeps the search feasible and deterministic', () => {
    expect([1000, 5000, 6400, 16_000, 50_000, 1_000_000].map(populationFor)).toEqual([40, 40, 40, 100, 313, 500]);
    let compared = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = schedulingProblem(normalise(input));
        const key = Float64Array.from({ length: p.n }, (_, j) => j);
        const run = (populationSize?: number) =>
          searchSchedule(p, {
            rng: seededRandom(input.planning!.seed!),
            iterations: 20_000,
            timeBudgetMs: Infinity,
            lowerBound: 0,
            rules: [{ name: 'input-order', key }],
            ...(populationSize ? { populationSize } : {}),
          });
        const grown = run();
        checkSchedule(input, p, grown.best);
        expect(Array.from(run().best.start)).toEqual(Array.from(grown.best.start));
        // 125 members instead of 40: a generation breeds as many children as there are members, so fewer generations fit.
        const small = run(40);
        if (grown.evaluated >= 20_000 && small.evaluated >= 20_000) {
          compared++;
          expect(grown.generations).toBeLessThan(small.generations);
        }
      }),
      { numRuns: 5 },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it('a laned search is feasible and deterministic, and the same with a helper, a helper that refuses the work or gives up on it, and none', () => {
    expect([100, 500, 501, 2000, 10_000].map(lanesFor)).toEqual([1, 1, LANES, LANES, LANES]);
    let helped = 0;
    let refusedOnce = false;
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = schedulingProblem(normalise(input));
        const run = (helper?: SearchHelper): SearchResult => {
          const rng = seededRandom(input.planning!.seed!);
          const key = Float64Array.from({ length: p.n }, (_, j) => j);
          return searchSchedule(p, {
            rng,
            iterations: 600,
            timeBudgetMs: Infinity,
            lowerBound: 0,
            rules: [
              { name: 'input-order', key },
              { name: 'reverse', key: key.map((x) => -x) },
            ],
            lanes: LANES,
            ...(helper ? { helper } : {}),
          });
        };
        const alone = run();
        checkSchedule(input, p, alone.best);
        // Each lane may pass its share of the budget by one justified decode, as the unlaned search passes the whole.
        expect(alone.evaluated).toBeLessThanOrEqual(600 + 2 * LANES);
        expect(alone.helpedLanes).toBe(0);
        for (const mode of ['answers', 'refuses', 'gives up'] as const) {
          const h = laneHelper(p, mode);
          const r = run(h.helper);
          expect(Array.from(r.best.start)).toEqual(Array.from(alone.best.start));
          expect(Array.from(r.best.team)).toEqual(Array.from(alone.best.team));
          expect([r.evaluated, r.repeated, r.generations, r.origin]).toEqual([alone.evaluated, alone.repeated, alone.generations, alone.origin]);
          expect(h.closed()).toBe(true);
          if (mode === 'answers') {
            expect(r.helpedLanes).toBe(h.lanes());
            helped += r.helpedLanes;
          } else {
            expect(r.helpedLanes).toBe(0);
            if (h.lanes() > 0) refusedOnce = true;
          }
        }
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
    expect(helped).toBeGreaterThan(0);
    expect(refusedOnce).toBe(true);
  });
});

/** A helper in this thread: it answers each lane with the lane evaluator a thread would use, refuses every lane, or takes lanes and never answers. */
function laneHelper(p: SchedulingProblem, mode: 'answers' | 'refuses' | 'gives up') {
  const lane = new LaneEvaluator(p, undefined);
  let work: LaneWork | undefined;
  let lanes = 0;
  let closed = false;
  const helper: SearchHelper = {
    start(w) {
      lanes++;
      if (mode === 'refuses') return false;
      work = w;
      return true;
    },
    finish() {
      const w = work!;
      work = undefined;
      return mode === 'answers' ? lane.run(w) : undefined;
    },
    close: () => (closed = true),
  };
  return { helper, lanes: () => lanes, closed: () => closed };
}
