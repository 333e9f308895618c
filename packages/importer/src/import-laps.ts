/** The phases of an import run whose time is measured (see `ImportLaps`). */
export type ImportPhase = 'read' | 'values' | 'references' | 'dedup' | 'validate' | 'create' | 'update' | 'remember' | 'total';

/**
 * Milliseconds one import run spent in each phase, summed over its chunks: `read` is the wait
 * for the file's rows, `values` cells to values, `dedup` the lookup of keys, `validate` the
 * records' own validator, `create` / `update` the set-based writes with their history rows and
 * events, `remember` the undo bookkeeping, `total` the whole run up to saving its outcome (which
 * is written with the commit, after the laps). A chunk's read half runs while the chunk before is
 * written, so the phases add up to more than `total`. Kept with the batch's result, so a slow import says
 * where its time went (B2 prints them).
 */
export type ImportLaps = Partial<Record<ImportPhase, number>>;

export class LapTimer {
  private readonly ms: ImportLaps = {};

  add(phase: ImportPhase, ms: number): void {
    this.ms[phase] = (this.ms[phase] ?? 0) + ms;
  }

  /** The laps so far, in whole milliseconds. */
  laps(): ImportLaps {
    return Object.fromEntries(Object.entries(this.ms).map(([phase, ms]) => [phase, Math.round(ms)]));
  }

  async time<T>(phase: ImportPhase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  timeSync<T>(phase: ImportPhase, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }
}
