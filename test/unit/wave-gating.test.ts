import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { PlanInputError } from '../../src/domain/errors.js';
import { repoPath } from '../../src/paths.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { dependencyIds } from '../../src/schemas/dependency-links.js';

const example = (): PlanInput => ({
  ...(JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput),
  planning: { seed: 42, iterations: 300, monteCarloIterations: 100 },
});
const withGating = (waveGating: 'flow' | 'barrier'): PlanInput => {
  const input = example();
  return { ...input, constraints: { ...input.constraints, waveGating } };
};

describe('wave gating', () => {
  it('flow: the artifacts say plainly that waves are dependency levels that overlap, with this plan’s figures', () => {
    const waves = planProject(withGating('flow')).artifacts['wave-schedules.json'];
    expect(waves.wave_gating.mode).toBe('flow');
    const overlapping = waves.waves.slice(1).filter((w, k) => w.start_day < waves.waves[k]!.finish_day);
    expect(overlapping.length).toBeGreaterThan(0);
    expect(waves.wave_gating.overlapping_wave_pairs).toBe(overlapping.length);
    expect(waves.wave_gating.description).toContain(`${overlapping.length} of ${waves.waves.length - 1}`);
    expect(planProject(example()).artifacts['wave-schedules.json'].wave_gating.mode).toBe('flow');
  });

  it('barrier: the schedule keeps every wave after the one before, with dependencies and team capacity still met', () => {
    const input = withGating('barrier');
    const planned = planProject(input);
    const waves = planned.artifacts['wave-schedules.json'];
    expect(waves.wave_gating).toMatchObject({ mode: 'barrier', overlapping_wave_pairs: 0 });
    for (let k = 1; k < waves.waves.length; k++) expect(waves.waves[k]!.start_day).toBeGreaterThanOrEqual(waves.waves[k - 1]!.finish_day - 1e-9);
    const byId = new Map(planned.schedule.map((s) => [s.id, s]));
    for (const p of input.phases) for (const d of dependencyIds(p)) expect(byId.get(p.id)!.start).toBeGreaterThanOrEqual(byId.get(d)!.finish - 1e-9);
    // the waves' stored dates agree with the phases' own
    for (const w of waves.waves) {
      expect(w.start_day).toBeCloseTo(Math.min(...w.phases.map((p) => p.start_day)), 2);
      expect(w.finish_day).toBeCloseTo(Math.max(...w.phases.map((p) => p.finish_day)), 2);
    }
    // holding waves apart costs time: the barrier plan is no shorter than the flow plan
    const flow = planProject(withGating('flow'));
    expect(planned.summary.makespanDays).toBeGreaterThanOrEqual(flow.summary.makespanDays - 1e-9);
    expect(planned.summary.makespanDays).toBeGreaterThan(flow.summary.makespanDays);
  });

  it('barrier on a graph too wide for wave-to-wave precedence is refused with the field named', () => {
    const wide: PlanInput = {
      name: 'wide',
      startDate: '2027-01-04',
      teams: [{ id: 't', size: 10, skills: [] }],
      constraints: { waveGating: 'barrier' },
      planning: { iterations: 0, monteCarloIterations: 0 },
      phases: [
        ...Array.from({ length: 1500 }, (_, i) => ({ id: `a${i}`, name: `A${i}`, duration: 1 })),
        ...Array.from({ length: 1500 }, (_, i) => ({ id: `b${i}`, name: `B${i}`, duration: 1, dependencies: [`a${i}`] })),
      ],
    };
    try {
      planProject(wide);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PlanInputError);
      expect((err as PlanInputError).issues[0]).toMatchObject({ code: 'barrier_too_wide', path: '/constraints/waveGating' });
    }
  });
});
