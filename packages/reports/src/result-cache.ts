/** The rows one report statement returned (shaped per widget afterwards: shaping is cheap, the statement is not). */
export type StatementRows = readonly Record<string, unknown>[];

/**
 * Finished report statements' rows, least recently used first out. A key holds everything a result depends
 * on — the app version, the compiled statement with its parameters (the normalized spec, the
 * resolved period, the viewer's row scope as values), the viewer's access fingerprint and the
 * data version of each object read — so an entry is never stale and never reaches a viewer
 * with other rights. No key (a policy without a fingerprint, changes not yet counted): no caching.
 */
export class ResultCache<T = StatementRows> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 1000) {}

  get(key: string | null): T | undefined {
    if (key === null) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string | null, result: T): void {
    if (key === null) return;
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
