import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/domain/plan.js';
import { importPlannable } from '../../src/importers/index.js';
import { importSeedResources } from '../../src/importers/seed-resources.js';
import { repoPath } from '../../src/paths.js';
import { ARTIFACT_NAMES, ARTIFACT_SCHEMAS } from '../../src/schemas/artifacts/index.js';
import { exampleInput } from '../support/fixtures.js';

type Schema = { enum?: unknown[]; const?: unknown; anyOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema; patternProperties?: Record<string, Schema> };

/** A value the schema fixes to a closed set (an enumeration or a literal): not prose about the project. */
const enumerated = (schema: Schema | undefined, value: string): boolean =>
  !!schema && ((schema.enum?.includes(value) ?? false) || schema.const === value || (schema.anyOf ?? []).some((s) => enumerated(s, value)));

const child = (schema: Schema | undefined, key: string | number): Schema | undefined => {
  if (!schema) return undefined;
  const members = [schema, ...(schema.anyOf ?? [])];
  for (const s of members) {
    const next = typeof key === 'number' ? s.items : (s.properties?.[key] ?? Object.values(s.patternProperties ?? {})[0]);
    if (next) return next;
  }
  return undefined;
};

/** Strings over 25 characters of an artifact, leaving out values its schema enumerates; object keys are field names, not text. */
function longStrings(value: unknown, schema: Schema | undefined, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length > 25 && !enumerated(schema, value)) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v, i) => longStrings(v, child(schema, i), out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) longStrings(v, child(schema, k), out);
  return out;
}

/** The upstream analysis of examples/import, imported with the seed-shaped teams, as `waveplan import` does. */
function upstreamInput() {
  const seed = importSeedResources(JSON.parse(readFileSync(repoPath('examples', 'import', 'seed-teams.json'), 'utf8')))!;
  const text = readFileSync(repoPath('examples', 'import', 'upstream-analysis.json'), 'utf8');
  return importPlannable('dependency-graph', text, {
    startDate: '2027-01-04',
    teams: seed.teams!,
    infrastructure: seed.infrastructure!,
    resourceConstraints: seed.resourceConstraints!,
  }).input;
}

describe('same text for every project', () => {
  it('under 20 % of the long strings of each artifact are word for word the same for the example and an imported upstream analysis', () => {
    const a = planProject(exampleInput(), { planningDate: '2026-12-01' }).artifacts;
    const b = planProject(upstreamInput(), { planningDate: '2026-12-01' }).artifacts;
    const shares: { name: string; share: number; same: string[] }[] = [];
    for (const name of ARTIFACT_NAMES) {
      const schema = ARTIFACT_SCHEMAS[name] as Schema;
      const mine = longStrings(a[name], schema);
      const theirs = new Set(longStrings(b[name], schema));
      const same = mine.filter((s) => theirs.has(s));
      const share = (100 * same.length) / Math.max(1, mine.length);
      console.log(`${name}: ${same.length} of ${mine.length} long strings the same (${share.toFixed(1)} %)`);
      expect(mine.length, name).toBeGreaterThan(0);
      shares.push({ name, share, same });
    }
    for (const { name, share, same } of shares) expect(share, `${name}: ${[...new Set(same)].slice(0, 12).join(' | ')}`).toBeLessThan(20);
  });

  it('the measure has teeth: an artifact compared with itself is 100 % the same', () => {
    const a = planProject(exampleInput({ iterations: 50, monteCarloIterations: 50 })).artifacts['monitoring-config.json'];
    const strings = longStrings(a, ARTIFACT_SCHEMAS['monitoring-config.json'] as Schema);
    expect(strings.length).toBeGreaterThan(10);
    // Enumerated endpoint literals are left out, the prose is kept.
    expect(strings).not.toContain('POST /plans/{id}/replan');
    expect(strings.some((s) => s.includes('P80'))).toBe(true);
  });
});
