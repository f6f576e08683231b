import openapiTS, { astToString } from 'openapi-typescript';

/** TypeScript types of the OpenAPI document (openapi-typescript), for clients such as openapi-fetch. */
export async function renderOpenApiTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as never, { alphabetize: true });
  return `// Generated from openapi/openapi.json by \`npm run openapi\` (openapi-typescript). Do not edit.\n${astToString(ast)}`;
}
