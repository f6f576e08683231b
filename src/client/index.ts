/**
 * The typed client of the Waveplan API: openapi-fetch over the types openapi-typescript
 * generates from openapi/openapi.json, so a call that does not match the API does not compile.
 * Imported as `waveplan/client`.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './api-types.js';

export type { components, operations, paths } from './api-types.js';
export type { Client } from 'openapi-fetch';

/** A schema of the API by its component name: `Schema<'Status'>`, `Schema<'Error'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** Every 4xx and 5xx answer: RFC 9457 problem details with the service's code and details[]. */
export type Problem = Schema<'Error'>;

export interface WaveplanClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** An API key (wp_…), sent as a Bearer token. */
  apiKey?: string;
}

/** A client of the service at baseUrl (any path prefix it is mounted under is kept). */
export function createWaveplanClient(baseUrl: string | URL, { apiKey, headers, ...options }: WaveplanClientOptions = {}): Client<paths> {
  return createClient<paths>({
    ...options,
    baseUrl: String(baseUrl).replace(/\/+$/, ''),
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...(headers as Record<string, string> | undefined) },
  });
}
