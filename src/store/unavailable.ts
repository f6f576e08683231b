/**
 * Whether an error means the database cannot be reached or answered too late — the request may
 * succeed when retried, so it is a 503, not a 500. SQLSTATE classes 08 (connection exception),
 * 57P01–57P03 (the server is shutting down or restarting), 57014 (statement timeout), 53300 (too
 * many connections); node's socket errors; pg's and pg-pool's own timeout and termination messages.
 */
const SQLSTATES = /^(08...|57P0[123]|57014|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout$/,
  /^Client has encountered a connection error/,
  /^Connection ended unexpectedly/,
  /^terminating connection/,
  /^canceling statement due to statement timeout/,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (SQLSTATES.test(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}
