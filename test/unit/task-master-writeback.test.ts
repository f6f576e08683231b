import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { planView } from '../../src/exports/plan-view.js';
import { WriteBackError, writeBackTaskMaster } from '../../src/exports/task-master-writeback.js';
import { importPlannable } from '../../src/importers/index.js';
import { repoPath } from '../../src/paths.js';
import { thrown } from '../support/thrown.js';

const TASKS = readFileSync(repoPath('examples', 'import', 'tasks.json'), 'utf8');

/** A legacy-layout file with subtasks (ids "2.1" and 2), tabs and CRLF line ends, and a done task. */
const LEGACY = [
  '{',
  '\t"tasks": [',
  '\t\t{ "id": 1, "title": "Schema", "status": "done", "dependencies": [] },',
  '\t\t{',
  '\t\t\t"id": 2,',
  '\t\t\t"title": "Posting service",',
  '\t\t\t"status": "pending",',
  '\t\t\t"dependencies": [1],',
  '\t\t\t"estimatedHours": 16,',
  '\t\t\t"subtasks": [',
  '\t\t\t\t{ "id": "2.1", "title": "Validation", "estimatedHours": 4, "dependencies": [] },',
  '\t\t\t\t{ "id": 2, "title": "Writer", "dependencies": ["2.1"] }',
  '\t\t\t]',
  '\t\t}',
  '\t],',
  '\t"metadata": { "version": "0.20.0" }',
  '}',
  '',
].join('\r\n');

function planOf(text: string) {
  const { input } = importPlannable('task-master', text, { startDate: '2027-01-04' });
  const planned = planProject(input);
  return { view: planView({ input, artifacts: planned.artifacts }), schedule: planned.artifacts['execution-plan.json'].schedule };
}

/** The file with every inserted `waveplan` property taken out again: byte for byte the original when nothing else changed. */
const withoutBlocks = (text: string) => text.replace(/,\r?\n[ \t]*"waveplan": \{[^}]*\}/g, '').replace(/, "waveplan": \{[^}]*\}/g, '');

describe('task-master write-back', () => {
  it("adds each scheduled task's planned dates, team, wave, criticality and slack, and keeps the rest of the file", () => {
    const { view, schedule } = planOf(TASKS);
    const { text, written, missing } = writeBackTaskMaster(TASKS, view, { planId: 'p-1', version: 3 });
    expect(missing).toEqual([]);
    expect(written.sort()).toEqual(schedule.map((e) => e.id).sort());
    const before = JSON.parse(TASKS);
    const after = JSON.parse(text);
    for (const [k, task] of (after.master.tasks as { id: number; waveplan?: Record<string, unknown> }[]).entries()) {
      const entry = schedule.find((e) => e.id === `task-${task.id}`);
      const { waveplan, ...rest } = task;
      expect(rest).toEqual(before.master.tasks[k]);
      if (!entry) continue;
      expect(waveplan).toEqual({
        planId: 'p-1',
        version: 3,
        plannedStart: entry.start_date,
        plannedFinish: entry.finish_date,
        team: entry.team,
        wave: entry.wave,
        critical: entry.critical,
        slackDays: view.phases.find((p) => p.id === entry.id)!.totalSlackDays,
      });
    }
    expect(withoutBlocks(text)).toBe(TASKS);
  });

  it('writes subtasks and the span of their task into a legacy file, in its tabs and CRLF, leaving done tasks as they are', () => {
    const { view, schedule } = planOf(LEGACY);
    const { text, written } = writeBackTaskMaster(LEGACY, view);
    expect(written).toEqual(['task-2.1', 'task-2.2']);
    const after = JSON.parse(text);
    const [schema, posting] = after.tasks;
    expect(schema.waveplan).toBeUndefined();
    const sub1 = schedule.find((e) => e.id === 'task-2.1')!;
    const sub2 = schedule.find((e) => e.id === 'task-2.2')!;
    expect(posting.subtasks[0].waveplan).toMatchObject({ plannedStart: sub1.start_date, plannedFinish: sub1.finish_date });
    expect(posting.subtasks[1].waveplan).toMatchObject({ plannedStart: sub2.start_date, plannedFinish: sub2.finish_date });
    expect(posting.waveplan).toMatchObject({ plannedStart: sub1.start_date, plannedFinish: sub2.finish_date });
    expect(text.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    expect(text).toContain('\t\t\t"waveplan": {');
    expect(text).toContain('\t"metadata": { "version": "0.20.0" }');
    expect(withoutBlocks(text)).toBe(LEGACY);
    // Writing again replaces the block rather than adding a second one.
    expect(writeBackTaskMaster(text, view).text).toBe(text);
  });

  it('refuses a file it cannot place the dates in', () => {
    const { view } = planOf(TASKS);
    expect(thrown(WriteBackError, () => writeBackTaskMaster('{"a": ', view)).message).toMatch(/not a task-master tasks.json/);
    expect(thrown(WriteBackError, () => writeBackTaskMaster(TASKS, view, { tag: 'feature-x' })).message).toBe('no tag "feature-x"; choose one of: master, feature-export');
  });
});
