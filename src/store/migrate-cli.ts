import { loadConfig } from '../config.js';
import { connect } from './database.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const handle = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const { results } = await migrateToLatest(handle.db);
  for (const r of results ?? []) console.log(`${r.status.padEnd(7)} ${r.migrationName}`);
  if (!results?.length) console.log('already up to date');
} finally {
  await handle.close();
}
