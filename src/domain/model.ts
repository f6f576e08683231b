/**
 * The planning engine's internal model: the normalised input and the computed plan.
 * Indices (not ids) are used inside the engine; ids appear only at the edges (artifacts).
 * Times are in working days from the project start (day 0 = the first working day on or
 * after startDate); they may be fractional.
 */

import type { SourceInput, TeamCalendarInput } from '../schemas/plan-input.js';
import type { StopReason } from './schedule/search.js';

export interface Estimate {
  optimistic: number;
  likely: number;
  pessimistic: number;
}

export interface Phase {
  index: number;
  id: string;
  name: string;
  description?: string;
  /**
   * Planned duration in working days: the input's (the PERT expected value for three-point
   * estimates) stretched when no team can staff the phase fully (capacity.ts). Never rounded.
   */
  duration: number;
  /** The input's duration, for teamSize people working full time. */
  fullStaffDuration: number;
  /** Always present (in planned, stretched days): from the input, or likely = duration with the default ± spread. */
  estimate: Estimate;
  /** True when the input gave a three-point estimate. */
  estimated: boolean;
  /** Indices of the phases this one depends on (deduplicated). */
  dependencies: number[];
  /** Indices of the phases that depend on this one. */
  dependents: number[];
  /** Every dependency with its type and lag (links.ts); plain finish-to-start links have lag 0. */
  links: PhaseLink[];
  /** A zero-duration phase, or one the input marks as a milestone. */
  milestone: boolean;
  /** Date constraints as the input gives them (engine.ts turns them into working days). */
  startNoEarlierThan?: string;
  finishNoLaterThan?: string;
  finishConstraint: 'hard' | 'soft';
  /** Planned as late as possible once the schedule is found (schedule/alap.ts). */
  alap: boolean;
  skills: string[];
  /** People (or agent sessions) of the assigned team the phase occupies, as the input says. */
  teamSize: number;
  /** Full-time equivalents of its team the phase holds while it runs (capacity.ts): teamSize, or less when stretched. */
  demand: number;
  /** Infrastructure pool index → units held for the whole phase. */
  resources: Map<number, number>;
  areas: string[];
  priority: number;
  /** The group label the input gives the phase (the source's phase, WBS parent, epic). */
  group?: string;
}

/** A dependency of a phase on phase `on`: finish-to-start, start-to-start, finish-to-finish or start-to-finish, plus a lag in working days. */
export interface PhaseLink {
  on: number;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lag: number;
}

export interface Team {
  index: number;
  id: string;
  name: string;
  size: number;
  skills: string[];
  /** Fraction 0..1. */
  availability: number;
  hoursPerWeek: number;
  /** Full-time equivalents: size × availability × min(hours, 40) ÷ 40 × (1 − capacity buffer), fractional (capacity.ts). */
  capacity: number;
  /** Its own non-working days, leave and size over time, as the input gives them (team-calendars.ts). */
  calendar?: TeamCalendarInput;
}

/** A stretch of working days [from, to) in which `amount` FTE of a team are not there, and why. */
export interface TeamBlock {
  team: number;
  from: number;
  to: number;
  amount: number;
  /** FTE of the team still there. */
  left: number;
  /** What takes them: "leave 2027-02-01–2027-02-05 (conference, 2 people)", "non-working day 2027-02-08", "team of 4 until 2027-03-01". */
  reasons: string[];
}

export interface Infrastructure {
  index: number;
  id: string;
  name: string;
  kind: string;
  capacity: number;
}

export interface Calendar {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** YYYY-MM-DD. */
  holidays: string[];
}

export interface Escalation {
  blockedHours: number;
  scheduleVariancePercent: number;
  heartbeatTimeoutSeconds: number;
}

/** Targets of the success criteria, percent (advisor/criteria.ts). */
export interface SuccessTargets {
  timeReductionPercent: number;
  timeReductionMaxPercent: number;
  coordinationOverheadPercent: number;
  utilisationPercent: number;
  riskCoveragePercent: number;
}

export interface Constraints {
  deadline?: string;
  successTargets: SuccessTargets;
  /** Fraction 0..0.9. */
  capacityBuffer: number;
  maxConcurrentSessions?: number;
  escalation: Escalation;
}

export interface Planning {
  seed: number;
  iterations: number;
  timeBudgetMs: number;
  monteCarloIterations: number;
  /** Fraction, e.g. 0.25 for ± 25 %. */
  defaultSpread: number;
}

export interface Project {
  name: string;
  description?: string;
  startDate: string;
  calendar: Calendar;
  phases: Phase[];
  teams: Team[];
  infrastructure: Infrastructure[];
  constraints: Constraints;
  planning: Planning;
  /** For each phase, the indices of the teams that may run it (skills and capacity). */
  eligibleTeams: number[][];
  /** Topological order of phase indices (stable: input order among ties). */
  order: number[];
  /** Facts of the analysis the input was imported from, as the input gives them. */
  source?: SourceInput;
  /** Every group: those the input lists (name, parent), then the labels phases name that it does not. */
  groups: { id: string; name: string; parent?: string }[];
  /** The input's soft dependencies, and whether the schedule may ignore them (constraints.relaxSoftDependencies). */
  softDependencies?: { relaxed: boolean; links: { phase: number; on: number }[] };
}

export interface Cpm {
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  totalSlack: Float64Array;
  freeSlack: Float64Array;
  /** Critical-path length: lower bound LB0 on any schedule. */
  length: number;
  critical: boolean[];
  /** One critical chain from a start phase to an end phase, in order. */
  criticalPath: number[];
}

export interface Schedule {
  start: Float64Array;
  finish: Float64Array;
  /** Team index per phase, −1 for a phase that needs no people. */
  team: Int32Array;
  makespan: number;
}

export interface Bounds {
  criticalPath: number;
  resource: number;
  /** The destructive bound (schedule/destructive-bound.ts): the shortest makespan energetic reasoning does not refute, at least the other two. */
  destructive: number;
  best: number;
  /** (makespan − best) / best × 100. */
  gapPercent: number;
  /** True when the makespan equals the best lower bound. */
  optimal: boolean;
}

export type WaveKind = 'foundation' | 'parallel' | 'integration';

export interface Wave {
  index: number;
  kind: WaveKind;
  phases: number[];
  start: number;
  finish: number;
  maxConcurrent: number;
}

export interface TeamLoad {
  team: number;
  /** Person-days of work assigned (in the metrics' window). */
  workDays: number;
  /** workDays / (FTE capacity × parallelDuration), 0..1. */
  utilisation: number;
  phases: number[];
}

export interface Metrics {
  /** Working day the savings, efficiency and utilisation are measured from: 0, or a re-plan's as-of day. */
  basisFromDay: number;
  /** Σ planned durations of the work in the window (one phase after another). */
  sequentialDuration: number;
  /** Makespan − basisFromDay. */
  parallelDuration: number;
  timeSavingsPercent: number;
  parallelEfficiency: number;
  teamLoads: TeamLoad[];
  /** Infrastructure pool index → peak units used / capacity. */
  infrastructurePeak: number[];
  /** All teams: person-days of work ÷ (Σ FTE × parallelDuration), 0..1. */
  utilisation: number;
  syncPoints: number;
  /** Planned hours in sync points and stand-ups. */
  coordinationHours: number;
  /** Planned hours of phase work (person-days × full-time hours per day). */
  workHours: number;
  /** Share of session time spent coordinating: coordinationHours ÷ (workHours + coordinationHours) × 100, 0–100 — what tracking measures as blocked ÷ active time. */
  coordinationOverheadPercent: number;
}

export interface SearchReport {
  seed: number;
  /** The iteration budget asked for. */
  iterations: number;
  /** Schedules the search evaluated. */
  evaluated: number;
  generations: number;
  /** Best makespan among the plain priority rules, before the search improved it. */
  initialMakespan: number;
  /** What produced the returned schedule: a priority rule, sampling, or the genetic search. */
  origin: string;
  /** Wall-clock time of the search when a clock was given, else 0. */
  elapsedMs: number;
  /** Lanes of a large plan's generations that a helper thread evaluated (lanes.ts); 0 without one. */
  helpedLanes: number;
  /** Schedules evaluated when the returned schedule was found. */
  bestAt: number;
  stoppedBy: StopReason;
}

/** Where a re-plan starts from. */
export interface ReplanBasis {
  /** Working day "now": nothing new starts before it. */
  asOfDay: number;
  completed: number[];
  inProgress: number[];
}

export interface PlanResult {
  project: Project;
  cpm: Cpm;
  schedule: Schedule;
  /** Per phase: how far it may slip in the resource-constrained schedule without moving the makespan. */
  scheduleSlack: Float64Array;
  bounds: Bounds;
  waves: Wave[];
  /** Wave index per phase. */
  waveOf: Int32Array;
  metrics: Metrics;
  search: SearchReport;
  /** Dependency edges not implied by longer paths. */
  reducedEdges: [number, number][];
  /** Phases that transitively depend on each phase. */
  descendants: Int32Array;
  /** Resource-flow edges [from, to]: phase `to` takes over a team or pool that `from` releases. */
  resourceEdges: [number, number][];
  replan?: ReplanBasis;
  /** The teams' calendar blocks the schedule planned around (absent without team calendars). */
  teamBlocks?: TeamBlock[];
  /** Per phase the working day it may not start before and the one it should finish by (NaN: none); present when the input has date constraints. */
  dateDays?: { notBefore: Float64Array; finishBy: Float64Array };
  /** How waves open: flow (dependency levels that overlap) or barrier (one wave after the other). Default flow. */
  waveGating?: 'flow' | 'barrier';
}
