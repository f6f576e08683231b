/**
 * `waveplan export <mspdi|ical|csv> <input file|plan id>`: a plan as MS Project XML, iCalendar or
 * CSV — planned locally from an input file with the same engine, or read from a server's stored
 * version (GET /plans/{id}[/versions/{n}]/export/{format}).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, exportPlan, isExportFormat, type ExportFormat } from '../exports/index.js';
import { planView } from '../exports/plan-view.js';
import { WriteBackError, writeBackTaskMaster } from '../exports/task-master-writeback.js';
import type { Artifacts } from '../schemas/artifacts/index.js';
import type { PlanInput } from '../schemas/plan-input.js';
import { ApiClient, apiError, isPlanId, serverUrl } from './http-client.js';
import { CliError, EXIT } from './cli-error.js';
import { COMMON_OPTIONS, type CliCommand, type Values } from './command.js';
import { planLocally } from './plan-command.js';
import { parseInput, readText } from './read-input.js';

export interface ExportFlags {
  server?: string;
  'api-key'?: string;
  json?: boolean;
  team?: string;
  version?: string;
  out?: string;
  tasks?: string;
  tag?: string;
}

async function fromServer(format: ExportFormat, planId: string, flags: ExportFlags): Promise<string> {
  const client = new ApiClient(serverUrl(flags.server), flags['api-key']);
  if (flags.version !== undefined && !/^[1-9]\d{0,8}$/.test(flags.version)) throw new CliError(EXIT.usage, `--version takes a version number, not ${flags.version}`);
  const query = flags.team === undefined ? {} : { team: flags.team };
  const answer =
    flags.version === undefined
      ? await client.api.GET('/plans/{id}/export/{format}', { params: { path: { id: planId, format }, query }, parseAs: 'text' })
      : await client.api.GET('/plans/{id}/versions/{version}/export/{format}', {
          params: { path: { id: planId, version: Number(flags.version), format }, query },
          parseAs: 'text',
        });
  if (answer.response.status >= 400) {
    throw apiError(
      answer.response.status,
      safeJson(String(answer.error ?? '')),
      `no plan ${planId}${flags.version ? ` version ${flags.version}` : ''}${flags.team ? ` or team ${flags.team}` : ''} on ${flags.server}`,
    );
  }
  return answer.data as string;
}

function locally(format: ExportFormat, file: string, flags: ExportFlags): string {
  if (flags.version !== undefined) throw new CliError(EXIT.usage, '--version applies to a plan on a server, not to an input file');
  const input = parseInput(file, readText(file)).value;
  const planned = planLocally(input);
  try {
    return exportPlan(format, { input: input as PlanInput, artifacts: planned.artifacts as Artifacts, createdAt: new Date() }, flags.team !== undefined ? { team: flags.team } : {})
      .body;
  } catch (err) {
    if ((err as { code?: string }).code === 'not_found') throw new CliError(EXIT.invalidInput, `${file} has no team ${flags.team}`);
    throw err;
  }
}

/** task-master write-back: the tasks file with each scheduled task's planned dates and team, from a server's plan or a local plan of an input. */
async function writeBack(target: string, flags: ExportFlags): Promise<string> {
  if (flags.tasks === undefined) throw new CliError(EXIT.usage, 'export task-master needs --tasks tasks.json (the file to write the planned dates into)');
  const text = readText(flags.tasks);
  if (isPlanId(target) && flags.server !== undefined) {
    const client = new ApiClient(serverUrl(flags.server), flags['api-key']);
    const answer = await client.api.POST('/plans/{id}/export/task-master', {
      params: { path: { id: target }, query: flags.tag ? { tag: flags.tag } : {} },
      // The user's file goes as it is written: the server keeps every byte it does not add to.
      body: text as never,
      bodySerializer: (body: unknown) => body as string,
      headers: { 'content-type': 'application/json' },
      parseAs: 'text',
    });
    if (answer.response.status >= 400) throw apiError(answer.response.status, safeJson(String(answer.error ?? '')), `no plan ${target} on ${flags.server}`);
    return answer.data as string;
  }
  const input = parseInput(target, readText(target)).value;
  const planned = planLocally(input);
  try {
    return writeBackTaskMaster(text, planView({ input: input as PlanInput, artifacts: planned.artifacts as Artifacts }), flags.tag ? { tag: flags.tag } : {}).text;
  } catch (err) {
    if (err instanceof WriteBackError) throw new CliError(EXIT.invalidInput, `cannot write into ${flags.tasks}: ${err.message}`, [{ path: err.path, message: err.message }]);
    throw err;
  }
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text) as never;
  } catch {
    return null;
  }
};

export async function exportCommand(positionals: string[], flags: ExportFlags, usage: string): Promise<number> {
  const [format, target, ...rest] = positionals;
  if (!format || !target || rest.length > 0) throw new CliError(EXIT.usage, `export takes a format and a plan id or input file\n${usage}`);
  if (format !== 'task-master' && !isExportFormat(format))
    throw new CliError(EXIT.usage, `export formats are ${[...EXPORT_FORMATS, 'task-master'].join(', ')}, not ${format}\n${usage}`);
  const body =
    format === 'task-master'
      ? await writeBack(target, flags)
      : isPlanId(target) && flags.server !== undefined
        ? await fromServer(format as ExportFormat, target, flags)
        : locally(format as ExportFormat, target, flags);
  if (flags.out === undefined) process.stdout.write(body);
  else {
    mkdirSync(path.dirname(path.resolve(flags.out)), { recursive: true });
    writeFileSync(flags.out, body);
    if (flags.json) console.log(JSON.stringify({ format, out: flags.out, bytes: Buffer.byteLength(body) }));
    else process.stderr.write(`wrote ${format} to ${flags.out}\n`);
  }
  return EXIT.ok;
}

export const command: CliCommand = {
  usage: `usage: waveplan export <mspdi|ical|csv> <planId|input.json|input.yaml> [--server URL] [--api-key KEY]
                       [--version N] [--team TEAM] [--out FILE] [--json]
       waveplan export task-master <planId|input.json> --tasks tasks.json [--tag TAG] [--server URL] [--out FILE]

Writes the plan as MS Project XML (mspdi: opens in MS Project, ProjectLibre, GanttProject),
iCalendar (ical: phases, milestones and sync points; --team for one team's feed) or CSV (one row
per phase; --team for one team's rows) to --out or stdout: a plan id with --server reads the
stored version (the latest, or --version), an input file is planned locally first. task-master
writes the planned dates and team of each scheduled task into --tasks (a "waveplan" object per
task, everything else kept as written) and prints the result or writes it to --out.`,
  options: {
    ...COMMON_OPTIONS,
    team: { type: 'string' },
    version: { type: 'string' },
    out: { type: 'string' },
    tasks: { type: 'string' },
    tag: { type: 'string' },
  },
  operand: 'format and plan id or input file',
  operands: 2,
  run: (_target, values: Values, positionals = []) => exportCommand(positionals, values as ExportFlags, command.usage),
};
