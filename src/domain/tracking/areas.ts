/** Normalises a file or area path: no leading "./" or "/", no duplicate slashes. */
export function normaliseArea(area: string): string {
  return area
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/|\/)+/, '');
}

/**
 * Two areas overlap when one is the other or contains it: "api/" contains "api/auth/x.ts",
 * "api" contains "api/auth", but "api" does not contain "apiary".
 */
export function areasOverlap(a: string, b: string): boolean {
  const x = normaliseArea(a).replace(/\/$/, '');
  const y = normaliseArea(b).replace(/\/$/, '');
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short === '' || long.startsWith(short + '/');
}

/** The overlapping pairs between two lists of areas. */
export function overlappingAreas(a: readonly string[], b: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const x of a) for (const y of b) if (areasOverlap(x, y)) pairs.push([x, y]);
  return pairs;
}
