import { describe, expect, it } from 'vitest';
import { initialPhaseState, type PhaseState } from '../../src/domain/tracking/events.js';
import { groupMembersOf } from '../../src/domain/tracking/group-progress.js';
import { milestonesReached } from '../../src/domain/tracking/milestones-reached.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const state = (over: Partial<PhaseState>): PhaseState => ({ ...initialPhaseState(), ...over });
const phases: PlanInput['phases'] = [
  { id: 'a', name: 'A', duration: 2, group: 'inner' },
  { id: 'b', name: 'B', duration: 2, group: 'outer' },
  { id: 'ff', name: 'FF on a', duration: 0, dependencies: [{ id: 'a', type: 'FF' }] },
  { id: 'sf', name: 'SF on b', duration: { optimistic: 0, likely: 0, pessimistic: 0 }, dependencies: [{ id: 'b', type: 'SF', lagDays: 3 }] },
  { id: 'alone', name: 'Alone', duration: 0, milestone: true },
  { id: 'work', name: 'Not a milestone', duration: 1, dependencies: ['a'] },
];

describe('milestones reached', () => {
  it('by link type: finish-to-finish waits for the completion, start-to-finish for the start (its lag not waited for); none without predecessors unless reported', () => {
    const states = new Map([
      ['a', state({ status: 'in_progress', claimedAt: '2027-01-04T08:00:00.000Z', startedAt: '2027-01-04T09:00:00.000Z' })],
      ['b', state({ status: 'claimed', claimedAt: '2027-01-05T08:00:00.000Z' })],
    ]);
    const planned = new Map([
      ['ff', 2],
      ['sf', 3],
      ['alone', 0],
    ]);
    expect(milestonesReached({ phases }, states, planned)).toEqual([
      { id: 'ff', name: 'FF on a', plannedDay: 2, reached: false, reachedAt: null, reachedBy: null },
      // A claim without a started report counts as the start, as the status view's actual start does.
      { id: 'sf', name: 'SF on b', plannedDay: 3, reached: true, reachedAt: '2027-01-05T08:00:00.000Z', reachedBy: 'predecessors' },
      { id: 'alone', name: 'Alone', plannedDay: 0, reached: false, reachedAt: null, reachedBy: null },
    ]);
    states.set('a', state({ status: 'completed', startedAt: '2027-01-04T09:00:00.000Z', completedAt: '2027-01-05T17:00:00.000Z' }));
    states.set('alone', state({ status: 'completed', completedAt: '2027-01-04T10:00:00.000Z' }));
    const [ff, , alone] = milestonesReached({ phases }, states, planned);
    expect(ff).toMatchObject({ reached: true, reachedAt: '2027-01-05T17:00:00.000Z', reachedBy: 'predecessors' });
    expect(alone).toMatchObject({ reached: true, reachedAt: '2027-01-04T10:00:00.000Z', reachedBy: 'reported' });
  });

  it('groups roll their phases up through the parents; a label not listed is a top-level group', () => {
    const groups = groupMembersOf({
      groups: [{ id: 'outer' }, { id: 'inner', name: 'Inner', parent: 'outer' }],
      phases: [...phases, { id: 'c', name: 'C', duration: 1, group: 'loose' }],
    });
    expect(groups).toEqual([
      { id: 'outer', name: 'outer', parent: null, phases: ['a', 'b'] },
      { id: 'inner', name: 'Inner', parent: 'outer', phases: ['a'] },
      { id: 'loose', name: 'loose', parent: null, phases: ['c'] },
    ]);
  });
});
