/**
 * MSPDI (MS Project XML) codes shared by the export and the import: link types, duration
 * formats, the custom fields Waveplan carries its ids and skills in, and ISO 8601 durations.
 */
import type { LinkType } from '../schemas/dependency-links.js';

export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

/** PredecessorLink/Type: 0 = FF, 1 = FS, 2 = SF, 3 = SS. */
export const LINK_CODES: Record<LinkType, number> = { FF: 0, FS: 1, SF: 2, SS: 3 };
export const LINK_TYPES: Record<number, LinkType> = { 0: 'FF', 1: 'FS', 2: 'SF', 3: 'SS' };

/** DurationFormat / LagFormat 7: days. */
export const FORMAT_DAYS = 7;

/** Local task custom fields (pjCustomTaskText1, Text2): the phase id and its skills. */
export const FIELD_PHASE_ID = { id: 188743731, name: 'Text1', alias: 'Waveplan phase id' } as const;
export const FIELD_SKILLS = { id: 188743734, name: 'Text2', alias: 'Waveplan skills' } as const;

/** Minutes → "PT8H0M0S", as MS Project writes durations. */
export function isoDuration(minutes: number): string {
  const seconds = Math.max(0, Math.round(minutes * 60));
  return `PT${Math.floor(seconds / 3600)}H${Math.floor((seconds % 3600) / 60)}M${seconds % 60}S`;
}

/** "PT8H0M0S", "PT1H30M", "P2DT4H" → minutes (a day "D" counted as 24 hours, as xsd:duration means it), or undefined. */
export function isoDurationMinutes(text: string): number | undefined {
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  if (m[2] !== undefined || m[3] !== undefined) return undefined;
  const [d, h, min, s] = [m[4], m[5], m[6], m[7]].map((v) => (v === undefined ? 0 : Number(v)));
  const total = d! * 1440 + h! * 60 + min! + s! / 60;
  return m[1] ? -total : total;
}
