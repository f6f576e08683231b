/** CSV export: one row per phase with its planned dates, team, slack and criticality. */
import { stringify } from 'csv-stringify/sync';
import type { PlanView } from './plan-view.js';

export const CSV_COLUMNS = [
  'id',
  'name',
  'group',
  'team',
  'team_size',
  'wave',
  'start_date',
  'finish_date',
  'start_day',
  'finish_day',
  'duration',
  'total_slack_days',
  'free_slack_days',
  'schedule_slack_days',
  'critical',
  'milestone',
  'dependencies',
  'skills',
] as const;

/** "a;b+2d;c SS": each dependency's id, with its type when not finish-to-start and its lag when not 0. */
function dependencyCell(links: PlanView['phases'][number]['links']): string {
  return links.map((l) => `${l.id}${l.type === 'FS' ? '' : ` ${l.type}`}${l.lagDays === 0 ? '' : `${l.lagDays > 0 ? '+' : ''}${l.lagDays}d`}`).join(';');
}

export function csvExport(view: PlanView): string {
  const rows = view.phases.map((p) => [
    p.id,
    p.name,
    p.group ?? '',
    p.team ?? '',
    p.teamSize,
    p.wave,
    p.startDate,
    p.finishDate,
    p.startDay,
    p.finishDay,
    p.durationDays,
    p.totalSlackDays,
    p.freeSlackDays,
    p.scheduleSlackDays,
    p.critical ? 'yes' : 'no',
    p.milestone ? 'yes' : 'no',
    dependencyCell(p.links),
    p.skills.join(';'),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}
