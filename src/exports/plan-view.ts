/**
 * What every export reads from a stored plan version: its phases as scheduled (dates, team,
 * slack, criticality, group, links), its teams, calendar and milestones. A pure function of the
 * version's input and artifacts, so an export is the same bytes for the same version.
 */
import { dependencyLinks, type DependencyLink } from '../schemas/dependency-links.js';
import type { Artifacts } from '../schemas/artifacts/index.js';
import { pertMean } from '../domain/pert.js';
import type { PlanInput } from '../schemas/plan-input.js';

/** A stored plan version, as the exports read it. */
export interface ExportSource {
  input: PlanInput;
  artifacts: Artifacts;
  /** Plan id and version number, for stable identifiers (calendar UIDs) and file names. */
  planId?: string;
  version?: number;
  /** When the version was created: the iCalendar DTSTAMP. */
  createdAt?: Date;
}

export interface ExportPhase {
  id: string;
  name: string;
  description?: string;
  group?: string;
  team: string | null;
  teamSize: number;
  /** Person-days of work: the estimate × team size (a stretched phase spreads them over a longer span). */
  personDays: number;
  /** People held while it runs: person-days ÷ planned duration (less than the team size when stretched). */
  units: number;
  wave: number;
  startDay: number;
  finishDay: number;
  durationDays: number;
  startDate: string;
  finishDate: string;
  critical: boolean;
  milestone: boolean;
  totalSlackDays: number;
  freeSlackDays: number;
  scheduleSlackDays: number;
  skills: string[];
  priority?: number;
  links: DependencyLink[];
}

export interface ExportTeam {
  id: string;
  name: string;
  size: number;
  skills: string[];
  availabilityPercent: number;
}

export interface ExportMilestone {
  id: string;
  name: string;
  date: string;
  /** Working day of the milestone; none for a deadline, which is a date the input gives. */
  day?: number;
}

export interface PlanView {
  name: string;
  description?: string;
  startDate: string;
  completionDate: string;
  workingDays: number[];
  holidays: string[];
  phases: ExportPhase[];
  teams: ExportTeam[];
  milestones: ExportMilestone[];
}

/** A schedule entry as h18's widened artifact writes it: links with type and lag, and a milestone flag, when present. */
interface LinkedEntry {
  links?: { id: string; type: DependencyLink['type']; lag_days: number }[];
  milestone?: boolean;
}

/** The dependency links of a schedule entry: its own `links` when the artifact has them, else its dependencies finish-to-start. */
function entryLinks(entry: { dependencies: string[] } & LinkedEntry): DependencyLink[] {
  if (entry.links) return entry.links.map((l) => ({ id: l.id, type: l.type, lagDays: l.lag_days }));
  return dependencyLinks({ dependencies: entry.dependencies });
}

export function planView(source: ExportSource): PlanView {
  const plan = source.artifacts['execution-plan.json'];
  const slack = new Map(plan.critical_path.slack.map((s) => [s.id, s]));
  const inputs = new Map(source.input.phases.map((p) => [p.id, p]));
  const phases = plan.schedule.map((entry): ExportPhase => {
    const s = slack.get(entry.id);
    const input = inputs.get(entry.id);
    const linked = entry as typeof entry & LinkedEntry;
    const estimate = input ? (typeof input.duration === 'number' ? input.duration : pertMean(input.duration)) : entry.duration_days;
    const personDays = Math.round(estimate * entry.team_size * 1000) / 1000;
    const units = entry.duration_days > 0 ? Math.min(entry.team_size, Math.round((personDays / entry.duration_days) * 100) / 100) : entry.team_size;
    return {
      id: entry.id,
      name: entry.name,
      ...(input?.description ? { description: input.description } : {}),
      ...(entry.group ? { group: entry.group } : {}),
      team: entry.team,
      teamSize: entry.team_size,
      personDays,
      units,
      wave: entry.wave,
      startDay: entry.start_day,
      finishDay: entry.finish_day,
      durationDays: entry.duration_days,
      startDate: entry.start_date,
      finishDate: entry.finish_date,
      critical: entry.critical,
      milestone: linked.milestone ?? entry.duration_days === 0,
      totalSlackDays: s?.total_slack_days ?? 0,
      freeSlackDays: s?.free_slack_days ?? 0,
      scheduleSlackDays: s?.schedule_slack_days ?? 0,
      skills: input?.skills ?? [],
      ...(input?.priority !== undefined ? { priority: input.priority } : {}),
      links: entryLinks(linked),
    };
  });
  const teams = plan.resource_analysis.teams.map((t) => ({ id: t.id, name: t.name, size: t.size, skills: t.skills, availabilityPercent: t.availability_percent }));
  return {
    name: plan.project_context.name,
    ...(plan.project_context.description ? { description: plan.project_context.description } : {}),
    startDate: plan.project_context.start_date,
    completionDate: plan.project_context.completion_date,
    workingDays: plan.project_context.calendar.working_days,
    holidays: plan.project_context.calendar.holidays,
    phases,
    teams,
    milestones: milestones(source.artifacts, plan.optimisation.makespan_days),
  };
}

/** The dates the plan commits to (glossary: milestone): each wave's finish, the completion, the deadline. */
function milestones(artifacts: Artifacts, makespan: number): ExportMilestone[] {
  const plan = artifacts['execution-plan.json'];
  const out: ExportMilestone[] = artifacts['wave-schedules.json'].waves.map((w) => ({
    id: `${w.wave_id}-finish`,
    name: `${w.name} finishes`,
    date: w.finish_date,
    day: w.finish_day,
  }));
  out.push({ id: 'completion', name: `${plan.project_context.name} complete`, date: plan.project_context.completion_date, day: makespan });
  if (plan.project_context.deadline) out.push({ id: 'deadline', name: `Deadline: ${plan.project_context.name}`, date: plan.project_context.deadline });
  return out;
}
