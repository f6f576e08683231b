import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, schedulingProblem } from '../../src/domain/engine.js';
import { WorkCalendar } from '../../src/domain/calendar.js';
import { dateDays, withNotBefore } from '../../src/domain/date-constraints.js';
import { normalise } from '../../src/domain/input.js';
import type { PlanResult } from '../../src/domain/model.js';
import { areasOverlap } from '../../src/domain/tracking/areas.js';
import { dependencyLinks } from '../../src/schemas/dependency-links.js';
import type { PhaseInput, PlanInput, TeamInput } from '../../src/schemas/plan-input.js';
import { exhaustiveMakespan } from '../support/exhaustive-makespan.js';

const TOL = 1e-6;
/** Runs per property; raise with PROPERTY_RUNS=5000 for a deeper search. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const SKILLS = ['s0', 's1', 's2', 's3', 's4', 's5'];
const AREAS = ['api', 'api/auth', 'api/search', 'web'];

/** The spec of a team's planned capacity (README, Capacity), computed independently of the engine: FTE, fractional. */
const capacityOf = (t: TeamInput, bufferPercent: number) =>
  Math.round(t.size * ((t.availability ?? 100) / 100) * (Math.min(t.hoursPerWeek ?? 40, 40) / 40) * (1 - bufferPercent / 100) * 1e6) / 1e6;
/** Whole people a generated phase may ask for, so that some team is big enough. */
const seatsOf = (t: TeamInput, bufferPercent: number) => Math.max(1, Math.floor(t.size * ((t.availability ?? 100) / 100) * (1 - bufferPercent / 100) + 1e-9));
/** A generated team's size from the day it grows (its one capacity entry), else its size. */
const grownOf = (t: TeamInput) => ({ ...t, size: Math.max(t.size, ...(t.calendar?.capacity ?? []).map((c) => c.size)) });
/**
 * FTE a phase holds: its people, or the best skilled team's FTE when that is less (the phase is stretched);
 * the teams that have its people at their size count, or, when none has, those that grow to them, grown.
 */
const demandOf = (input: PlanInput, pi: PhaseInput) => {
  const size = pi.teamSize ?? 1;
  const buffer = input.constraints?.capacityBuffer ?? 20;
  const withSkills = input.teams.filter((t) => (pi.skills ?? []).every((s) => t.skills.includes(s)));
  const now = withSkills.filter((t) => t.size >= size);
  const skilled = now.length > 0 ? now : withSkills.map(grownOf).filter((t) => t.size >= size);
  return size === 0 ? 0 : Math.min(size, Math.max(...skilled.map((t) => capacityOf(t, buffer))));
};

interface RawPhase {
  team: number;
  skillMask: number;
  sizePick: number;
  duration: number | { optimistic: number; likely: number; pessimistic: number };
  deps: number[];
  /** Type and lag of each dependency, used when the input has typed links. */
  kinds: { type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number }[];
  pools: number[];
  areas: number[];
  priority: number;
  /** A start-no-earlier-than working day, or none. */
  notBefore: number | undefined;
}

const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 8 }),
  fc.integer({ min: 1, max: 800 }).map((x) => x / 100),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 })).map(([a, b, c]) => {
    const [optimistic, likely, pessimistic] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { optimistic, likely, pessimistic };
  }),
);

const baseArb = (maxPhases: number) =>
  fc.record({
    teams: fc.array(
      fc.record({
        size: fc.integer({ min: 1, max: 8 }),
        skills: fc.subarray(SKILLS),
        availability: fc.oneof(fc.constant(100), fc.integer({ min: 30, max: 100 })),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    buffer: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.constant(20)),
    pools: fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1.5, 2.5)), { maxLength: 3 }),
    sessions: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    integral: fc.boolean(),
    useAreas: fc.boolean(),
    /** Typed and lagged links (FS/SS/FF/SF, negative lags too) instead of plain finish-to-start. */
    typed: fc.boolean(),
    /** Whole-team leave per team, in working days [from, from + length), or none. */
    leave: fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 6 })), { nil: undefined }), { minLength: 5, maxLength: 5 }),
    /** Per team, growing by some people from a working day on, or not. */
    grow: fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 4 })), { nil: undefined, freq: 3 }), { minLength: 5, maxLength: 5 }),
    seed: fc.integer({ min: 0, max: 100_000 }),
    n: fc.integer({ min: 1, max: maxPhases }),
  });

const rawPhaseArb = (teams: number, pools: number): fc.Arbitrary<RawPhase> =>
  fc.record({
    team: fc.integer({ min: 0, max: teams - 1 }),
    skillMask: fc.integer({ min: 0, max: 63 }),
    sizePick: fc.integer({ min: 0, max: 99 }),
    duration: durationArb,
    deps: fc.array(fc.nat(1000), { maxLength: 3 }),
    kinds: fc.array(fc.record({ type: fc.constantFrom('FS', 'SS', 'FF', 'SF'), lag: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5)) }), {
      minLength: 3,
      maxLength: 3,
    }),
    pools: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: pools, maxLength: pools }),
    areas: fc.array(fc.integer({ min: 0, max: AREAS.length + 2 }), { maxLength: 2 }),
    priority: fc.integer({ min: 0, max: 3 }),
    notBefore: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 4 }),
  });

/** A random valid plan input: a DAG (listed in a shuffled order) whose every phase some team can run. */
const planInputArb = (maxPhases: number): fc.Arbitrary<PlanInput> =>
  baseArb(maxPhases)
    .chain((base) =>
      fc.record({
        base: fc.constant(base),
        raw: fc.array(rawPhaseArb(base.teams.length, base.pools.length), { minLength: base.n, maxLength: base.n }),
        order: fc.shuffledSubarray(
          Array.from({ length: base.n }, (_, i) => i),
          { minLength: base.n, maxLength: base.n },
        ),
      }),
    )
    .map(({ base, raw, order }): PlanInput => {
      const cal = new WorkCalendar('2027-01-04', { workingDays: [1, 2, 3, 4, 5], holidays: [] });
      const teams: TeamInput[] = base.teams.map((t, i) => {
        const leave = base.leave[i];
        const grow = base.grow[i];
        const calendar = {
          ...(leave ? { leave: [{ from: cal.dateOf(leave[0]), to: cal.dateOf(leave[0] + leave[1] - 1) }] } : {}),
          ...(grow ? { capacity: [{ from: cal.dateOf(grow[0]), size: t.size + grow[1] }] } : {}),
        };
        return { id: `team${i}`, size: t.size, skills: t.skills, availability: t.availability, ...(leave || grow ? { calendar } : {}) };
      });
      const phases: PhaseInput[] = raw.map((r, i) => {
        // Dependencies only on earlier phases of the DAG: acyclic by construction.
        const ids = i === 0 ? [] : [...new Set(r.deps.map((d) => `p${d % i}`))];
        const deps: NonNullable<PhaseInput['dependencies']> = base.typed
          ? ids.map((id, k) => ({ id, type: r.kinds[k]!.type, lagDays: base.integral ? Math.round(r.kinds[k]!.lag) : r.kinds[k]!.lag }))
          : ids;
        const team = teams[r.team]!;
        const skills = team.skills.filter((_, k) => (r.skillMask >> k) & 1);
        // Now and then as many people as the team has only once it has grown.
        const cap = seatsOf(r.priority === 3 ? grownOf(team) : team, base.buffer);
        const teamSize = r.sizePick < 10 ? 0 : r.sizePick >= 95 ? 0.5 : 1 + (r.sizePick % cap);
        let duration = r.duration;
        if (base.integral) duration = typeof duration === 'number' ? Math.round(duration) : duration.likely;
        const resources: Record<string, number> = {};
        base.pools.forEach((capacity, k) => {
          const u = r.pools[k]!;
          if (u >= 6) resources[`pool${k}`] = u === 9 ? capacity : Math.min(capacity, u - 5);
        });
        const areas = base.useAreas ? [...new Set(r.areas.filter((a) => a < AREAS.length).map((a) => AREAS[a]!))] : [];
        return {
          id: `p${i}`,
          name: `phase ${i}`,
          duration,
          dependencies: deps,
          skills,
          teamSize,
          ...(Object.keys(resources).length > 0 ? { resources } : {}),
          ...(areas.length > 0 ? { areas } : {}),
          priority: r.priority,
          ...(r.notBefore !== undefined ? { startNoEarlierThan: cal.dateOf(r.notBefore) } : {}),
        };
      });
      return {
        name: 'random',
        startDate: '2027-01-04',
        teams,
        infrastructure: base.pools.map((capacity, k) => ({ id: `pool${k}`, capacity })),
        phases: order.map((i) => phases[i]!),
        constraints: { capacityBuffer: base.buffer, ...(base.sessions !== undefined ? { maxConcurrentSessions: base.sessions } : {}) },
        planning: { seed: base.seed, iterations: 200 },
      };
    });
const inputArb = planInputArb(40);

/**
 * Peak of the summed demand of [start, finish) intervals, by sweeping their events. Events less
 * than TOL apart count as simultaneous, so back-to-back work (one ends as the next starts) does
 * not overlap; zero-length intervals hold nothing.
 */
function sweepPeak(intervals: { start: number; finish: number; q: number }[]): number {
  const events: [number, number][] = [];
  for (const { start, finish, q } of intervals) {
    if (finish - start <= 1e-9 || q === 0) continue;
    events.push([start, q], [finish, -q]);
  }
  events.sort((a, b) => a[0] - b[0]);
  let cur = 0;
  let peak = 0;
  for (let i = 0; i < events.length;) {
    const t0 = events[i]![0];
    for (; i < events.length && events[i]![0] - t0 <= TOL; i++) cur += events[i]![1];
    peak = Math.max(peak, cur);
  }
  return peak;
}

function checkPlan(input: PlanInput, plan: PlanResult): void {
  const { project, schedule, bounds, cpm } = plan;
  const { start, finish, team, makespan } = schedule;
  const n = input.phases.length;
  const buffer = input.constraints?.capacityBuffer ?? 20;
  expect(project.phases).toHaveLength(n);

  // Durations, starts, makespan.
  let last = 0;
  for (const p of project.phases) {
    const j = p.index;
    expect(start[j]!).toBeGreaterThanOrEqual(-TOL);
    expect(Math.abs(finish[j]! - start[j]! - p.duration)).toBeLessThan(TOL);
    // No schedule starts a phase before its critical-path earliest start.
    expect(start[j]!).toBeGreaterThanOrEqual(cpm.es[j]! - TOL);
    last = Math.max(last, finish[j]!);
  }
  expect(Math.abs(makespan - last)).toBeLessThan(TOL);

  // Precedence: every link as the input writes it, by its type and lag (computed here, not by the engine).
  input.phases.forEach((pi, j) => {
    for (const l of dependencyLinks(pi)) {
      const i = input.phases.findIndex((q) => q.id === l.id);
      const from = l.type === 'FS' || l.type === 'FF' ? finish[i]! : start[i]!;
      const to = l.type === 'FS' || l.type === 'SS' ? start[j]! : finish[j]!;
      expect(to, `${pi.id} ${l.type}${l.lagDays} ${l.id}`).toBeGreaterThanOrEqual(from + l.lagDays - TOL);
    }
  });

  // Team assignment: one team holding every skill and big enough; none when teamSize is 0.
  input.phases.forEach((pi, j) => {
    const t = team[j]!;
    if ((pi.teamSize ?? 1) === 0) {
      expect(t).toBe(-1);
      return;
    }
    expect(t).toBeGreaterThanOrEqual(0);
    const ti = input.teams[t]!;
    for (const s of pi.skills ?? []) expect(ti.skills).toContain(s);
    expect(grownOf(ti).size).toBeGreaterThanOrEqual(pi.teamSize ?? 1);
    expect(capacityOf(grownOf(ti), buffer)).toBeGreaterThanOrEqual(demandOf(input, pi) - TOL);
    // Stretched by people ÷ FTE held, so the person-days stay the same.
    expect(project.phases[j]!.duration * demandOf(input, pi)).toBeCloseTo(project.phases[j]!.fullStaffDuration * (pi.teamSize ?? 1), 6);
  });

  // Team capacity after the buffer: the team's size until the day it grows, its grown size from then on.
  const cal = new WorkCalendar(input.startDate, { workingDays: [1, 2, 3, 4, 5], holidays: [] });
  input.teams.forEach((ti, t) => {
    const cap = capacityOf(ti, buffer);
    expect(project.teams[t]!.capacity).toBe(cap);
    const grows = ti.calendar?.capacity?.[0];
    const from = grows ? cal.dayOf(grows.from) : Infinity;
    const on = input.phases.flatMap((pi, j) => (team[j] === t ? [{ start: start[j]!, finish: finish[j]!, q: demandOf(input, pi) }] : []));
    expect(sweepPeak(on.map((x) => ({ ...x, finish: Math.min(x.finish, from) })))).toBeLessThanOrEqual(cap + TOL);
    if (grows) expect(sweepPeak(on.map((x) => ({ ...x, start: Math.max(x.start, from) })))).toBeLessThanOrEqual(capacityOf(grownOf(ti), buffer) + TOL);
  });

  // Whole-team leave: no phase of the team runs on a day of it (dates mapped by the project calendar).
  // Start-no-earlier-than dates.
  input.phases.forEach((pi, j) => {
    if (pi.startNoEarlierThan !== undefined) expect(start[j]!).toBeGreaterThanOrEqual(cal.dayOf(pi.startNoEarlierThan) - TOL);
  });
  input.teams.forEach((ti, t) => {
    for (const l of ti.calendar?.leave ?? []) {
      const [from, to] = [cal.dayOf(l.from), cal.dayOf(l.to) + 1];
      for (let j = 0; j < n; j++)
        if (team[j] === t && finish[j]! - start[j]! > TOL)
          expect(finish[j]! <= from + TOL || start[j]! >= to - TOL, `${input.phases[j]!.id} on ${ti.id} during leave ${from}..${to}`).toBe(true);
    }
  });

  // Infrastructure pools.
  (input.infrastructure ?? []).forEach((pool) => {
    const used = sweepPeak(input.phases.map((pi, j) => ({ start: start[j]!, finish: finish[j]!, q: pi.resources?.[pool.id] ?? 0 })));
    expect(used).toBeLessThanOrEqual(pool.capacity + TOL);
  });

  // Concurrent sessions: phases that someone works on.
  const maxSessions = input.constraints?.maxConcurrentSessions;
  if (maxSessions !== undefined) {
    const sessions = sweepPeak(input.phases.map((pi, j) => ({ start: start[j]!, finish: finish[j]!, q: (pi.teamSize ?? 1) > 0 ? 1 : 0 })));
    expect(sessions).toBeLessThanOrEqual(maxSessions);
  }

  // Shared file areas are never worked by two phases at once.
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const aa = input.phases[a]!.areas ?? [];
      const ba = input.phases[b]!.areas ?? [];
      if (!aa.some((x) => ba.some((y) => areasOverlap(x, y)))) continue;
      const overlap = sweepPeak([
        { start: start[a]!, finish: finish[a]!, q: 1 },
        { start: start[b]!, finish: finish[b]!, q: 1 },
      ]);
      expect(overlap).toBeLessThanOrEqual(1);
    }
  }

  // Lower bounds.
  expect(bounds.criticalPath).toBeGreaterThanOrEqual(cpm.length - TOL);
  expect(bounds.best).toBeCloseTo(Math.max(bounds.criticalPath, bounds.resource, bounds.destructive), 9);
  expect(makespan).toBeGreaterThanOrEqual(bounds.criticalPath - TOL);
  expect(makespan).toBeGreaterThanOrEqual(bounds.resource - TOL);
  expect(makespan).toBeGreaterThanOrEqual(bounds.destructive - TOL);
  expect(makespan).toBeGreaterThanOrEqual(bounds.best - TOL);
  expect(bounds.gapPercent).toBeGreaterThanOrEqual(0);
  if (bounds.optimal) expect(Math.abs(makespan - bounds.best)).toBeLessThan(TOL);
  if (Math.abs(makespan - bounds.best) < 1e-9) expect(bounds.optimal).toBe(true);

  // Schedule slack.
  for (let j = 0; j < n; j++) {
    expect(plan.scheduleSlack[j]!).toBeGreaterThanOrEqual(0);
    expect(start[j]! + plan.scheduleSlack[j]! + project.phases[j]!.duration).toBeLessThanOrEqual(makespan + TOL);
  }

  // Waves: foundation, then parallel, then an integration tail; every phase in exactly one.
  const kinds = plan.waves.map((w) => w.kind).join(' ');
  expect(kinds).toMatch(/^foundation( parallel)*( integration)*$/);
  const count = new Int32Array(n);
  plan.waves.forEach((w, k) => {
    expect(w.index).toBe(k);
    expect(w.phases.length).toBeGreaterThan(0);
    for (const j of w.phases) {
      count[j]!++;
      expect(plan.waveOf[j]).toBe(k);
    }
  });
  expect(Array.from(count).every((c) => c === 1)).toBe(true);
  for (const p of project.phases) {
    expect(plan.waveOf[p.index] === 0).toBe(p.dependencies.length === 0);
    for (const d of p.dependencies) expect(plan.waveOf[p.index]!).toBeGreaterThan(plan.waveOf[d]!);
  }
}

/**
 * The optimal makespan by exhaustion, for tiny inputs: every precedence-feasible list decoded by
 * the serial scheme under every team assignment. For a fixed assignment the serial scheme's lists
 * reach every active schedule, and one of those is optimal.
 */
function bruteForceOptimum(input: PlanInput): number {
  // Start dates as release days, as the engine plans them (team leave is left out, and a growing team has its grown size throughout: a relaxation).
  const project = normalise(input);
  const dates = dateDays(project, new WorkCalendar(input.startDate, project.calendar));
  const p = schedulingProblem(project, dates ? withNotBefore(undefined, dates) : undefined);
  input.teams.forEach((ti, t) => (p.capacity[t] = capacityOf(grownOf(ti), input.constraints?.capacityBuffer ?? 20)));
  return exhaustiveMakespan(p);
}

/**
 * The input with every link finish-to-start and no lead. With links whose time lag from the
 * predecessor's start can be negative (SF, FF, leads), lists that place a predecessor first do not
 * reach every active schedule (an SF successor may have to run before its predecessor), so the
 * exhaustion below is only an optimum for these; the other properties cover the typed links.
 */
const finishToStart = (input: PlanInput): PlanInput => ({
  ...input,
  phases: input.phases.map((ph) => ({ ...ph, dependencies: dependencyLinks(ph).map((l) => ({ id: l.id, type: 'FS' as const, lagDays: Math.max(0, l.lagDays) })) })),
});

describe('schedule properties on random inputs', () => {
  it('the lower bounds never exceed the optimum (tiny inputs, solved by exhaustion)', () => {
    fc.assert(
      fc.property(planInputArb(5).map(finishToStart), (input) => {
        const plan = computePlan(input);
        const optimum = bruteForceOptimum(input);
        expect(plan.schedule.makespan).toBeGreaterThanOrEqual(optimum - TOL);
        expect(plan.bounds.best).toBeLessThanOrEqual(optimum + TOL);
        if (plan.bounds.optimal) expect(plan.schedule.makespan).toBeCloseTo(optimum, 6);
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 2)) },
    );
  });

  it('every schedule keeps every link type and lag, team leave and growth, start dates, capacities, skills and its lower bounds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        checkPlan(input, computePlan(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('the same input and seed give the same schedule', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = computePlan(input).schedule;
        const b = computePlan(input).schedule;
        expect(Array.from(b.start)).toEqual(Array.from(a.start));
        expect(Array.from(b.team)).toEqual(Array.from(a.team));
      }),
      { numRuns: Math.max(5, Math.round(RUNS / 7)) },
    );
  });
});
