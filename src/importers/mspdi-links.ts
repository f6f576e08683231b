/** MSPDI predecessor links as Waveplan dependencies. */
import type { LinkType } from '../schemas/dependency-links.js';

export interface MspdiLink {
  /** The predecessor's phase id. */
  id: string;
  type: LinkType;
  /** Lag in working days (negative: a lead). */
  lagDays: number;
}

/**
 * One predecessor link as a dependency of the input. Dependencies are finish-to-start without lag
 * today, so a start-to-start, finish-to-finish or start-to-finish link, or a lag, is planned as
 * finish-to-start and said in a warning; this is the one place to return the link's type and lag
 * once the input carries them.
 */
export function linkFromMspdi(link: MspdiLink): { dependency: string; warning?: string } {
  const lag = link.lagDays === 0 ? '' : `${link.lagDays > 0 ? '+' : ''}${Math.round(link.lagDays * 1000) / 1000}d`;
  if (link.type !== 'FS') return { dependency: link.id, warning: `${link.type} link planned as FS${lag ? ` (lag ${lag} dropped)` : ''}` };
  if (lag) return { dependency: link.id, warning: `${link.lagDays > 0 ? 'lag' : 'lead'} ${lag} dropped (planned as FS without lag)` };
  return { dependency: link.id };
}
