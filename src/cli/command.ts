import type { ParseArgsConfig } from 'node:util';

/**
 * One subcommand of `waveplan`: its usage text, its flags and what it does. main.ts knows each
 * by name and loads its module only when it runs, so a command costs nothing to the others.
 */
export interface CliCommand {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** What the one positional argument is ("input file", "plan id"); none when absent. */
  operand?: string;
  /** How many positional arguments it takes when it has an operand (default 1). */
  operands?: number;
  run(target: string | undefined, values: Values, positionals?: string[]): Promise<number>;
}

/** The parsed flags; each command reads its own (the option types say which are strings, booleans or lists). */
export interface Values {
  server?: string;
  'api-key'?: string;
  json?: boolean;
  help?: boolean;
  out?: string;
  'as-of'?: string;
  [flag: string]: string | boolean | string[] | undefined;
}

export const COMMON_OPTIONS = {
  server: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Paint = (code: number, text: string) => string;
export const plain: Paint = (_code, text) => text;

/** ANSI colour on a terminal, never with NO_COLOR. */
export const painter =
  (stream: NodeJS.WriteStream): Paint =>
  (code, text) =>
    stream.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;

export const colour = painter(process.stderr);
