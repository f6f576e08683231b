/** One offending field: a JSON pointer into the request and what is wrong with it. */
export interface ErrorDetail {
  /** The request part the path points into; body when absent. */
  in?: 'body' | 'querystring' | 'params' | 'headers';
  path: string;
  message: string;
  code?: string;
  ids?: string[];
}

/** An error with an HTTP status and a stable machine-readable code; rendered in the one error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
