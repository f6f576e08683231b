import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { instanceOf, PROBLEM_CONTENT_TYPE, problemDetails } from './problem-details.js';

/**
 * Errors Fastify and Node raise before a route (and the error handler) is reached, in the one
 * error shape: a URL that does not decode (400), a path parameter past maxParamLength (414),
 * headers too large (431) and other malformed requests the HTTP parser rejects.
 */
const body = (statusCode: number, code: string, message: string, instance?: string) => JSON.stringify(problemDetails(statusCode, code, message, [], instance));

export function frameworkErrors(error: Error & { code?: string; statusCode?: number }, request: { url?: string }, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'bad_request';
  void reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(body(status, code, error.message, request.url === undefined ? undefined : instanceOf(request.url)));
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout'],
  HPE_HEADER_TIMEOUT: [408, 'request_timeout'],
};

export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'bad_request'];
  const message = status === 431 ? 'request headers (or the URL) are larger than the server accepts' : (STATUS_CODES[status] ?? 'bad request');
  const payload = body(status, code, message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
  );
}
