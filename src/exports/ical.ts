/**
 * iCalendar (RFC 5545) export: each phase as an all-day event over its planned dates, the
 * milestones (wave finishes, completion, deadline) and the sync points as events, for the whole
 * plan or one team's feed. UIDs are the plan's id and the item's, so a calendar client that
 * subscribes to the feed updates each event in place; SEQUENCE is the version number.
 */
import ical, { ICalEventTransparency } from 'ical-generator';
import type { SyncPoint } from '../schemas/artifacts/coordination-protocols.js';
import type { ExportPhase, PlanView } from './plan-view.js';

export interface IcalOptions {
  /** Only this team's phases and sync points (the milestones stay: the whole plan commits to them). */
  team?: string;
  /** Identifies the plan in every UID: its id, so that feeds of later versions update the same events. */
  planKey: string;
  /** Version number: the events' SEQUENCE. */
  sequence: number;
  /** DTSTAMP of every event: when the version was created. */
  stamp: Date;
  syncPoints: SyncPoint[];
}

const DAY_MS = 86_400_000;
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** All-day events end on the day after their last day (DTEND is exclusive). */
const dayAfter = (iso: string) => new Date(utcDate(iso).getTime() + DAY_MS);

function phaseDescription(p: ExportPhase): string {
  const lines = [
    `Team: ${p.team ?? 'unassigned'} (${p.teamSize} ${p.teamSize === 1 ? 'person' : 'people'})`,
    `Wave ${p.wave}; working days ${p.startDay}–${p.finishDay} (${p.durationDays} days)`,
    p.critical ? 'On the critical path' : `Slack: ${p.totalSlackDays} day(s)`,
    ...(p.links.length > 0 ? [`Waits for: ${p.links.map((l) => l.id).join(', ')}`] : []),
    ...(p.description ? ['', p.description] : []),
  ];
  return lines.join('\n');
}

/**
 * A sync point's identity across versions: a hand-over or a contract is its phases, a wave boundary
 * the wave it closes (sync_001… are numbered in date order, so they shift when the plan changes).
 */
function syncKey(s: SyncPoint, waveOf: Map<string, number>): string {
  if (s.kind === 'handover' || s.kind === 'contract') return `${s.kind}.${s.phases.join('.')}`;
  return `wave-${waveOf.get(s.phases[0] ?? '') ?? s.sync_id}-boundary`;
}

export function icalExport(view: PlanView, options: IcalOptions): string {
  const { team, planKey, sequence, stamp } = options;
  const uid = (kind: string, id: string) => `${planKey}.${kind}.${id}@waveplan`;
  const cal = ical({
    name: team ? `${view.name} — ${team}` : view.name,
    prodId: { company: 'waveplan', product: 'waveplan', language: 'EN' },
    ...(view.description ? { description: view.description } : {}),
  });
  const common = { allDay: true, stamp, sequence, transparency: ICalEventTransparency.TRANSPARENT };
  for (const p of view.phases.filter((p) => team === undefined || p.team === team)) {
    cal.createEvent({
      ...common,
      id: uid('phase', p.id),
      start: utcDate(p.startDate),
      end: dayAfter(p.finishDate),
      summary: p.milestone ? `◆ ${p.name}` : p.name,
      description: phaseDescription(p),
      categories: [{ name: 'phase' }, ...(p.team ? [{ name: p.team }] : []), ...(p.critical ? [{ name: 'critical' }] : [])],
    });
  }
  for (const m of view.milestones) {
    cal.createEvent({ ...common, id: uid('milestone', m.id), start: utcDate(m.date), end: dayAfter(m.date), summary: `◆ ${m.name}`, categories: [{ name: 'milestone' }] });
  }
  const waveOf = new Map(view.phases.map((p) => [p.id, p.wave]));
  for (const s of options.syncPoints.filter((s) => team === undefined || s.participants.includes(team))) {
    cal.createEvent({
      ...common,
      id: uid('sync', syncKey(s, waveOf)),
      start: utcDate(s.planned_date),
      end: dayAfter(s.planned_date),
      summary: `Sync point: ${s.trigger}`,
      description: [
        `Participants: ${s.participants.join(', ')}`,
        `Phases: ${s.phases.join(', ')}`,
        ...s.success_criteria.map((c) => `- ${c}`),
        `If it fails: ${s.failure_procedure}`,
      ].join('\n'),
      categories: [{ name: 'sync point' }, ...s.participants.map((name) => ({ name }))],
    });
  }
  return cal.toString();
}
