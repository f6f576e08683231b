/**
 * If-Match as RFC 9110 §13.1.1 defines it: "*" matches any current representation; otherwise a
 * list of entity tags compared strongly, so a weak tag (W/"v3") never matches.
 */
export function ifMatchHolds(header: string, currentEtag: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  return value.split(',').some((tag) => tag.trim() === currentEtag);
}

/** True when the header lists only weak tags: worth telling the client why it cannot match. */
export function onlyWeakTags(header: string): boolean {
  const tags = header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return tags.length > 0 && tags.every((t) => t.startsWith('W/'));
}
