import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { parsePsplib, psplibToPlanInput, PsplibFormatError, type PsplibInstance } from '../../src/importers/psplib.js';
import { PlanInput } from '../../src/schemas/plan-input.js';
import { thrown } from '../support/thrown.js';

/**
 * test/fixtures/psplib/small.sm: 6 real jobs (2..7), dummies 1 and 8, two resources of capacity 2.
 *
 * Optimal makespan: 10.
 * - Lower bound: R1 work is Σ duration × request = 4·1 + 3·1 + 2·2 + 3·1 + 2·1 + 2·2 = 20 unit-days;
 *   at capacity 2 that takes at least 10 days. (The critical path, 2→6 or 3→5, is only 6.)
 * - A schedule of 10 (start, finish): j4 [0,2), j2 [2,6), j3 [2,5), j5 [5,8), j6 [6,8), j7 [8,10).
 *   R1 and R2 are both exactly full from day 2 on, and every job starts after its predecessors.
 * A serial schedule in job order (2, 3, 4, 5, 6, 7) needs 11, so the instance rewards search.
 */
const FIXTURE = readFileSync(new URL('../fixtures/psplib/small.sm', import.meta.url), 'utf8');
const OPTIMAL_MAKESPAN = 10;
const OPTIMAL_START: Record<number, number> = { 2: 2, 3: 2, 4: 0, 5: 5, 6: 6, 7: 8 };

/** The fixture with line `no` (1-based) replaced. */
function withLine(no: number, text: string): string {
  const lines = FIXTURE.split('\n');
  lines[no - 1] = text;
  return lines.join('\n');
}

const formatError = (text: string) => thrown(PsplibFormatError, () => parsePsplib(text));

/** Makespan of `start` if it keeps precedences and capacities, otherwise undefined. */
function feasibleMakespan(inst: PsplibInstance, start: Record<number, number>): number | undefined {
  const real = inst.jobs.slice(1, -1);
  const finish = (id: number) => (start[id] ?? 0) + inst.jobs[id - 1]!.duration;
  const end = Math.max(...real.map((j) => finish(j.id)));
  for (const j of real) if (j.successors.some((s) => s in start && start[s]! < finish(j.id))) return undefined;
  for (let t = 0; t < end; t++) {
    const running = real.filter((j) => start[j.id]! <= t && t < finish(j.id));
    const overloaded = inst.capacities.some((cap, k) => running.reduce((sum, j) => sum + j.requests[k]!, 0) > cap);
    if (overloaded) return undefined;
  }
  return end;
}

describe('parsePsplib', () => {
  const inst = parsePsplib(FIXTURE);

  it('reads jobs 1..N with durations', () => {
    expect(inst.jobs.map((j) => j.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(inst.jobs.map((j) => j.duration)).toEqual([0, 4, 3, 2, 3, 2, 2, 0]);
  });

  it('reads successor lists, including the empty one of the sink', () => {
    expect(inst.jobs.map((j) => j.successors)).toEqual([[2, 3, 4], [6], [5, 7], [7], [8], [8], [8], []]);
  });

  it('reads requests per resource, capacities and horizon', () => {
    expect(inst.jobs.map((j) => j.requests)).toEqual([
      [0, 0],
      [1, 1],
      [1, 1],
      [2, 0],
      [1, 1],
      [1, 1],
      [2, 2],
      [0, 0],
    ]);
    expect(inst.capacities).toEqual([2, 2]);
    expect(inst.horizon).toBe(16);
  });

  it('accepts CRLF line ends and a file without preamble', () => {
    expect(parsePsplib(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(inst);
    const { horizon: _horizon, ...rest } = inst;
    expect(parsePsplib(FIXTURE.split('\n').slice(16).join('\n'))).toEqual(rest);
  });

  it('keeps renewable resources only', () => {
    const text = withLine(29, 'jobnr. mode duration  R 1  R 2  N 1')
      .replace('  4      1     2       2    0', '  4      1     2       2    0    5')
      .replace(/^( {2}\d +1 +\d+ +\d+ +\d+)$/gm, '$1    0')
      .replace('  R 1  R 2\n    2    2', '  R 1  R 2  N 1\n    2    2   9');
    expect(parsePsplib(text)).toEqual(inst);
  });

  it('documents a feasible schedule that meets the energy lower bound (the stated optimum)', () => {
    const r1Work = inst.jobs.reduce((sum, j) => sum + j.duration * j.requests[0]!, 0);
    expect(Math.ceil(r1Work / inst.capacities[0]!)).toBe(OPTIMAL_MAKESPAN);
    expect(feasibleMakespan(inst, OPTIMAL_START)).toBe(OPTIMAL_MAKESPAN);
    expect(feasibleMakespan(inst, { ...OPTIMAL_START, 7: 7 })).toBeUndefined();
  });
});

describe('parsePsplib on malformed input', () => {
  it.each([
    ['a non-numeric token', withLine(33, '  3      1     x       1    1'), 33, /non-negative integers.*"x"/],
    ['a successor count that does not match', withLine(21, '   3        1          3           5   7'), 21, /declares 3 successors but lists 2/],
    ['a multi-mode job', withLine(22, '   4        2          1           7'), 22, /single-mode/],
    ['an unknown successor', withLine(22, '   4        1          1           9'), 22, /unknown job 9/],
    ['a job numbered out of sequence', withLine(23, '   9        1          1           8'), 23, /expected job 5 .* found job 9/],
    ['a request row of the wrong width', withLine(34, '  4      1     2       2'), 34, /2 resource requests; found 4 numbers/],
    ['a duplicated request row', withLine(35, '  4      1     3       1    1'), 35, /job 4 appears twice/],
    ['a dummy source with a duration', withLine(31, '  1      1     5       0    0'), 31, /dummy source/],
    ['too few capacities', withLine(42, '    2'), 42, /expected 2 capacities, found 1/],
    ['a job count that disagrees with the preamble', withLine(6, 'jobs (incl. supersource/sink ):  9'), 6, /declares 9 jobs/],
    ['a missing section', FIXTURE.replace('RESOURCEAVAILABILITIES:', 'RESOURCES AVAILABLE:'), 43, /missing section "RESOURCEAVAILABILITIES:"/],
  ])('reports %s with its line', (_what, text, line, message) => {
    const error = formatError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });
});

describe('psplibToPlanInput', () => {
  const input = psplibToPlanInput(parsePsplib(FIXTURE), 'small');
  const phase = (id: string) => input.phases.find((p) => p.id === id)!;

  it('makes one phase per real job and drops the dummy source and sink', () => {
    expect(input.phases.map((p) => p.id)).toEqual(['j2', 'j3', 'j4', 'j5', 'j6', 'j7']);
    expect(input.phases.flatMap((p) => p.dependencies ?? [])).not.toContain('j1');
    expect(input.phases.flatMap((p) => p.dependencies ?? [])).not.toContain('j8');
  });

  it('turns successor lists into predecessors', () => {
    expect(Object.fromEntries(input.phases.map((p) => [p.id, p.dependencies]))).toEqual({
      j2: [],
      j3: [],
      j4: [],
      j5: ['j3'],
      j6: ['j2'],
      j7: ['j3', 'j4'],
    });
  });

  it('carries durations, non-zero requests and no team demand', () => {
    expect(phase('j2')).toEqual({ id: 'j2', name: 'Job 2', duration: 4, dependencies: [], resources: { R1: 1, R2: 1 }, teamSize: 0 });
    expect(phase('j4').resources).toEqual({ R1: 2 });
    expect(input.phases.every((p) => p.teamSize === 0)).toBe(true);
  });

  it('makes a pool per resource, one crew, no buffer and a seven-day week', () => {
    expect(input.infrastructure).toEqual([
      { id: 'R1', capacity: 2 },
      { id: 'R2', capacity: 2 },
    ]);
    expect(input.teams).toEqual([{ id: 'crew', size: 1, skills: [] }]);
    expect(input.constraints).toEqual({ capacityBuffer: 0 });
    expect(input.calendar).toEqual({ workingDays: [0, 1, 2, 3, 4, 5, 6] });
    expect(input.startDate).toBe('2027-01-04');
    expect(input.name).toBe('small');
  });

  it('produces a valid plan input', () => {
    expect([...Value.Errors(PlanInput, input)]).toEqual([]);
  });
});
