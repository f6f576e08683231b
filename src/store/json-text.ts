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

/** Records text already made elsewhere (a worker thread) as the JSON text of value, so jsonText does not make it again. */
export function primeJsonText(value: object, text: string): void {
  texts.set(value, text);
}

const bytes = new WeakMap<object, Buffer>();

/**
 * The UTF-8 bytes of jsonText(value), made once. Responses are put together from these rather
 * than from strings: a string spliced from a long non-ASCII JSON text costs a millisecond to
 * flatten and measure each time it is sent, the bytes nothing.
 */
export function jsonBytes(value: unknown): Buffer {
  if (typeof value !== 'object' || value === null) return Buffer.from(JSON.stringify(value));
  let b = bytes.get(value);
  if (b === undefined) {
    b = Buffer.from(jsonText(value));
    bytes.set(value, b);
  }
  return b;
}
