/**
 * Serialised responses keyed by (who may see what, URL), valid for one generation of the data they
 * were built from (see infra/db/generations.ts). Bounded: the oldest entry goes first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { generation: number; body: string }>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, generation: number): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.generation !== generation) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.body;
  }

  set(key: string, generation: number, body: string): void {
    this.entries.delete(key);
    this.entries.set(key, { generation, body });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
