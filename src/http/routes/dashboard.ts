import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { repoPath } from '../../paths.js';

/**
 * The dashboard: static files from ui/ at /ui/ (no build step, no server-side rendering). The
 * page calls the same API as any client, with the API key the user enters. Not in the OpenAPI
 * document: it is a page, not an API.
 */
export const dashboardRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: repoPath('ui'),
    prefix: '/ui/',
    schemaHide: true,
    cacheControl: true,
    maxAge: 0,
    etag: true,
  });
  app.get('/ui', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/ui/', 301));
};
