import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar.js';

// The dashboard's pure modules are plain JS with JSDoc types (checked by tsconfig.ui.json);
// imported here by path so that this project's compiler does not check them a second time.
type Link = { from: string; to: string; type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number };
type Entry = {
  id: string;
  start_day: number;
  finish_day: number;
  duration_days: number;
  dependencies: string[];
  group?: string;
  links?: { id: string; type: Link['type']; lag_days: number }[];
  milestone?: boolean;
};
const ui = (file: string) => import(new URL(`../../ui/js/gantt/${file}`, import.meta.url).href);
const { workCalendar, isoDate } = (await ui('calendar.js')) as {
  workCalendar(start: string, c: { working_days: number[]; holidays: string[] }): { start(d: number): number; end(d: number): number; isWorking(d: number): boolean };
  isoDate(d: number): string;
};
const model = (await ui('model.js')) as {
  linksOf(s: Entry[]): Link[];
  groupsOf(s: Entry[], g?: unknown[]): { id: string; phases: string[]; start_day: number; finish_day: number }[];
  rowsOf(s: Entry[], g: unknown[]): ({ kind: 'phase'; entry: Entry; milestone: boolean } | { kind: 'group'; group: { id: string } })[];
  chainOf(l: Link[], id: string): { phases: Set<string>; has(l: Link): boolean };
  syncMarkers<S extends { kind: string; planned_day: number; planned_date: string }>(s: S[]): { day: number; date: string; kinds: string[]; points: S[] }[];
};
const { routeLink } = (await ui('links.js')) as { routeLink(a: { fx: number; fy: number; tx: number; ty: number; out: 1 | -1; into: 1 | -1; rowH: number }): string };

const entry = (id: string, start: number, finish: number, deps: string[] = [], extra: Partial<Entry> = {}): Entry => ({
  id,
  start_day: start,
  finish_day: finish,
  duration_days: finish - start,
  dependencies: deps,
  ...extra,
});

describe('the dashboard Gantt calendar', () => {
  it('maps working days to the same dates as the planner, weekends and holidays skipped', () => {
    const calendars = [
      { start: '2027-01-04', working_days: [1, 2, 3, 4, 5], holidays: ['2027-01-18', '2027-02-15', '2027-01-09'] },
      { start: '2026-09-05', working_days: [0, 2, 4, 6], holidays: ['2026-09-08'] },
    ];
    for (const c of calendars) {
      const domain = new WorkCalendar(c.start, { workingDays: c.working_days, holidays: c.holidays });
      const client = workCalendar(c.start, c);
      for (let s = 0; s < 120; s += 0.5) {
        expect(isoDate(client.start(s)), `start ${s}`).toBe(domain.dateOf(s));
        for (const len of [0.5, 1, 2.5, 7]) expect(isoDate(client.end(s + len) - 1e-6), `end ${s}+${len}`).toBe(domain.finishDate(s, s + len));
      }
    }
  });

  it('shades exactly the non-working days', () => {
    const c = workCalendar('2027-01-04', { working_days: [1, 2, 3, 4, 5], holidays: ['2027-01-18'] });
    const days = Array.from({ length: 21 }, (_, k) => Date.UTC(2027, 0, 4 + k) / 86_400_000);
    expect(days.filter((d) => !c.isWorking(d)).map(isoDate)).toEqual(['2027-01-09', '2027-01-10', '2027-01-16', '2027-01-17', '2027-01-18', '2027-01-23', '2027-01-24']);
  });
});

describe('the dashboard Gantt model', () => {
  it('draws links when the plan has them, else dependencies as finish-to-start', () => {
    const plain = [entry('a', 0, 2), entry('b', 2, 4, ['a'])];
    expect(model.linksOf(plain)).toEqual([{ from: 'a', to: 'b', type: 'FS', lag: 0 }]);
    const typed = [entry('a', 0, 2), entry('b', 1, 3, ['a'], { links: [{ id: 'a', type: 'SS', lag_days: 1 }] })];
    expect(model.linksOf(typed)).toEqual([{ from: 'a', to: 'b', type: 'SS', lag: 1 }]);
  });

  it('rolls groups up from the phases when the plan has none, and puts each group row before its phases', () => {
    const s = [entry('a', 0, 2, [], { group: 'G' }), entry('b', 3, 5, ['a'], { group: 'G' }), entry('c', 1, 2), entry('m', 5, 5, ['b'], { milestone: true })];
    const groups = model.groupsOf(s);
    expect(groups).toEqual([{ id: 'G', name: 'G', phases: ['a', 'b'], start_day: 0, finish_day: 5 }]);
    const rows = model.rowsOf(s, groups);
    expect(rows.map((r) => (r.kind === 'group' ? `group:${r.group.id}` : r.entry.id))).toEqual(['group:G', 'a', 'b', 'c', 'm']);
    expect(rows.filter((r) => r.kind === 'phase' && r.milestone).map((r) => (r.kind === 'phase' ? r.entry.id : ''))).toEqual(['m']);
  });

  it('draws a phase of a nested group once, under its innermost group, which sits under its parent', () => {
    const s = [entry('a', 0, 2, [], { group: 'api' }), entry('b', 2, 4, ['a'], { group: 'backend' }), entry('c', 1, 2)];
    const groups = [
      { id: 'backend', name: 'Backend', phases: ['b', 'a'], start_day: 0, finish_day: 4 },
      { id: 'api', name: 'API', parent: 'backend', phases: ['a'], start_day: 0, finish_day: 2 },
    ];
    const rows = model.rowsOf(s, groups);
    expect(rows.map((r) => (r.kind === 'group' ? `group:${r.group.id}` : r.entry.id))).toEqual(['group:backend', 'group:api', 'a', 'b', 'c']);
  });

  it('finds a phase’s chain: what it waits on and what waits on it, not its siblings', () => {
    const links = model.linksOf([entry('a', 0, 1), entry('b', 1, 2, ['a']), entry('c', 1, 2, ['a']), entry('d', 2, 3, ['b'])]);
    const chain = model.chainOf(links, 'b');
    expect([...chain.phases].sort()).toEqual(['a', 'b', 'd']);
    expect(links.filter((l) => chain.has(l)).map((l) => `${l.from}${l.to}`)).toEqual(['ab', 'bd']);
  });
});

describe('the dashboard Gantt arrows', () => {
  /** The points of an M/H/V path. */
  const points = (d: string) => {
    const out: [number, number][] = [];
    let x = 0;
    let y = 0;
    for (const [, cmd, a, b] of d.matchAll(/([MHV])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (cmd === 'M') [x, y] = [Number(a), Number(b)];
      else if (cmd === 'H') x = Number(a);
      else y = Number(a);
      out.push([x, y]);
    }
    return out;
  };
  it('leave and enter the ends each dependency type names, from the right side', () => {
    const cases = [
      { out: 1, into: 1, fx: 100, tx: 200 },
      { out: 1, into: 1, fx: 200, tx: 100 },
      { out: -1, into: 1, fx: 100, tx: 150 },
      { out: 1, into: -1, fx: 150, tx: 100 },
      { out: -1, into: -1, fx: 300, tx: 100 },
      { out: -1, into: -1, fx: 100, tx: 300 },
    ] as const;
    for (const c of cases) {
      const p = points(routeLink({ ...c, fy: 14, ty: 70, rowH: 28 }));
      expect(p[0]).toEqual([c.fx, 14]);
      expect(p.at(-1)).toEqual([c.tx, 70]);
      // It leaves the way its end faces, and its last leg runs into the bar the way it enters.
      expect(Math.sign(p[1]![0] - c.fx)).toBe(c.out);
      expect(Math.sign(c.tx - p.at(-2)![0])).toBe(c.into);
      expect(p.at(-2)![1]).toBe(70);
    }
  });
});

describe('the dashboard Gantt axis', () => {
  it('puts the sync points of one date under one marker: its earliest day, its kinds, all its points', () => {
    const sp = (id: string, kind: string, day: number, date: string) => ({ sync_id: id, kind, planned_day: day, planned_date: date });
    const points = [
      sp('s1', 'handover', 3, '2027-01-07'),
      sp('s2', 'wave_boundary', 5, '2027-01-11'),
      sp('s3', 'wave_boundary', 2.5, '2027-01-07'),
      sp('s4', 'handover', 3, '2027-01-07'),
    ];
    expect(model.syncMarkers(points)).toEqual([
      { day: 2.5, date: '2027-01-07', kinds: ['handover', 'wave_boundary'], points: [points[0], points[2], points[3]] },
      { day: 5, date: '2027-01-11', kinds: ['wave_boundary'], points: [points[1]] },
    ]);
    expect(model.syncMarkers([])).toEqual([]);
  });
});
