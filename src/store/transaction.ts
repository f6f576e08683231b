import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back; running it again is safe. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs work in a transaction, again (up to attempts times, after a short jittered pause) when
 * PostgreSQL aborts it as a deadlock victim or a serialisation failure. Lock order is the first
 * defence (plan row, then sessions, then claims); this is the second.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}
