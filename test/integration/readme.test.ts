import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { startApp } from '../support/app.js';
import { ensureBuilt } from '../support/built.js';
import { listeningApp } from '../support/http.js';

interface Block {
  line: number;
  code: string;
  skip?: string;
}

/** The README's ```sh blocks, each with the reason it is skipped when the line before says `<!-- readme-test: skip (…) -->`. */
export function shellBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```sh') continue;
    const end = lines.indexOf('```', i + 1);
    const skip = lines[i - 1]?.match(/^<!-- readme-test: skip \((.+)\) -->$/)?.[1];
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n'), ...(skip ? { skip } : {}) });
    i = end;
  }
  return blocks;
}

/**
 * Runs the README's shell blocks, in order and in one shell (so ID set in one is there in the
 * next), against a started service as `npm start` runs it (the embedded database, auth off),
 * in a scratch folder holding the repository's examples and the built CLI. The one change to
 * the text: the service listens on a free port, not 3000.
 */
describe('the README runs as written', () => {
  const { base } = listeningApp(() => startApp('pglite'));
  let cwd: string;
  beforeAll(async () => {
    await ensureBuilt();
    cwd = mkdtempSync(path.join(tmpdir(), 'waveplan-readme-'));
    for (const name of ['examples', 'package.json', 'dist', 'node_modules']) symlinkSync(repoPath(name), path.join(cwd, name));
  }, 300_000);
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('skips only blocks marked as needing something outside the repository', () => {
    const skipped = shellBlocks(readFileSync(repoPath('README.md'), 'utf8')).filter((b) => b.skip);
    expect(skipped.map((b) => b.skip)).toEqual(['starts the service the other blocks run against', 'needs Docker, an external engine']);
  });

  it('every other shell block exits 0 and does what its comments say', async () => {
    const blocks = shellBlocks(readFileSync(repoPath('README.md'), 'utf8')).filter((b) => !b.skip);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const port = new URL(base()).port;
    const script = blocks.map((b) => `echo "::block README.md:${b.line}" >&2\n${b.code.replace(/(localhost|127\.0\.0\.1):3000/g, `127.0.0.1:${port}`)}`).join('\n');
    let stdout = '';
    let stderr = '';
    try {
      ({ stdout, stderr } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 }));
    } catch (err) {
      const e = err as { stdout: string; stderr: string };
      throw new Error(`a README block failed:\n${e.stderr.split('\n').slice(-30).join('\n')}\n--- stdout ---\n${e.stdout.split('\n').slice(-20).join('\n')}`);
    }
    expect(stderr).toContain(`::block README.md:${blocks.at(-1)!.line}`);
    expect(stdout).toMatch(/^plan [0-9a-f-]{36}$/m);
    expect(stdout).toMatch(/^etag: "v1"/im);
    expect(stdout).toMatch(/^304$/m);
    expect(stdout).toContain('"dependency_cycle"');
    expect(stdout).toMatch(/(^|})0\.1\.0$/m);
    expect(stdout).toContain('usage: waveplan plan');
  }, 300_000);
});
