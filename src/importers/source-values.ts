/**
 * Readers for the loosely typed values of other tools' files: ids, durations, lists and priorities
 * as people and tools write them. Each returns undefined and records an issue when it cannot read.
 */
import type { ThreePointEstimate } from '../schemas/plan-input.js';
import type { IssueList } from './import-error.js';

export type Source = Record<string, unknown>;

export const isObject = (v: unknown): v is Source => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first of `keys` the object has (not null), and the key it was found under. */
export function pick(obj: Source, keys: readonly string[]): { key: string; value: unknown } | undefined {
  for (const key of keys) if (obj[key] !== undefined && obj[key] !== null) return { key, value: obj[key] };
  return undefined;
}

/** JSON pointer of a child. */
export const at = (path: string, key: string | number) => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** A source identifier as a Waveplan id: invalid characters become "-", it starts with a letter or digit, ≤ 120 characters. */
export function toId(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  const id = raw
    .trim()
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 120);
  return id === '' ? undefined : id;
}

const UNIT_DAYS: Record<string, number> = {
  h: 1 / 8,
  hr: 1 / 8,
  hrs: 1 / 8,
  hour: 1 / 8,
  hours: 1 / 8,
  d: 1,
  day: 1,
  days: 1,
  w: 5,
  wk: 5,
  wks: 5,
  week: 5,
  weeks: 5,
  mo: 20,
  mon: 20,
  mons: 20,
  month: 20,
  months: 20,
  min: 1 / 480,
  mins: 1 / 480,
  minute: 1 / 480,
  minutes: 1 / 480,
};

/** "2 agent-days", "3 working days", "1.5 person-days": the unit after a qualifier that does not change it. */
const QUALIFIED = /^(?:agent|person|man|developer|dev|engineer|working|work|business|calendar|ideal|effort)[\s-]*(?=[a-z])/;

/** The days one unit word stands for ("days", "agent-days", "hrs"), or undefined. */
export function unitDays(word: string): number | undefined {
  const unit = word.trim().toLowerCase().replace(QUALIFIED, '');
  return UNIT_DAYS[unit];
}

/** Working days from a number (already in `unit`) or a string such as "3", "2.5d", "16 hours", "1 week", "2 agent-days". */
export function readDays(value: unknown, unitDays_: number, path: string, issues: IssueList): number | undefined {
  let days: number | undefined;
  if (typeof value === 'number') days = value * unitDays_;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z][a-z\s-]*?)?\s*$/i.exec(value);
    const unit = m?.[2] === undefined ? unitDays_ : unitDays(m[2]);
    if (m && unit !== undefined) days = Number(m[1]) * unit;
  }
  if (days === undefined || !Number.isFinite(days) || days < 0 || days > 10000) {
    issues.add(path, `cannot read ${JSON.stringify(value)} as a duration (a number of days, or text such as "3d", "16h", "1 week", "2 agent-days", up to 10000 days)`);
    return undefined;
  }
  return Math.round(days * 1000) / 1000;
}

/**
 * A duration as an analysis writes it: a number of days, text ("2 agent-days", "3 hours",
 * "1 week"), or a range ("2-3 days": optimistic 2, likely 2.5, pessimistic 3).
 */
export function readSpan(value: unknown, unitDays_: number, path: string, issues: IssueList): number | ThreePointEstimate | undefined {
  const range = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*([a-z][a-z\s-]*?)?\s*$/i.exec(value) : null;
  if (!range) return readDays(value, unitDays_, path, issues);
  const unit = range[3] === undefined ? unitDays_ : unitDays(range[3]);
  const [a, b] = [Number(range[1]), Number(range[2])];
  if (unit === undefined || !(a <= b) || b * unit > 10000) {
    issues.add(path, `cannot read ${JSON.stringify(value)} as a duration range (such as "2-3 days", low before high, up to 10000 days)`);
    return undefined;
  }
  const r = (d: number) => Math.round(d * unit * 1000) / 1000;
  return { optimistic: r(a), likely: r((a + b) / 2), pessimistic: r(b) };
}

const OPTIMISTIC = ['optimistic', 'min', 'best', 'best_case', 'bestCase', 'o'];
const LIKELY = ['likely', 'most_likely', 'mostLikely', 'expected', 'nominal', 'm'];
const PESSIMISTIC = ['pessimistic', 'max', 'worst', 'worst_case', 'worstCase', 'p'];

/** A three-point estimate from an object with optimistic / likely / pessimistic (or min / expected / max) values. */
export function readEstimate(obj: Source, unitDays: number, path: string, issues: IssueList): ThreePointEstimate | undefined {
  const o = pick(obj, OPTIMISTIC);
  const m = pick(obj, LIKELY);
  const p = pick(obj, PESSIMISTIC);
  if (!o || !m || !p) {
    issues.add(path, 'a three-point estimate needs optimistic, likely and pessimistic values');
    return undefined;
  }
  const [optimistic, likely, pessimistic] = [o, m, p].map((v) => readDays(v.value, unitDays, at(path, v.key), issues));
  if (optimistic === undefined || likely === undefined || pessimistic === undefined) return undefined;
  if (!(optimistic <= likely && likely <= pessimistic)) {
    issues.add(path, `the estimate must have optimistic ≤ likely ≤ pessimistic; it has ${optimistic}, ${likely}, ${pessimistic}`);
    return undefined;
  }
  return { optimistic, likely, pessimistic };
}

/** A list from an array, or from text separated by commas, semicolons, pipes or whitespace. */
export function readList(value: unknown, path: string, issues: IssueList): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return value.split(/[,;|\s]+/).filter((s) => s !== '');
  issues.add(path, `expected a list, found ${JSON.stringify(value)}`);
  return undefined;
}

/** Ids from a list, each sanitised; an entry that is no id is reported at its index. */
export function readIds(value: unknown, path: string, issues: IssueList): string[] | undefined {
  const list = readList(value, path, issues);
  if (!list) return undefined;
  const ids: string[] = [];
  list.forEach((raw, i) => {
    const id = toId(raw);
    if (id === undefined) issues.add(at(path, i), `cannot read ${JSON.stringify(raw)} as an id`);
    else if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}

const PRIORITY_WORDS: Record<string, number> = { critical: 3, urgent: 3, highest: 3, high: 2, medium: 1, normal: 1, low: 0, lowest: 0 };

/** A priority from a word (critical, high, medium, low) or a non-negative integer; higher runs earlier. */
export function readPriority(value: unknown, path: string, issues: IssueList): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
  if (typeof value === 'string') {
    const word = PRIORITY_WORDS[value.trim().toLowerCase()];
    if (word !== undefined) return word;
    if (/^\d+$/.test(value.trim()) && Number(value) <= 1000) return Number(value);
  }
  issues.add(path, `cannot read ${JSON.stringify(value)} as a priority (critical, high, medium, low, or an integer 0–1000)`);
  return undefined;
}

/** A string for display, cut to `max` characters. */
export const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : typeof value === 'number' ? String(value) : undefined;
