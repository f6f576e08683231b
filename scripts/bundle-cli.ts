import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoPath } from '../src/paths.js';

/**
 * The `waveplan` command as a bundle with one chunk per subcommand (esbuild code splitting),
 * written over tsc's dist/src/cli/main.js: Node then parses a few files instead of resolving
 * hundreds of modules (typebox alone has ~700), and `--help` loads no subcommand at all. The
 * service's own packages stay external, and so does `mcp`, which runs the whole service from
 * tsc's output beside it.
 */
const BUNDLED = new Set(['typebox', 'yaml', 'csv-parse', 'csv-stringify', 'safe-stable-stringify', 'fast-xml-parser']);
const pkg = (await import(repoPath('package.json'), { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
const outdir = repoPath('dist', 'src', 'cli');
rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });

await build({
  // The search's helper thread is its own entry, beside the chunks that start it (search-helper.ts looks for it there).
  entryPoints: { main: repoPath('src', 'cli', 'main.ts'), 'chunks/search-helper-thread': repoPath('src', 'service', 'search-helper-thread.ts') },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Less to parse at every start; names are kept, for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // yaml is CommonJS and requires Node's modules: give the ESM chunks a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  external: ['./mcp-command.js', ...Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name))],
  logLevel: 'warning',
});
