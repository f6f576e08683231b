import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { ImportError, importAny, importPlannable } from '../../src/importers/index.js';
import { repoPath } from '../../src/paths.js';
import { thrown } from '../support/thrown.js';

const dir = repoPath('examples', 'import', 'ccpm', 'epics', 'checkout');
const FILES = Object.fromEntries(readdirSync(dir).map((n) => [`.claude/epics/checkout/${n}`, readFileSync(`${dir}/${n}`, 'utf8')]));
const body = (files: Record<string, string>) => JSON.stringify({ files });

describe('ccpm importer (epics folder as a path → text map)', () => {
  it('is told by its map of epic and task files, as {files} or the bare map', () => {
    expect(importAny(undefined, '', body(FILES), { startDate: '2027-01-04' }).format).toBe('ccpm');
    expect(importAny(undefined, '', JSON.stringify(FILES), { startDate: '2027-01-04' }).format).toBe('ccpm');
  });

  it('maps tasks to phases of their epic: depends_on, hours or size, description, acceptance criteria; closed tasks count as met', () => {
    const { input, notes } = importPlannable('ccpm', body(FILES), { startDate: '2027-01-04' });
    expect(input.phases.map((p) => p.id)).toEqual(['checkout:2', 'checkout:3', 'checkout:4']);
    const [pay, api, rehearsal] = input.phases;
    expect(pay).toMatchObject({
      name: 'Payment provider integration',
      duration: 3,
      group: 'checkout',
      acceptanceCriteria: ['A test card is charged', 'A refund reaches the provider'],
    });
    expect(pay!.dependencies).toBeUndefined(); // on 001, closed
    expect(api).toMatchObject({ duration: 2, description: 'Endpoints that turn a cart into an order.' });
    expect(rehearsal).toMatchObject({ duration: 0.5, dependencies: ['checkout:2', 'checkout:3'] });
    expect(notes).toContainEqual('1 closed task(s) were left out and the dependencies on them count as met: checkout:1');
    expect(notes).toContainEqual('1 task(s) give a size but no hours, planned as XS 0.5, S 1, M 2, L 4, XL 8 days: checkout:3 M');
    expect(notes).toContainEqual('task front matter keys not used: created, github, updated');
    expect(notes).toContainEqual('epic front matter keys not used: created, github, prd, progress, status');
  });

  it('keeps conflicting tasks and a parallel: false task from running at the same time as what they exclude', () => {
    const files = { ...FILES };
    // 004 without dependencies, so only parallel: false keeps it apart.
    files['.claude/epics/checkout/004.md'] = files['.claude/epics/checkout/004.md']!.replace('depends_on: [002, 003]', 'depends_on: []');
    const { input } = importPlannable('ccpm', body(files), { startDate: '2027-01-04', teamSize: 4 });
    const schedule = planProject(input).artifacts['execution-plan.json'].schedule;
    const at = (id: string) => schedule.find((e) => e.id === id)!;
    const apart = (a: string, b: string) => at(a).finish_day <= at(b).start_day + 1e-9 || at(b).finish_day <= at(a).start_day + 1e-9;
    expect(apart('checkout:2', 'checkout:3')).toBe(true);
    expect(apart('checkout:4', 'checkout:2')).toBe(true);
    expect(apart('checkout:4', 'checkout:3')).toBe(true);
  });

  it('reports files it cannot read with where they are: no front matter, bad YAML, a dependency or conflict on a task that is not there', () => {
    const issues = thrown(ImportError, () =>
      importPlannable(
        'ccpm',
        body({
          'epics/a/001.md': '# no front matter',
          'epics/a/002.md': '---\nname: [unclosed\n---\n',
          'epics/a/003.md': '---\nname: Three\ndepends_on: [009]\nconflicts_with: [008]\n---\n',
        }),
        { startDate: '2027-01-04' },
      ),
    ).issues;
    expect(issues).toContainEqual({ path: 'epics/a/001.md', message: 'the file has no front matter (--- name, status, depends_on … ---)' });
    expect(issues.some((i) => i.path.startsWith('epics/a/002.md front matter'))).toBe(true);
    expect(issues).toContainEqual({ path: 'epics/a/003.md front matter /conflicts_with', message: 'a:3 conflicts with a:8, which the files do not define' });
    expect(issues).toContainEqual({ path: 'epics/a/003.md front matter /depends_on', message: 'a:3 depends on a:9, which the file does not define' });
    expect(thrown(ImportError, () => importPlannable('ccpm', '{"files": {"notes.txt": "x"}}')).issues[0]!.message).toMatch(/JSON object of file paths/);
  });
});
