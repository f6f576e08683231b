import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { connectPostgres } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/**
 * Finds a PostgreSQL server for the integration tests and prepares a migrated template
 * database that each test file clones (so files run in parallel without seeing each other's rows).
 * Order: DATABASE_URL; else a Testcontainers PostgreSQL where Docker runs; else the local
 * server on 127.0.0.1:5432.
 */
export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  let stopContainer: (() => Promise<unknown>) | undefined;
  if (!url) {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:16-alpine').start();
      url = container.getConnectionUri();
      stopContainer = () => container.stop();
    } catch {
      url = 'postgres://postgres@127.0.0.1:5432/postgres';
    }
  }
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`integration tests need PostgreSQL: set DATABASE_URL (tried ${url}): ${(err as Error).message}`);
  }
  const runId = `${process.pid}_${Date.now()}`;
  const template = `waveplan_tpl_${runId}`;
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(url, template);
  const handle = connectPostgres(templateUrl, 2);
  await migrateToLatest(handle.db);
  await handle.close();

  project.provide('pgAdminUrl', url);
  project.provide('pgTemplate', template);
  project.provide('pgRunId', runId);

  return async () => {
    const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`waveplan_%_${runId}%`]);
    for (const r of rows.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    await stopContainer?.();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRunId: string;
  }
}
