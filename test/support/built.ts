import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoPath } from '../../src/paths.js';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** The built CLI: node starts it in a fraction of the time `node --import tsx src/…` takes. */
export const builtCli = repoPath('dist', 'src', 'cli', 'main.js');

/** Builds dist/ when it is missing or older than src/ (CI builds once before the tests). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newest(repoPath('src'))) return;
  await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: repoPath() });
}
