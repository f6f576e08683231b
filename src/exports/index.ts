/**
 * Plans out of Waveplan in the formats other tools open: MS Project XML (MSPDI), iCalendar and
 * CSV. Each export is a pure function of a stored version (its input and artifacts).
 */
import { notFound } from '../errors.js';
import { csvExport } from './csv.js';
import { icalExport } from './ical.js';
import { mspdiExport } from './mspdi.js';
import { planView, type ExportSource } from './plan-view.js';

export type { ExportSource } from './plan-view.js';

export const EXPORT_FORMATS = ['mspdi', 'ical', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

/** Media type and file extension of each format. */
export const EXPORT_MEDIA: Record<ExportFormat, { mediaType: string; extension: string }> = {
  mspdi: { mediaType: 'application/xml', extension: 'xml' },
  ical: { mediaType: 'text/calendar', extension: 'ics' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
};

export interface ExportOptions {
  /** iCalendar and CSV: one team's phases (and, in the calendar, its sync points). */
  team?: string;
}

export interface ExportedFile {
  format: ExportFormat;
  mediaType: string;
  fileName: string;
  body: string;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'plan';

export function exportPlan(format: ExportFormat, source: ExportSource, options: ExportOptions = {}): ExportedFile {
  const view = planView(source);
  if (options.team !== undefined && !view.teams.some((t) => t.id === options.team)) throw notFound(`team ${options.team} in the plan`);
  const base = `${slug(view.name)}${source.version !== undefined ? `-v${source.version}` : ''}${options.team !== undefined ? `-${options.team}` : ''}`;
  const { mediaType, extension } = EXPORT_MEDIA[format];
  const body =
    format === 'csv'
      ? csvExport(options.team === undefined ? view : { ...view, phases: view.phases.filter((p) => p.team === options.team) })
      : format === 'mspdi'
        ? mspdiExport(view)
        : icalExport(view, {
            ...(options.team !== undefined ? { team: options.team } : {}),
            planKey: source.planId ?? slug(view.name),
            sequence: source.version ?? 0,
            stamp: source.createdAt ?? new Date(`${view.startDate}T00:00:00Z`),
            syncPoints: source.artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points,
          });
  return { format, mediaType, fileName: `${base}.${extension}`, body };
}
