/**
 * Optional skills for items that name none, guessed from the source's task_type and the
 * extensions of the files they touch. Off by default; every guess is listed in the notes.
 */
import type { DraftPhase } from './assemble.js';
import type { KeyLedger } from './key-ledger.js';
import { at } from './source-values.js';
import type { GraphNode } from './upstream-graph.js';

const EXTENSIONS: Record<string, string> = {
  ts: 'TypeScript',
  tsx: 'TypeScript',
  js: 'JavaScript',
  jsx: 'JavaScript',
  mjs: 'JavaScript',
  py: 'Python',
  go: 'Go',
  rs: 'Rust',
  java: 'Java',
  kt: 'Kotlin',
  swift: 'Swift',
  rb: 'Ruby',
  php: 'PHP',
  cs: 'C#',
  sql: 'SQL',
  css: 'CSS',
  scss: 'CSS',
  tf: 'Terraform',
};

/** Fills the skills of drafts without any; returns one note per item filled. */
export function inferSkills(drafts: DraftPhase[], items: Map<string, { node: GraphNode }>, ledger: KeyLedger): string[] {
  const notes: string[] = [];
  for (const d of drafts) {
    if ((d.phase.skills ?? []).length > 0) continue;
    const node = items.get(d.phase.id)?.node;
    if (!node) continue;
    const skills: string[] = [];
    const why: string[] = [];
    if (node.taskType !== undefined) {
      skills.push(node.taskType);
      why.push(`task_type ${node.taskType}`);
      ledger.use(at(node.path, 'task_type'));
      ledger.use(at(node.path, 'node_type'));
    }
    for (const f of node.files) {
      const skill = EXTENSIONS[/\.([A-Za-z0-9]+)$/.exec(f)?.[1]?.toLowerCase() ?? ''];
      if (skill !== undefined && !skills.includes(skill)) {
        skills.push(skill);
        why.push(`${f}`);
      }
    }
    if (skills.length === 0) continue;
    d.phase.skills = skills;
    notes.push(`${d.phase.id} needs ${skills.join(', ')} (from ${why.join(', ')})`);
  }
  return notes;
}
