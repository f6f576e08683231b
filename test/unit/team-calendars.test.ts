import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { simulateSchedule } from '../../src/domain/montecarlo/index.js';
import { planProject } from '../../src/domain/plan.js';
import type { PlanInput, TeamInput } from '../../src/schemas/plan-input.js';

// 2027-01-04 is a Monday: working days 0–4 are Jan 4–8, 5–9 Jan 11–15, 10–14 Jan 18–22.
function input(teams: TeamInput[], phases: PlanInput['phases']): PlanInput {
  return {
    name: 'calendars',
    startDate: '2027-01-04',
    teams,
    phases,
    constraints: { capacityBuffer: 0 },
    planning: { iterations: 100, monteCarloIterations: 200, defaultSpreadPercent: 0 },
  };
}
const day = (r: ReturnType<typeof computePlan>, id: string) => {
  const j = r.project.phases.find((p) => p.id === id)!.index;
  return [r.schedule.start[j], r.schedule.finish[j], r.schedule.team[j]];
};

describe('team calendars', () => {
  it('whole-team leave delays a phase past it, and the execution plan names the leave', () => {
    const teams: TeamInput[] = [{ id: 'web', size: 1, skills: ['ui'], calendar: { leave: [{ from: '2027-01-06', to: '2027-01-12', reason: 'offsite' }] } }];
    const phases = [{ id: 'page', name: 'Page', duration: 3, skills: ['ui'] }];
    const r = computePlan(input(teams, phases));
    // Jan 6–12 is days 2–6: three days do not fit before it, so the phase runs days 7–10.
    expect(day(r, 'page')).toEqual([7, 10, 0]);
    const entry = planProject(input(teams, phases)).artifacts['execution-plan.json'].schedule[0]!;
    expect(entry.note).toBe('web: leave 2027-01-06–2027-01-12 (offsite, whole team) — starts 2027-01-13, after it');
  });

  it('leave of one team moves a phase to another team that holds the skills, and says so', () => {
    const teams: TeamInput[] = [
      { id: 'a', size: 2, skills: ['api'], calendar: { leave: [{ from: '2027-01-04', to: '2027-01-08', people: 2, reason: 'training' }] } },
      { id: 'b', size: 1, skills: ['api'] },
    ];
    const phases = [{ id: 'svc', name: 'Service', duration: 4, skills: ['api'], teamSize: 1 }];
    const r = computePlan(input(teams, phases));
    expect(day(r, 'svc')).toEqual([0, 4, 1]);
    const entry = planProject(input(teams, phases)).artifacts['execution-plan.json'].schedule[0]!;
    expect(entry.note).toBe('a: leave 2027-01-04–2027-01-08 (training, 2 people) — planned on b');
  });

  it('partial leave leaves the rest of the team working; non-working days and a growing team change what fits', () => {
    // 3 people, 2 away days 0–4: one phase of 1 person runs, the second of 1 waits until day 5.
    const r = computePlan(
      input(
        [{ id: 't', size: 3, skills: [], calendar: { leave: [{ from: '2027-01-04', to: '2027-01-08', people: 2 }] } }],
        [
          { id: 'x', name: 'X', duration: 2 },
          { id: 'y', name: 'Y', duration: 2 },
        ],
      ),
    );
    expect([r.schedule.start[0], r.schedule.start[1]].sort()).toEqual([0, 2]);
    // A team of 1 growing to 3 from Jan 11 (day 5): three 3-day phases run 0–3, 3–6 and, once the team has grown, 5–8 (not 6–9).
    const grown = computePlan(
      input(
        [{ id: 't', size: 1, skills: [], calendar: { capacity: [{ from: '2027-01-11', size: 3 }] } }],
        ['u', 'v', 'w'].map((id) => ({ id, name: id, duration: 3 })),
      ),
    );
    expect(Array.from(grown.schedule.start).sort()).toEqual([0, 3, 5]);
    expect(grown.schedule.makespan).toBe(8);
    // A team non-working day on Jan 5 (day 1): a 2-day phase cannot span it.
    const off = computePlan(input([{ id: 't', size: 1, skills: [], calendar: { nonWorkingDays: ['2027-01-05'] } }], [{ id: 'p', name: 'P', duration: 2 }]));
    expect(day(off, 'p')).toEqual([2, 4, 0]);
  });

  it('refuses leave that ends before it begins, with the path', () => {
    try {
      computePlan(input([{ id: 't', size: 1, skills: [], calendar: { leave: [{ from: '2027-01-08', to: '2027-01-06' }] } }], [{ id: 'p', name: 'P', duration: 1 }]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanInputError);
      expect((e as PlanInputError).issues[0]).toMatchObject({ code: 'invalid_leave', path: '/teams/0/calendar/leave/0/to' });
    }
  });

  it('Monte Carlo: a late predecessor pushes a phase into its team’s leave, and the samples wait for the leave to end', () => {
    // a (no team; 2/3/9 days, PERT mean 3.83) then b (team web, 2 days). web is away Jan 13–19 (days 7–11): b is planned
    // 3.83..5.83, before it. A sample in which a runs past day 5 would put b into the leave, so b starts on day 12 there.
    const base = (leave: boolean) =>
      input(
        [{ id: 'web', size: 1, skills: ['ui'], ...(leave ? { calendar: { leave: [{ from: '2027-01-13', to: '2027-01-19' }] } } : {}) }],
        [
          { id: 'a', name: 'A', duration: { optimistic: 2, likely: 3, pessimistic: 9 }, teamSize: 0 },
          { id: 'b', name: 'B', duration: 2, skills: ['ui'], dependencies: ['a'] },
        ],
      );
    const r = computePlan(base(true));
    expect(day(r, 'b')).toEqual([expect.closeTo(3.83, 2), expect.closeTo(5.83, 2), 0]);
    const mc = simulateSchedule(r, { iterations: 1000, seed: 2 });
    const free = simulateSchedule(computePlan(base(false)), { iterations: 1000, seed: 2 });
    // Without the leave no sample ends after 9 + 2; with it, the overrunning samples end at 12 + 2 = 14.
    expect(free.makespan.p95).toBeLessThanOrEqual(11);
    expect(mc.makespan.p95).toBe(14);
    expect(mc.makespan.p50).toBeCloseTo(free.makespan.p50, 9);
  });
});
