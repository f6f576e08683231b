import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { repoPath } from '../src/paths.js';

/** Where the types of the API live: the typed client's, the CLI's and the dashboard's. */
export const API_TYPES = repoPath('src', 'client', 'api-types.ts');

/** TypeScript types of the OpenAPI document (openapi-typescript), for clients such as openapi-fetch. */
export async function renderOpenApiTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as never, { alphabetize: true });
  return `// Generated from openapi/openapi.json by openapi-typescript (\`npm run openapi\`, and \`npm run build\`). Do not edit.\n${astToString(ast)}`;
}

/** The types of the committed openapi/openapi.json. */
export async function typesOfCommittedDocument(): Promise<string> {
  return renderOpenApiTypes(JSON.parse(await readFile(repoPath('openapi', 'openapi.json'), 'utf8')) as Record<string, unknown>);
}

// Run by `npm run build`: the types from the committed document, before tsc compiles what uses them.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(API_TYPES, await typesOfCommittedDocument());
  console.log('wrote src/client/api-types.ts from openapi/openapi.json');
}
