import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from '../config.js';
import { buildApp } from '../http/app.js';
import { fetchBackend, injectBackend, type ApiBackend } from '../mcp/backend.js';
import { createMcpServer } from '../mcp/server.js';
import { createDomainPlanner } from '../service/domain-planner.js';
import { connect } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { EXIT } from './cli-error.js';
import { COMMON_OPTIONS, type CliCommand } from './command.js';
import { serverUrl } from './http-client.js';

/**
 * `waveplan mcp`: an MCP server on stdin/stdout. With --server it speaks to that Waveplan
 * service with --api-key; without, it runs the service in-process on the embedded database
 * (DATA_DIR) or DATABASE_URL, acting in the default workspace. Nothing else is written to
 * stdout, which belongs to the protocol.
 */
export async function mcpCommand(server: string | undefined, apiKey: string | undefined): Promise<void> {
  let api: ApiBackend;
  let close = async () => {};
  if (server !== undefined) {
    api = fetchBackend(serverUrl(server), apiKey);
  } else {
    const config = loadConfig();
    const handle = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    await migrateToLatest(handle.db);
    const app = await buildApp({ db: handle.db, planner: createDomainPlanner({ timeBudgetCapMs: config.PLANNING_TIME_BUDGET_MS }), auth: { mode: 'off' } });
    await app.ready();
    api = injectBackend(app);
    close = async () => {
      await app.close();
      await handle.close();
    };
  }
  const mcp = createMcpServer(api);
  const transport = new StdioServerTransport();
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.on('end', () => resolve());
    void mcp.connect(transport);
  });
  await mcp.close();
  await close();
}

export const command: CliCommand = {
  usage: `usage: waveplan mcp [--server URL --api-key KEY]

An MCP server on stdio: against --server with --api-key, or standalone on the embedded database
(DATA_DIR, or DATABASE_URL).`,
  options: COMMON_OPTIONS,
  run: async (_target, values) => {
    await mcpCommand(values.server, values['api-key']);
    return EXIT.ok;
  },
};
