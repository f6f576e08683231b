import { describe, expect, it } from 'vitest';
import { renderStatus, type PlanStatus } from '../../src/cli/status-command.js';

const status: PlanStatus = {
  planId: '00000000-0000-4000-8000-000000000001',
  version: 1,
  asOf: '2026-01-08T18:00:00.000Z',
  asOfDay: 3,
  phases: [],
  waves: [],
  groups: [
    {
      id: 'backend',
      name: 'Backend',
      parent: null,
      phases: 2,
      completed: 1,
      percent: 50,
      plannedStart: 0,
      plannedFinish: 6,
      actualStart: 0,
      actualFinish: null,
      projectedFinish: 10,
    },
    { id: 'api', name: 'API', parent: 'backend', phases: 1, completed: 1, percent: 100, plannedStart: 0, plannedFinish: 2, actualStart: 0, actualFinish: 2, projectedFinish: 2 },
  ],
  milestones: [
    { id: 'm1', name: 'Both started', plannedDay: 2, reached: true, reachedAt: '2026-01-06T17:00:00.000Z', reachedBy: 'predecessors' },
    { id: 'm2', name: 'Backend done', plannedDay: 6, reached: false, reachedAt: null, reachedBy: null },
  ],
  metrics: {
    completedPhases: 1,
    percentComplete: 40,
    behindSchedulePercent: 0,
    plannedMakespan: 6,
    projectedMakespan: 10,
    projectedCompletionDate: '2026-01-16',
    parallelEfficiencyPercent: 0,
    coordinationOverheadPercent: 0,
    utilisationPercent: {},
  },
  alerts: [],
};

describe('waveplan status text', () => {
  it('lists each group with its phases done, share of the work and actual span, and each milestone reached or not', () => {
    const lines = renderStatus({ ...status, phases: [] as PlanStatus['phases'] }).split('\n');
    const from = lines.indexOf('groups:');
    expect(lines.slice(from, from + 8)).toEqual([
      'groups:',
      '  backend  Backend  1/2 phases   50%  planned 0–6  actual 0–…',
      '    api    API      1/1 phases  100%  planned 0–2  actual 0–2',
      '',
      'milestones:',
      '  ◆ m1 Both started · planned day 2 · reached 2026-01-06T17:00:00.000Z (its links are met)',
      '  ◆ m2 Backend done · planned day 6 · not reached',
      '',
    ]);
  });
});
