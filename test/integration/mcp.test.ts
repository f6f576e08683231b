import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { repoPath } from '../../src/paths.js';
import { delayedPlan, startApp, type TestContext } from '../support/app.js';

const ADMIN = 'mcp-admin-token-0123456789abcdef';
const TOOL_NAMES = [
  'plan_project',
  'get_plan',
  'get_artifact',
  'get_agent_playbook',
  'register_session',
  'ready_phases',
  'claim_phase',
  'heartbeat',
  'report_progress',
  'complete_phase',
  'gate_passed',
  'gate_failed',
  'get_status',
  'replan',
  'what_if',
];

type Result = { isError?: boolean; structuredContent?: any; content: Array<{ type: string; text?: string }> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tool answers of many shapes

async function connected(transport: Transport): Promise<Client> {
  const client = new Client({ name: 'waveplan-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const tool = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;
const ok = (r: Result) => {
  expect(r.isError, r.content[0]?.text).toBeFalsy();
  return r.structuredContent;
};

/** ready → claim → report → complete → gate over MCP, on a plan created through MCP. */
async function roundTrip(client: Client) {
  const tools = (await client.listTools()).tools;
  expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
  const claimTool = tools.find((t) => t.name === 'claim_phase')!;
  expect(Object.keys(claimTool.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['planId', 'sessionId', 'phaseId', 'override']));
  expect(claimTool.outputSchema?.properties).toHaveProperty('claimId');

  const plan = ok(await tool(client, 'plan_project', { input: delayedPlan('mcp round trip') }));
  expect(plan.version).toBe(1);
  expect(plan.artifacts['execution-plan.json']).toBeDefined();
  const planId = plan.planId as string;

  // What-if: a person more in team a, planned and compared, nothing stored.
  const whatIf = ok(await tool(client, 'what_if', { planId, changes: [{ kind: 'add_people', team: 'a', people: 1 }] }));
  expect(whatIf).toHaveProperty('differences');
  expect(ok(await tool(client, 'get_plan', { planId })).version).toBe(1);

  const session = ok(await tool(client, 'register_session', { planId, team: 'a', label: 'mcp agent' }));
  const ready = ok(await tool(client, 'ready_phases', { planId, session: session.id, explain: true }));
  expect(ready.ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['design']);
  expect(ready.notReady.find((n: { phaseId: string }) => n.phaseId === 'docs').reasons[0].reason).toBe('skill_mismatch');

  const claim = ok(await tool(client, 'claim_phase', { planId, sessionId: session.id }));
  expect(claim).toMatchObject({ phaseId: 'design', team: 'a' });
  const busy = await tool(client, 'claim_phase', { planId, sessionId: session.id, phaseId: 'docs' });
  expect(busy.isError).toBe(true);
  expect(JSON.parse(busy.content[0]!.text!)).toMatchObject({ statusCode: 409, code: 'session_busy' });

  ok(await tool(client, 'heartbeat', { planId, sessionId: session.id }));
  expect(ok(await tool(client, 'report_progress', { planId, sessionId: session.id, phaseId: 'design', type: 'progress', percent: 40 })).data.percent).toBe(40);
  ok(await tool(client, 'complete_phase', { planId, sessionId: session.id, phaseId: 'design' }));
  ok(await tool(client, 'gate_passed', { planId, sessionId: session.id, phaseId: 'design', gate: 'review' }));

  const status = ok(await tool(client, 'get_status', { planId }));
  expect(status.phases.find((p: { id: string }) => p.id === 'design').status).toBe('completed');
  expect(ok(await tool(client, 'ready_phases', { planId, team: 'a' })).ready.map((r: { phaseId: string }) => r.phaseId)).toEqual(['build']);

  const bad = await tool(client, 'claim_phase', { planId, sessionId: 'not-a-uuid' });
  expect(bad.isError).toBe(true);
  expect(JSON.parse(bad.content[0]!.text!)).toMatchObject({ statusCode: 400, code: 'validation_failed' });

  const artifact = ok(await tool(client, 'get_artifact', { planId, name: 'wave-schedules.json' }));
  expect(artifact.waves.length).toBeGreaterThan(0);
  const resources = await client.listResourceTemplates();
  expect(resources.resourceTemplates.map((r) => r.uriTemplate)).toContain('waveplan://plans/{planId}/document');
  const doc = await client.readResource({ uri: `waveplan://plans/${planId}/document` });
  expect(JSON.stringify(doc.contents[0])).toContain('mcp round trip');
  const brief = ok(await tool(client, 'get_agent_playbook', { planId, phaseId: 'build' }));
  expect(brief).toMatchObject({ branch: `wp/${planId}/build`, wait_for: [{ kind: 'dependency', id: 'design' }] });
  const briefMd = await client.readResource({ uri: `waveplan://plans/${planId}/agent-playbooks/build` });
  expect(JSON.stringify(briefMd.contents[0])).toContain('## Wait for');
  const listed = await client.listResources();
  expect(listed.resources.map((r) => r.uri)).toContain(`waveplan://plans/${planId}/artifacts/execution-plan.json`);
  return planId;
}

describe('MCP server', () => {
  let ctx: TestContext;
  let base = '';
  let key = '';
  let otherKey = '';
  beforeAll(async () => {
    ctx = await startApp('postgres', { auth: { mode: 'on', adminToken: ADMIN } });
    base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const made = async (workspace: string) =>
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/admin/keys',
          headers: { authorization: `Bearer ${ADMIN}` },
          payload: { workspace, name: `${workspace}-agent`, role: 'write' },
        })
      ).json().token as string;
    key = await made('fleet');
    otherKey = await made('elsewhere');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const http = (token?: string) =>
    new StreamableHTTPClientTransport(new URL(`${base}/mcp`), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : undefined);

  it('over Streamable HTTP at /mcp: tools listed, a plan created, ready → claim → report → complete, scoped to the key’s workspace', async () => {
    const client = await connected(http(key));
    const planId = await roundTrip(client);
    // any importer's format: a CSV, imported then planned
    const csv = 'id,name,duration,dependencies,skills\nspec,Spec,2,,dev\nbuild,Build,3,spec,dev\n';
    const imported = ok(await tool(client, 'plan_project', { document: csv, options: { format: 'csv', startDate: '2027-01-04', teamSize: 2 } }));
    expect(imported.input.phases.map((p: { id: string }) => p.id)).toEqual(['spec', 'build']);
    const broken = await tool(client, 'plan_project', { document: 'id,name,duration,dependencies\na,A,1,b\nb,B,1,a\n', options: { format: 'csv', startDate: '2027-01-04' } });
    expect(broken.isError).toBe(true);
    expect(JSON.parse(broken.content[0]!.text!).statusCode).toBe(422);
    await client.close();
    const other = await connected(http(otherKey));
    const hidden = await tool(other, 'get_plan', { planId });
    expect(hidden.isError).toBe(true);
    expect(JSON.parse(hidden.content[0]!.text!).statusCode).toBe(404);
    await other.close();
  });

  it('over Streamable HTTP: refused without a key', async () => {
    await expect(connected(http())).rejects.toThrow(/401/);
    await expect(connected(http('wp_not-a-real-key'))).rejects.toThrow(/401/);
  });

  it('over stdio (waveplan mcp --server --api-key): the same round trip; without a key every call is refused', async () => {
    const stdio = (args: string[]) =>
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), 'mcp', '--server', base, ...args],
        cwd: repoPath(),
        env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
        stderr: 'pipe',
      });
    const client = await connected(stdio(['--api-key', key]));
    await roundTrip(client);
    await client.close();

    const anonymous = await connected(stdio([]));
    const refused = await tool(anonymous, 'plan_project', { input: delayedPlan('nope') });
    expect(refused.isError).toBe(true);
    expect(JSON.parse(refused.content[0]!.text!)).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    await anonymous.close();
  }, 120_000);

  it('standalone over stdio (waveplan mcp, embedded database): tools listed and a plan created', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'waveplan-mcp-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')) as Record<string, string>;
    try {
      const client = await connected(
        new StdioClientTransport({
          command: process.execPath,
          args: ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), 'mcp'],
          cwd: repoPath(),
          env: { ...env, DATA_DIR: dataDir },
          stderr: 'pipe',
        }),
      );
      expect((await client.listTools()).tools).toHaveLength(TOOL_NAMES.length);
      const plan = ok(await tool(client, 'plan_project', { input: delayedPlan('standalone') }));
      expect(ok(await tool(client, 'get_plan', { planId: plan.planId })).name).toBe('standalone');
      await client.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
