/**
 * The error catalogue, as Fastify's own lib/errors.js keeps one: every failure the service
 * reports is a WaveplanError of one kind with a stable code. The domain and the store throw them
 * without knowing about HTTP; this module alone maps a kind to an HTTP status and a CLI exit code.
 */
import { PlanInputError } from './domain/errors.js';

/** One offending field: a JSON pointer into the request and what is wrong with it. */
export interface ErrorDetail {
  /** The request part the path points into; body when absent. */
  in?: 'body' | 'querystring' | 'params' | 'headers';
  path: string;
  message: string;
  code?: string;
  ids?: string[];
}

export const ERROR_KINDS = {
  bad_request: { status: 400, exit: 2 },
  unauthorized: { status: 401, exit: 3 },
  forbidden: { status: 403, exit: 3 },
  not_found: { status: 404, exit: 3 },
  not_acceptable: { status: 406, exit: 3 },
  conflict: { status: 409, exit: 3 },
  gone: { status: 410, exit: 3 },
  precondition_failed: { status: 412, exit: 3 },
  too_large: { status: 413, exit: 3 },
  unsupported_media_type: { status: 415, exit: 2 },
  unprocessable: { status: 422, exit: 3 },
  precondition_required: { status: 428, exit: 2 },
  rate_limited: { status: 429, exit: 4 },
  internal: { status: 500, exit: 1 },
  unavailable: { status: 503, exit: 4 },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

const KIND_OF_STATUS = new Map<number, ErrorKind>(Object.entries(ERROR_KINDS).map(([k, v]) => [v.status, k as ErrorKind]));

/** A reported failure: its kind (what it is), a stable machine-readable code, and the offending fields. */
export class WaveplanError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'WaveplanError';
  }

  get statusCode(): number {
    return ERROR_KINDS[this.kind].status;
  }

  get exitCode(): number {
    return ERROR_KINDS[this.kind].exit;
  }
}

/**
 * An error named by its HTTP status, for code that speaks HTTP (routes, plugins); the status
 * must be one of the catalogue's.
 */
export class AppError extends WaveplanError {
  constructor(statusCode: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(KIND_OF_STATUS.get(statusCode) ?? (statusCode >= 500 ? 'internal' : 'bad_request'), code, message, details);
    this.name = 'AppError';
  }
}

export class NotFoundError extends WaveplanError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('not_found', code, message, details);
  }
}

export class ConflictError extends WaveplanError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('conflict', code, message, details);
  }
}

export class UnprocessableError extends WaveplanError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('unprocessable', code, message, details);
  }
}

export class PreconditionFailedError extends WaveplanError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('precondition_failed', code, message, details);
  }
}

export class BadRequestError extends WaveplanError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('bad_request', code, message, details);
  }
}

export const notFound = (what: string) => new NotFoundError('not_found', `${what} not found`);

/** The domain's impossible-plan error as the catalogue's: unprocessable, every issue a detail. */
export function fromPlanInputError(err: PlanInputError, prefix = ''): WaveplanError {
  return new UnprocessableError(
    err.code,
    prefix + err.message,
    err.issues.map((i) => ({ path: i.path, message: i.message, code: i.code, ...(i.ids ? { ids: i.ids } : {}) })),
  );
}

/** Any thrown value as the catalogue's, when it is one the catalogue knows (else undefined). */
export function asWaveplanError(err: unknown): WaveplanError | undefined {
  if (err instanceof WaveplanError) return err;
  if (err instanceof PlanInputError) return fromPlanInputError(err);
  return undefined;
}
