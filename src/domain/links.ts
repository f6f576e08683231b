import type { PhaseLink, Project } from './model.js';

/**
 * Dependency links as least distances between starts: a link from phase i to phase j of type
 * FS, SS, FF or SF with lag L asks S_j ≥ S_i + δ, where
 *   FS: δ = d_i + L   SS: δ = L   FF: δ = d_i + L − d_j   SF: δ = L − d_j.
 * Every link is such a minimum (there are no maximum lags), so a schedule built in a topological
 * order of the links, each phase at or after the largest S_i + δ of its links, keeps every link
 * whatever the resources delay; a cycle of links is refused outright (graph.ts), whatever its
 * types and lags, so that such an order always exists.
 */
export function linkDelta(type: PhaseLink['type'], lag: number, dPred: number, dSucc: number): number {
  switch (type) {
    case 'FS':
      return dPred + lag;
    case 'SS':
      return lag;
    case 'FF':
      return dPred + lag - dSucc;
    case 'SF':
      return lag - dSucc;
  }
}

/** Code of a link type in typed arrays (Monte Carlo): FS 0, SS 1, FF 2, SF 3. */
export const LINK_CODE = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;

/** True when every link is finish-to-start without lag: the engine then takes its plain, fastest paths. */
export const plainLinks = (project: Pick<Project, 'phases'>): boolean => project.phases.every((p) => p.links.every((l) => l.type === 'FS' && l.lag === 0));

/** Earliest start phase j's links allow in a schedule (0 when it has none). */
export function linkReady(project: Pick<Project, 'phases'>, start: ArrayLike<number>, finish: ArrayLike<number>, j: number): number {
  const d = finish[j]! - start[j]!;
  let t = 0;
  for (const l of project.phases[j]!.links) t = Math.max(t, start[l.on]! + linkDelta(l.type, l.lag, finish[l.on]! - start[l.on]!, d));
  return t;
}

/** Whether a schedule keeps link l of phase j (within eps). */
export const linkKept = (l: PhaseLink, j: number, start: ArrayLike<number>, finish: ArrayLike<number>, eps = 1e-6): boolean =>
  start[j]! + eps >= start[l.on]! + linkDelta(l.type, l.lag, finish[l.on]! - start[l.on]!, finish[j]! - start[j]!);
