// The baseline: Fastify with nothing but one route that returns a fixed JSON document, run as
// plain JavaScript so its start-up costs no TypeScript loader either.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, bodyFile] = process.argv.slice(2);
const body = bodyFile ? JSON.parse(readFileSync(bodyFile, 'utf8')) : { ok: true };
const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/list', async () => body);
await app.listen({ port: Number(port), host: '127.0.0.1' });
