/**
 * What changed between two versions of a plan: the input (phases, teams and the other top-level
 * fields, by id) and the schedule (phases whose start, finish, team or wave moved; the makespan).
 */

type Json = Record<string, unknown>;

export interface ItemChanges {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: string[] }>;
}

export interface ScheduleRow {
  id: string;
  team: string | null;
  wave: number;
  start_day: number;
  finish_day: number;
}

export interface VersionDiff {
  input: { fields: string[]; phases: ItemChanges; teams: ItemChanges };
  schedule: {
    makespanDays: { from: number; to: number; delta: number };
    moved: Array<{
      id: string;
      start: { from: number; to: number };
      finish: { from: number; to: number };
      team: { from: string | null; to: string | null };
      wave: { from: number; to: number };
    }>;
    added: string[];
    removed: string[];
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byId(items: unknown): Map<string, Json> {
  const map = new Map<string, Json>();
  if (Array.isArray(items)) for (const item of items as Json[]) if (typeof item?.id === 'string') map.set(item.id, item);
  return map;
}

export function diffItems(from: unknown, to: unknown): ItemChanges {
  const a = byId(from);
  const b = byId(to);
  const changed: ItemChanges['changed'] = [];
  for (const [id, before] of a) {
    const after = b.get(id);
    if (!after) continue;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const fields = keys.filter((k) => !same(before[k], after[k]));
    if (fields.length > 0) changed.push({ id, fields });
  }
  return { added: [...b.keys()].filter((id) => !a.has(id)), removed: [...a.keys()].filter((id) => !b.has(id)), changed };
}

export function diffVersions(
  from: { input: Json; schedule: ScheduleRow[]; makespanDays: number },
  to: { input: Json; schedule: ScheduleRow[]; makespanDays: number },
): VersionDiff {
  const keys = [...new Set([...Object.keys(from.input), ...Object.keys(to.input)])].filter((k) => k !== 'phases' && k !== 'teams').sort();
  const a = new Map(from.schedule.map((r) => [r.id, r]));
  const b = new Map(to.schedule.map((r) => [r.id, r]));
  const moved: VersionDiff['schedule']['moved'] = [];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || (x.start_day === y.start_day && x.finish_day === y.finish_day && x.team === y.team && x.wave === y.wave)) continue;
    moved.push({
      id,
      start: { from: x.start_day, to: y.start_day },
      finish: { from: x.finish_day, to: y.finish_day },
      team: { from: x.team, to: y.team },
      wave: { from: x.wave, to: y.wave },
    });
  }
  return {
    input: {
      fields: keys.filter((k) => !same(from.input[k], to.input[k])),
      phases: diffItems(from.input.phases, to.input.phases),
      teams: diffItems(from.input.teams, to.input.teams),
    },
    schedule: {
      makespanDays: { from: from.makespanDays, to: to.makespanDays, delta: to.makespanDays - from.makespanDays },
      moved,
      added: [...b.keys()].filter((id) => !a.has(id)),
      removed: [...a.keys()].filter((id) => !b.has(id)),
    },
  };
}
