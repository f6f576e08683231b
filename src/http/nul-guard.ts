import { AppError } from '../errors.js';

/** JSON pointer of the first string or key holding U+0000, which PostgreSQL text and jsonb cannot store. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const here = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (k.includes('\u0000')) return here;
    const found = findNul(v, here);
    if (found) return found;
  }
  return undefined;
}

/** Refuses a body with a NUL character up front, naming where, instead of failing in the database. */
export function rejectNul(body: unknown): void {
  const path = findNul(body);
  if (path !== undefined) {
    throw new AppError(400, 'invalid_character', 'text may not contain the NUL character (U+0000)', [{ in: 'body', path, message: 'contains U+0000' }]);
  }
}
