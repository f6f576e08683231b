import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

const Env = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  AUTH: Type.Optional(Type.Enum(['on', 'off'])),
  ADMIN_API_KEY: Type.Optional(Type.String({ minLength: 24, description: 'bootstrap admin token' })),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 1_073_741_824, default: 10 * 1024 * 1024 }),
  MAX_PHASES: Type.Integer({ minimum: 1, maximum: 100_000, default: 20_000 }),
  MAX_TEAMS: Type.Integer({ minimum: 1, maximum: 10_000, default: 1_000 }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 6000 }),
  ASYNC_PHASE_THRESHOLD: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 2000, description: 'plans with more phases are queued (202) when DATABASE_URL is set' }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 10, description: 'connections to PostgreSQL per instance' }),
  DB_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5_000 }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 15_000, description: 'the server cancels longer statements; 0: no limit' }),
  DB_QUERY_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 20_000, description: 'a connection that gives no answer this long is dropped; 0: no limit' }),
  JOB_HEARTBEAT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5_000, description: 'how often a worker beats for the queued job it works' }),
  JOB_STALE_AFTER_MS: Type.Integer({ minimum: 500, maximum: 3_600_000, default: 30_000, description: 'a job whose worker has not beaten this long is handed back to the queue' }),
  IDEMPOTENCY_TTL_HOURS: Type.Number({ exclusiveMinimum: 0, maximum: 8760, default: 24, description: 'how long an Idempotency-Key is remembered' }),
  MAX_STREAMS_PER_KEY: Type.Integer({ minimum: 1, maximum: 100_000, default: 20, description: 'open event streams per API key (or client address)' }),
  MAX_STREAMS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1_000, description: 'open event streams per instance' }),
  REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 3_600_000,
    default: 30_000,
    description: 'a request whose headers and body have not arrived by then is dropped (408)',
  }),
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, description: 'true, or comma-separated proxy addresses/CIDRs whose X-Forwarded-* headers are believed (default: none)' })),
  CORS_ORIGINS: Type.Optional(Type.String({ minLength: 1, description: 'comma-separated origins allowed to call the API from a browser, or * (default: none)' })),
  PLANNING_TIME_BUDGET_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
  WEBHOOK_ALLOWLIST: Type.Optional(
    Type.String({
      maxLength: 10_000,
      description: 'comma-separated hosts, IPs or CIDR ranges webhooks may go to; unset: any public address, never loopback, private or link-local',
    }),
  ),
  METRICS: Type.Enum(['on', 'off'], { default: 'on', description: 'GET /metrics (Prometheus)' }),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 24, description: 'when set, GET /metrics needs Authorization: Bearer <METRICS_TOKEN>; unset, it is open like /healthz' })),
  TRACING: Type.Enum(['on', 'off'], { default: 'off', description: 'OpenTelemetry spans around planning, queries and queue work; the SDK is loaded only when on' }),
  TRACING_EXPORTER: Type.Enum(['otlp', 'console'], {
    default: 'otlp',
    description: 'otlp: OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318); console: stdout',
  }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
});
export type Config = Static<typeof Env>;

export class ConfigError extends Error {}

/** TRUST_PROXY as Fastify's trustProxy option: true, a list of addresses, or false. */
export function trustProxyOf(config: Config): boolean | string[] {
  const v = config.TRUST_PROXY?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function corsOriginsOf(config: Config): string[] {
  return (config.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Convert(Env, Value.Default(Env, raw));
  if (!Value.Check(Env, converted)) {
    const problems = new Set(Value.Errors(Env, converted).map((e) => `${e.instancePath.slice(1) || 'environment'}: ${e.message}`));
    throw new ConfigError(`Invalid configuration:\n  ${[...problems].join('\n  ')}`);
  }
  return converted;
}
