import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { ResourceProfile } from '../../src/domain/schedule/profile.js';
import { ResourceProfile as ReferenceProfile } from '../support/reference-sgs/profile.js';

describe('ResourceProfile with hundreds of steps', () => {
  // A decode's insertions land near the end of a profile, where few steps move; these land
  // anywhere, so both ways of moving steps (a short loop, copyWithin for long moves) are used.
  it('answers every conflict query as the profile before it did, after inserts anywhere in time', () => {
    const rng = seededRandom(23);
    for (let run = 0; run < 20; run++) {
      const capacity = 1 + rng.int(6);
      const now = new ResourceProfile(capacity);
      const ref = new ReferenceProfile(capacity);
      now.reset();
      ref.reset();
      const horizon = 50 + rng.int(400);
      const at = () => (rng.next() < 0.5 ? rng.int(horizon) : Math.round(rng.next() * horizon * 6) / 6);
      for (let k = 0; k < 300; k++) {
        const t = at();
        const d = rng.next() < 0.1 ? 0 : 1 / 6 + rng.int(40) / 6;
        const q = 1 + rng.int(2);
        // Added whether or not it fits: the profile records usage, the decoder keeps to capacity.
        now.add(t, d, q);
        ref.add(t, d, q);
        for (let probe = 0; probe < 4; probe++) {
          const [pt, pd, pq] = [at(), rng.int(20) / 3, rng.int(capacity + 4)];
          expect(now.conflict(pt, pd, pq)).toBe(ref.conflict(pt, pd, pq));
        }
      }
      expect(now.size).toBeGreaterThan(200);
      for (let i = 0; i < now.size; i++) {
        const mid = i + 1 < now.size ? (now.times[i]! + now.times[i + 1]!) / 2 : now.times[i]! + 1;
        // The usage of each step, read back through the reference: q fits in the step exactly when usage + q ≤ capacity.
        const q = capacity - now.usage[i]!;
        expect(ref.conflict(mid, 1e-3, q)).toBe(-1);
        expect(ref.conflict(mid, 1e-3, q + 0.5)).not.toBe(-1);
      }
    }
  });
});
