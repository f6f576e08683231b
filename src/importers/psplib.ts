/**
 * Reader for the single-mode RCPSP format (.sm) of PSPLIB (Kolisch & Sprecher, 1996), and an
 * adapter that turns an instance into a Waveplan plan input. Pure: the caller reads the file.
 */
import type { PlanInput } from '../schemas/plan-input.js';

export interface PsplibJob {
  id: number;
  duration: number;
  successors: number[];
  /** Units of each renewable resource, in the order of `capacities`. */
  requests: number[];
}

export interface PsplibInstance {
  /** Sorted by id, 1..N; job 1 is the dummy source, job N the dummy sink. */
  jobs: PsplibJob[];
  /** Capacity of each renewable resource R1..Rk. */
  capacities: number[];
  horizon?: number;
}

export class PsplibFormatError extends Error {
  override readonly name = 'PsplibFormatError';
  /** 1-based line of the file the problem was found on. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

interface Line {
  no: number;
  text: string;
}

interface Section {
  title: Line;
  header: Line;
  rows: Line[];
}

const PRECEDENCE = 'PRECEDENCE RELATIONS:';
const REQUESTS = 'REQUESTS/DURATIONS:';
const AVAILABILITIES = 'RESOURCEAVAILABILITIES:';

const isStarRule = (text: string) => /^\s*\*+\s*$/.test(text);
const isDashRule = (text: string) => /^\s*-+\s*$/.test(text);

/** Number of the last non-blank line: where a missing section is reported. */
const lastLine = (lines: Line[]) => lines.findLast((l) => l.text.trim() !== '')?.no ?? 1;

/** The lines of a section: its title, the column header after it, and the rows up to the next `****` rule. */
function section(lines: Line[], title: string): Section {
  const at = lines.findIndex((l) => l.text.trim().toUpperCase().startsWith(title));
  if (at < 0) throw new PsplibFormatError(`missing section "${title}"`, lastLine(lines));
  const header = lines[at + 1];
  if (!header || isStarRule(header.text) || header.text.trim() === '') {
    throw new PsplibFormatError(`section "${title}" has no column header`, lines[at]!.no + 1);
  }
  const rows: Line[] = [];
  for (const line of lines.slice(at + 2)) {
    if (isStarRule(line.text)) break;
    if (line.text.trim() === '' || isDashRule(line.text)) continue;
    rows.push(line);
  }
  return { title: lines[at]!, header, rows };
}

function integers(line: Line, what: string): number[] {
  return line.text
    .trim()
    .split(/\s+/)
    .map((token) => {
      if (!/^\d+$/.test(token)) throw new PsplibFormatError(`expected non-negative integers in ${what}, found "${token}"`, line.no);
      return Number(token);
    });
}

/** Value of a `name : 12` line of the file's preamble, if there is one. */
function preambleNumber(lines: Line[], name: RegExp): { value: number; line: number } | undefined {
  for (const line of lines) {
    const match = name.exec(line.text);
    if (match) return { value: Number(match[1]), line: line.no };
  }
  return undefined;
}

/** Kinds of the resource columns of a header such as "R 1  R 2  N 1": R renewable, N nonrenewable, D doubly constrained. */
function resourceKinds(header: Line): string[] {
  return [...header.text.matchAll(/\b([RND])\s*\d+\b/g)].map((m) => m[1]!);
}

interface Precedence {
  successors: number[];
  line: number;
}

function parsePrecedences(s: Section): Map<number, Precedence> {
  const byId = new Map<number, Precedence>();
  for (const row of s.rows) {
    const values = integers(row, PRECEDENCE);
    const [id, modes, count, ...successors] = values;
    if (id === undefined || modes === undefined || count === undefined) {
      throw new PsplibFormatError('expected jobnr, #modes, #successors and the successors', row.no);
    }
    if (modes !== 1) throw new PsplibFormatError(`job ${id} has ${modes} modes; only single-mode (.sm) instances are supported`, row.no);
    if (successors.length !== count) throw new PsplibFormatError(`job ${id} declares ${count} successors but lists ${successors.length}`, row.no);
    if (id !== byId.size + 1) throw new PsplibFormatError(`expected job ${byId.size + 1} (jobs are numbered 1..N in order), found job ${id}`, row.no);
    byId.set(id, { successors, line: row.no });
  }
  if (byId.size === 0) throw new PsplibFormatError(`section "${PRECEDENCE}" lists no jobs`, s.title.no);
  return byId;
}

/** Successors must name jobs that exist, other than the job itself. */
function checkSuccessors(precedences: Map<number, Precedence>): void {
  for (const [id, p] of precedences) {
    const bad = p.successors.find((s) => !precedences.has(s) || s === id);
    if (bad !== undefined) throw new PsplibFormatError(`job ${id} names ${bad === id ? 'itself' : `unknown job ${bad}`} as a successor`, p.line);
  }
}

interface Request {
  duration: number;
  requests: number[];
  line: number;
}

function parseRequests(s: Section, jobCount: number, kinds: string[]): Map<number, Request> {
  const byId = new Map<number, Request>();
  for (const row of s.rows) {
    const values = integers(row, REQUESTS);
    if (values.length !== 3 + kinds.length) {
      throw new PsplibFormatError(`expected jobnr, mode, duration and ${kinds.length} resource requests; found ${values.length} numbers`, row.no);
    }
    const [id, mode, duration, ...requests] = values as [number, number, number, ...number[]];
    if (id < 1 || id > jobCount) throw new PsplibFormatError(`unknown job ${id}`, row.no);
    if (mode !== 1) throw new PsplibFormatError(`job ${id} uses mode ${mode}; only single-mode (.sm) instances are supported`, row.no);
    if (byId.has(id)) throw new PsplibFormatError(`job ${id} appears twice`, row.no);
    byId.set(id, { duration, requests, line: row.no });
  }
  for (let id = 1; id <= jobCount; id++) {
    if (!byId.has(id)) throw new PsplibFormatError(`job ${id} has no row in "${REQUESTS}"`, s.rows.at(-1)?.no ?? s.header.no);
  }
  return byId;
}

function parseCapacities(s: Section, kinds: string[]): number[] {
  const [row, extra] = s.rows;
  if (!row) throw new PsplibFormatError(`section "${AVAILABILITIES}" has no row of capacities`, s.header.no + 1);
  if (extra) throw new PsplibFormatError(`section "${AVAILABILITIES}" has more than one row`, extra.no);
  const headerKinds = resourceKinds(s.header);
  if (headerKinds.join() !== kinds.join()) {
    throw new PsplibFormatError(`resource columns "${headerKinds.join(' ')}" differ from those of "${REQUESTS}" ("${kinds.join(' ')}")`, s.header.no);
  }
  const values = integers(row, AVAILABILITIES);
  if (values.length !== kinds.length) throw new PsplibFormatError(`expected ${kinds.length} capacities, found ${values.length}`, row.no);
  return values;
}

/** The dummy source (job 1) and sink (job N) take no time and no resources; the adapter drops them. */
function checkDummy(id: number, r: Request, role: string): void {
  if (r.duration !== 0 || r.requests.some((q) => q !== 0)) {
    throw new PsplibFormatError(`job ${id} is the dummy ${role} and must have duration 0 and no requests`, r.line);
  }
}

/** Parses a PSPLIB single-mode RCPSP file. Nonrenewable and doubly constrained resources, if any, are ignored. */
export function parsePsplib(text: string): PsplibInstance {
  const lines: Line[] = text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }));
  const precedences = parsePrecedences(section(lines, PRECEDENCE));
  checkSuccessors(precedences);
  const jobCount = precedences.size;
  const declared = preambleNumber(lines, /^\s*jobs\b[^:]*:\s*(\d+)/i);
  if (declared && declared.value !== jobCount) {
    throw new PsplibFormatError(`the preamble declares ${declared.value} jobs but "${PRECEDENCE}" lists ${jobCount}`, declared.line);
  }

  const requestSection = section(lines, REQUESTS);
  const kinds = resourceKinds(requestSection.header);
  const requests = parseRequests(requestSection, jobCount, kinds);
  checkDummy(1, requests.get(1)!, 'source');
  if (jobCount > 1) checkDummy(jobCount, requests.get(jobCount)!, 'sink');
  const capacities = parseCapacities(section(lines, AVAILABILITIES), kinds);

  const renewable = (values: number[]) => values.filter((_, k) => kinds[k] === 'R');
  const jobs = [...precedences.keys()]
    .sort((a, b) => a - b)
    .map((id) => {
      const r = requests.get(id)!;
      return { id, duration: r.duration, successors: precedences.get(id)!.successors, requests: renewable(r.requests) };
    });
  const horizon = preambleNumber(lines, /^\s*horizon\s*:\s*(\d+)/i)?.value;
  return { jobs, capacities: renewable(capacities), ...(horizon !== undefined ? { horizon } : {}) };
}

const phaseId = (job: number) => `j${job}`;
const poolId = (k: number) => `R${k + 1}`;

/** Predecessors of every job, from the successor lists. */
function predecessors(inst: PsplibInstance): Map<number, number[]> {
  const preds = new Map<number, number[]>(inst.jobs.map((j) => [j.id, []]));
  for (const job of inst.jobs) for (const s of job.successors) preds.get(s)?.push(job.id);
  for (const list of preds.values()) list.sort((a, b) => a - b);
  return preds;
}

/**
 * A plan input with one phase per real job and one infrastructure pool per renewable resource.
 * Phases need no team people (teamSize 0), so only the pools constrain the schedule; the single
 * team exists because a plan needs one. Every day is a working day, so plan days are PSPLIB periods.
 */
export function psplibToPlanInput(inst: PsplibInstance, name: string): PlanInput {
  const source = inst.jobs[0]?.id;
  const sink = inst.jobs.at(-1)?.id;
  const preds = predecessors(inst);
  const phases = inst.jobs
    .filter((j) => j.id !== source && j.id !== sink)
    .map((j) => ({
      id: phaseId(j.id),
      name: `Job ${j.id}`,
      duration: j.duration,
      dependencies: preds
        .get(j.id)!
        .filter((p) => p !== source)
        .map(phaseId),
      resources: Object.fromEntries(j.requests.flatMap((q, k): [string, number][] => (q > 0 ? [[poolId(k), q]] : []))),
      teamSize: 0,
    }));
  return {
    name,
    startDate: '2027-01-04',
    phases,
    teams: [{ id: 'crew', size: 1, skills: [] }],
    infrastructure: inst.capacities.map((capacity, k) => ({ id: poolId(k), capacity })),
    calendar: { workingDays: [0, 1, 2, 3, 4, 5, 6] },
    constraints: { capacityBuffer: 0 },
  };
}
