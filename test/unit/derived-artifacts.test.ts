import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import type { PlanInput } from '../../src/schemas/plan-input.js';
import { exampleInput } from '../support/fixtures.js';

const example = () => exampleInput({ iterations: 300, monteCarloIterations: 500 });
const plan = (input: PlanInput) => planProject(input).artifacts;
const risksOf = (input: PlanInput) => plan(input)['risk-mitigation-plan.json'].risk_management.risks;

describe('artifacts follow the input: change one fact, see the specific change', () => {
  it('a team losing a skill makes the other holder a single point of failure', () => {
    const before = risksOf(example());
    const spof = (rs: typeof before) => rs.filter((r) => r.category === 'skill_single_point_of_failure' && r.skills?.includes('security'));
    expect(spof(before)).toEqual([]); // payments and qa both hold "security"

    const input = example();
    input.teams.find((t) => t.id === 'qa')!.skills = ['qa', 'automation'];
    const after = spof(risksOf(input));
    expect(after).toHaveLength(1);
    expect(after[0]!.teams).toEqual(['payments']);
    expect(after[0]!.phases).toEqual(expect.arrayContaining(['auth', 'payments', 'security-review']));
    expect(after[0]!.description).toContain('Payments squad');
  });

  it('a tighter deadline lowers the probability of meeting it and raises a deadline risk', () => {
    const loose = plan(example())['risk-mitigation-plan.json'];
    expect(loose.schedule_risk.probability_meets_deadline).toBe(1);
    expect(loose.risk_management.risks.some((r) => r.category === 'deadline')).toBe(false);

    const input = example();
    input.constraints = { ...input.constraints, deadline: loose.schedule_risk.p50_date };
    const tight = plan(input);
    const risk = tight['risk-mitigation-plan.json'];
    expect(risk.schedule_risk.probability_meets_deadline!).toBeLessThan(0.9);
    const deadline = risk.risk_management.risks.find((r) => r.category === 'deadline');
    expect(deadline?.title).toContain(loose.schedule_risk.p50_date);
    expect(deadline!.probability).toBeCloseTo(1 - risk.schedule_risk.probability_meets_deadline!, 2);
    // …and the monitoring buffer to the deadline shrinks with it.
    const buffer = (a: typeof tight) => a['monitoring-config.json'].monitoring_and_control.metrics.find((m) => m.id === 'deadline_buffer')!.planned;
    expect(buffer(tight)).toBeLessThan(buffer(plan(example())));
  });

  it('two phases of one wave touching the same file give a merge-conflict risk naming both, and never run together', () => {
    const input = example();
    const before = risksOf(input).filter((r) => r.category === 'merge_conflict' && r.phases.includes('search') && r.phases.includes('admin'));
    expect(before).toEqual([]);
    for (const id of ['search', 'admin']) input.phases.find((p) => p.id === id)!.areas = ['api/shared/pagination.ts'];
    const artifacts = plan(input);
    const merge = artifacts['risk-mitigation-plan.json'].risk_management.risks.filter(
      (r) => r.category === 'merge_conflict' && r.phases.includes('search') && r.phases.includes('admin'),
    );
    expect(merge).toHaveLength(1);
    expect(merge[0]!.description).toContain('api/shared/pagination.ts');
    const s = Object.fromEntries(artifacts['execution-plan.json'].schedule.map((p) => [p.id, p]));
    expect(s.search!.finish_day <= s.admin!.start_day || s.admin!.finish_day <= s.search!.start_day).toBe(true);
  });

  it('every cross-team hand-over is a sync point, and it disappears when one team does both phases', () => {
    const artifacts = plan(example());
    const schedule = Object.fromEntries(artifacts['execution-plan.json'].schedule.map((p) => [p.id, p]));
    const handovers = artifacts['coordination-protocols.json'].coordination_protocols.synchronization_points.filter((s) => s.kind === 'handover');
    for (const s of handovers) {
      const [from, to] = s.phases;
      expect(schedule[to!]!.dependencies).toContain(from);
      expect(s.participants).toEqual([schedule[from!]!.team, schedule[to!]!.team]);
      expect(schedule[from!]!.team).not.toBe(schedule[to!]!.team);
    }
    const pairs = handovers.map((s) => s.phases.join('>'));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toContain('auth>web-shell');

    // Only the web team may do auth: the auth → web-shell hand-over stays inside one team.
    const input = example();
    input.phases.find((p) => p.id === 'auth')!.skills = ['frontend', 'backend'];
    const same = plan(input);
    expect(same['execution-plan.json'].schedule.find((p) => p.id === 'auth')!.team).toBe('web');
    const after = same['coordination-protocols.json'].coordination_protocols.synchronization_points.map((s) => s.phases.join('>'));
    expect(after).not.toContain('auth>web-shell');
  });

  it('escalation thresholds come from the input and move the monitoring thresholds', () => {
    const input = example();
    input.constraints = { ...input.constraints, escalation: { scheduleVariancePercent: 12, blockedHours: 2 } };
    const artifacts = plan(input);
    const esc = artifacts['coordination-protocols.json'].coordination_protocols.escalation;
    expect(esc).toMatchObject({ schedule_variance_percent: 12, blocked_hours: 2, heartbeat_timeout_seconds: 300 });
    expect(esc.source).toEqual({ scheduleVariancePercent: 'input', blockedHours: 'input', heartbeatTimeoutSeconds: 'default' });
    const variance = artifacts['monitoring-config.json'].monitoring_and_control.metrics.find((m) => m.id === 'schedule_variance')!;
    expect([variance.warning, variance.critical]).toEqual([12, 24]);
  });

  it("stand-ups exist only for waves running more than one session, with exactly that wave's teams", () => {
    const artifacts = plan(example());
    const waves = artifacts['wave-schedules.json'].waves;
    const standups = artifacts['coordination-protocols.json'].coordination_protocols.communication_schedule.filter((m) => m.kind === 'daily_standup');
    expect(standups.map((m) => m.id)).toEqual(waves.filter((w) => w.max_concurrent_sessions > 1).map((w) => `standup_wave_${w.wave}`));
    for (const m of standups) expect([...m.participants].sort()).toEqual([...waves.find((w) => `standup_wave_${w.wave}` === m.id)!.teams].sort());
  });
});
