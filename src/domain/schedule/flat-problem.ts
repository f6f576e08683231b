import type { SchedulingProblem } from './problem.js';

/** Phase j's entries of a flattened per-phase list lie at [off[j], off[j + 1]). */
export interface FlatLists {
  off: Int32Array;
  idx: Int32Array;
}

/** The problem's per-phase lists in flat typed arrays (compressed rows), for the decoder's inner loops. */
export interface FlatProblem {
  preds: FlatLists;
  succs: FlatLists;
  /** Link distances aligned with preds.idx and succs.idx (absent with plain links). */
  predDelta?: Float64Array;
  succDelta?: Float64Array;
  eligible: FlatLists;
  /** Skill match aligned with eligible.idx. */
  skillMatch: Float64Array;
  pools: FlatLists;
  /** Pool amounts aligned with pools.idx. */
  poolQty: Float64Array;
}

function offsets(rows: ArrayLike<number>[]): Int32Array {
  const off = new Int32Array(rows.length + 1);
  for (let j = 0; j < rows.length; j++) off[j + 1] = off[j]! + rows[j]!.length;
  return off;
}

function concatInt(rows: Int32Array[], off: Int32Array): Int32Array {
  const out = new Int32Array(off[rows.length]!);
  rows.forEach((r, j) => out.set(r, off[j]!));
  return out;
}

function concatFloat(rows: Float64Array[], off: Int32Array): Float64Array {
  const out = new Float64Array(off[rows.length]!);
  rows.forEach((r, j) => out.set(r, off[j]!));
  return out;
}

function lists(rows: Int32Array[]): FlatLists {
  const off = offsets(rows);
  return { off, idx: concatInt(rows, off) };
}

export function flatten(p: SchedulingProblem): FlatProblem {
  const preds = lists(p.preds);
  const succs = lists(p.succs);
  const eligible = lists(p.eligible);
  const pools = lists(p.poolRes);
  return {
    preds,
    succs,
    ...(p.predDelta ? { predDelta: concatFloat(p.predDelta, preds.off), succDelta: concatFloat(p.succDelta!, succs.off) } : {}),
    eligible,
    skillMatch: concatFloat(p.skillMatch, eligible.off),
    pools,
    poolQty: concatFloat(p.poolQty, pools.off),
  };
}
