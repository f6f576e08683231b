import type { FastifyPluginAsync } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../http/problem-details.js';
import { injectBackend } from './backend.js';
import { createMcpServer } from './server.js';

/**
 * MCP over Streamable HTTP at /mcp, stateless: each POST carries JSON-RPC and is answered
 * with JSON. It passes the service's auth like any route, and its tools run the REST routes
 * in-process with the caller's own key, so workspace scoping and key roles are the API's.
 */
export const mcpRoutes: FastifyPluginAsync = async (app) => {
  app.route({
    method: ['POST', 'GET', 'DELETE'],
    url: '/mcp',
    schema: { hide: true },
    handler: async (request, reply) => {
      if (request.method !== 'POST') {
        return reply
          .code(405)
          .header('allow', 'POST')
          .type(PROBLEM_CONTENT_TYPE)
          .send(problemDetails(405, 'method_not_allowed', 'this MCP endpoint is stateless: POST JSON-RPC messages to it', [], '/mcp'));
      }
      const server = createMcpServer(injectBackend(app, request.headers.authorization, request.id));
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request.raw, reply.raw, request.body);
    },
  });
};
