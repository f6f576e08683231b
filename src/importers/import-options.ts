import type { InfrastructureInput, PlanInput, SourceInput, TeamInput } from '../schemas/plan-input.js';

/** What a source file does not say and the caller may: the rest of a plan input. */
export interface ImportOptions {
  /** Plan name; default: the source's own name, else the file's name without its extension. */
  name?: string;
  /** Name of the file read, for the default plan name (and nothing else). */
  fileName?: string;
  /** First working day, YYYY-MM-DD; default: the source's own start date, else required. */
  startDate?: string;
  /** Teams to plan with; default: the file's own, else one team of `teamSize` holding every skill the phases need. */
  teams?: TeamInput[];
  /** Pools to plan with besides the file's own (a seed-shaped teams file's infrastructure_capacity); same id: these win. */
  infrastructure?: InfrastructureInput[];
  /** Resource constraints to carry into the plan (a seed-shaped teams file's resource_constraints); added to the file's own. */
  resourceConstraints?: NonNullable<SourceInput['resourceConstraints']>;
  /** Dependency analysis: plan its tasks (default, when it has tasks; each keeps its phase as group) or its phases. */
  level?: 'task' | 'phase';
  /** Dependency analysis: fill the skills of items that name none from their task_type and file extensions (each listed in the notes). */
  inferSkills?: boolean;
  /** Plan soft dependencies as preferences the schedule may ignore (constraints.relaxSoftDependencies). */
  relaxSoftDependencies?: boolean;
  /** Size of that default team. Default 2. */
  teamSize?: number;
  /** Working days for a phase the source gives no estimate for. Default 1. */
  defaultDuration?: number;
  /** task-master: the tag (context) to import when the file holds several. Default "master". */
  tag?: string;
  /** task-master: also import tasks already done (default: they are dropped and count as finished). */
  includeDone?: boolean;
}

/** A plan input mapped from a source file, with what the mapping had to assume. */
export interface ImportResult {
  input: PlanInput;
  /** Assumptions and dropped items, one sentence each, for the user to review. */
  notes: string[];
  /** For formats that track it: the source keys read and those not used (JSON pointer patterns, list indices as "*"). */
  keys?: { used: string[]; unused: string[] };
}

export const DEFAULT_TEAM_SIZE = 2;
/** Working days for an item whose file gives no estimate. */
export const DEFAULT_DURATION = 1;

/** The plan name when the caller gives none: the source's own, else the file's base name, else a generic one. */
export function defaultName(options: ImportOptions, sourceName: string | undefined, generic: string): string {
  const base = options.fileName
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 300);
  return options.name ?? sourceName ?? (base ? base : generic);
}
