import { describe, expect, it } from 'vitest';
import { Shaver } from '../../src/domain/schedule/shaving.js';
import type { Windows } from '../../src/domain/schedule/time-windows.js';

const windows = (es: number[], ls: number[]): Windows => ({ es: Float64Array.from(es), ls: Float64Array.from(ls) });

describe('shaving', () => {
  it('cuts each end of a window by the days whose probes fail, and no more', () => {
    // A stand-in for propagation: phase 0 cannot start on days 0–4 nor on days 9–10.
    const probes: Windows[] = [];
    const fails = (w: Windows) => {
      probes.push({ es: w.es.slice(), ls: w.ls.slice() });
      return w.ls[0]! <= 4 || w.es[0]! >= 9;
    };
    const w = windows([0, 0], [10, 3]);
    const shaver = new Shaver(2, Int32Array.of(0, 1), fails, () => true);
    expect(shaver.refutes(w)).toBe(false);
    expect([w.es[0], w.ls[0]]).toEqual([5, 8]);
    // Phase 1 is never cut, and the other's probes doubled: 1, 2, 4, 8 days from day 0 (the 8 fits).
    expect([w.es[1], w.ls[1]]).toEqual([0, 3]);
    expect(probes.slice(0, 4).map((p) => p.ls[0])).toEqual([0, 1, 3, 7]);
  });

  it('refutes when a whole window fails, and refutes nothing once its probes are spent', () => {
    const never = () => true;
    expect(new Shaver(1, Int32Array.of(0), never, () => true).refutes(windows([0], [6]))).toBe(true);
    // One probe cannot show that the whole window fails.
    let allowed = 1;
    const short = new Shaver(1, Int32Array.of(0), never, () => allowed-- > 0);
    expect(short.refutes(windows([0], [6]))).toBe(false);
    expect(allowed).toBeLessThan(0);
  });

  it('narrows nothing when every probe fits', () => {
    const w = windows([2, 4], [5, 9]);
    expect(
      new Shaver(
        2,
        Int32Array.of(0, 1),
        () => false,
        () => true,
      ).refutes(w),
    ).toBe(false);
    expect([...w.es, ...w.ls]).toEqual([2, 4, 5, 9]);
  });
});
