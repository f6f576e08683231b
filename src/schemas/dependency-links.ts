import type { PhaseInput } from './plan-input.js';

/** Finish-to-start (the default), start-to-start, finish-to-finish, start-to-finish. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

/** One dependency of a phase on another: its type and lag in working days (negative = lead). */
export interface DependencyLink {
  id: string;
  type: LinkType;
  lagDays: number;
}

/**
 * A phase's dependencies with their type and lag, one per entry in input order (a bare id is
 * finish-to-start without lag). Every reader of an input's dependencies goes through here.
 */
export function dependencyLinks(phase: Pick<PhaseInput, 'dependencies'>): DependencyLink[] {
  return (phase.dependencies ?? []).map((d) => (typeof d === 'string' ? { id: d, type: 'FS', lagDays: 0 } : { id: d.id, type: d.type ?? 'FS', lagDays: d.lagDays ?? 0 }));
}

/** Ids of the phases a phase depends on, whatever the link type, one per entry in input order. */
export const dependencyIds = (phase: Pick<PhaseInput, 'dependencies'>): string[] => dependencyLinks(phase).map((l) => l.id);

/** A link written the shortest way: a bare id for finish-to-start without lag. */
export const linkEntry = (l: DependencyLink): NonNullable<PhaseInput['dependencies']>[number] =>
  l.type === 'FS' && l.lagDays === 0 ? l.id : { id: l.id, ...(l.type !== 'FS' ? { type: l.type } : {}), ...(l.lagDays !== 0 ? { lagDays: l.lagDays } : {}) };

/** The id a dependency entry names, whichever way it is written. */
export const entryId = (d: NonNullable<PhaseInput['dependencies']>[number]): string => (typeof d === 'string' ? d : d.id);
