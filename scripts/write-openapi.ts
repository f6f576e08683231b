import { mkdir, writeFile } from 'node:fs/promises';
import { generateOpenApi, renderOpenApi } from '../src/http/openapi.js';
import { repoPath } from '../src/paths.js';

await mkdir(repoPath('openapi'), { recursive: true });
await writeFile(repoPath('openapi', 'openapi.json'), renderOpenApi(await generateOpenApi()));
console.log('wrote openapi/openapi.json');
