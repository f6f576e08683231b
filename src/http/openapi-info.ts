import { readFileSync } from 'node:fs';
import { repoPath } from '../paths.js';

const example = JSON.parse(readFileSync(repoPath('examples', 'web-product.json'), 'utf8')) as unknown;

export const openapiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Waveplan',
    version: '0.1.0',
    description:
      'Turns a dependency graph and team capacities into a parallel execution strategy (critical path, resource- and skill-aware schedule, waves, coordination, risks, monitoring), stored as immutable versions.',
    license: { name: 'UNLICENSED: private, no licence granted (package.json)' },
  },
  servers: [{ url: 'http://127.0.0.1:3000', description: 'A local instance (npm start); the dashboard and /docs use the origin they were served from.' }],
  tags: [
    { name: 'plans', description: 'Create plans and new versions of them' },
    { name: 'artifacts', description: 'The five JSON artifacts and the strategy document' },
    { name: 'tracking', description: 'Sessions, claims, progress events, status, alerts and re-planning while the work runs' },
    { name: 'admin', description: 'API keys' },
    { name: 'health', description: 'Liveness, readiness and Prometheus metrics' },
  ],
  components: {
    securitySchemes: {
      apiKey: { type: 'http' as const, scheme: 'bearer', description: 'An API key: Authorization: Bearer wp_…' },
      metricsToken: { type: 'http' as const, scheme: 'bearer', description: "The instance's METRICS_TOKEN, for GET /metrics when one is set" },
    },
  },
  security: [{ apiKey: [] }],
};

export const exampleInput = example;
