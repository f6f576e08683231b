import { describe, expect, it } from 'vitest';
import { inputCapacities, peakTeamSize, phaseStaffing, staffPhase, teamCapacity } from '../../src/domain/capacity.js';
import { computePlan } from '../../src/domain/engine.js';
import { planProject } from '../../src/domain/plan.js';
import { trackingStatus } from '../../src/domain/tracking/status.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  name: 'capacity',
  startDate: '2027-01-04',
  teams: [{ id: 't', size: 1, skills: ['x'] }],
  phases: [
    { id: 'a', name: 'A', duration: 2, skills: ['x'] },
    { id: 'b', name: 'B', duration: 3, skills: ['x'], dependencies: ['a'] },
  ],
  planning: { seed: 1, iterations: 50, monteCarloIterations: 50 },
  ...over,
});

describe('capacity: what a team contributes', () => {
  it('is size × availability × min(hours, 40)/40 × (1 − buffer), fractional', () => {
    expect(teamCapacity(1, 0.5, 0.2)).toBe(0.4); // 1 × 0.5 × 1 × 0.8
    expect(teamCapacity(4, 0.9, 0.2)).toBe(2.88); // 4 × 0.9 × 0.8 (no float noise)
    expect(teamCapacity(2, 0.8, 0.2, 32)).toBe(1.024); // 2 × 0.8 × 0.8 × 0.8
    expect(teamCapacity(3, 1, 0, 60)).toBe(3); // more hours than full time are not more capacity
  });

  it('a 1-person team at 50 % is never a full-time person: its phases take 2 ÷ 0.4 = 5 and 3 ÷ 0.4 = 7.5 days', () => {
    const input = base({ teams: [{ id: 't', size: 1, skills: ['x'], availability: 50 }], constraints: { capacityBuffer: 20 } });
    const r = computePlan(input);
    expect(r.project.teams[0]!.capacity).toBe(0.4);
    expect(r.project.phases.map((p) => p.duration)).toEqual([5, 7.5]);
    expect(r.project.phases.map((p) => p.demand)).toEqual([0.4, 0.4]);
    expect(r.schedule.makespan).toBe(12.5);
    // 5 person-days of work on 0.4 FTE over 12.5 days: the team is fully used.
    expect(r.metrics.teamLoads[0]!.workDays).toBeCloseTo(5, 9);
    expect(r.metrics.utilisation).toBeCloseTo(1, 9);
  });

  it('the buffer applies to a one-person team too: 20 % buffer stretches 2 days to 2.5', () => {
    const r = computePlan(base({ constraints: { capacityBuffer: 20 } }));
    expect(r.project.phases[0]!.duration).toBe(2.5);
    const none = computePlan(base({ constraints: { capacityBuffer: 0 } }));
    expect(none.project.phases[0]!.duration).toBe(2);
  });

  it('a team with room for the phase runs it at its estimate; concurrency is limited by FTE (3.2 FTE → 3 one-person phases at once)', () => {
    const input = base({
      teams: [{ id: 't', size: 4, skills: ['x'] }],
      phases: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, duration: 2, skills: ['x'] })),
      constraints: { capacityBuffer: 20 },
    });
    const r = computePlan(input);
    expect(r.project.teams[0]!.capacity).toBe(3.2);
    expect(r.project.phases.every((p) => p.duration === 2 && p.demand === 1)).toBe(true);
    expect(r.schedule.makespan).toBe(4); // three in days 0–2, the fourth in 2–4
    // 8 person-days ÷ (3.2 FTE × 4 days) = 62.5 %
    expect(r.metrics.utilisation).toBeCloseTo(0.625, 9);
  });

  it('a phase needing more FTE than any team has is held at the best team and stretched, keeping its person-days', () => {
    expect(phaseStaffing(2, [1.6, 0.8])).toEqual({ demand: 1.6, stretch: 1.25 });
    expect(phaseStaffing(1, [1.6, 0.8])).toEqual({ demand: 1, stretch: 1 });
    expect(phaseStaffing(0, [1])).toEqual({ demand: 0, stretch: 1 });
  });

  it('inputCapacities (tracking) gives the same FTE and demands as the engine', () => {
    const input = base({
      teams: [{ id: 't', size: 2, skills: ['x'], availability: 80, hoursPerWeek: 32 }],
      phases: [{ id: 'a', name: 'A', duration: 2, skills: ['x'], teamSize: 2 }],
    });
    const r = computePlan(input);
    const c = inputCapacities(input);
    expect(c.teams.get('t')).toBe(r.project.teams[0]!.capacity);
    expect(c.demand.get('a')).toBe(r.project.phases[0]!.demand);
    expect(c.teams.get('t')).toBe(1.024); // 2 × 0.8 × 0.8 × 0.8
  });
});

describe('durations are not rounded before computing', () => {
  it('3 hours stay 0.375 days, and a chain of such phases is critical with zero slack', () => {
    const input = base({
      constraints: { capacityBuffer: 0 },
      phases: [
        { id: 'a', name: 'A', duration: 0.375, skills: ['x'] },
        { id: 'b', name: 'B', duration: 0.375, skills: ['x'], dependencies: ['a'] },
        { id: 'c', name: 'C', duration: { optimistic: 0.1, likely: 0.2, pessimistic: 0.4 }, skills: ['x'], dependencies: ['b'] },
      ],
    });
    const r = computePlan(input);
    expect(r.project.phases.map((p) => p.duration)).toEqual([0.375, 0.375, (0.1 + 0.8 + 0.4) / 6]);
    expect(r.schedule.makespan).toBeCloseTo(0.75 + 1.3 / 6, 12);
    const plan = planProject(input).artifacts['execution-plan.json'];
    expect(plan.schedule.every((s) => s.critical)).toBe(true);
    expect(plan.critical_path.slack.every((s) => s.total_slack_days === 0 && s.critical)).toBe(true);
  });
});

describe('one utilisation everywhere', () => {
  it('execution-plan, monitoring-config and the per-team loads agree', () => {
    const input = base({
      teams: [
        { id: 't', size: 3, skills: ['x'], availability: 90 },
        { id: 'u', size: 2, skills: ['x'] },
      ],
    });
    const v = planProject(input);
    const plan = v.artifacts['execution-plan.json'];
    const mon = v.artifacts['monitoring-config.json'].monitoring_and_control.metrics;
    for (const t of plan.resource_analysis.teams) {
      expect(mon.find((m) => m.id === `utilisation_${t.id}`)!.planned).toBe(t.utilisation_percent);
      expect(plan.metrics.team_utilisation_percent[t.id]).toBe(t.utilisation_percent);
    }
  });

  it("tracking measures busy person-days ÷ (FTE × elapsed days), the plan's definition", () => {
    // One phase of 2 person-days on a 0.5 FTE team, planned over days 0–4, done exactly as planned.
    const status = trackingStatus(
      [{ id: 'a', team: 't', wave: 1, start: 0, finish: 4, critical: true, effort: 4 * 0.5 }],
      new Map([['a', { status: 'completed', startedAt: '2027-01-04T09:00:00Z', completedAt: '2027-01-07T17:00:00Z', percent: 100, gate: 'none' } as never]]),
      (iso) => ({ '2027-01-04': 0, '2027-01-07': 3 })[iso.slice(0, 10)] ?? 3,
      '2027-01-07T18:00:00Z',
      { scheduleVariancePercent: 5, blockedHours: 4 },
      new Map([['t', 0.5]]),
    );
    expect(status.metrics.utilisationPercent.t).toBe(100); // 2 person-days ÷ (0.5 × 4 days)
  });
});

describe('coordination overhead is a share of session time, 0–100 %', () => {
  it('is coordination ÷ (work + coordination) hours, with thresholds inside 0–100', () => {
    // Many tiny phases handed between two teams: coordination hours dwarf the work.
    const phases = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      duration: 0.05,
      skills: [i % 2 ? 'x' : 'y'],
      ...(i > 0 ? { dependencies: [`p${i - 1}`] } : {}),
    }));
    const input = base({
      teams: [
        { id: 't', size: 1, skills: ['x'] },
        { id: 'u', size: 1, skills: ['y'] },
      ],
      phases,
      constraints: { capacityBuffer: 0 },
    });
    const r = computePlan(input);
    const { coordinationHours, workHours, coordinationOverheadPercent } = r.metrics;
    expect(workHours).toBeCloseTo(12 * 0.05 * 8, 9);
    expect(coordinationOverheadPercent).toBeCloseTo((coordinationHours / (coordinationHours + workHours)) * 100, 9);
    expect(coordinationOverheadPercent).toBeGreaterThan(50);
    expect(coordinationOverheadPercent).toBeLessThan(100);
    const m = planProject(input).artifacts['monitoring-config.json'].monitoring_and_control.metrics.find((x) => x.id === 'coordination_overhead')!;
    expect(m.warning).toBeLessThanOrEqual(100);
    expect(m.critical).toBeLessThanOrEqual(100);
  });
});

describe('after a re-plan savings are measured on the remaining work', () => {
  it('counts the work still to do against the span from the as-of day', () => {
    const input = base({
      teams: [{ id: 't', size: 2, skills: ['x'] }],
      constraints: { capacityBuffer: 0 },
      phases: [
        { id: 'a', name: 'A', duration: 2, skills: ['x'] },
        { id: 'b', name: 'B', duration: 3, skills: ['x'], dependencies: ['a'] },
        { id: 'c', name: 'C', duration: 3, skills: ['x'], dependencies: ['a'] },
      ],
      progress: { asOf: '2027-01-18', phases: [{ id: 'a', status: 'completed', actualStart: '2027-01-04', actualFinish: '2027-01-15' }] },
    });
    const r = computePlan(input);
    // a took days 0–10 (two weeks late); b and c run side by side from day 10: 6 days of work in 3.
    expect(r.metrics.basisFromDay).toBe(10);
    expect(r.schedule.makespan).toBe(13);
    expect(r.metrics.sequentialDuration).toBe(6);
    expect(r.metrics.parallelDuration).toBe(3);
    expect(r.metrics.timeSavingsPercent).toBe(50);
  });
});

describe('capacity growth', () => {
  it('the largest size a team has on a day of the plan: entries a later one replaces before the start never apply', () => {
    expect(peakTeamSize(4, undefined, '2027-01-04')).toBe(4);
    expect(peakTeamSize(4, [{ from: '2027-02-01', size: 6 }], '2027-01-04')).toBe(6);
    // Shrinking: the size until the entry counts.
    expect(peakTeamSize(6, [{ from: '2027-02-01', size: 4 }], '2027-01-04')).toBe(6);
    // 10 until 2020, 8 until 2021, 3 since: only 3 is ever there from 2027 on.
    expect(
      peakTeamSize(
        10,
        [
          { from: '2021-01-01', size: 3 },
          { from: '2020-01-01', size: 8 },
        ],
        '2027-01-04',
      ),
    ).toBe(3);
  });

  it('staffing: the teams with the people now decide; only without one does a growing team count, at its grown FTE', () => {
    // 5 people now at 4 FTE (20 % buffer): held 4, stretched 1.25; the growing team is not asked.
    expect(
      staffPhase(5, [
        { size: 5, capacity: 4, peakSize: 5, peakCapacity: 4 },
        { size: 4, capacity: 3.2, peakSize: 6, peakCapacity: 4.8 },
      ]),
    ).toEqual({ demand: 4, stretch: 1.25 });
    // No team has 5 now: the one growing to 6 (4.8 FTE) gives the staffing.
    expect(staffPhase(5, [{ size: 4, capacity: 3.2, peakSize: 6, peakCapacity: 4.8 }]).demand).toBeCloseTo(4.8, 9);
    // Tracking reads the same: a team of 4 becoming 6 (no buffer) holds 5 for the phase of 5.
    const input: PlanInput = {
      name: 'grow',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 4, skills: [], calendar: { capacity: [{ from: '2027-01-11', size: 6 }] } }],
      phases: [{ id: 'big', name: 'Big', duration: 3, teamSize: 5 }],
      constraints: { capacityBuffer: 0 },
    };
    expect(inputCapacities(input).demand.get('big')).toBe(5);
    expect(inputCapacities(input).teams.get('t')).toBe(4);
  });
});
