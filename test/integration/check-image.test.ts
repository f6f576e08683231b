import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { freshDatabase } from '../support/db.js';

const run = promisify(execFile);
const COPIED = ['Dockerfile', 'docker-compose.yml', 'docker', 'package.json', 'package-lock.json', 'migrations', 'examples', 'openapi', 'ui', 'dist', 'scripts'];

/** A copy of what the image is built from, with node_modules linked, for one fault to be put back into. */
function copyOfRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'waveplan-check-image-'));
  for (const name of COPIED) cpSync(repoPath(name), path.join(root, name), { recursive: true });
  symlinkSync(repoPath('node_modules'), path.join(root, 'node_modules'));
  return root;
}

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(path.join(root, file), next);
}

async function checkImage(root: string, databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('bash', [path.join(root, 'scripts', 'check-image.sh')], {
      env: { ...process.env, CHECK_IMAGE_ROOT: root, CHECK_IMAGE_NO_DOCKER: '1', CHECK_IMAGE_DATABASE_URL: databaseUrl },
      timeout: 240_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * scripts/check-image.sh on this machine (no Docker engine): passes on the repository as it is,
 * and fails on each of the three faults the image shipped with when one is put back, and on a
 * base image named by a tag only.
 */
describe.skipIf(process.getuid?.() !== 0).concurrent('scripts/check-image.sh (the non-Docker path)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const roots: string[] = [];
  beforeAll(async () => {
    if (!existsSync(repoPath('dist', 'src', 'main.js'))) throw new Error('dist/ is not built: npm run build (CI builds before testing)');
    db = await freshDatabase('postgres');
  });
  afterAll(async () => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
    await db?.close();
  });
  const root = () => {
    const r = copyOfRepo();
    roots.push(r);
    return r;
  };

  it('passes on the image as it is', async () => {
    const result = await checkImage(root(), db.url!);
    expect(result.output).toContain('OK (no Docker)');
    expect(result.code).toBe(0);
  }, 300_000);

  it('fails when the base image is named by a tag only (not pinned by digest)', async () => {
    const r = root();
    edit(r, 'Dockerfile', /^(ARG NODE_IMAGE=node:[^@\s]+)@sha256:[0-9a-f]{64}$/m, '$1');
    const result = await checkImage(r, db.url!);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/base image 'node:\d+-bookworm-slim' is not pinned by digest/);
  }, 300_000);

  it('fails when compose gives the service no admin key (every request 401)', async () => {
    const r = root();
    edit(r, 'docker-compose.yml', /^\s*ADMIN_API_KEY:.*\n/m, '');
    const result = await checkImage(r, db.url!);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no ADMIN_API_KEY');
  }, 300_000);

  it('fails when the data directory is not created for the service user', async () => {
    const r = root();
    edit(r, 'Dockerfile', /^RUN mkdir -p \/app\/data.*\n/m, '');
    const result = await checkImage(r, db.url!);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/DATA_DIR .* is not writable/);
  }, 300_000);

  it('fails when a terminal makes the logger load pino-pretty, which the image prunes', async () => {
    const r = root();
    edit(r, 'dist/src/logger.js', /if \(isTTY && [^)]*\)\)/, 'if (isTTY)');
    const result = await checkImage(r, db.url!);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('with a terminal attached the service did not start');
  }, 300_000);
});
