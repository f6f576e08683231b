import { emptyDecoded, type Decoded } from './sgs.js';

/**
 * Schedules of individuals that left the search, decoded into again rather than allocated anew
 * (at 10,000 phases each is 200 kB): children not admitted and members ranked out are handed back.
 */
export class SpareSchedules {
  private readonly spare: Decoded[] = [];

  constructor(
    private readonly n: number,
    private readonly max = 64,
  ) {}

  take(): Decoded {
    const d = this.spare.pop();
    if (!d) return emptyDecoded(this.n);
    // A decode writes every start, finish and team and the scores, except the skill match when teams are given.
    d.skillMatch = 0;
    return d;
  }

  give(d: Decoded): void {
    if (this.spare.length < this.max) this.spare.push(d);
  }
}
