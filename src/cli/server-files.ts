import { ApiClient } from './http-client.js';
import { CliError, EXIT } from './cli-error.js';
import type { PlanFiles } from './plan-command.js';

/** A text the server serves for the version, refused when the plan has moved on to another one meanwhile. */
async function text(call: Promise<{ data?: string; error?: unknown; response: Response }>, version: number): Promise<string> {
  const { data, response: res } = await call;
  if (res.status >= 400) throw new CliError(res.status < 500 ? EXIT.invalidInput : EXIT.unexpected, `GET ${new URL(res.url).pathname}: the server answered ${res.status}`);
  const etag = res.headers.get('etag');
  if (etag !== null && etag !== `"v${version}"`) {
    throw new CliError(EXIT.unexpected, `the plan moved on to ${etag.replace(/"/g, '')} while v${version} was being fetched; nothing written`);
  }
  return data ?? '';
}

/** The team ids of a plan's execution-plan.json: one playbook each. */
function teamsOf(artifacts: Record<string, unknown>): string[] {
  const plan = artifacts['execution-plan.json'] as { resource_analysis?: { teams?: { id: string }[] } } | undefined;
  return (plan?.resource_analysis?.teams ?? []).map((t) => t.id);
}

/** What a local plan writes, read from the server for a stored version: document, Gantt chart and every team's playbook. */
export async function serverFiles(client: ApiClient, planId: string, version: number, artifacts: Record<string, unknown>): Promise<PlanFiles> {
  const [document, gantt, ...books] = await Promise.all([
    text(client.api.GET('/plans/{id}/document', { params: { path: { id: planId } }, parseAs: 'text' }), version),
    text(client.api.GET('/plans/{id}/gantt.svg', { params: { path: { id: planId } }, parseAs: 'text' }), version),
    ...teamsOf(artifacts).map((team) => text(client.api.GET('/plans/{id}/playbooks/{team}', { params: { path: { id: planId, team } }, parseAs: 'text' }), version)),
  ]);
  const playbooks = Object.fromEntries(teamsOf(artifacts).map((team, i) => [team, books[i]!]));
  return { artifacts, document: document!, gantt: gantt!, playbooks };
}
