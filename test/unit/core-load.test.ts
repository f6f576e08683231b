import { describe, expect, it } from 'vitest';
import { claimSpareCore, holdingCore, releaseCore } from '../../src/service/core-load.js';

const word = () => new Int32Array(new SharedArrayBuffer(4));

describe('core load (threads at work on plans)', () => {
  it('gives a helper a core while one is idle, and none once every core is at work', () => {
    const load = word();
    expect(claimSpareCore(load, 2)).toBe(true);
    expect(claimSpareCore(load, 2)).toBe(true);
    expect(load[0]).toBe(2);
    expect(claimSpareCore(load, 2)).toBe(false);
    expect(load[0]).toBe(2);
    releaseCore(load);
    expect(claimSpareCore(load, 2)).toBe(true);
  });

  it('counts a thread as at work while it plans, and no longer once it has finished or failed', () => {
    const load = word();
    expect(holdingCore(load, () => load[0])).toBe(1);
    expect(load[0]).toBe(0);
    expect(() =>
      holdingCore(load, () => {
        throw new Error('bad plan');
      }),
    ).toThrow('bad plan');
    expect(load[0]).toBe(0);
    // One plan at work on two cores leaves one for its helper; two leave none.
    holdingCore(load, () => {
      expect(claimSpareCore(load, 2)).toBe(true);
      releaseCore(load);
      holdingCore(load, () => expect(claimSpareCore(load, 2)).toBe(false));
    });
  });
});
