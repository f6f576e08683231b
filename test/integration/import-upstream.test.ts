import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/paths.js';
import type { ExecutionPlan } from '../../src/schemas/artifacts/execution-plan.js';
import type { RiskMitigationPlan } from '../../src/schemas/artifacts/risk-mitigation-plan.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { ensureBuilt, runCli } from '../support/built.js';

const run = (...args: string[]) => runCli(args);
const fixture = (name: string) => repoPath('test', 'fixtures', 'importers', name);
const readJson = <T>(...parts: string[]) => JSON.parse(readFileSync(path.join(...parts), 'utf8')) as T;

describe('upstream analysis + seed teams → waveplan import → waveplan plan', () => {
  beforeAll(ensureBuilt, 300_000);
  it('execution-plan.json carries the graph id, the seed teams file’s resource constraints and the source’s critical path; the shared staging pool is never double-booked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'waveplan-upstream-'));
    const input = path.join(dir, 'input.json');
    const imported = await run('import', fixture('upstream-phases.json'), '--start-date', '2027-04-05', '--teams', fixture('seed-teams.json'), '--out', input);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).not.toContain('link simplified');
    expect(imported.stderr).toMatch(/note: source keys not used .*\/optimization_recommendations/);
    const mapped = readJson<PlanInput>(input);
    expect(mapped.teams.map((t) => t.id)).toEqual(['platform_team', 'web_team']);
    // The source's SS+2d link arrives as one, type and lag kept.
    expect(mapped.phases.find((p) => p.id === 'phase-7')!.dependencies).toEqual([{ id: 'phase-5', type: 'SS', lagDays: 2 }]);

    const out = path.join(dir, 'out');
    const planned = await run('plan', input, '--out', out, '--json');
    expect(planned.code, planned.stderr).toBe(0);
    const ep = readJson<ExecutionPlan>(out, 'execution-plan.json');
    expect(ep.dependency_analysis_source).toBe('dep_graph_20270111T0930');
    expect(ep.source_generation_date).toBe('2027-01-11T09:30:00Z');
    const none = { pools: [], teams: [], phases: [] };
    expect(ep.resource_analysis.resource_constraints.filter((c) => c.origin === 'source')).toEqual([
      {
        constraint_type: 'shared_database',
        origin: 'source',
        description: 'One development database shared by every team',
        impact: 'Schema migrations must be sequenced',
        mitigation: 'Migration review before merge',
        ...none,
      },
      {
        constraint_type: 'third_party_sandbox',
        origin: 'source',
        description: 'The payment provider sandbox allows one test merchant',
        impact: 'Payment tests cannot run in parallel',
        mitigation: 'Book the sandbox through the staging calendar',
        ...none,
      },
    ]);
    expect(ep.critical_path.source_critical_path!.difference).toMatch(
      // phase-7 starts 2 days after phase-5 starts (SS+2d): the longest chain runs through phase-6 instead.
      /^the source names phase-1 → phase-2 → phase-3 → phase-5 → phase-7 → phase-8; computed from the imported durations and dependencies it is phase-1 → phase-2 → phase-3 → phase-6 → phase-8/,
    );
    expect(ep.resource_analysis.max_concurrent_sessions).toBe(3);
    // The shared staging environment is a pool of one: its three users never overlap.
    const staging = ep.schedule.filter((s) => ['phase-4', 'phase-5', 'phase-8'].includes(s.id)).sort((a, b) => a.start_day - b.start_day);
    for (let i = 1; i < staging.length; i++) expect(staging[i]!.start_day).toBeGreaterThanOrEqual(staging[i - 1]!.finish_day);
  }, 120_000);

  it('at task level, the file conflicts of the analysis become merge-conflict risks and the tasks sharing a file never overlap', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'waveplan-upstream-'));
    const input = path.join(dir, 'input.json');
    const imported = await run('import', fixture('upstream-tasks.json'), '--start-date', '2027-04-05', '--out', input);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('imported 40 phases');
    const out = path.join(dir, 'out');
    const planned = await run('plan', input, '--out', out, '--json');
    expect(planned.code, planned.stderr).toBe(0);
    const ep = readJson<ExecutionPlan>(out, 'execution-plan.json');
    expect(ep.dependency_analysis_source).toBe('dep_graph_20270301T1400');
    expect(ep.resource_analysis.resource_constraints.filter((c) => c.origin === 'source').map((c) => c.constraint_type)).toEqual(['shared_database']);
    const risks = readJson<RiskMitigationPlan>(out, 'risk-mitigation-plan.json');
    const merge = JSON.stringify(risks.risk_management.risks.filter((r) => r.category === 'merge_conflict'));
    expect(merge).toContain('src/api/router.ts');
    // The four tasks writing src/api/router.ts hold its area lock: none overlaps another.
    const router = ep.schedule.filter((s) => ['task-1-2', 'task-2-2', 'task-3-2', 'task-4-2'].includes(s.id)).sort((a, b) => a.start_day - b.start_day);
    for (let i = 1; i < router.length; i++) expect(router[i]!.start_day).toBeGreaterThanOrEqual(router[i - 1]!.finish_day);
  }, 120_000);

  it('--level takes task or phase; a bad seed teams file is refused with the place of each problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'waveplan-upstream-'));
    const teams = path.join(dir, 'teams.json');
    writeFileSync(teams, JSON.stringify({ resource_analysis: { available_teams: [{ team_id: 'web', team_size: 0, key_skills: ['React'], availability: 'often' }] } }));
    const [level, badTeams, phases] = await Promise.all([
      run('import', fixture('upstream-tasks.json'), '--start-date', '2027-04-05', '--level', 'wbs'),
      run('import', fixture('upstream-phases.json'), '--start-date', '2027-04-05', '--teams', teams),
      run('import', fixture('upstream-tasks.json'), '--start-date', '2027-04-05', '--level', 'phase', '--json'),
    ]);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level takes task or phase, not wbs');
    expect(badTeams.code).toBe(3);
    expect(badTeams.stderr).toContain('/resource_analysis/available_teams/0/team_size');
    expect(phases.code, phases.stderr).toBe(0);
    expect(JSON.parse(phases.stdout).input.phases).toHaveLength(8);
  }, 120_000);
});
