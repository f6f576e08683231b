import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** sha256 over the canonical (key-sorted) JSON of a value: equal inputs hash equally. */
export function contentHash(value: unknown): string {
  return createHash('sha256')
    .update(stringify(value) ?? 'null')
    .digest('hex');
}

/** The execution plan's id: derived from its input, so the same input is the same execution plan. */
export const executionPlanIdOf = (input: unknown) => `ep_${contentHash(input).slice(0, 16)}`;
