import { describe, expect, it } from 'vitest';
import { createDomainPlanner, PlanMemo } from '../../src/service/domain-planner.js';
import type { PlannedVersion } from '../../src/domain/plan.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput } from '../support/fixtures.js';

/** A computed plan whose estimated size is about 3 × textBytes + 2 × document. */
const fake = (n: number, textBytes = 100) =>
  ({ document: String(n), gantt: '', artifacts: { t: 'x'.repeat(textBytes) }, schedule: [], playbooks: {} }) as unknown as PlannedVersion;

describe('plan memo', () => {
  it('keeps the most recently used entries within its bytes, however few or many that is', () => {
    // Each fake is ≈ 3 × (110 + 2 + 2) + 2 bytes ≈ 344: two fit in 800, three do not.
    const memo = new PlanMemo(800);
    memo.set('a', fake(1));
    memo.set('b', fake(2));
    expect(memo.get('a')?.document).toBe('1'); // a is now the most recent
    memo.set('c', fake(3));
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')?.document).toBe('1');
    expect(memo.get('c')?.document).toBe('3');
    expect(memo.bytes).toBeLessThanOrEqual(800);
    // One plan larger than the whole memo is not kept, and evicts nothing.
    memo.set('huge', fake(4, 10_000));
    expect(memo.get('huge')).toBeUndefined();
    expect(memo.get('a')?.document).toBe('1');
  });

  it('answers an equal input (keys in any order) from the memo, and a changed one afresh', async () => {
    const input = exampleInput();
    const planner = createDomainPlanner();
    const first = await planner(input, { planId: 'a', version: 1 });
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as PlanInput;
    expect(await planner(reordered, { planId: 'b', version: 1 })).toBe(first);
    const changed = await planner({ ...input, name: 'other' }, { planId: 'c', version: 1 });
    expect(changed).not.toBe(first);
    expect(changed.artifacts['execution-plan.json'].execution_plan_id).not.toBe(first.artifacts['execution-plan.json'].execution_plan_id);
  });
});
