import type { Cpm } from './model.js';

export interface CpmGraph {
  n: number;
  preds: ArrayLike<number>[];
  succs: ArrayLike<number>[];
  order: ArrayLike<number>;
  /** Least start distances of the links (schedule/problem.ts); absent: finish-to-start, no lag. */
  predDelta?: ArrayLike<number>[];
  succDelta?: ArrayLike<number>[];
}

const EPS = 1e-7;

/** Critical path method on the precedence graph alone (no resources). */
export function criticalPath(g: CpmGraph, duration: ArrayLike<number>, release?: ArrayLike<number>): Cpm {
  if (g.predDelta && g.succDelta) return linkedCriticalPath(g, g.predDelta, g.succDelta, duration, release);
  const { n, preds, succs, order } = g;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    let t = release ? release[v]! : 0;
    const p = preds[v]!;
    for (let j = 0; j < p.length; j++) if (ef[p[j]!]! > t) t = ef[p[j]!]!;
    es[v] = t;
    ef[v] = t + duration[v]!;
  }
  let length = 0;
  for (let v = 0; v < n; v++) if (ef[v]! > length) length = ef[v]!;
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  const freeSlack = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    const s = succs[v]!;
    let t = length;
    let earliestSucc = length;
    for (let j = 0; j < s.length; j++) {
      if (ls[s[j]!]! < t) t = ls[s[j]!]!;
      if (es[s[j]!]! < earliestSucc) earliestSucc = es[s[j]!]!;
    }
    lf[v] = t;
    ls[v] = t - duration[v]!;
    freeSlack[v] = Math.max(0, earliestSucc - ef[v]!);
  }
  return slacks(g, es, ef, ls, lf, freeSlack, length);
}

function slacks(g: CpmGraph, es: Float64Array, ef: Float64Array, ls: Float64Array, lf: Float64Array, freeSlack: Float64Array, length: number): Cpm {
  const n = g.n;
  const totalSlack = new Float64Array(n);
  const critical: boolean[] = new Array(n);
  for (let v = 0; v < n; v++) {
    totalSlack[v] = Math.max(0, ls[v]! - es[v]!);
    critical[v] = totalSlack[v]! < EPS;
  }
  return { es, ef, ls, lf, totalSlack, freeSlack, length, critical, criticalPath: chain(g, es, ef, critical, length) };
}

/**
 * The critical path method over typed, lagged links (links.ts): each phase starts at the largest
 * ES of a predecessor plus the link's distance δ, and in the backward pass its latest start is
 * the smallest LS of a successor less δ (and at most the project end less its duration).
 */
function linkedCriticalPath(g: CpmGraph, predDelta: ArrayLike<number>[], succDelta: ArrayLike<number>[], duration: ArrayLike<number>, release?: ArrayLike<number>): Cpm {
  const { n, preds, succs, order } = g;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  let length = 0;
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    let t = release ? release[v]! : 0;
    const p = preds[v]!;
    const dl = predDelta[v]!;
    for (let j = 0; j < p.length; j++) t = Math.max(t, es[p[j]!]! + dl[j]!);
    es[v] = t;
    ef[v] = t + duration[v]!;
    if (ef[v]! > length) length = ef[v]!;
  }
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  const freeSlack = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    const s = succs[v]!;
    const dl = succDelta[v]!;
    let latest = length - duration[v]!;
    let free = length - ef[v]!;
    for (let j = 0; j < s.length; j++) {
      latest = Math.min(latest, ls[s[j]!]! - dl[j]!);
      free = Math.min(free, es[s[j]!]! - dl[j]! - es[v]!);
    }
    ls[v] = latest;
    lf[v] = latest + duration[v]!;
    freeSlack[v] = Math.max(0, free);
  }
  return slacks(g, es, ef, ls, lf, freeSlack, length);
}

/** One chain of critical phases from a phase starting at its release to one finishing at the project end. */
function chain(g: CpmGraph, es: Float64Array, ef: Float64Array, critical: boolean[], length: number): number[] {
  let v = -1;
  for (let k = 0; k < g.n; k++) {
    const u = g.order[k]!;
    if (critical[u] && Math.abs(ef[u]! - length) < EPS) {
      v = u;
      break;
    }
  }
  if (v < 0) return [];
  const path = [v];
  for (;;) {
    const p = g.preds[v]!;
    const dl = g.predDelta?.[v];
    let next = -1;
    for (let j = 0; j < p.length; j++) {
      const u = p[j]!;
      const ready = dl ? es[u]! + dl[j]! : ef[u]!;
      if (critical[u] && Math.abs(ready - es[v]!) < EPS) {
        next = u;
        break;
      }
    }
    if (next < 0) break;
    path.push(next);
    v = next;
  }
  return path.reverse();
}
