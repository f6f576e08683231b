/**
 * The bench's baseline: a bare Fastify server (no logger, no auth, no database) that answers the
 * bench's three requests with the bytes the service gave for them, from memory. Started by
 * bench/http.ts in its own process with the bodies' folder and the port as arguments.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, port] = process.argv.slice(2) as [string, string];
const body = (name: string) => readFileSync(path.join(dir, name));
const version = body('version.json');
const artifact = body('artifact.json');
const created = body('created.json');

const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
app.get('/plans/:id', async (_request, reply) => reply.type('application/json; charset=utf-8').send(version));
app.get('/plans/:id/artifacts/:name', async (_request, reply) => reply.type('application/json; charset=utf-8').send(artifact));
// The body is parsed as the service's is (JSON), then the same answer is sent.
app.post('/plans', async (_request, reply) => reply.code(201).type('application/json; charset=utf-8').send(created));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
