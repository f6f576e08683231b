import { describe, expect, it } from 'vitest';
import { functionLengths } from '../../scripts/function-length.js';

const source = `export function outer(a: number) {
  const inner = (b: number) => {
    return b + 1;
  };
  return inner(a);
}

class Stream {
  constructor(private seed: number) {}
  next(): number {
    return this.seed;
  }
}

const table = { pick: function () { return 1; } };
declare function external(): void;
`;

describe('functionLengths', () => {
  const found = functionLengths('x.ts', source);
  const byName = new Map(found.map((f) => [f.name, f]));

  it('measures each function from its first to its last line, nested ones too', () => {
    expect(byName.get('outer')).toEqual({ file: 'x.ts', line: 1, name: 'outer', lines: 6 });
    expect(byName.get('inner')).toMatchObject({ line: 2, lines: 3 });
  });

  it('names methods, constructors and functions assigned to properties, and skips declarations without a body', () => {
    expect(byName.get('constructor')).toMatchObject({ line: 9, lines: 1 });
    expect(byName.get('next')).toMatchObject({ line: 10, lines: 3 });
    expect(byName.get('pick')).toMatchObject({ line: 15, lines: 1 });
    expect(byName.has('external')).toBe(false);
    expect(found).toHaveLength(5);
  });
});
