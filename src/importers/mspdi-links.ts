/** MSPDI predecessor links as Waveplan dependencies. */
import { linkEntry, type LinkType } from '../schemas/dependency-links.js';
import { MAX_LAG_DAYS, type PhaseInput } from '../schemas/plan-input.js';

export interface MspdiLink {
  /** The predecessor's phase id. */
  id: string;
  type: LinkType;
  /** Lag in working days (negative: a lead). */
  lagDays: number;
}

/**
 * One predecessor link as a dependency of the input, with its type and lag (a bare id for
 * finish-to-start without lag). A lag beyond what the input accepts is cut to the bound and said.
 */
export function linkFromMspdi(link: MspdiLink): { dependency: NonNullable<PhaseInput['dependencies']>[number]; warning?: string } {
  const rounded = Math.round(link.lagDays * 1000) / 1000;
  const lagDays = Math.max(-MAX_LAG_DAYS, Math.min(MAX_LAG_DAYS, rounded));
  const dependency = linkEntry({ id: link.id, type: link.type, lagDays });
  return lagDays === rounded ? { dependency } : { dependency, warning: `a lag of ${rounded} working days was cut to ${lagDays}` };
}
