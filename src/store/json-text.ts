const texts = new WeakMap<object, string>();

/**
 * JSON text of a value that is not changed after it is made (a computed plan's artifacts,
 * schedule, playbooks). The planner hands out the same objects for the same input, so the
 * text is made once and shared by the database write and the response.
 */
export function jsonText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}
