/**
 * The longest functions in src/: prints the five longest with file:line and length in lines, and
 * exits 1 when a function in the checked folders is longer than the limit.
 *
 *   tsx scripts/function-length.ts [--max 120] [--top 5] [--check src/domain …]
 *
 * Without --check every file under src/ is checked. A function's length runs from its first
 * line to its last, nested functions included (each of them is also measured on its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { repoPath } from '../src/paths.js';

export interface FunctionLength {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));
}

/** The name a reader would search for: the declaration's own, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** Every function, method, accessor, constructor and arrow function in one file, with its length in lines. */
export function functionLengths(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      found.push({ file, line: first + 1, name: nameOf(fn, source), lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function main() {
  const { values } = parseArgs({ options: { max: { type: 'string', default: '120' }, top: { type: 'string', default: '5' }, check: { type: 'string', multiple: true } } });
  const max = Number(values.max);
  const root = repoPath();
  const all = sourceFiles(repoPath('src'))
    .flatMap((path) => functionLengths(relative(root, path), readFileSync(path, 'utf8')))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
  console.log(`Longest functions in src/ (limit ${max} lines):`);
  for (const f of all.slice(0, Number(values.top))) console.log(`  ${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  const checked = values.check ?? ['src'];
  const inScope = (file: string) => checked.some((dir) => file === dir || file.startsWith(`${dir.replace(/\/$/, '')}/`));
  const over = all.filter((f) => f.lines > max && inScope(f.file));
  if (over.length > 0) {
    console.error(`${over.length} function(s) in ${checked.join(', ')} longer than ${max} lines:`);
    for (const f of over) console.error(`  ${f.file}:${f.line} ${f.name}: ${f.lines} lines`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
