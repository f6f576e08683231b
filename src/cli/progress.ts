import type { ProgressCallback } from '../domain/plan.js';

/** The part of a terminal stream the progress line needs (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressLine {
  /** Undefined when nothing is to be shown, so the domain skips the reporting altogether. */
  onProgress: ProgressCallback | undefined;
  /** Shows a line of text instead of a bar (e.g. a server job's state); nothing off a terminal. */
  note(text: string): void;
  /** Clears the line (call before printing anything else, and at the end). */
  done(): void;
}

const LABELS: Record<string, string> = { schedule: 'scheduling', 'monte-carlo': 'simulating', artifacts: 'writing artifacts' };

/** One line of text for a stage: its label, a bar and the percentage, fitted to `columns`. */
export function renderProgress(stage: string, done: number, total: number, columns = 80): string {
  const label = (LABELS[stage] ?? stage).padEnd(17);
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const width = Math.max(10, Math.min(40, columns - 1 - label.length - percent.length - 4));
  const filled = Math.round(share * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}`.slice(0, Math.max(1, columns - 1));
}

/**
 * A progress line on `stream`, rewritten in place with \r, shown only when `enabled` and the
 * stream is a terminal; otherwise nothing is written at all.
 */
export function progressLine(stream: ProgressStream, enabled: boolean): ProgressLine {
  if (!enabled || !stream.isTTY) return { onProgress: undefined, note: () => {}, done: () => {} };
  let last = '';
  const show = (line: string) => {
    if (line === last) return;
    // \x1b[K clears what a longer previous line left to the right.
    stream.write(`\r${line}\x1b[K`);
    last = line;
  };
  return {
    onProgress: (stage, done, total) => show(renderProgress(stage, done, total, stream.columns || 80)),
    note: (text) => show(text.slice(0, Math.max(1, (stream.columns || 80) - 1))),
    done: () => {
      if (last) stream.write('\r\x1b[K');
      last = '';
    },
  };
}
