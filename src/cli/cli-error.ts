import type { PlanInputError } from '../domain/errors.js';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, invalidInput: 3, unreachable: 4 } as const;

/** A failure the CLI reports on stderr and exits with its code (field paths in details). */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The domain's impossible-plan error as an invalid-input exit, each issue a detail at its path. */
export const invalidPlan = (err: PlanInputError, message = err.message): CliError =>
  new CliError(
    EXIT.invalidInput,
    message,
    err.issues.map((i) => ({ path: i.path, message: i.message })),
  );
