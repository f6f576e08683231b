import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PlanInputError } from '../../domain/errors.js';
import { AppError, fromPlanInputError, UnprocessableError } from '../../errors.js';
import { ImportError, type ImportOptions } from '../../importers/index.js';
import { inProcessImporter, type Importer } from '../../service/importer.js';
import { errors } from '../schemas/common.js';
import { ImportQuery, ImportResponse } from '../schemas/imports.js';

const TEXT_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/json',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'application/xml',
  'text/xml',
  'application/x-ndjson',
  'application/jsonl',
  'application/octet-stream',
];

/** POST /imports: another tool's file in the body, the plan input it maps to out. Writes nothing. */
export const importRoutes: FastifyPluginAsyncTypebox<{ importer?: Importer }> = async (app, { importer = inProcessImporter }) => {
  // The importers read text themselves (and locate their errors in it), so this scope takes every body as text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/imports',
    {
      schema: {
        tags: ['plans'],
        operationId: 'importPlanInput',
        summary: 'Map a dependency graph, task-master tasks.json, CSV, PSPLIB, MS Project XML or beads issues.jsonl file to a plan input (POST it to /plans to plan it)',
        description: `Send the file as the body with its own content type (${TEXT_TYPES.join(', ')}). Nothing is stored.`,
        querystring: ImportQuery,
        body: { content: Object.fromEntries(TEXT_TYPES.map((t) => [t, { schema: Type.String({ minLength: 1, description: 'The file, as text.' }) }])) },
        response: { 200: ImportResponse, ...errors(400, 413, 415, 422) },
      },
    },
    async (request) => {
      const q = request.query;
      const text = request.body as string; // every body of this scope is parsed as text
      const csvBody = /^text\/(csv|tab-separated-values)\b/.test(request.headers['content-type'] ?? '');
      const options: ImportOptions = {
        ...(q.startDate !== undefined ? { startDate: q.startDate } : {}),
        ...(q.name !== undefined ? { name: q.name } : {}),
        ...(q.fileName !== undefined ? { fileName: q.fileName } : {}),
        ...(q.tag !== undefined ? { tag: q.tag } : {}),
        ...(q.teamSize !== undefined ? { teamSize: q.teamSize } : {}),
        ...(q.defaultDuration !== undefined ? { defaultDuration: q.defaultDuration } : {}),
        ...(q.includeDone ? { includeDone: true } : {}),
        ...(q.level !== undefined ? { level: q.level } : {}),
        ...(q.inferSkills ? { inferSkills: true } : {}),
        ...(q.relaxSoftDependencies ? { relaxSoftDependencies: true } : {}),
      };
      try {
        const result = await importer(q.format ?? (csvBody ? 'csv' : undefined), q.fileName ?? '', text, options);
        return { format: result.format, input: result.input, notes: result.notes, ...(result.keys ? { unusedKeys: result.keys.unused } : {}) };
      } catch (err) {
        if (err instanceof ImportError) {
          throw new AppError(
            422,
            'import_failed',
            `${err.message}${
              err.issues.length > 1
                ? `: ${err.issues
                    .slice(0, 3)
                    .map((i) => `${i.path} ${i.message}`)
                    .join('; ')}`
                : ''
            }`,
            err.issues.map((i) => ({ in: 'body' as const, path: i.path, message: i.message })),
          );
        }
        if (err instanceof PlanInputError) {
          throw new UnprocessableError('import_impossible_plan', `the file maps to a plan the planner refuses: ${err.message}`, fromPlanInputError(err).details);
        }
        throw err;
      }
    },
  );
};
