import { Value } from 'typebox/value';
import { applyChanges, describeChange } from '../domain/advisor/changes.js';
import { scenarioDifferences, type Difference } from '../domain/advisor/scenario.js';
import { PlanInputError } from '../domain/errors.js';
import { planProject } from '../domain/plan.js';
import { planningDateOf, utcDate } from '../domain/planning-date.js';
import { PlanInput } from '../schemas/plan-input.js';
import { ScenarioChanges, type ScenarioChange } from '../schemas/scenario-change.js';
import { createSearchHelper } from '../service/search-helper.js';
import { clientFor, isPlanId, type ApiClient } from './http-client.js';
import { CliError, EXIT, invalidPlan } from './cli-error.js';
import { COMMON_OPTIONS, type CliCommand, type Values } from './command.js';
import { located, parseInput, readText } from './read-input.js';

/** The whatif flags: each may be repeated; TEAM=N pairs where a value goes with a name. */
export const WHATIF_OPTIONS = {
  'add-person': { type: 'string', multiple: true },
  'add-people': { type: 'string', multiple: true },
  resize: { type: 'string', multiple: true },
  availability: { type: 'string', multiple: true },
  'remove-team': { type: 'string', multiple: true },
  buffer: { type: 'string' },
  deadline: { type: 'string' },
  pool: { type: 'string', multiple: true },
  drop: { type: 'string', multiple: true },
  estimate: { type: 'string', multiple: true },
  split: { type: 'string', multiple: true },
  'remove-dependency': { type: 'string', multiple: true },
  'add-dependency': { type: 'string', multiple: true },
  'relax-soft-dependencies': { type: 'boolean' },
  'relax-soft-dependency': { type: 'string', multiple: true },
  /** Store the scenario as the plan's next version (a plan id only), If-Match the version it was planned on. */
  adopt: { type: 'boolean' },
} as const;

type Booleans = 'relax-soft-dependencies' | 'adopt';
export type WhatifFlags = { [K in Exclude<keyof typeof WHATIF_OPTIONS, Booleans>]?: (typeof WHATIF_OPTIONS)[K] extends { multiple: true } ? string[] : string } & {
  [K in Booleans]?: boolean;
};

const pair = (flag: string, raw: string, sep = '='): [string, string] => {
  const at = raw.lastIndexOf(sep);
  if (at <= 0 || at === raw.length - 1) throw new CliError(EXIT.usage, `--${flag} takes NAME${sep}VALUE, not "${raw}"`);
  return [raw.slice(0, at), raw.slice(at + 1)];
};
const number = (flag: string, raw: string) => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new CliError(EXIT.usage, `--${flag}: "${raw}" is not a number`);
  return n;
};

/** The flags as scenario changes, in a fixed order (teams, then constraints, pools, phases, dependencies). */
export function changesFromFlags(f: WhatifFlags): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  for (const team of f['add-person'] ?? []) out.push({ kind: 'add_people', team, people: 1 });
  for (const raw of f['add-people'] ?? []) {
    const [team, n] = pair('add-people', raw);
    out.push({ kind: 'add_people', team, people: number('add-people', n) });
  }
  for (const raw of f.resize ?? []) {
    const [team, n] = pair('resize', raw);
    out.push({ kind: 'resize_team', team, size: number('resize', n) });
  }
  for (const raw of f.availability ?? []) {
    const [team, n] = pair('availability', raw);
    out.push({ kind: 'set_availability', team, availability: number('availability', n) });
  }
  for (const team of f['remove-team'] ?? []) out.push({ kind: 'remove_team', team });
  if (f.buffer !== undefined) out.push({ kind: 'set_buffer', percent: number('buffer', f.buffer) });
  if (f.deadline !== undefined) out.push({ kind: 'set_deadline', deadline: f.deadline === 'none' ? null : f.deadline });
  for (const raw of f.pool ?? []) {
    const [pool, n] = pair('pool', raw);
    out.push({ kind: 'set_pool_capacity', pool, capacity: number('pool', n) });
  }
  for (const phase of f.drop ?? []) out.push({ kind: 'drop_phase', phase });
  for (const raw of f.estimate ?? []) {
    const [phase, n] = pair('estimate', raw);
    out.push({ kind: 're_estimate', phase, duration: number('estimate', n) });
  }
  for (const raw of f.split ?? []) {
    const [phase, n] = pair('split', raw);
    out.push({ kind: 'split_phase', phase, parts: number('split', n) });
  }
  for (const raw of f['remove-dependency'] ?? []) {
    const [phase, on] = pair('remove-dependency', raw, ':');
    out.push({ kind: 'remove_dependency', phase, on });
  }
  for (const raw of f['add-dependency'] ?? []) {
    const [phase, on] = pair('add-dependency', raw, ':');
    out.push({ kind: 'add_dependency', phase, on });
  }
  if (f['relax-soft-dependencies']) out.push({ kind: 'relax_soft_dependencies' });
  for (const raw of f['relax-soft-dependency'] ?? []) {
    const [phase, on] = pair('relax-soft-dependency', raw, ':');
    out.push({ kind: 'relax_soft_dependency', phase, on });
  }
  if (out.length === 0) throw new CliError(EXIT.usage, 'whatif needs at least one change (--add-person TEAM, --buffer PCT, …)');
  if (!Value.Check(ScenarioChanges, out)) {
    const details = [...Value.Errors(ScenarioChanges, out)].slice(0, 10).map((e) => ({ path: `/changes${e.instancePath}`, message: e.message }));
    throw new CliError(EXIT.usage, 'a change is out of range', details);
  }
  return out;
}

export interface WhatifResult {
  basedOn: string;
  changes: string[];
  current: { makespanDays: number; completionDate: string };
  scenario: { makespanDays: number; completionDate: string };
  differences: Difference[];
  /** With --adopt: the version the scenario was stored as. */
  adopted?: { version: number; location: string | null };
}

/** Plans the input and the changed input locally, with the same engine and seed. */
export function whatifLocally(input: unknown, changes: ScenarioChange[], file: string): WhatifResult {
  if (!Value.Check(PlanInput, input)) {
    const details = [...Value.Errors(PlanInput, input)].slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message }));
    throw new CliError(EXIT.invalidInput, 'the input does not match the plan input schema', details);
  }
  try {
    const planningDate = planningDateOf(input, utcDate(new Date()));
    const options = { planningDate, searchHelper: createSearchHelper };
    const before = planProject(input, options);
    const after = planProject(applyChanges(input, changes), options);
    const side = (v: typeof before) => ({ summary: v.summary, plan: v.artifacts['execution-plan.json'] });
    return {
      basedOn: file,
      changes: changes.map(describeChange),
      current: { makespanDays: before.summary.makespanDays, completionDate: before.summary.completionDate },
      scenario: { makespanDays: after.summary.makespanDays, completionDate: after.summary.completionDate },
      differences: scenarioDifferences(side(before), side(after)),
    };
  } catch (err) {
    if (err instanceof PlanInputError) throw invalidPlan(err);
    throw err;
  }
}

interface ScenarioBody {
  basedOnVersion: number;
  changes: { description: string }[];
  current: { summary: { makespanDays: number; completionDate: string } };
  scenario: { summary: { makespanDays: number; completionDate: string } };
  differences: Difference[];
}

/**
 * Asks the server to plan the scenario (nothing is stored); with adopt, then stores it as the
 * plan's next version (POST /plans/{id}/scenarios/adopt) with If-Match naming the version the
 * scenario was planned on, so a version stored meanwhile makes it fail (412, exit 3) rather than
 * adopt changes nobody looked at.
 */
export async function whatifOnServer(client: ApiClient, planId: string, changes: ScenarioChange[], adopt = false): Promise<WhatifResult> {
  const { data } = await client.ok(client.api.POST('/plans/{id}/scenarios', { params: { path: { id: planId } }, body: { changes } }), `no plan ${planId}`);
  const body = data as unknown as ScenarioBody;
  const pick = (s: ScenarioBody['current']['summary']) => ({ makespanDays: s.makespanDays, completionDate: s.completionDate });
  const result: WhatifResult = {
    basedOn: `${planId} v${body.basedOnVersion}`,
    changes: body.changes.map((c) => c.description),
    current: pick(body.current.summary),
    scenario: pick(body.scenario.summary),
    differences: body.differences,
  };
  if (!adopt) return result;
  const stored = await client.ok(
    client.api.POST('/plans/{id}/scenarios/adopt', { params: { path: { id: planId } }, body: { changes }, headers: { 'if-match': `"v${body.basedOnVersion}"` } }),
    `no plan ${planId}`,
  );
  return { ...result, adopted: { version: (stored.data as { version: number }).version, location: stored.response.headers.get('location') } };
}

export function renderWhatif(r: WhatifResult): string {
  const fmt = (x: Difference['current']) => (x === null ? '—' : String(x));
  const lines = [
    `what if (${r.basedOn}): ${r.changes.join('; ')}`,
    `  makespan ${r.current.makespanDays} → ${r.scenario.makespanDays} working days, completion ${r.current.completionDate} → ${r.scenario.completionDate}`,
    ...r.differences.map((d) => `  ${d.field}: ${fmt(d.current)} → ${fmt(d.scenario)}${d.delta !== null ? ` (${d.delta > 0 ? '+' : ''}${d.delta})` : ''}`),
    ...(r.adopted ? [`adopted: stored as version ${r.adopted.version}${r.adopted.location ? ` (${r.adopted.location})` : ''}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function whatif(target: string, values: Values & WhatifFlags): Promise<number> {
  const changes = changesFromFlags(values);
  let result;
  if (isPlanId(target)) result = await whatifOnServer(clientFor(target, values), target, changes, values.adopt === true);
  else if (values.adopt) throw new CliError(EXIT.usage, `--adopt stores the scenario as the next version of a plan on a server: ${target} is not a plan id`);
  else {
    const read = parseInput(target, readText(target));
    try {
      result = whatifLocally(read.value, changes, target);
    } catch (err) {
      throw located(err, read);
    }
  }
  if (values.json) console.log(JSON.stringify(result));
  else process.stdout.write(renderWhatif(result));
  return EXIT.ok;
}

export const command: CliCommand = {
  usage: `usage: waveplan whatif <planId|input.json|input.yaml> [--server URL] [--api-key KEY] [--json]
                       [--add-person TEAM]… [--add-people TEAM=N] [--resize TEAM=N] [--availability TEAM=PCT]
                       [--remove-team TEAM] [--buffer PCT] [--deadline DATE|none] [--pool POOL=N] [--drop PHASE]
                       [--estimate PHASE=DAYS] [--split PHASE=N] [--add-dependency PHASE:ON] [--remove-dependency PHASE:ON]
                       [--relax-soft-dependencies] [--relax-soft-dependency PHASE:ON] [--adopt]

Plans the changes without storing anything and prints what they change against the current plan
(makespan, completion, success criteria, utilisation): a plan id asks the server
(POST /plans/{id}/scenarios), an input file plans both locally with the same engine and seed. With --adopt (a plan id only) the
scenario is then stored as the plan's next version, If-Match the version it was planned on.`,
  options: { ...COMMON_OPTIONS, ...WHATIF_OPTIONS },
  operand: 'plan id or input file',
  run: (target, values) => whatif(target!, values),
};
