import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const input = (areas: Record<string, string[]>): PlanInput => ({
  name: 'areas',
  startDate: '2027-01-04',
  teams: [{ id: 't', size: 10, skills: [] }],
  constraints: { capacityBuffer: 0 },
  planning: { iterations: 50 },
  phases: Object.entries(areas).map(([id, a]) => ({ id, name: id, duration: 2, areas: a })),
});

describe('file areas in the schedule', () => {
  it('never runs two phases that touch one area at the same time', () => {
    const r = computePlan(input({ a: ['api/auth/'], b: ['api/auth/login.ts'], c: ['web/'] }));
    const [a, b, c] = [0, 1, 2];
    const overlap = (x: number, y: number) => r.schedule.start[x]! < r.schedule.finish[y]! && r.schedule.start[y]! < r.schedule.finish[x]!;
    expect(overlap(a, b)).toBe(false);
    expect(overlap(a, c) || overlap(b, c)).toBe(true);
    expect(r.schedule.makespan).toBe(4);
  });

  it('lets sibling areas run together while their parent area waits', () => {
    const r = computePlan(input({ parent: ['api'], left: ['api/auth'], right: ['api/search'], elsewhere: ['apiary'] }));
    const s = r.schedule;
    expect(s.start[1]).toBe(s.start[2]);
    const parentAlone = s.finish[0]! <= s.start[1]! || s.start[0]! >= Math.max(s.finish[1]!, s.finish[2]!);
    expect(parentAlone).toBe(true);
    expect(s.start[3]).toBe(0);
    expect(s.makespan).toBe(4);
  });
});
