/**
 * Keeps us a polite client: at most `concurrency` requests per host at a time and at least
 * `delayMs` between the starts of two requests to the same host.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; lastStart: number; waiting: (() => void)[] }>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    while (state.active >= this.concurrency) {
      await new Promise<void>((resolve) => state!.waiting.push(resolve));
    }
    state.active++;
    try {
      const wait = state.lastStart + this.delayMs - Date.now();
      state.lastStart = Math.max(Date.now(), state.lastStart + this.delayMs);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return await fn();
    } finally {
      state.active--;
      state.waiting.shift()?.();
    }
  }
}
