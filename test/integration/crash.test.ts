import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import { ARTIFACT_NAMES } from '../../src/schemas/artifacts/index.js';
import { freshDatabase } from '../support/db.js';

describe('a writer killed with SIGKILL mid-write', () => {
  it('leaves only complete versions, numbered 1…N without gaps or duplicates', async () => {
    const db = await freshDatabase('postgres');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', repoPath('test', 'support', 'crash-writer.ts'), db.url!], {
        cwd: repoPath(),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let written = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          written = Math.max(written, ...chunk.toString().trim().split('\n').map(Number));
          if (written >= 20) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));

      const rows = await db.db.selectFrom('plan_versions').selectAll().orderBy('version').execute();
      const plan = await db.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
      expect(plan.latest_version).toBe(rows.length);
      for (const r of rows) {
        expect(r.content_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(r.input).toBeTruthy();
        expect(Object.keys(r.artifacts).sort()).toEqual([...ARTIFACT_NAMES].sort());
        expect(r.summary.phases).toBe(14);
        expect(r.document.length).toBeGreaterThan(100);
        expect(r.parent_version).toBe(r.version === 1 ? null : r.version - 1);
      }
    } finally {
      await db.close();
    }
  });
});
