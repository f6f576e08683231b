import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { ApiAnswer, ApiBackend } from './backend.js';
import { listResources, resourcePath, RESOURCE_TEMPLATES } from './resources.js';
import { TOOLS, type ToolDef } from './tools.js';

registerAjvFormats();

const checkers = new Map<string, Validator>();
const checkerOf = (tool: ToolDef) => {
  let c = checkers.get(tool.name);
  if (!c) checkers.set(tool.name, (c = Compile(tool.input)));
  return c;
};

/** The API's error shape for arguments that do not fit the tool's schema (the REST route's shape for a bad body). */
function invalidArguments(tool: ToolDef, args: unknown): CallToolResult {
  const details = [...checkerOf(tool).Errors(args)].slice(0, 20).map((e) => {
    const params = (e.params ?? {}) as { requiredProperties?: string[]; additionalProperties?: string[] };
    const child = params.requiredProperties?.[0] ?? params.additionalProperties?.[0];
    return { path: `${e.instancePath}${child ? `/${child}` : ''}`, message: e.message };
  });
  const body = {
    statusCode: 400,
    code: 'validation_failed',
    message: `arguments of ${tool.name} are invalid: ${details.map((d) => `${d.path || '(root)'} ${d.message}`).join('; ')}`,
    details,
  };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(body) }] };
}

function toolResult(answer: ApiAnswer): CallToolResult {
  const isJson = answer.contentType.includes('json');
  if (answer.status >= 400) return { isError: true, content: [{ type: 'text', text: answer.text }] };
  if (!isJson) return { content: [{ type: 'text', text: answer.text }] };
  const value = JSON.parse(answer.text) as unknown;
  const structured = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return { content: [{ type: 'text', text: answer.text }], ...(structured ? { structuredContent: structured } : {}) };
}

export const MCP_SERVER_INFO = { name: 'waveplan', version: '0.1.0' };

/**
 * Waveplan as an MCP server: the tools are the REST routes (same schemas in and out, same
 * rules), the resources are a plan's artifacts, strategy document and playbooks.
 */
export function createMcpServer(api: ApiBackend): Server {
  const server = new Server(MCP_SERVER_INFO, {
    capabilities: { tools: {}, resources: {} },
    instructions:
      'Waveplan plans parallel work and coordinates the sessions doing it. Typical loop for an agent: register_session (with its team) → ready_phases → claim_phase → report_progress / heartbeat → complete_phase → gate_passed. Read the agent playbook of a claimed phase (resource waveplan://plans/{planId}/agent-playbooks/{phaseId}) before starting.',
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: TOOLS.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.input as never,
      ...(t.output ? { outputSchema: t.output as never } : {}),
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `no tool ${request.params.name}; tools: ${TOOLS.map((t) => t.name).join(', ')}`);
    const args = request.params.arguments ?? {};
    if (!checkerOf(tool).Check(args)) return invalidArguments(tool, args);
    return toolResult(await tool.run(api, args));
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: await listResources(api) }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const target = resourcePath(request.params.uri);
    if (!target) throw new McpError(ErrorCode.InvalidParams, `not a Waveplan resource: ${request.params.uri}`);
    const answer = await api.request('GET', target.path);
    if (answer.status >= 400) throw new McpError(ErrorCode.InvalidParams, `${request.params.uri}: ${answer.text}`);
    return { contents: [{ uri: request.params.uri, mimeType: target.mimeType, text: answer.text }] };
  });
  return server;
}
