import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';

export class DataDirError extends Error {}

/**
 * The embedded database's folder must exist and be writable by the user the service runs as.
 * Checked before PGlite opens it, so that a wrong owner is one sentence, not a raw EACCES trace.
 */
export function ensureWritableDir(dir: string, uid = process.getuid?.()): void {
  if (dir.startsWith('memory://')) return;
  const absolute = path.resolve(dir);
  try {
    mkdirSync(absolute, { recursive: true });
    accessSync(absolute, constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(
      `DATA_DIR ${absolute} is not writable by this user (uid ${uid ?? '?'}): ${code}. Create it owned by that user, mount a volume there, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}
