import { Type, type Static, type TSchema } from 'typebox';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_PREFIX } from '../problem-details.js';

export const ErrorDetail = Type.Object({
  in: Type.Optional(Type.Enum(['body', 'querystring', 'params', 'headers'])),
  path: Type.String({ description: 'JSON pointer to the offending field within the request part ("" for the whole part).' }),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  ids: Type.Optional(Type.Array(Type.String(), { description: 'Ids involved, e.g. the phases of a dependency cycle in order.' })),
});

/** The service's own error members, also what a failed job reports. */
export const ErrorFields = {
  statusCode: Type.Integer({ description: 'The HTTP status (the same as status).' }),
  code: Type.String({ description: 'Stable machine-readable error code.' }),
  message: Type.String({ description: 'What went wrong (the same as detail).' }),
  details: Type.Array(ErrorDetail, { description: 'Each offending field, with its path.' }),
};

const ERROR_DESCRIPTION = `Every 4xx and 5xx response: RFC 9457 problem details (${PROBLEM_MEDIA_TYPE}) with the service's code, message and details[].`;

export const ErrorResponse = Type.Object(
  {
    type: Type.String({ format: 'uri-reference', description: `The problem type: ${PROBLEM_TYPE_PREFIX} and the code.`, examples: [`${PROBLEM_TYPE_PREFIX}dependency_cycle`] }),
    title: Type.String({ description: 'Short summary of the problem type (the HTTP reason phrase).' }),
    status: Type.Integer({ description: 'The HTTP status.' }),
    detail: Type.String({ description: 'What went wrong in this occurrence.' }),
    instance: Type.Optional(Type.String({ format: 'uri-reference', description: 'The request path the problem occurred on.' })),
    ...ErrorFields,
  },
  { title: 'Error', description: ERROR_DESCRIPTION },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const PlanIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VersionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

const problemResponse = { description: ERROR_DESCRIPTION, content: { [PROBLEM_MEDIA_TYPE]: { schema: ErrorResponse } } };

/** Standard error responses for a route, by status code, as problem details. */
export function errors(...codes: number[]): Record<number, typeof problemResponse> {
  return Object.fromEntries(codes.map((c) => [c, problemResponse]));
}

export const NotModified = Type.Null({ description: 'Not modified: the If-None-Match ETag names this version.' });

/** A response whose body is not JSON, under its real media type (the OpenAPI document shows it so). */
export function mediaResponse(mediaType: string, description: string, schema: TSchema = Type.String()) {
  return { description, content: { [mediaType]: { schema } } };
}

/** True when the request's If-None-Match already names etag. */
export function notModified(request: { headers: Record<string, string | string[] | undefined> }, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((t) => t.trim() === etag || t.trim() === '*' || t.trim() === `W/${etag}`);
}
