import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/** ?limit & ?cursor of the lists kept oldest first and only ever appended to (versions, sessions, alerts). */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: "From the previous page's next link; opaque." })),
});

export const NextLink = Type.Union([Type.String(), Type.Null()], { description: 'URL of the next page (also in the Link header, rel="next"); null on the last page.' });

/** The URL of this request with the given query parameters replaced. */
export function linkWith(request: FastifyRequest, params: Record<string, string | number>): string {
  const url = new URL(request.url, 'http://x');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  return url.pathname + url.search;
}

/** Sets Link: rel="next" when there is a next page; returns the link for the body. */
export function nextLink(reply: FastifyReply, next: string | null): string | null {
  if (next) reply.header('link', `<${next}>; rel="next"`);
  return next;
}

/**
 * One page of an append-only list kept oldest first: the cursor is the offset, which stays right
 * because items are only ever added at the end.
 */
export function pageOf<T>(request: FastifyRequest, reply: FastifyReply, all: T[], query: { limit?: number; cursor?: string }): { items: T[]; next: string | null } {
  const limit = query.limit ?? 100;
  const offset = query.cursor ? Number(query.cursor) : 0;
  const items = all.slice(offset, offset + limit);
  const more = offset + limit < all.length;
  return { items, next: nextLink(reply, more ? linkWith(request, { cursor: offset + limit, limit }) : null) };
}
