import { mkdir, writeFile } from 'node:fs/promises';
import { generateOpenApi, renderOpenApi } from '../src/http/openapi.js';
import { repoPath } from '../src/paths.js';
import { API_TYPES, renderOpenApiTypes } from './openapi-types.js';

await mkdir(repoPath('openapi'), { recursive: true });
const doc = await generateOpenApi();
await writeFile(repoPath('openapi', 'openapi.json'), renderOpenApi(doc));
await writeFile(API_TYPES, await renderOpenApiTypes(doc));
console.log('wrote openapi/openapi.json and src/client/api-types.ts');
