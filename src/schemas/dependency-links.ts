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
 * A phase's dependencies with their type and lag. Every reader of an input's dependencies goes
 * through here, so widening the input's dependency entries changes one place.
 */
export function dependencyLinks(phase: Pick<PhaseInput, 'dependencies'>): DependencyLink[] {
  return (phase.dependencies ?? []).map((id) => ({ id, type: 'FS', lagDays: 0 }));
}

/** Ids of the phases a phase depends on, whatever the link type. */
export const dependencyIds = (phase: Pick<PhaseInput, 'dependencies'>): string[] => dependencyLinks(phase).map((l) => l.id);
