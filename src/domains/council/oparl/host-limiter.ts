/**
 * Keeps us a polite client: at most `concurrency` requests per host at a time and at least
 * `delayMs` between the starts of two requests to the same host (a caller may ask for a longer
 * or shorter delay per request, e.g. the one configured for its source).
 */
export class HostLimiter {
  private readonly hosts = new Map<
    string,
    { active: number; lastStart: number; nextSlot: number; waiting: (() => void)[] }
  >();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  async run<T>(url: string, fn: () => Promise<T>, delayMs = this.delayMs): Promise<T> {
    const host = new URL(url).host;
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: 0, nextSlot: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    while (state.active >= this.concurrency) {
      await new Promise<void>((resolve) => state!.waiting.push(resolve));
    }
    state.active++;
    try {
      // Reserve the next start slot, then wait for it; a timer may fire late, so the spacing is
      // checked again against the actual start of the request before.
      const slot = Math.max(Date.now(), state.nextSlot);
      state.nextSlot = slot + delayMs;
      for (;;) {
        const wait = Math.max(slot, state.lastStart + delayMs) - Date.now();
        if (wait <= 0) break;
        await new Promise((r) => setTimeout(r, wait));
      }
      state.lastStart = Date.now();
      state.nextSlot = Math.max(state.nextSlot, state.lastStart + delayMs);
      return await fn();
    } finally {
      state.active--;
      state.waiting.shift()?.();
    }
  }
}
