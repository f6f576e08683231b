import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoPath } from '../../../src/paths.js';

export interface ServiceProcess {
  child: ChildProcess;
  base: string;
  /** Every log line the service wrote (parsed pino JSON). */
  logs: Array<Record<string, unknown>>;
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  stop(): Promise<void>;
}

/**
 * The service as its own process (src/main.ts, as `npm start` runs it), so that a fault that
 * would end the process is seen as an exit, not as a failing test worker.
 */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src', 'main.ts')], {
    cwd: repoPath(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', AUTH: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.on('exit', (code, signal) => (exit = { code, signal }));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      const m = typeof entry.msg === 'string' ? entry.msg.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/) : null;
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening: ${stderr}`));
    });
  });
  return {
    child,
    base,
    logs,
    exited: () => exit,
    stop: async () => {
      if (exit) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** A request that gives up after timeoutMs, reporting how it ended. */
export async function probe(
  url: string,
  init: RequestInit = {},
  timeoutMs = 10_000,
): Promise<{ status: number; body: unknown; ms: number } | { status: 'timeout' | 'error'; ms: number; error?: string }> {
  const t0 = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, ms: Date.now() - t0 };
  } catch (err) {
    const e = err as Error;
    return { status: e.name === 'TimeoutError' ? 'timeout' : 'error', ms: Date.now() - t0, error: e.message };
  }
}

/** Polls until check() holds or timeoutMs passes; returns how long it took, or throws. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (await check()) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
