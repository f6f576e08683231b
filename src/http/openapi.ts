import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../store/schema.js';
import type { Planner } from '../service/planner.js';
import { buildApp } from './app.js';

/** The OpenAPI document, built from the route schemas without touching a database. */
export async function generateOpenApi(): Promise<Record<string, unknown>> {
  // A pool that is never used: building the document registers routes, it runs none.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
  const planner: Planner = () => Promise.reject(new Error('not used'));
  const app = await buildApp({ db, planner });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await db.destroy();
  return doc;
}

export function renderOpenApi(doc: Record<string, unknown>): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
