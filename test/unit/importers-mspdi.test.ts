import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { exportPlan } from '../../src/exports/index.js';
import { ImportError, importAny, importPlannable } from '../../src/importers/index.js';
import { linkFromMspdi } from '../../src/importers/mspdi-links.js';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput, groupedInput } from '../support/fixtures.js';
import { thrown } from '../support/thrown.js';

const issuesOf = (f: () => unknown) => thrown(ImportError, f).issues;

/** An MS Project 2010 file cut to what matters, as it writes one: summary task UID 0, a summary row, a link with type and lag, a finished task, resources and assignments. */
const FOREIGN = readFileSync(repoPath('examples', 'import', 'ms-project.xml'), 'utf8');

describe('MS Project XML import', () => {
  it('round-trips an export: the same phases, durations, dependencies, groups and teams', () => {
    for (const input of [groupedInput(), exampleInput()] as PlanInput[]) {
      const planned = planProject(input);
      const file = exportPlan('mspdi', { input, artifacts: planned.artifacts }).body;
      const { input: back, format } = importAny(undefined, 'plan.xml', file);
      expect(format).toBe('mspdi');
      const schedule = planned.artifacts['execution-plan.json'].schedule;
      expect(back.phases.map((p) => p.id)).toEqual(schedule.map((e) => e.id).sort((a, b) => back.phases.findIndex((p) => p.id === a) - back.phases.findIndex((p) => p.id === b)));
      expect(back.phases).toHaveLength(input.phases.length);
      for (const entry of schedule) {
        const phase = back.phases.find((p) => p.id === entry.id)!;
        const original = input.phases.find((p) => p.id === entry.id)!;
        expect(phase.duration).toBeCloseTo(entry.duration_days, 2);
        expect([...(phase.dependencies ?? [])].sort()).toEqual([...entry.dependencies].sort());
        expect(phase.group).toBe(original.group);
        expect(phase.skills ?? []).toEqual(original.skills ?? []);
        expect(phase.priority ?? 0).toBe(original.priority ?? 0);
      }
      expect(back.startDate).toBe(input.startDate);
      expect(back.calendar?.holidays ?? []).toEqual(input.calendar?.holidays ?? []);
      expect(back.teams.map((t) => t.id).sort()).toEqual(
        input.teams
          .filter((t) => schedule.some((e) => e.team === t.id))
          .map((t) => t.id)
          .sort(),
      );
      for (const t of back.teams) expect(t.size).toBe(input.teams.find((x) => x.id === t.id)!.size);
    }
  });

  it('reads a file MS Project wrote: UIDs as ids, summary rows as groups, resource names as skills, finished tasks left out, the calendar', () => {
    const { input, notes } = importPlannable('mspdi', FOREIGN);
    expect(input.name).toBe('Office move');
    expect(input.startDate).toBe('2027-03-01');
    expect(input.phases.map((p) => p.id)).toEqual(['3', '4', '5']);
    const [order, pack, move] = input.phases;
    expect(order).toMatchObject({ name: 'Order furniture', duration: 3, group: 'Preparation', skills: ['Facilities'], teamSize: 1, priority: 200 });
    expect(order!.dependencies).toBeUndefined(); // on Survey, which is finished
    expect(pack).toMatchObject({ duration: 1.5, dependencies: [{ id: '3', type: 'SS', lagDays: 1 }], teamSize: 2 });
    // A dependency on the summary row means every task under it.
    expect(move).toMatchObject({ duration: 0, dependencies: ['3', '4'] });
    expect(input.teams).toEqual([{ id: 'Facilities', size: 2, skills: ['Facilities'] }]);
    expect(input.calendar).toEqual({ workingDays: [1, 2, 3, 4, 5], holidays: ['2027-03-10', '2027-03-11'] });
    expect(notes).toContainEqual(expect.stringContaining('1 task(s) 100 % complete were left out'));
    expect(notes).toContainEqual(expect.stringContaining('1 summary task(s) became groups'));
    expect(notes).toContainEqual(expect.stringContaining('1 assignment(s) of material or cost resources were not used'));
  });

  it("keeps every link type and lag (a bare id for finish-to-start without lag); a lag beyond the input's bound is cut and said", () => {
    expect(linkFromMspdi({ id: 'a', type: 'SS', lagDays: 0 })).toEqual({ dependency: { id: 'a', type: 'SS' } });
    expect(linkFromMspdi({ id: 'a', type: 'FF', lagDays: 1.5 })).toEqual({ dependency: { id: 'a', type: 'FF', lagDays: 1.5 } });
    expect(linkFromMspdi({ id: 'a', type: 'FS', lagDays: -1 })).toEqual({ dependency: { id: 'a', lagDays: -1 } });
    expect(linkFromMspdi({ id: 'a', type: 'FS', lagDays: 0 })).toEqual({ dependency: 'a' });
    expect(linkFromMspdi({ id: 'a', type: 'FS', lagDays: 2500 })).toEqual({ dependency: { id: 'a', lagDays: 1000 }, warning: 'a lag of 2500 working days was cut to 1000' });
    const { input, notes } = importPlannable('mspdi', FOREIGN);
    // LinkLag 4800 tenths of a minute = 480 minutes = one working day.
    expect(input.phases.find((p) => p.id === '4')!.dependencies).toContainEqual({ id: '3', type: 'SS', lagDays: 1 });
    expect(notes.filter((n) => n.startsWith('link simplified: 3 → 4'))).toEqual([]);
  });

  it('refuses what is not MS Project XML with where it is: malformed XML, a DOCTYPE, another root, unknown predecessors, unreadable durations', () => {
    expect(issuesOf(() => importPlannable('mspdi', '<Project>\n  <Tasks>\n</Project>'))[0]).toMatchObject({
      path: expect.stringMatching(/^line \d+, column \d+$/),
      message: expect.stringContaining('not well-formed XML'),
    });
    expect(issuesOf(() => importPlannable('mspdi', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project/>'))[0]!.message).toMatch(/DOCTYPE/);
    expect(issuesOf(() => importPlannable('mspdi', '<svg xmlns="http://www.w3.org/2000/svg"/>'))[0]!.message).toMatch(/root element is svg/);
    expect(issuesOf(() => importPlannable('mspdi', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`))[0]!.message).toMatch(/nest/);
    const broken = FOREIGN.replace('<PredecessorUID>2</PredecessorUID>', '<PredecessorUID>99</PredecessorUID>').replace(
      '<Duration>PT12H0M0S</Duration>',
      '<Duration>twelve hours</Duration>',
    );
    const issues = issuesOf(() => importPlannable('mspdi', broken.replace('<Type>3</Type>', '<Type>7</Type>')));
    expect(issues).toContainEqual({ path: '/Project/Tasks/Task[5]/PredecessorLink[1]/Type', message: 'link type 7 is none of 0 (FF), 1 (FS), 2 (SF), 3 (SS)' });
    expect(issues).toContainEqual({ path: '/Project/Tasks/Task[4]/PredecessorLink[1]/PredecessorUID', message: '3 depends on task UID 99, which the file does not define' });
    expect(issues).toContainEqual({ path: '/Project/Tasks/Task[5]/Duration', message: 'cannot read "twelve hours" as an ISO 8601 duration (such as PT16H0M0S)' });
  });
});
