import { AppError } from '../errors.js';

/**
 * Request bodies are read as sent: a Content-Encoding other than identity (gzip, br, …) would
 * otherwise be parsed as if it were plain text. 415 per RFC 9110 §15.5.16.
 */
export async function rejectEncodedBodies(request: { headers: Record<string, string | string[] | undefined> }): Promise<void> {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined) return;
  const codings = String(encoding)
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (codings.every((c) => c === 'identity')) return;
  throw new AppError(415, 'unsupported_content_encoding', `request bodies must not be compressed (Content-Encoding: ${String(encoding)}); send them uncompressed`, [
    { in: 'headers', path: '/content-encoding', message: 'only identity is accepted' },
  ]);
}
