import type { CoordinationProtocols } from '../../schemas/artifacts/coordination-protocols.js';
import type { ExecutionPlan } from '../../schemas/artifacts/execution-plan.js';
import type { MonitoringConfig } from '../../schemas/artifacts/monitoring-config.js';
import type { RiskMitigationPlan } from '../../schemas/artifacts/risk-mitigation-plan.js';
import { percent, plural } from '../format.js';

/** A section of the strategy document contributed by an artifact. */
export interface DocumentSection {
  title: string;
  body: string[];
}

export const table = (head: string[], rows: (string | number)[][]) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
];

const MAX_ROWS = 40;
const more = (n: number, where: string) => (n > MAX_ROWS ? ['', `… and ${n - MAX_ROWS} more in ${where}.`] : []);

/** The template's interface sections: contracts the plan asks for, or one line saying there are none. */
function interfaces(coordination: CoordinationProtocols): DocumentSection {
  const contracts = coordination.coordination_protocols.synchronization_points.filter((s) => s.kind === 'contract');
  return {
    title: 'API and interface specifications',
    body:
      contracts.length === 0
        ? ['No two phases of one wave on different teams share an area or feed the same phase: the plan names no interface contract to agree.']
        : [
            `${contracts.length} contracts to agree mid-wave, before the phases that share them build on them:`,
            '',
            ...table(
              ['Sync point', 'Date', 'Phases', 'Teams', 'Agree'],
              contracts.slice(0, MAX_ROWS).map((s) => [s.sync_id, s.planned_date, s.phases.join(' ↔ '), s.participants.join(', '), s.deliverables.join('; ')]),
            ),
            ...more(contracts.length, 'coordination-protocols.json'),
          ],
  };
}

/** Integration points and coordination: sessions, sync points, meetings, decisions, state synchronization, escalation. */
function integration(coordination: CoordinationProtocols): DocumentSection {
  const sc = coordination.session_coordination;
  const cp = coordination.coordination_protocols;
  const count = (k: string) => cp.synchronization_points.filter((s) => s.kind === k).length;
  const dm = cp.decision_making;
  const mark = (x: { source: string }) => (x.source === 'default' ? ' (default)' : '');
  return {
    title: 'Integration points and coordination',
    body: [
      `${sc.sessions.length} sessions (one per phase), at most ${sc.peak_concurrent_sessions} at once${sc.max_concurrent_sessions !== null ? ` (limit ${sc.max_concurrent_sessions})` : ''}. ` +
        `Sessions send a heartbeat every ${sc.heartbeat_interval_seconds} s; one silent for ${sc.heartbeat_timeout_seconds} s loses its claim.`,
      '',
      `${count('handover')} hand-overs between teams, ${count('wave_boundary')} wave boundaries and ${count('contract')} contracts are synchronization points:`,
      '',
      ...table(
        ['Sync point', 'Date', 'Kind', 'Phases', 'Minutes', 'Hands over', 'Teams'],
        cp.synchronization_points
          .slice(0, MAX_ROWS)
          .map((s) => [
            s.sync_id,
            s.planned_date,
            s.kind,
            s.kind === 'wave_boundary' ? plural(s.phases.length, 'phase') : s.phases.join(s.kind === 'contract' ? ' ↔ ' : ' → '),
            s.duration_minutes,
            s.deliverables.slice(0, 3).join('; '),
            s.participants.join(', '),
          ]),
      ),
      ...more(cp.synchronization_points.length, 'coordination-protocols.json'),
      '',
      'Meetings: ' +
        cp.communication_schedule
          .filter((m) => m.kind === 'daily_standup' || m.kind === 'weekly_integration_review')
          .map((m) => `${m.name} (${m.cadence}, ${m.duration_minutes} min, ${m.participants.join(', ')}, ${m.start_date} → ${m.finish_date})`)
          .join('; ') +
        '.',
      '',
      `Decisions: technical — ${dm.decision_types.technical_decisions.role}${mark(dm.decision_types.technical_decisions)}; coordination — ${dm.decision_types.coordination_decisions.role}${mark(dm.decision_types.coordination_decisions)}; ` +
        `resources — ${dm.decision_types.resource_decisions.role}${mark(dm.decision_types.resource_decisions)}; quality — ${dm.decision_types.quality_decisions.role}${mark(dm.decision_types.quality_decisions)}.`,
      `Escalated: technical conflicts ${dm.escalation_criteria.technical_conflicts.criterion}${mark(dm.escalation_criteria.technical_conflicts)}; resource conflicts ${dm.escalation_criteria.resource_conflicts.criterion}${mark(dm.escalation_criteria.resource_conflicts)}; timeline ${dm.escalation_criteria.timeline_impacts.criterion}${mark(dm.escalation_criteria.timeline_impacts)}.`,
      '',
      'State is kept in step by ' + sc.state_synchronization.mechanisms.map((m) => `${m.mechanism} (\`${m.endpoint}\`: ${m.description})`).join('; ') + '.',
      '',
      'Escalation: ' + cp.escalation.rules.map((r) => `${r.condition} → ${r.action}`).join('; ') + '.',
    ],
  };
}

/** Development standards: reviews and testing coordination. */
function standards(risk: RiskMitigationPlan): DocumentSection {
  const qa = risk.quality_assurance;
  const cr = qa.code_review;
  return {
    title: 'Development standards',
    body: [
      `Reviews: ${cr.review_requirements}; a review waiting more than ${cr.review_timeline_hours} h is escalated.`,
      '',
      ...(cr.cross_team_reviews.length > 0
        ? table(
            ['Shared area', 'Teams', 'Phases'],
            cr.cross_team_reviews.slice(0, MAX_ROWS).map((c) => [c.area, c.teams.join(', '), c.phases.join(', ')]),
          )
        : ['No area is touched by more than one team: no cross-team review is needed.']),
      '',
      cr.architecture_reviews.length > 0
        ? `Architecture reviews: ${cr.architecture_reviews.map((a) => `${a.phase} (${a.reason})`).join('; ')}.`
        : 'No phase carries enough dependents to need an architecture review.',
      '',
      `Testing coordination: ${qa.testing_coordination.rules.join('; ')}.`,
      '',
      `Quality gates: ${qa.quality_gates.map((g) => `${g.gate_id} on ${g.planned_date} (review: ${g.review_by.join(', ') || '—'})`).join('; ')}.`,
    ],
  };
}

/** Deployment and infrastructure: pools, environments, saturated resources. */
function deployment(plan: ExecutionPlan, risk: RiskMitigationPlan): DocumentSection {
  const pools = plan.resource_analysis.infrastructure;
  const envs = risk.quality_assurance.testing_coordination.shared_environments;
  const saturated = plan.resource_analysis.resource_constraints.filter((c) => c.constraint_type === 'saturated_pool');
  return {
    title: 'Deployment and infrastructure',
    body:
      pools.length === 0
        ? ['The input declares no shared infrastructure pools: no environment or CI capacity limits the schedule.']
        : [
            ...table(
              ['Pool', 'Kind', 'Capacity', 'Peak use', 'Phases'],
              pools.map((r) => [r.name, r.kind, r.capacity, `${r.peak_utilisation_percent} %`, r.phases.join(', ')]),
            ),
            '',
            envs.length > 0
              ? `Test environments: ${envs.map((e) => `${e.id} (${e.capacity}) for ${e.test_phases.join(', ')}`).join('; ')}.`
              : 'No test phase books a shared environment.',
            ...(saturated.length > 0 ? ['', `At capacity: ${saturated.map((c) => c.description).join('; ')}.`] : []),
          ],
  };
}

function risks(risk: RiskMitigationPlan): DocumentSection {
  const sr = risk.schedule_risk;
  const rp = risk.recovery_procedures;
  return {
    title: 'Risks',
    body: [
      `Monte Carlo (${sr.iterations} runs, seed ${sr.seed}): P50 ${sr.p50_date} (${sr.p50_days} days), P80 ${sr.p80_date} (${sr.p80_days}), P95 ${sr.p95_date} (${sr.p95_days}); ` +
        `the planned ${sr.planned_date} holds in ${percent(sr.probability_plan_holds)} of runs` +
        (sr.probability_meets_deadline !== null ? `, the deadline in ${percent(sr.probability_meets_deadline)}.` : '.'),
      '',
      ...table(
        ['Risk', 'Level', 'P', 'Impact (days)', 'What', 'Response'],
        risk.risk_management.risks.slice(0, MAX_ROWS).map((r) => [r.id, r.level, r.probability, r.impact_days, r.title, r.response[0] ?? '']),
      ),
      '',
      ...table(
        ['Strategy', 'Mitigates', 'Success metrics'],
        risk.risk_management.mitigation_strategies.map((m) => [m.name, m.mitigates.join(', '), m.success_metrics.join('; ')]),
      ),
      '',
      `Recovery: coordination failure — ${rp.coordination_failure.immediate_response}; resource conflict — ${rp.resource_conflict.resolution}; integration failure — ${rp.integration_failure.immediate_response}.`,
    ],
  };
}

function monitoringSection(monitoring: MonitoringConfig): DocumentSection {
  const mc = monitoring.monitoring_and_control;
  return {
    title: 'Monitoring',
    body: [
      ...table(
        ['Metric', 'Target', 'This plan', 'Warning', 'Critical', 'Basis'],
        mc.metrics.map((m) => [m.name, m.target, m.planned, m.warning, m.critical, m.basis]),
      ),
      '',
      'Assessments: ' + mc.periodic_assessment.map((a) => `${a.id.replace(/_/g, ' ')} (${a.cadence}, ${a.dates.length} dates from ${a.dates[0] ?? '—'})`).join('; ') + '.',
    ],
  };
}

/** The sections of the strategy document after the execution sections, in the technical-specifications template's order. */
export function documentSections(plan: ExecutionPlan, coordination: CoordinationProtocols, risk: RiskMitigationPlan, monitoring: MonitoringConfig): DocumentSection[] {
  return [
    interfaces(coordination),
    {
      title: 'Data models and schema specifications',
      body: ['The input carries no data models; the phases’ areas (execution-plan.json) are what the plan knows of the code they change.'],
    },
    integration(coordination),
    standards(risk),
    deployment(plan, risk),
    { title: 'Security requirements', body: [securityLine(plan)] },
    risks(risk),
    monitoringSection(monitoring),
  ];
}

/** The phases needing a security skill, or one line saying there are none. */
function securityLine(plan: ExecutionPlan): string {
  const s = plan.resource_analysis.skills.filter((x) => /secur/i.test(x.skill));
  return s.length === 0
    ? 'No phase asks for a security skill: the plan has no security work of its own to schedule.'
    : s.map((x) => `${x.skill}: ${x.phases.join(', ')} (held by ${x.teams.join(', ')})`).join('; ') + '.';
}
