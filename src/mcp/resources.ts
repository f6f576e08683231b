import { ARTIFACT_NAMES } from '../schemas/artifacts/index.js';
import type { ApiBackend } from './backend.js';

export interface ResourceTemplate {
  uriTemplate: string;
  name: string;
  description: string;
  mimeType: string;
}

/** What a plan offers to read: its five artifacts, its strategy document and its playbooks. */
export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    uriTemplate: 'waveplan://plans/{planId}/artifacts/{name}',
    name: 'artifact',
    description: `One of the five artifacts: ${ARTIFACT_NAMES.join(', ')}.`,
    mimeType: 'application/json',
  },
  {
    uriTemplate: 'waveplan://plans/{planId}/document',
    name: 'strategy document',
    description: 'The strategy document (Markdown, with a Mermaid Gantt chart).',
    mimeType: 'text/markdown',
  },
  { uriTemplate: 'waveplan://plans/{planId}/playbooks/{team}', name: 'team playbook', description: "One team's playbook (Markdown).", mimeType: 'text/markdown' },
  {
    uriTemplate: 'waveplan://plans/{planId}/agent-playbooks/{phaseId}',
    name: 'agent playbook',
    description: 'The brief for the agent working one phase: deliverables, owned and forbidden areas, branch, sync points, calls to report with (Markdown).',
    mimeType: 'text/markdown',
  },
];

const ROUTES: Array<{ pattern: RegExp; path: (m: RegExpMatchArray) => string; mimeType: string }> = [
  { pattern: /^waveplan:\/\/plans\/([^/]+)\/artifacts\/([^/]+)$/, path: (m) => `/plans/${m[1]}/artifacts/${m[2]}`, mimeType: 'application/json' },
  { pattern: /^waveplan:\/\/plans\/([^/]+)\/document$/, path: (m) => `/plans/${m[1]}/document`, mimeType: 'text/markdown' },
  { pattern: /^waveplan:\/\/plans\/([^/]+)\/playbooks\/([^/]+)$/, path: (m) => `/plans/${m[1]}/playbooks/${m[2]}`, mimeType: 'text/markdown' },
  { pattern: /^waveplan:\/\/plans\/([^/]+)\/agent-playbooks\/([^/]+)$/, path: (m) => `/plans/${m[1]}/agent-playbooks/${m[2]}?format=markdown`, mimeType: 'text/markdown' },
];

/** The REST path and type behind a resource URI, or undefined for a URI Waveplan does not serve. */
export function resourcePath(uri: string): { path: string; mimeType: string } | undefined {
  for (const r of ROUTES) {
    const m = uri.match(r.pattern);
    if (m && m.slice(1).every((part) => /^[A-Za-z0-9._:-]+$/.test(part))) return { path: r.path(m), mimeType: r.mimeType };
  }
  return undefined;
}

/** Concrete resources of the workspace's most recent plans: their artifacts and documents. */
export async function listResources(api: ApiBackend, plans = 10): Promise<Array<{ uri: string; name: string; mimeType: string }>> {
  const res = await api.request('GET', `/plans?limit=${plans}`);
  if (res.status >= 400) return [];
  const page = JSON.parse(res.text) as { items: Array<{ id: string; name: string }> };
  return page.items.flatMap((p) => [
    ...ARTIFACT_NAMES.map((a) => ({ uri: `waveplan://plans/${p.id}/artifacts/${a}`, name: `${p.name}: ${a}`, mimeType: 'application/json' })),
    { uri: `waveplan://plans/${p.id}/document`, name: `${p.name}: strategy document`, mimeType: 'text/markdown' },
  ]);
}
