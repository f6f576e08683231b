import { LANES, LaneEvaluator, type LaneOutcome, type LaneTask, type SearchHelper } from './lanes.js';
import type { SchedulingProblem } from './problem.js';
import type { Justifier } from './justify.js';
import type { Decoded, SerialSgs } from './sgs.js';

/**
 * Runs batches of tasks in LANES lanes: task i goes to lane i mod LANES. Lane 0 is evaluated
 * here; lane 1 by the helper while lane 0 runs, or here after it when there is no helper, it
 * refuses the work or gives up on it. Each lane is told every decode met before the batch and
 * gets its share of the schedule budget, so its outcomes do not depend on where it ran.
 */
export class LaneBatches {
  private readonly local: (LaneEvaluator | undefined)[] = [];
  /** Per local lane, and for the helper, how much of the journal it has been told. */
  private readonly told: number[] = [];
  private toldHelper = 0;
  /** Lanes the helper evaluated. */
  helped = 0;

  constructor(
    private readonly p: SchedulingProblem,
    private readonly sampleKey: Float64Array,
    private readonly take: () => Decoded,
    /** The search's scheme and justifier, which the lanes evaluated here share. */
    private readonly sgs: SerialSgs,
    private readonly justifier: Justifier,
    private helper: SearchHelper | undefined,
    private readonly clock?: () => number,
  ) {}

  /** Outcomes in task order; `journal` holds pairs of decoded and justified fingerprints met so far. */
  run(tasks: LaneTask[], journal: readonly number[], budget: number, msLeft: number): LaneOutcome[] {
    const began = this.clock?.() ?? 0;
    const lanes = Array.from({ length: LANES }, (_, l) => tasks.filter((_, i) => i % LANES === l));
    const budgets = lanes.map((lane) => Math.floor((budget * lane.length) / Math.max(1, tasks.length)));
    budgets[0]! += budget - budgets.reduce((a, b) => a + b, 0);
    const started: boolean[] = lanes.map(() => false);
    for (let l = 1; l < LANES; l++) {
      if (!this.helper || lanes[l]!.length === 0) continue;
      const known = Float64Array.from(journal.slice(this.toldHelper));
      const first = this.helped === 0 ? { sampleKey: this.sampleKey } : {};
      started[l] = this.helper.start({ tasks: lanes[l]!, known, budget: budgets[l]!, msLeft, ...first });
      // A helper takes one lane at a time.
      if (started[l]) {
        this.toldHelper = journal.length;
        break;
      }
    }
    const outcomes = lanes.map((lane, l) => (started[l] ? undefined : lane.length === 0 ? [] : this.runHere(l, lane, journal, budgets[l]!, msLeft, began)));
    for (let l = 1; l < LANES; l++) {
      if (!started[l]) continue;
      outcomes[l] = this.helper!.finish();
      if (outcomes[l] !== undefined) this.helped++;
      else {
        this.close();
        outcomes[l] = this.runHere(l, lanes[l]!, journal, budgets[l]!, msLeft, began);
      }
    }
    return tasks.map((_, i) => outcomes[i % LANES]![Math.floor(i / LANES)]!);
  }

  close(): void {
    this.helper?.close();
    this.helper = undefined;
  }

  /** Evaluates a lane in this thread, within the time left since the batch began. */
  private runHere(l: number, tasks: LaneTask[], journal: readonly number[], budget: number, msLeft: number, began: number): LaneOutcome[] {
    const left = this.clock ? msLeft - (this.clock() - began) : msLeft;
    const lane = (this.local[l] ??= new LaneEvaluator(this.p, this.sampleKey, this.take, this.sgs, this.justifier));
    const known = Float64Array.from(journal.slice(this.told[l] ?? 0));
    this.told[l] = journal.length;
    return lane.run({ tasks, known, budget, msLeft: left }, this.clock);
  }
}
