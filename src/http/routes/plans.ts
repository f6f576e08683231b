import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { planCollectionRoutes, type PlanRouteOptions } from './plans/collection.js';
import { versionRoutes } from './plans/versions.js';
import { archiveRoutes } from './plans/archive.js';
import { diffRoutes } from './plans/diff.js';

export type { PlanRouteOptions } from './plans/collection.js';

/** Plans and their versions, one plugin per resource; registered in this order, which is the OpenAPI document's. */
export const planRoutes: FastifyPluginAsyncTypebox<PlanRouteOptions> = async (app, options) => {
  const { db, planner, bodies } = options;
  await app.register(planCollectionRoutes, options);
  await app.register(versionRoutes, { db, planner, bodies });
  await app.register(archiveRoutes, { db });
  await app.register(diffRoutes, { db });
};
