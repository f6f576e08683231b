import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/domain/engine.js';
import { simulateSchedule } from '../../src/domain/montecarlo/index.js';
import { planProject } from '../../src/domain/plan.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { progressLine, renderProgress } from '../../src/cli/progress.js';
import { exampleInput } from '../support/fixtures.js';

const example = () => exampleInput();

type Call = { stage: string; done: number; total: number };
const recorder = () => {
  const calls: Call[] = [];
  return { calls, onProgress: (stage: string, done: number, total: number) => void calls.push({ stage, done, total }) };
};

/** Checks each stage's reports: one contiguous run, same total, done strictly increasing from 0 to total. */
function expectWellFormed(calls: Call[]): Map<string, Call[]> {
  const byStage = new Map<string, Call[]>();
  calls.forEach((c, i) => {
    if (i > 0 && calls[i - 1]!.stage !== c.stage) expect(byStage.has(c.stage), `stage ${c.stage} comes back after another`).toBe(false);
    byStage.set(c.stage, [...(byStage.get(c.stage) ?? []), c]);
  });
  for (const [stage, runs] of byStage) {
    expect(new Set(runs.map((c) => c.total)).size, stage).toBe(1);
    expect(runs[0]!.done, stage).toBe(0);
    expect(runs.at(-1)!.done, stage).toBe(runs[0]!.total);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.done, stage).toBeGreaterThan(runs[i - 1]!.done);
  }
  return byStage;
}

describe('progress of a planning run', () => {
  it('planProject reports schedule, monte-carlo and artifacts in order, done rising to total, and the result is the same without the callback', () => {
    const input = example();
    const { calls, onProgress } = recorder();
    const observed = planProject(input, { onProgress });
    const byStage = expectWellFormed(calls);
    expect([...byStage.keys()]).toEqual(['schedule', 'monte-carlo', 'artifacts']);
    const schedule = byStage.get('schedule')!;
    expect(schedule[0]!.total).toBe(input.planning!.iterations);
    // The search reports as it goes (about every 5% of the budget), not only at the ends.
    expect(schedule.length).toBeGreaterThanOrEqual(5);
    expect(schedule.length).toBeLessThanOrEqual(22);
    const mc = byStage.get('monte-carlo')!;
    expect(mc[0]!.total).toBe(input.planning!.monteCarloIterations);
    // About every 5% of the samples (blocks of 64 samples finish between reports): 0, ~20 steps, the end.
    expect(mc.length).toBeGreaterThanOrEqual(15);
    expect(mc.length).toBeLessThanOrEqual(22);
    const plain = planProject(input);
    expect(observed).toEqual(plain);
    expect(JSON.stringify(observed)).toBe(JSON.stringify(plain));
  });

  it('the schedule stage ends at its budget when the search stops early (optimal at once) and says 0 of 0 with no budget', () => {
    const tiny: PlanInput = {
      name: 't',
      startDate: '2027-01-04',
      teams: [{ id: 'a', size: 1, skills: [] }],
      phases: [{ id: 'x', name: 'X', duration: 2 }],
      planning: { iterations: 500, monteCarloIterations: 10 },
    };
    const early = recorder();
    planProject(tiny, { onProgress: early.onProgress });
    expect(early.calls.filter((c) => c.stage === 'schedule')).toEqual([
      { stage: 'schedule', done: 0, total: 500 },
      { stage: 'schedule', done: 500, total: 500 },
    ]);
    const none = recorder();
    planProject({ ...tiny, planning: { iterations: 0, monteCarloIterations: 10 } }, { onProgress: none.onProgress });
    expect(none.calls.filter((c) => c.stage === 'schedule')).toEqual([{ stage: 'schedule', done: 0, total: 0 }]);
  });

  it('simulateSchedule reports about every 5% and ends at total, with or without a whole last block; results unchanged', () => {
    const input = { ...example(), planning: { seed: 7, iterations: 200, monteCarloIterations: 1000 } };
    const result = computePlan(input);
    for (const iterations of [1000, 64, 1]) {
      const { calls, onProgress } = recorder();
      const observed = simulateSchedule(result, { iterations, seed: 3, onProgress });
      expectWellFormed(calls);
      expect(calls.every((c) => c.stage === 'monte-carlo' && c.total === iterations)).toBe(true);
      expect(calls.length).toBeLessThanOrEqual(22);
      expect(observed).toEqual(simulateSchedule(result, { iterations, seed: 3 }));
    }
  });
});

describe('the CLI progress line', () => {
  it('rewrites one line with \\r on a terminal and clears it at the end', () => {
    const written: string[] = [];
    const line = progressLine({ isTTY: true, columns: 60, write: (t: string) => written.push(t) }, true);
    line.onProgress!('monte-carlo', 0, 200);
    line.onProgress!('monte-carlo', 1, 200); // same rendering: not written again
    line.onProgress!('monte-carlo', 100, 200);
    line.done();
    expect(written).toEqual([`\r${renderProgress('monte-carlo', 0, 200, 60)}\x1b[K`, `\r${renderProgress('monte-carlo', 100, 200, 60)}\x1b[K`, '\r\x1b[K']);
    for (const w of written) expect(w.replaceAll('\r', '').replaceAll('\x1b[K', '').length).toBeLessThan(60);
    expect(renderProgress('monte-carlo', 100, 200, 60)).toMatch(/simulating +\[#+\.+\] +50%$/);
  });

  it('shows a note in place of the bar, cut to the terminal, and clears it', () => {
    const written: string[] = [];
    const line = progressLine({ isTTY: true, columns: 20, write: (t: string) => written.push(t) }, true);
    line.note('job on http://host: queued, 0 s');
    line.note('job on http://host: queued, 0 s');
    line.done();
    expect(written).toEqual(['\rjob on http://host:\x1b[K', '\r\x1b[K']);
  });

  it('writes nothing when the stream is not a terminal, or when disabled (--json)', () => {
    const written: string[] = [];
    const write = (t: string) => written.push(t);
    for (const line of [progressLine({ isTTY: false, write }, true), progressLine({ write }, true), progressLine({ isTTY: true, write }, false)]) {
      expect(line.onProgress).toBeUndefined();
      line.note('queued');
      line.done();
    }
    expect(written).toEqual([]);
  });
});
