import { Type, type Static, type TSchema } from 'typebox';

export const ErrorDetail = Type.Object({
  in: Type.Optional(Type.Enum(['body', 'querystring', 'params', 'headers'])),
  path: Type.String({ description: 'JSON pointer to the offending field within the request part ("" for the whole part).' }),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  ids: Type.Optional(Type.Array(Type.String(), { description: 'Ids involved, e.g. the phases of a dependency cycle in order.' })),
});

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code.' }),
    message: Type.String(),
    details: Type.Array(ErrorDetail),
  },
  { title: 'Error', description: 'Every 4xx and 5xx response has this shape.' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const PlanIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VersionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

/** Standard error responses for a route, by status code. */
export function errors(...codes: number[]): Record<number, typeof ErrorResponse> {
  return Object.fromEntries(codes.map((c) => [c, ErrorResponse]));
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
