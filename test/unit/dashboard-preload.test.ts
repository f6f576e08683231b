import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';

/** The modules main.js reaches by static imports (not import()): the page needs each before its first fetch. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(repoPath('ui', file), 'utf8');
    for (const m of text.matchAll(/^import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)) visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
  };
  visit(entry);
  return [...seen].sort();
}

describe('the dashboard page', () => {
  it('preloads every module of its static import graph, and nothing else, so that they load in one round trip', () => {
    const html = readFileSync(repoPath('ui', 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!).sort();
    const graph = staticGraph('js/main.js');
    expect(graph.length).toBeGreaterThan(10);
    expect(graph).toContain('js/gantt/calendar.js');
    expect(preloaded).toEqual(graph);
  });
});
