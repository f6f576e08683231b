import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoPath } from '../../paths.js';

const require = createRequire(import.meta.url);
/** The folder of a package's main file (dompurify does not export its package.json). */
const mainDir = (name: string) => dirname(require.resolve(name));

/**
 * The libraries the page loads as ES modules, from node_modules (production dependencies, so
 * the image ships them): the Markdown renderer and the sanitiser for the strategy document.
 * Only these files, by name: nothing else in node_modules is served.
 */
export const VENDOR_FILES: Record<string, string> = {
  'marked.esm.js': join(mainDir('marked'), 'marked.esm.js'),
  'purify.es.mjs': join(mainDir('dompurify'), 'purify.es.mjs'),
};

/**
 * The dashboard: static files from ui/ at /ui/ (no build step, no server-side rendering), and
 * its vendor modules at /ui/vendor/. The page calls the same API as any client, with the API
 * key the user enters. Not in the OpenAPI document: it is a page, not an API.
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
  await app.register(fastifyStatic, {
    root: [...new Set(Object.values(VENDOR_FILES).map((f) => dirname(f)))],
    prefix: '/ui/vendor/',
    decorateReply: false,
    schemaHide: true,
    cacheControl: true,
    maxAge: 0,
    etag: true,
    allowedPath: (pathName) => Object.hasOwn(VENDOR_FILES, pathName.replace(/^\//, '')),
  });
  app.get('/ui', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/ui/', 301));
};
