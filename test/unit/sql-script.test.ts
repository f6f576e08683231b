import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/store/sql-script.js';

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    const script = `-- a comment; not a split
create table a (x text default 'a;b');
/* block; comment */ create index on a (x);
do $body$ begin perform 1; end $body$;
select "odd;name" from a`;
    expect(splitStatements(script)).toEqual([
      "-- a comment; not a split\ncreate table a (x text default 'a;b')",
      '/* block; comment */ create index on a (x)',
      'do $body$ begin perform 1; end $body$',
      'select "odd;name" from a',
    ]);
  });

  it('drops empty and comment-only statements', () => {
    expect(splitStatements('select 1;;\n-- trailing\n')).toEqual(['select 1']);
  });
});
