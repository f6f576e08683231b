/**
 * The deepest nesting of [ and { in a JSON or YAML flow text, ignoring brackets inside quoted
 * strings. Linear and allocation-free, so it can run before any parser: parsers recurse, and a
 * few kilobytes of "[[[[…" can exhaust a parser's stack or, in YAML, its heap.
 */
export function nestingDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      // In YAML a quote inside a plain scalar (it's, don't) opens nothing.
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (c === 34 || prev === 32 || prev === 10 || prev === 91 || prev === 123 || prev === 44 || prev === 58) quote = c;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max && (max = depth) >= stopAt) return max;
    } else if (c === 93 || c === 125) {
      depth = Math.max(0, depth - 1);
    } else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10) && quote === 0) {
      // A YAML comment runs to the end of the line.
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    }
  }
  return max;
}

/** Deeper than any document Waveplan reads (plan inputs nest about 6 levels, analyses about 8). */
export const MAX_NESTING = 64;
