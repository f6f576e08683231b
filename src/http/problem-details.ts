import { STATUS_CODES } from 'node:http';
import type { ErrorDetail } from '../errors.js';

/**
 * Errors as RFC 9457 problem details: the standard members (type, title, status, detail,
 * instance) for generic clients beside the service's own (statusCode, code, message, details[])
 * that existing clients read. The type is an identifier built from the stable code, not a link.
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_CONTENT_TYPE = `${PROBLEM_MEDIA_TYPE}; charset=utf-8`;
export const PROBLEM_TYPE_PREFIX = 'urn:waveplan:problem:';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  statusCode: number;
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** The title of a code's problem type: the same for every occurrence (the HTTP reason phrase). */
const titleOf = (status: number): string => STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');

/** The problem details of one failure; instance is the request path it happened on, when known. */
export function problemDetails(status: number, code: string, message: string, details: ErrorDetail[] = [], instance?: string): ProblemDetails {
  return {
    type: PROBLEM_TYPE_PREFIX + code,
    title: titleOf(status),
    status,
    detail: message,
    ...(instance !== undefined ? { instance } : {}),
    statusCode: status,
    code,
    message,
    details,
  };
}

/** The path of a request URL, as a problem's instance (the query may hold secrets and is left out). */
export const instanceOf = (url: string): string => url.split('?')[0] || '/';
