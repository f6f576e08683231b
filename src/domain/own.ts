/**
 * A record's own value for a key, never an inherited one: ids come from users, and "constructor"
 * or "toString" must read as absent from a record that lacks them, not as Object.prototype's.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
