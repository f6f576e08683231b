import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CliError, EXIT } from './cli-error.js';

export type InputFormat = 'json' | 'yaml';

export interface ReadInput {
  value: unknown;
  format: InputFormat;
  /** Line and column (1-based) of the value at a JSON pointer such as /phases/3/dependencies/0, when known. */
  locate(pointer: string): { line: number; col: number } | undefined;
}

const BOM = /^\uFEFF/;

/**
 * The format of an input file: by its extension (.json; .yaml or .yml), else by its content: a
 * document whose first character is { or [ is JSON, anything else YAML.
 */
export function formatOf(file: string, text: string): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return /^\s*[[{]/.test(text.replace(BOM, '')) ? 'json' : 'yaml';
}

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, col: lines.at(-1)!.length + 1 };
}

/** The source line holding the offset, and a caret under its column. */
function excerpt(text: string, line: number, col: number): string {
  const source = text.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
  if (source.length > 200) return '';
  return `\n  ${source}\n  ${' '.repeat(Math.max(0, col - 1))}^`;
}

function parseJson(file: string, text: string): ReadInput {
  try {
    return { value: JSON.parse(text), format: 'json', locate: locator(text) };
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    if (offset === undefined) throw new CliError(EXIT.invalidInput, `cannot read ${file} as JSON: ${message}`);
    const { line, col } = lineCol(text, offset);
    throw new CliError(
      EXIT.invalidInput,
      `cannot read ${file} as JSON: line ${line}, column ${col}: ${message.replace(/ in JSON at position \d+$/, '')}${excerpt(text, line, col)}`,
    );
  }
}

/** The node at a JSON pointer in a YAML document, walking maps by key and sequences by index. */
function nodeAt(doc: Document, pointer: string): { range?: [number, number, number] | null } | undefined {
  let node: unknown = doc.contents;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) node = node.items.find((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key) === key)?.value;
    else if (isSeq(node)) node = /^\d+$/.test(key) ? node.items[Number(key)] : undefined;
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node as { range?: [number, number, number] | null };
}

/** Finds where a JSON pointer's value starts in a parsed document. */
function locateIn(doc: Document, lineCounter: LineCounter, pointer: string): { line: number; col: number } | undefined {
  const start = nodeAt(doc, pointer)?.range?.[0];
  return start === undefined ? undefined : lineCounter.linePos(start);
}

/** For JSON text: JSON is YAML, so a YAML parse (done only when asked) tells where a value is. */
function locator(text: string): ReadInput['locate'] {
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  return (pointer) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: false }), lineCounter };
    }
    return parsed.doc.errors.length ? undefined : locateIn(parsed.doc, parsed.lineCounter, pointer);
  };
}

function parseYaml(file: string, text: string): ReadInput {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, as the input schema wants them.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more)` : '';
    throw new CliError(EXIT.invalidInput, `cannot read ${file} as YAML: line ${line}, column ${col}: ${error.message}${more}${excerpt(text, line, col)}`);
  }
  let value: unknown;
  try {
    // Aliases expand at most 100 times (the default), so a small file cannot blow up into a huge input.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new CliError(EXIT.invalidInput, `cannot read ${file} as YAML: ${(err as Error).message}`);
  }
  return {
    value,
    format: 'yaml',
    locate: (pointer) => locateIn(doc, lineCounter, pointer),
  };
}

/** Parses the text of an input file as JSON or YAML (see formatOf); a syntax error is exit 3 with line and column. */
export function parseInput(file: string, text: string): ReadInput {
  const body = text.replace(BOM, '');
  return formatOf(file, body) === 'json' ? parseJson(file, body) : parseYaml(file, body);
}

/** A file's text; a missing file is a usage error (exit 2), one that cannot be read exit 3, naming why (EACCES, EISDIR, …). */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(EXIT.usage, `no such file: ${file}`);
    throw new CliError(EXIT.invalidInput, `cannot read ${file}: ${code ?? (err as Error).message}`);
  }
}

/** Reads and parses an input file. */
export function readInput(file: string): ReadInput {
  return parseInput(file, readText(file));
}

/** The error with where in the input file each detail's path points, when the file tells. */
export function located(err: unknown, read: ReadInput): unknown {
  if (!(err instanceof CliError) || err.details.length === 0) return err;
  const details = err.details.map((d) => {
    const at = d.path.startsWith('/') ? read.locate(d.path) : undefined;
    return at ? { ...d, path: `${d.path} (line ${at.line}, column ${at.col})` } : d;
  });
  return new CliError(err.exitCode, err.message, details);
}
