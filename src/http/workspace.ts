import type { FastifyRequest } from 'fastify';

/** The workspace a request acts in: its API key's (or 'default' when auth is off). Every plan belongs to one. */
export function workspaceOf(request: FastifyRequest): string {
  return request.principal?.workspaceId ?? 'default';
}
