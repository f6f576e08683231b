/**
 * `npm run bench:cli`: the CPU time (user + sys) the built `waveplan` command takes for
 * `--help` and for `import` of a small example, against `node -e 0` measured in the same run,
 * so the ratio is comparable across machines and commits. Each child reports its own
 * process.resourceUsage() as it exits (a preloaded hook, the same for every command, the
 * baseline included); the median of BENCH_CLI_RUNS runs (default 15) after one warm-up.
 * Builds dist/ first when it is missing or older than src/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoPath } from '../src/paths.js';
import { ensureBuilt } from '../test/support/built.js';

const runs = Number(process.env.BENCH_CLI_RUNS ?? 15);
// BENCH_CLI_PATH measures another build (an older commit's dist/src/cli/main.js) as it is.
const cli = process.env.BENCH_CLI_PATH ?? repoPath('dist', 'src', 'cli', 'main.js');
const limit = 2;

if (!process.env.BENCH_CLI_PATH) {
  console.log('building dist/ when older than src/ (npm run build)…');
  await ensureBuilt();
}

const scratch = mkdtempSync(path.join(tmpdir(), 'waveplan-bench-cli-'));
const report = path.join(scratch, 'usage.json');
const hook = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(report)}, JSON.stringify(u.userCPUTime + u.systemCPUTime)); });`,
)}`;

/** CPU milliseconds of one run of node with args (the hook preloaded). */
function cpuMs(args: string[]): number {
  rmSync(report, { force: true });
  const res = spawnSync(process.execPath, ['--import', hook, ...args], { cwd: repoPath(), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} exited ${res.status}: ${res.stderr.toString()}`);
  return Number(readFileSync(report, 'utf8')) / 1000;
}

function median(args: string[]): number {
  cpuMs(args);
  const times = Array.from({ length: runs }, () => cpuMs(args)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const commands: [string, string[]][] = [
  ['waveplan --help', [cli, '--help']],
  ['waveplan import ms-project.csv', [cli, 'import', 'examples/import/ms-project.csv', '--start-date', '2027-01-04']],
  ['waveplan plan --help', [cli, 'plan', '--help']],
];

try {
  const baseline = median(['-e', '0']);
  console.log(`node ${process.version}, ${runs} runs each, median CPU time (user + sys)`);
  console.log(`${'node -e 0'.padEnd(32)} ${baseline.toFixed(1).padStart(7)} ms   baseline`);
  let worst = 0;
  for (const [name, args] of commands) {
    const ms = median(args);
    const ratio = ms / baseline;
    worst = Math.max(worst, ratio);
    console.log(`${name.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms   ratio ${ratio.toFixed(2)}`);
  }
  console.log(`worst ratio ${worst.toFixed(2)} (target ≤ ${limit}): ${worst <= limit ? 'met' : 'NOT met'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
