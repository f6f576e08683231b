import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { agentPlaybook, agentPlaybookMarkdown } from '../../src/domain/artifacts/agent-playbook.js';
import { planProject } from '../../src/domain/plan.js';
import { areasOverlap } from '../../src/domain/tracking/areas.js';
import { repoPath } from '../../src/paths.js';
import { AgentPlaybook } from '../../src/schemas/agent-playbook.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';

const PLAN_ID = '11111111-2222-4333-8444-555555555555';

function source(gating: 'flow' | 'barrier' = 'flow') {
  const input = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as PlanInput;
  input.planning = { seed: 42, iterations: 300, monteCarloIterations: 100 };
  input.constraints = { ...input.constraints, waveGating: gating };
  const auth = input.phases.find((p) => p.id === 'auth')!;
  auth.deliverables = ['sign-up, sign-in and password reset endpoints', 'session middleware'];
  auth.acceptanceCriteria = ['OWASP ASVS level 1 checks pass', 'p95 sign-in under 300 ms'];
  const planned = planProject(input);
  return { planId: PLAN_ID, version: 1, input, artifacts: planned.artifacts };
}

describe('agent playbooks', () => {
  const src = source();
  const schedule = src.artifacts['execution-plan.json'].schedule;

  it('every phase gets a brief that fits the schema, with its branch, deliverables and calls naming the phase', () => {
    for (const p of src.input.phases) {
      const pb = agentPlaybook(src, p.id)!;
      expect(Value.Check(AgentPlaybook, pb), p.id).toBe(true);
      expect(pb.branch).toBe(`wp/${PLAN_ID}/${p.id}`);
      expect(pb.owns).toEqual(p.areas ?? []);
      expect(pb.wait_for.filter((w) => w.kind === 'dependency').map((w) => w.id)).toEqual(p.dependencies ?? []);
      const claim = pb.calls.find((c) => c.mcp.tool === 'claim_phase')!;
      expect(claim.mcp.arguments).toMatchObject({ planId: PLAN_ID, phaseId: p.id });
      expect(claim.rest).toMatchObject({ method: 'POST', path: `/plans/${PLAN_ID}/claims`, body: { phaseId: p.id } });
    }
    const auth = agentPlaybook(src, 'auth')!;
    expect(auth.deliverables).toEqual(['sign-up, sign-in and password reset endpoints', 'session middleware']);
    expect(auth.acceptance_criteria).toHaveLength(2);
    expect(agentPlaybook(src, 'nope')).toBeUndefined();
  });

  it('what not to touch: the areas of phases planned in parallel, none of them its own', () => {
    let some = 0;
    for (const p of src.input.phases) {
      const pb = agentPlaybook(src, p.id)!;
      const me = schedule.find((s) => s.id === p.id)!;
      for (const m of pb.must_not_touch) {
        const other = schedule.find((s) => s.id === m.phase)!;
        const parallel = (other.start_day < me.finish_day && me.start_day < other.finish_day) || other.wave === me.wave;
        expect(parallel, `${p.id} vs ${m.phase}`).toBe(true);
        expect(m.areas).toEqual(src.input.phases.find((x) => x.id === m.phase)!.areas);
        some++;
      }
      for (const own of pb.owns) for (const m of pb.must_not_touch) expect(m.areas.every((a) => areasOverlap(a, own))).toBe(false);
    }
    expect(some).toBeGreaterThan(5);
  });

  it('under barrier gating a later wave waits for the wave before; the Markdown carries every section', () => {
    const barrier = source('barrier');
    const e2e = agentPlaybook(barrier, 'e2e-tests')!;
    const wave = e2e.wait_for.find((w) => w.kind === 'wave')!;
    expect(wave.id).toBe(`wave_${e2e.phase.wave - 1}`);
    expect(agentPlaybook(barrier, 'infra-setup')!.wait_for).toEqual([]);
    const md = agentPlaybookMarkdown(agentPlaybook(src, 'auth')!);
    for (const heading of ['## Deliver', '## Acceptance criteria', '## Where to work', '## Do not touch', '## Wait for', '## Report with']) expect(md).toContain(heading);
    expect(md).toContain('session middleware');
    expect(md).toContain(`wp/${PLAN_ID}/auth`);
    expect(md).toContain('`claim_phase {"planId":');
  });
});
