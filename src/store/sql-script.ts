/**
 * Splits an SQL script into statements at top-level semicolons, skipping quoted strings,
 * quoted identifiers, dollar-quoted bodies and comments. Needed because PGlite (like any
 * extended-protocol client) runs one statement per query.
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      i = script.indexOf(c, i + 1);
      if (i < 0) break;
      i++;
    } else if (c === '-' && script[i + 1] === '-') {
      i = script.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && script[i + 1] === '*') {
      i = script.indexOf('*/', i + 2);
      if (i < 0) break;
      i += 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        i = script.indexOf(tag, i + tag.length);
        if (i < 0) break;
        i += tag.length;
      } else i++;
    } else if (c === ';') {
      out.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(script.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*/g, '').trim().length > 0);
}
