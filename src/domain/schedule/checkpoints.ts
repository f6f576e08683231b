import type { ProfileState } from './profile.js';

/** The serial decoder's state before list position `position`: every profile and team load. */
export interface DecoderState {
  position: number;
  profiles: ProfileState[];
  load: Float64Array;
  skillMatch: number;
}

/**
 * Saved states of one forward decode (SerialSgs.decodeSaving), every `every` list positions, and
 * its final starts, finishes and teams. A list that agrees with the saved one on its first k
 * positions decodes to the same prefix, so its decode can resume from the last state at or
 * before k (SerialSgs.decodeFrom) and place only the rest of the list.
 */
export class Checkpoints {
  readonly states: DecoderState[] = [];
  /** States valid for the list last saved. */
  count = 0;
  start = new Float64Array(0);
  finish = new Float64Array(0);
  team = new Int32Array(0);
  /** The list last saved (a copy), and the teams it was decoded with (undefined: chosen freely). */
  list = new Int32Array(0);
  teams: Int32Array | undefined;

  constructor(readonly every: number) {}

  /** The latest state at or before list position `at`, or undefined when there is none. */
  before(at: number): DecoderState | undefined {
    const k = Math.min(this.count, Math.floor(at / this.every)) - 1;
    return k >= 0 ? this.states[k] : undefined;
  }

  /** The first list position at which `list` or its fixed team differs from the saved ones (the list's length when none). */
  agreesUpTo(list: ArrayLike<number>, teams: Int32Array | undefined): number {
    const saved = this.list;
    const n = Math.min(saved.length, list.length);
    const had = this.teams;
    let k = 0;
    while (k < n && saved[k] === list[k] && (had ? had[list[k]!]! : -1) === (teams ? teams[list[k]!]! : -1)) k++;
    return k;
  }
}
