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

describe('team calendars: capacity growth and eligibility', () => {
  const growing: TeamInput = { id: 't', size: 4, skills: [], calendar: { capacity: [{ from: '2027-01-11', size: 6 }] } };

  it('a team of 4 becoming 6 from Jan 11 (day 5) takes a phase needing 5 people from that day on', () => {
    // "big" (5 people, 3 days) has no predecessor, yet only 4 are there until day 5: it runs days 5–8; "a" (1 person) runs at once.
    const r = computePlan(
      input(
        [growing],
        [
          { id: 'a', name: 'A', duration: 2 },
          { id: 'big', name: 'Big', duration: 3, teamSize: 5 },
        ],
      ),
    );
    expect(day(r, 'a')).toEqual([0, 2, 0]);
    expect(day(r, 'big')).toEqual([5, 8, 0]);
    expect(r.project.phases[1]!.demand).toBe(5);
    expect(r.project.eligibleTeams[1]).toEqual([0]);
  });

  it('with the default 20 % buffer the grown team has 4.8 FTE: the phase of 5 is stretched to 3 × 5 ÷ 4.8 = 3.125 days after the growth', () => {
    const plan = input([growing], [{ id: 'big', name: 'Big', duration: 3, teamSize: 5 }]);
    const r = computePlan({ ...plan, constraints: {} });
    expect(day(r, 'big')).toEqual([5, 8.125, 0]);
    expect(r.project.phases[0]!.demand).toBeCloseTo(4.8, 9);
  });

  it('a team that has the people at its size keeps today’s staffing; a growing team becomes a second eligible team', () => {
    // s has 5 people now; t grows to 6 on day 5. p (5 people, 6 days) runs on s 0–6; q (5 people, 3 days) on t once it has grown, 5–8, not on s at day 6.
    const r = computePlan(
      input(
        [{ id: 's', size: 5, skills: [] }, growing],
        [
          { id: 'p', name: 'P', duration: 6, teamSize: 5, priority: 1 },
          { id: 'q', name: 'Q', duration: 3, teamSize: 5 },
        ],
      ),
    );
    expect(r.project.eligibleTeams).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(r.project.phases.map((p) => p.demand)).toEqual([5, 5]);
    expect(day(r, 'p')).toEqual([0, 6, 0]);
    expect(day(r, 'q')).toEqual([5, 8, 1]);
  });

  it('refuses a phase no team ever has the people for (no_eligible_team), and one only a team that shrank before it could start had them for (no_capacity_window)', () => {
    const refusal = (plan: PlanInput) => {
      try {
        computePlan(plan);
      } catch (e) {
        expect(e).toBeInstanceOf(PlanInputError);
        return (e as PlanInputError).issues[0];
      }
      return expect.unreachable();
    };
    expect(refusal(input([growing], [{ id: 'big', name: 'Big', duration: 3, teamSize: 7 }]))).toEqual({
      code: 'no_eligible_team',
      message: 'phase "big" needs 7 people; the teams with its skills have at most 6 on any day of their calendars',
      path: '/phases/0/teamSize',
      ids: ['big'],
    });
    // 6 people until Jan 11 (day 5), then 4; "big" (5 people) can only start on day 10, after "a".
    const shrinking: TeamInput = { id: 't', size: 6, skills: [], calendar: { capacity: [{ from: '2027-01-11', size: 4 }] } };
    const late = [
      { id: 'a', name: 'A', duration: 10, teamSize: 0 },
      { id: 'big', name: 'Big', duration: 3, teamSize: 5, dependencies: ['a'] },
    ];
    expect(refusal(input([shrinking], late))).toEqual({
      code: 'no_capacity_window',
      message: 'phase "big" needs 5 FTE of its team, and no team that may take it has them on any day it can start (t: team of 4 from 2027-01-11)',
      path: '/phases/1/teamSize',
      ids: ['big'],
    });
    // Without the wait it fits the early window: days 0–3.
    expect(
      day(
        computePlan(
          input(
            [shrinking],
            [late[1]!].map((p) => ({ ...p, dependencies: [] })),
          ),
        ),
        'big',
      ),
    ).toEqual([0, 3, 0]);
  });

  it('does not refuse a phase that another team’s leave delayed past the dates its own team’s calendar names', () => {
    // "early" names only Jan 6 (day 2); "s2" is away Jan 22–29 (days 14–19), so "build" (6 days,
    // not before Jan 15 = day 9) waits for it to come back on day 20, and "done" follows on day 26.
    const early: TeamInput = { id: 'early', size: 1, skills: [], calendar: { capacity: [{ from: '2027-01-06', size: 2 }] } };
    const skilled: TeamInput = { id: 's2', size: 2, skills: ['s2'], calendar: { leave: [{ from: '2027-01-22', to: '2027-01-29' }] } };
    const plan = computePlan(
      input(
        [early, skilled],
        [
          { id: 'build', name: 'Build', duration: 6, skills: ['s2'], teamSize: 1, startNoEarlierThan: '2027-01-15' },
          { id: 'done', name: 'Done', duration: 1, teamSize: 1, dependencies: ['build'] },
        ],
      ),
    );
    expect(day(plan, 'build')).toEqual([20, 26, 1]);
    expect(day(plan, 'done')).toEqual([26, 27, 0]);
  });
});
