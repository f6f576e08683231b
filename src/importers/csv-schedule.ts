/**
 * What scheduling tools' CSV exports (MS Project, ProjectLibre, GanttProject) add to a plain
 * table: predecessors with link types and lags ("3FS+2d;4SS"), durations as they write them
 * ("5 days", "3 hrs", "2 wks?", "0 days"), WBS numbers whose parents are summary rows, and
 * resource names.
 */
import type { IssueList } from './import-error.js';
import { readDays, toId } from './source-values.js';
import type { LinkType } from '../schemas/dependency-links.js';
import { MAX_LAG_DAYS } from '../schemas/plan-input.js';

export interface Predecessor {
  id: string;
  type: LinkType;
  /** Working days, negative for a lead. */
  lagDays: number;
  /** What was lost reading the link, when anything was (a lag beyond the input's bound is cut to it). */
  simplified?: string;
}

const LINK = /^(.+?)\s*-?\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(e?(?:days?|d|hrs?|hours?|h|wks?|weeks?|w|mons?|months?|mins?|minutes?))?)?$/i;

/** Predecessor entries of one cell: "3FS+2d;4SS", "2,5", "svc ui", "3-FS". */
export function readPredecessors(cell: string, where: string, issues: IssueList): Predecessor[] {
  const out: Predecessor[] = [];
  for (const part of cell
    .split(/[;,|]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    // Spaces separate ids unless the part is one link written with spaces ("3 FS + 2 days").
    const pieces = /\s/.test(part) && !/(FS|SS|FF|SF|[+-]\s*\d)/i.test(part) ? part.split(/\s+/) : [part];
    for (const piece of pieces) {
      const m = LINK.exec(piece);
      const id = toId(m?.[1]);
      if (!m || id === undefined) {
        issues.add(where, `cannot read ${JSON.stringify(piece)} as a predecessor (an id, optionally with a link type and lag such as 3FS+2d or 4SS)`);
        continue;
      }
      const type = (m[2] ?? 'FS').toUpperCase() as LinkType;
      let lag = 0;
      if (m[4] !== undefined) {
        const unit = (m[5] ?? 'd').replace(/^e/i, '');
        const days = readDays(`${m[4]} ${unit}`, 1, where, issues);
        if (days === undefined) continue;
        lag = m[3] === '-' ? -days : days;
      }
      const lagDays = Math.max(-MAX_LAG_DAYS, Math.min(MAX_LAG_DAYS, lag));
      const simplified = lagDays !== lag ? `a lag of ${lag} working days was cut to ${lagDays}` : undefined;
      if (!out.some((p) => p.id === id)) out.push({ id, type, lagDays, ...(simplified ? { simplified } : {}) });
    }
  }
  return out;
}

/**
 * A duration as scheduling tools write it: "5 days", "5d", "3 hrs", "2 wks", "1 mon", "0 days"
 * (a milestone), with "?" for an estimated one and "e" for elapsed (calendar) time, read as
 * 5/7 of it in working days. Returns the days and whether an elapsed duration was converted.
 */
export function readToolDuration(value: string, where: string, issues: IssueList): { days: number; elapsed: boolean } | undefined {
  const cleaned = value.trim().replace(/\?$/, '').trim();
  const elapsed = /^\d+(?:\.\d+)?\s*e(?=[a-z])/i.test(cleaned);
  const days = readDays(elapsed ? cleaned.replace(/^(\d+(?:\.\d+)?\s*)e/i, '$1') : cleaned, 1, where, issues);
  if (days === undefined) return undefined;
  return { days: elapsed ? Math.round(((days * 5) / 7) * 1000) / 1000 : days, elapsed };
}

/** Resource names of a cell, without assignment units: "Alice[50%];Bob" → Alice, Bob. */
export function readResourceNames(cell: string): string[] {
  const names = cell
    .split(/[;,]/)
    .map((n) =>
      n
        .replace(/\[[^\]]*\]/g, '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 120),
    )
    .filter((n) => n !== '');
  return [...new Set(names)];
}

/** Rows whose WBS number is the prefix of another's ("1.2" of "1.2.1"): summary rows, not work. */
export function summaryWbs(wbs: (string | undefined)[]): Set<string> {
  const all = wbs.filter((w): w is string => w !== undefined);
  const parents = new Set<string>();
  for (const w of all) {
    const parts = w.split('.');
    for (let k = 1; k < parts.length; k++) parents.add(parts.slice(0, k).join('.'));
  }
  return new Set(all.filter((w) => parents.has(w)));
}

/** The nearest summary row above a WBS number ("1.2" for "1.2.3" when 1.2 is a summary row). */
export function parentSummary(wbs: string, summaries: Set<string>): string | undefined {
  const parts = wbs.split('.');
  for (let k = parts.length - 1; k >= 1; k--) {
    const p = parts.slice(0, k).join('.');
    if (summaries.has(p)) return p;
  }
  return undefined;
}
