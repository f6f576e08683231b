import { AppError } from '../errors.js';
import { MAX_NESTING } from '../nesting.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a stored string may not hold: NUL (PostgreSQL text and jsonb cannot store it) and lone UTF-16 surrogates (not Unicode; jsonb refuses them). */
function badText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains U+0000';
  if (LONE_SURROGATE.test(s)) return 'contains a lone UTF-16 surrogate';
  return undefined;
}

const pointer = (path: string, key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The first offence in a parsed body, walked without recursion (a 10,000-deep document must not
 * overflow the stack): a string or key that cannot be stored, or nesting deeper than MAX_NESTING.
 */
export function findBadValue(body: unknown): { path: string; message: string; code: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const why = badText(value);
      if (why) return { path: path || '/', message: why, code: 'invalid_character' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING) return { path: path || '/', message: `nested more than ${MAX_NESTING} levels deep`, code: 'too_deeply_nested' };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      const here = pointer(path, k);
      const why = badText(k);
      if (why) return { path: here, message: `key ${why}`, code: 'invalid_character' };
      stack.push({ value: v, path: here, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses a body that cannot be stored or is absurdly deep, naming where, instead of failing later in the database or a recursive walk. */
export function rejectBadBody(body: unknown): void {
  const bad = findBadValue(body);
  if (!bad) return;
  const message = bad.code === 'too_deeply_nested' ? `the body is ${bad.message}` : 'text may not contain the NUL character (U+0000) or lone UTF-16 surrogates';
  throw new AppError(400, bad.code, message, [{ in: 'body', path: bad.path, message: bad.message }]);
}
