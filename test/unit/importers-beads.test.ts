import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError, importAny, importPlannable } from '../../src/importers/index.js';
import { repoPath } from '../../src/paths.js';
import { thrown } from '../support/thrown.js';

const EXAMPLE = readFileSync(repoPath('examples', 'import', 'beads', 'issues.jsonl'), 'utf8');

describe('beads importer (.beads/issues.jsonl)', () => {
  it('is told by its extension or its first line', () => {
    expect(detectFormat('.beads/issues.jsonl', EXAMPLE)).toBe('beads');
    expect(detectFormat('export.txt', EXAMPLE)).toBe('beads');
    expect(importAny(undefined, 'issues', EXAMPLE, { startDate: '2027-01-04' }).format).toBe('beads');
  });

  it('plans open issues: blocks as dependencies, an epic as the group of its children, priorities, estimates; closed issues count as met', () => {
    const { input, notes } = importPlannable('beads', EXAMPLE, { startDate: '2027-01-04' });
    expect(input.phases.map((p) => p.id)).toEqual(['bd-3', 'bd-4', 'bd-5', 'bd-6']);
    const [pay, screens, launch, bug] = input.phases;
    expect(pay).toMatchObject({
      name: 'Payment provider integration',
      duration: 3,
      group: 'Checkout epic',
      priority: 4,
      acceptanceCriteria: ['A test card is charged and refunded.'],
    });
    // bd-2 (closed) blocked both: met, so no dependency is left.
    expect(pay!.dependencies).toBeUndefined();
    expect(screens).toMatchObject({ duration: 1.5, group: 'Checkout epic', priority: 2 });
    // Blocked by the epic: by every child of it that is still open.
    expect(launch).toMatchObject({ dependencies: ['bd-3', 'bd-4'], duration: 1, priority: 3 });
    expect(bug).toMatchObject({ duration: 0.25, priority: 1 });
    expect(notes).toContainEqual('1 issue(s) with children (parent-child) became groups of them, not work: bd-1');
    expect(notes).toContainEqual('1 closed issue(s) were left out and the dependencies on them count as met: bd-2');
    expect(notes).toContainEqual('1 related / discovered-from link(s) do not order work and were not planned: bd-5 discovered-from bd-6');
    expect(notes).toContainEqual(expect.stringMatching(/^1 issue\(s\) have no estimated_minutes and were given 1 day\(s\): bd-5$/));
    expect(notes).toContainEqual('issue keys not used: assignee, closed_at, created_at, labels, updated_at');
  });

  it('keeps closed issues with includeDone', () => {
    const { input } = importPlannable('beads', EXAMPLE, { startDate: '2027-01-04', includeDone: true });
    expect(input.phases.find((p) => p.id === 'bd-3')!.dependencies).toEqual(['bd-2']);
  });

  it('reports every bad line with where it is: not JSON, no id, a dependency on nothing, an unknown issue, a cycle', () => {
    const bad = [
      '{"id":"a","title":"A","issue_type":"task","dependencies":[{"issue_id":"a","depends_on_id":"zz","type":"blocks"}]}',
      'not json',
      '{"title":"no id"}',
      '{"id":"b","title":"B","dependencies":[{"type":"blocks"}]}',
    ].join('\n');
    const issues = thrown(ImportError, () => importPlannable('beads', bad, { startDate: '2027-01-04' })).issues;
    expect(issues.map((i) => i.path)).toEqual(['line 2', 'line 3 /id', 'line 4 /dependencies/0/depends_on_id', 'line 1 /dependencies/0']);
    expect(issues[3]!.message).toBe('a depends on zz, which the file does not define');
    const cycle = [
      '{"id":"a","title":"A","issue_type":"task","dependencies":[{"depends_on_id":"b","type":"blocks"}]}',
      '{"id":"b","title":"B","issue_type":"task","dependencies":[{"depends_on_id":"a","type":"blocks"}]}',
    ].join('\n');
    expect(() => importPlannable('beads', cycle, { startDate: '2027-01-04' })).toThrow(/cycle/);
  });
});
