import { describe, expect, it } from 'vitest';
import { timetable, type SetView } from '../../src/domain/schedule/timetable.js';

const view = (member: number[], demand: number[], capacity: number): SetView => ({ member: Int32Array.from(member), demand: Float64Array.from(demand), capacity });
const windows = (es: number[], ls: number[]) => ({ es: Float64Array.from(es), ls: Float64Array.from(ls) });

describe('timetabling on whole-day windows', () => {
  it("moves a phase past another's compulsory part (hand-computed)", () => {
    // One person. a (3 days) starts on day 0 or 1, so it surely runs over [1, 3). b (2 days)
    // starts in [0, 5]: on day 0 it would meet a on day 1, on days 1 and 2 too, so b starts on
    // day 3 at the earliest; its latest start, 5, fits. a's window is left alone (b has no
    // compulsory part: its latest start 5 is after its earliest finish 2).
    const w = windows([0, 0], [1, 5]);
    expect(timetable([3, 2], w, [view([0, 1], [1, 1], 1)], 7)).toBe('moved');
    expect([...w.es]).toEqual([0, 3]);
    expect([...w.ls]).toEqual([1, 5]);
    // Nothing more follows from the narrowed windows.
    expect(timetable([3, 2], w, [view([0, 1], [1, 1], 1)], 7)).toBe('same');
  });

  it('moves latest starts earlier, before a compulsory part', () => {
    // a (2 days) surely runs over [4, 6) (window [4, 4]); b (3 days) in [0, 4] must end by day 4.
    const w = windows([4, 0], [4, 4]);
    expect(timetable([2, 3], w, [view([0, 1], [1, 1], 1)], 6)).toBe('moved');
    expect([...w.ls]).toEqual([4, 1]);
  });

  it('empties a window that no start fits, and leaves phases that fit beside the load anywhere', () => {
    // b (2 days) must start in [0, 2], each start meets a's compulsory part [1, 3): no schedule.
    expect(timetable([3, 2], windows([0, 0], [1, 2]), [view([0, 1], [1, 1], 1)], 5)).toBe('empty');
    // With room for two at once the same windows hold.
    const roomy = windows([0, 0], [1, 2]);
    expect(timetable([3, 2], roomy, [view([0, 1], [1, 1], 2)], 5)).toBe('same');
    expect([...roomy.es, ...roomy.ls]).toEqual([0, 0, 1, 2]);
  });

  it('counts demands, not phases: a demand of 2 beside a compulsory 1 on a capacity of 2 does not fit', () => {
    const w = windows([0, 0], [0, 4]);
    expect(timetable([2, 2], w, [view([0, 1], [1, 2], 2)], 6)).toBe('moved');
    expect(w.es[1]).toBe(2);
  });
});
