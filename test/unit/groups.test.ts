import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { planProject } from '../../src/domain/plan.js';
import { importTaskMaster } from '../../src/importers/task-master.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

// 2027-01-04 is a Monday; one person, so the phases run one after another in input order.
const input: PlanInput = {
  name: 'groups',
  startDate: '2027-01-04',
  teams: [{ id: 't', size: 1, skills: [] }],
  phases: [
    { id: 'login', name: 'Login', duration: 2, group: 'auth' },
    { id: 'tokens', name: 'Tokens', duration: 3, group: 'auth', dependencies: ['login'] },
    { id: 'search', name: 'Search', duration: 1, group: 'find', dependencies: ['tokens'] },
    { id: 'docs', name: 'Docs', duration: 1, group: 'loose', dependencies: ['search'] },
  ],
  groups: [
    { id: 'platform', name: 'Platform epic' },
    { id: 'auth', name: 'Authentication', parent: 'platform' },
    { id: 'find', parent: 'platform' },
  ],
  constraints: { capacityBuffer: 0 },
  planning: { iterations: 20, monteCarloIterations: 20 },
};

describe('groups', () => {
  it('roll up their phases and those of the groups below them, with start and finish', () => {
    const groups = planProject(input).artifacts['execution-plan.json'].groups;
    expect(groups).toEqual([
      { id: 'platform', name: 'Platform epic', phases: ['login', 'tokens', 'search'], start_day: 0, finish_day: 6, start_date: '2027-01-04', finish_date: '2027-01-11' },
      { id: 'auth', name: 'Authentication', parent: 'platform', phases: ['login', 'tokens'], start_day: 0, finish_day: 5, start_date: '2027-01-04', finish_date: '2027-01-08' },
      { id: 'find', name: 'find', parent: 'platform', phases: ['search'], start_day: 5, finish_day: 6, start_date: '2027-01-11', finish_date: '2027-01-11' },
      { id: 'loose', name: 'loose', phases: ['docs'], start_day: 6, finish_day: 7, start_date: '2027-01-12', finish_date: '2027-01-12' },
    ]);
  });

  it('refuses an unknown parent and a parent cycle by path', () => {
    const issues = (groups: PlanInput['groups']) => {
      try {
        computePlan({ ...input, groups });
      } catch (e) {
        return (e as PlanInputError).issues.map((i) => [i.code, i.path]);
      }
      return [];
    };
    expect(issues([{ id: 'auth', parent: 'nope' }])).toEqual([['unknown_group', '/groups/0/parent']]);
    expect(
      issues([
        { id: 'a', parent: 'b' },
        { id: 'b', parent: 'a' },
      ]),
    ).toEqual([
      ['group_cycle', '/groups/0/parent'],
      ['group_cycle', '/groups/1/parent'],
    ]);
  });

  it('task-master: a task with subtasks becomes the group of its subtasks, named by its title', () => {
    const { input: imported } = importTaskMaster(
      {
        tasks: [
          { id: 1, title: 'Set up', status: 'pending' },
          {
            id: 2,
            title: 'Checkout flow',
            status: 'pending',
            dependencies: [1],
            subtasks: [
              { id: 1, title: 'Cart' },
              { id: 2, title: 'Pay', dependencies: [1] },
            ],
          },
        ],
      },
      { startDate: '2027-01-04' },
    );
    expect(imported.phases.map((p) => [p.id, p.group])).toEqual([
      ['task-1', undefined],
      ['task-2.1', 'task-2'],
      ['task-2.2', 'task-2'],
    ]);
    expect(imported.groups).toEqual([{ id: 'task-2', name: 'Checkout flow' }]);
    const rolled = planProject(imported).artifacts['execution-plan.json'].groups;
    expect(rolled.map((g) => [g.id, g.name, g.phases])).toEqual([['task-2', 'Checkout flow', ['task-2.1', 'task-2.2']]]);
  });
});
