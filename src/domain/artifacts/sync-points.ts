import type { SyncPoint } from '../../schemas/artifacts/coordination-protocols.js';
import { crossTeamEdges } from '../efficiency.js';
import { list, plural, r2 } from '../format.js';
import { areasOverlap } from '../tracking/areas.js';
import { startDateOf, teamIdOf, type ArtifactContext } from './context.js';
import { contractPairs } from './shared-work.js';

type Draft = Omit<SyncPoint, 'sync_id'>;

/** What a phase hands over: its deliverables from the input, else its declared areas; nothing invented. */
export function phaseOutputs(ctx: ArtifactContext, j: number): { items: string[]; source: 'input' | 'areas' | 'none' } {
  const given = ctx.input.phases[j]?.deliverables ?? [];
  if (given.length > 0) return { items: given, source: 'input' };
  const areas = ctx.result.project.phases[j]!.areas;
  return areas.length > 0 ? { items: areas, source: 'areas' } : { items: [], source: 'none' };
}

/** The outputs of u that v needs: the deliverables u declares, and the areas u writes that v touches too. */
export function handoverOutputs(ctx: ArtifactContext, u: number, v: number): string[] {
  const { phases } = ctx.result.project;
  const shared = phases[u]!.areas.filter((a) => phases[v]!.areas.some((b) => areasOverlap(a, b)));
  const given = ctx.input.phases[u]?.deliverables ?? [];
  const items = [...new Set([...given, ...shared])];
  return items.length > 0 ? items : phaseOutputs(ctx, u).items;
}

const minutes = (k: number, per: number, base: number) => Math.min(120, base + per * k);

function handovers(ctx: ArtifactContext, sessionOf: (j: number) => string): Draft[] {
  const { project, schedule } = ctx.result;
  const esc = project.constraints.escalation;
  const id = (j: number) => project.phases[j]!.id;
  return crossTeamEdges(ctx.result.reducedEdges, schedule).map(([u, v]) => {
    const from = teamIdOf(ctx, u)!;
    const to = teamIdOf(ctx, v)!;
    const outputs = handoverOutputs(ctx, u, v);
    return {
      kind: 'handover' as const,
      trigger: `${id(u)} completed and its quality gate passed`,
      planned_date: ctx.calendar.finishDate(schedule.start[u]!, schedule.finish[u]!),
      planned_day: r2(schedule.finish[u]!),
      duration_minutes: minutes(outputs.length, 10, 15),
      participants: [from, to],
      sessions: [sessionOf(u), sessionOf(v)],
      phases: [id(u), id(v)],
      preparation_requirements: [
        outputs.length > 0
          ? `${from} lists what ${id(u)} hands over: ${list(outputs, 4)}`
          : `${from} describes what ${id(u)} produced (the input declares no deliverables or areas for it)`,
        `${to} registers the session for ${id(v)} (${sessionOf(v)}) and prepares its check against ${id(u)}`,
      ],
      success_criteria: [
        `${project.phases[u]!.name} delivered${outputs.length > 0 ? `: ${list(outputs, 4)}` : ''}`,
        `${to} accepts the hand-over before ${id(v)} starts on ${startDateOf(ctx, v)}`,
      ],
      deliverables: outputs.length > 0 ? outputs.map((o) => `${o} (from ${id(u)} for ${id(v)})`) : [`${id(u)} completed, for ${id(v)}`],
      failure_procedure: `${id(v)} is held (claims refused with sync_point_pending); ${from} fixes and re-runs the gate; blocked longer than ${esc.blockedHours} h escalates to the coordination lead`,
    };
  });
}

function waveBoundaries(ctx: ArtifactContext, sessionOf: (j: number) => string, teamsOf: (phases: number[]) => string[]): Draft[] {
  const { project, waves } = ctx.result;
  const esc = project.constraints.escalation;
  const id = (j: number) => project.phases[j]!.id;
  return waves.slice(1).map((w) => {
    const prev = waves[w.index - 1]!;
    const date = ctx.calendar.finishDate(prev.start, prev.finish);
    const outputs = prev.phases.flatMap((j) => phaseOutputs(ctx, j).items);
    return {
      kind: 'wave_boundary' as const,
      trigger: `every phase of wave ${prev.index + 1} completed: ${list(prev.phases.map(id), 4)}`,
      planned_date: date,
      planned_day: r2(prev.finish),
      duration_minutes: minutes(prev.phases.length, 5, 15),
      participants: teamsOf([...prev.phases, ...w.phases]),
      sessions: prev.phases.map(sessionOf),
      phases: prev.phases.map(id),
      preparation_requirements: [
        `${plural(prev.phases.length, 'phase')} of wave ${prev.index + 1} report completed with their gate result`,
        `${plural(w.phases.length, 'session')} of wave ${w.index + 1} registered: ${list(w.phases.map(id), 4)}`,
      ],
      success_criteria: [
        `${plural(prev.phases.length, 'phase')} of wave ${prev.index + 1} completed by ${date}`,
        `quality gate gate_wave_${prev.index + 1} passed before ${list(w.phases.map(id), 3)} rely on it`,
      ],
      deliverables: outputs.length > 0 ? [...new Set(outputs)].slice(0, 20) : [`gate_wave_${prev.index + 1} result for ${list(w.phases.map(id), 3)}`],
      failure_procedure: `${list(w.phases.map(id), 3)} may still start when their own dependencies are done; open items of gate_wave_${prev.index + 1} go to the weekly integration review and, past ${esc.scheduleVariancePercent} % schedule variance, to re-planning`,
    };
  });
}

/** Mid-wave contract sync points: two phases of one wave, on different teams, sharing an area or feeding the same later phase. */
function contracts(ctx: ArtifactContext, sessionOf: (j: number) => string): Draft[] {
  const { project, schedule } = ctx.result;
  const id = (j: number) => project.phases[j]!.id;
  return contractPairs(ctx).map(({ u, v, areas, consumers }) => {
    const tu = teamIdOf(ctx, u)!;
    const tv = teamIdOf(ctx, v)!;
    const subject = [...areas, ...consumers.map((c) => `the inputs of ${id(c)}`)];
    const day = Math.min(schedule.start[u]!, schedule.start[v]!);
    return {
      kind: 'contract' as const,
      trigger: `before ${id(schedule.start[u]! <= schedule.start[v]! ? u : v)} starts: ${id(u)} (${tu}) and ${id(v)} (${tv}) share ${list(subject, 3)}`,
      planned_date: ctx.calendar.dateOf(day),
      planned_day: r2(day),
      duration_minutes: minutes(subject.length, 15, 30),
      participants: [tu, tv],
      sessions: [sessionOf(u), sessionOf(v)],
      phases: [id(u), id(v)],
      preparation_requirements: [`${tu} drafts the contract of ${id(u)} for ${list(subject, 3)}`, `${tv} drafts the contract of ${id(v)} for ${list(subject, 3)}`],
      success_criteria: [
        `${tu} and ${tv} agree one contract for ${list(subject, 3)}`,
        consumers.length > 0 ? `${list(consumers.map(id), 3)} can be built against both` : `changes to ${list(areas, 3)} reviewed across ${tu} and ${tv}`,
      ],
      deliverables: subject.map((s) => `agreed contract for ${s}`),
      failure_procedure: `the later of ${id(u)} and ${id(v)} waits for the contract; unresolved after ${project.constraints.escalation.blockedHours} h it goes to the coordination lead`,
    };
  });
}

/** Every sync point of the plan, by planned day, numbered sync_001 … */
export function synchronizationPoints(ctx: ArtifactContext, sessionOf: (j: number) => string, teamsOf: (phases: number[]) => string[]): SyncPoint[] {
  const sync = [...handovers(ctx, sessionOf), ...waveBoundaries(ctx, sessionOf, teamsOf), ...contracts(ctx, sessionOf)];
  sync.sort((a, b) => a.planned_day - b.planned_day || a.kind.localeCompare(b.kind));
  return sync.map((s, k) => ({ sync_id: `sync_${String(k + 1).padStart(3, '0')}`, ...s }));
}
