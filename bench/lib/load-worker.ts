// A small autocannon-like load generator, run as its own process so it does not share an event
// loop with the server it measures: N keep-alive connections, each sending the next request as
// soon as the previous response has been read, for a fixed time. Prints one JSON line.
import http from 'node:http';

const [url, connectionsArg, durationArg, warmupArg] = process.argv.slice(2);
const connections = Number(connectionsArg ?? 10);
const durationMs = Number(durationArg ?? 10_000);
const warmupMs = Number(warmupArg ?? 2_000);
const target = new URL(url);
if (target.hostname !== '127.0.0.1') throw new Error('benchmarks only target 127.0.0.1');

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function once(): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const latencies: number[] = [];
let errors = 0;
let non2xx = 0;
let bytes = 0;
let measuring = false;
const start = performance.now();
const warmEnd = start + warmupMs;
const end = warmEnd + durationMs;

async function loop(): Promise<void> {
  while (performance.now() < end) {
    const t0 = performance.now();
    if (!measuring && t0 >= warmEnd) measuring = true;
    try {
      const r = await once();
      if (measuring) {
        latencies.push(performance.now() - t0);
        bytes += r.bytes;
        if (r.status < 200 || r.status >= 300) non2xx++;
      }
    } catch {
      if (measuring) errors++;
    }
  }
}

await Promise.all(Array.from({ length: connections }, loop));
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / (durationMs / 1000),
    p50: pct(50),
    p99: pct(99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
    non2xx,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
  })}\n`,
);
