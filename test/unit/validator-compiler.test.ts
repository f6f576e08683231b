import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { validatorCompiler } from '../../src/http/validator-compiler.js';

const compile = (schema: Parameters<typeof validatorCompiler>[0]['schema'], httpPart: string) =>
  validatorCompiler({ schema, httpPart, method: 'GET', url: '/' }) as (v: unknown) => { value?: unknown; error?: unknown[] };

describe('validatorCompiler', () => {
  const query = Type.Object({ id: Type.String({ format: 'uuid' }), limit: Type.Optional(Type.Integer({ minimum: 1 })), all: Type.Optional(Type.Boolean()) });

  it('takes a value that already checks as it is, and converts URL strings only when needed', () => {
    const validate = compile(query, 'querystring');
    const given = { id: '00000000-0000-4000-8000-000000000000' };
    expect(validate(given).value).toBe(given);
    expect(validate({ ...given, limit: '20', all: 'true' }).value).toEqual({ ...given, limit: 20, all: true });
    expect(validate({ ...given, limit: 'x' }).error).toEqual([expect.objectContaining({ instancePath: '/limit' })]);
    expect(validate({ id: 'nope' }).error).toEqual([expect.objectContaining({ instancePath: '/id' })]);
  });

  it('never converts a body', () => {
    const validate = compile(Type.Object({ n: Type.Integer() }), 'body');
    expect(validate({ n: 3 }).value).toEqual({ n: 3 });
    expect(validate({ n: '3' }).error).toEqual([expect.objectContaining({ instancePath: '/n' })]);
  });
});
