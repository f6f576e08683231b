import { inject } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { connectPglite, connectPostgres, type DatabaseHandle } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { withDatabase } from './global-setup.js';

export type Backend = 'postgres' | 'pglite';

/** A fresh, migrated database of its own for one test file: a clone of the template, or an in-memory PGlite. */
export async function freshDatabase(backend: Backend = 'postgres'): Promise<DatabaseHandle & { url?: string }> {
  if (backend === 'pglite') {
    const handle = await connectPglite('memory://');
    await migrateToLatest(handle.db);
    return handle;
  }
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `waveplan_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  return { ...connectPostgres(url), url };
}
