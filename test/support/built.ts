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

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (a test file builds it once with `beforeAll(ensureBuilt)`) and returns its exit code and output, whatever the code. */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [builtCli, ...args], {
      cwd: options.cwd ?? repoPath(),
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
