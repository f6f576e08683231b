import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/database.js';
import type { Planner } from '../../service/planner.js';
import { sessionRoutes } from './tracking/sessions.js';
import { claimRoutes } from './tracking/claims.js';
import { trackingEventRoutes } from './tracking/events.js';
import { statusRoutes } from './tracking/status.js';
import { replanRoutes } from './tracking/replan.js';

/** Live tracking of a plan, one plugin per resource; registered in this order, which is the OpenAPI document's. */
export const trackingRoutes: FastifyPluginAsyncTypebox<{ db: Db; planner: Planner }> = async (app, { db, planner }) => {
  await app.register(sessionRoutes, { db });
  await app.register(claimRoutes, { db });
  await app.register(trackingEventRoutes, { db });
  await app.register(statusRoutes, { db });
  await app.register(replanRoutes, { db, planner });
};
