import { describe, expect, it } from 'vitest';
import { HostLimiter } from './host-limiter.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `n` tasks of `ms` each on a host and records when each started and how many ran at once. */
async function load(limiter: HostLimiter, url: string, n: number, ms: number, delayMs?: number) {
  const starts: number[] = [];
  let active = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      limiter.run(
        url,
        async () => {
          starts.push(Date.now());
          active++;
          most = Math.max(most, active);
          await sleep(ms);
          active--;
        },
        delayMs,
      ),
    ),
  );
  return { starts, most };
}

const gaps = (starts: number[]) => starts.slice(1).map((t, i) => t - (starts[i] as number));

describe('HostLimiter', () => {
  it('runs at most `concurrency` requests per host at a time', async () => {
    const limiter = new HostLimiter(2, 0);
    const t0 = Date.now();
    const { most } = await load(limiter, 'http://a.example/x', 6, 40);
    expect(most).toBe(2);
    // Six tasks of 40 ms, two at a time: at least three rounds.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
  });

  it('keeps hosts apart: a busy host does not hold back another one', async () => {
    const limiter = new HostLimiter(1, 0);
    let bStarted = 0;
    const t0 = Date.now();
    await Promise.all([
      load(limiter, 'http://a.example/x', 3, 60),
      limiter.run('http://b.example/y', async () => {
        bStarted = Date.now() - t0;
      }),
    ]);
    expect(bStarted).toBeLessThan(40);
  });

  it('leaves at least the politeness delay between two starts on the same host', async () => {
    const limiter = new HostLimiter(4, 60);
    const { starts, most } = await load(limiter, 'http://a.example/x', 5, 5);
    expect(starts).toHaveLength(5);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(55);
    // Short tasks and a long delay: they never overlap although four could.
    expect(most).toBe(1);
  });

  it('takes a per-request delay (a source configured slower or faster)', async () => {
    const limiter = new HostLimiter(4, 0);
    const slow = await load(limiter, 'http://c.example/x', 3, 1, 50);
    for (const gap of gaps(slow.starts)) expect(gap).toBeGreaterThanOrEqual(45);
    const t0 = Date.now();
    await load(new HostLimiter(4, 500), 'http://d.example/x', 3, 1, 0);
    expect(Date.now() - t0).toBeLessThan(200);
  });

  it('frees the slot when a request fails', async () => {
    const limiter = new HostLimiter(1, 0);
    await expect(
      limiter.run('http://e.example/x', async () => {
        throw new Error('kaputt');
      }),
    ).rejects.toThrow('kaputt');
    expect(await limiter.run('http://e.example/x', async () => 'weiter')).toBe('weiter');
  });
});
