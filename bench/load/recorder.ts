import { type Summary, summarize } from '../shared/stats';

/**
 * How a request ended: `ok` (the answer the step wanted), `expected` (a 4xx a real user meets
 * and the UI handles: a stale version after someone else's edit), `error` (any 5xx, a network
 * error, or a 4xx the step did not expect).
 */
export type Outcome = 'ok' | 'expected' | 'error';

export interface KindFigures {
  kind: string;
  latency: Summary;
  errors: number;
  expected: number;
}

export interface ErrorSample {
  kind: string;
  status: number | null;
  detail: string;
  atSecond: number;
}

/** Every request's kind, latency and outcome, also by window of the run (a minute in the real run). */
export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, number>();
  private readonly expectedCounts = new Map<string, number>();
  private readonly windows: Array<{ latencies: number[]; errors: number }> = [];
  readonly errorSamples: ErrorSample[] = [];
  /** Counts of things that are not requests: approvals taken, tasks another session took first. */
  readonly tallies = new Map<string, number>();
  private started = performance.now();

  constructor(private readonly windowSeconds: number) {}

  /** The run starts now: windows count from here (sign-ins before it are not part of the run). */
  begin(): void {
    this.started = performance.now();
  }

  secondsSinceStart(): number {
    return (performance.now() - this.started) / 1000;
  }

  record(kind: string, ms: number, outcome: Outcome, status: number | null, detail = ''): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    const at = this.secondsSinceStart();
    const index = Math.floor(at / this.windowSeconds);
    while (this.windows.length <= index) this.windows.push({ latencies: [], errors: 0 });
    this.windows[index]!.latencies.push(ms);
    if (outcome === 'expected') this.expectedCounts.set(kind, (this.expectedCounts.get(kind) ?? 0) + 1);
    if (outcome === 'error') {
      this.errorCounts.set(kind, (this.errorCounts.get(kind) ?? 0) + 1);
      this.windows[index]!.errors++;
      // The first few of each kind say what went wrong; the counts say how often.
      if (this.errorSamples.filter((e) => e.kind === kind).length < 5) this.errorSamples.push({ kind, status, detail: detail.slice(0, 500), atSecond: at });
    }
  }

  tally(name: string, n = 1): void {
    this.tallies.set(name, (this.tallies.get(name) ?? 0) + n);
  }

  kinds(): KindFigures[] {
    return [...this.latencies.keys()].sort().map((kind) => ({
      kind,
      latency: summarize(this.latencies.get(kind)!),
      errors: this.errorCounts.get(kind) ?? 0,
      expected: this.expectedCounts.get(kind) ?? 0,
    }));
  }

  /** Requests, errors and latency per window, in order. */
  byWindow(): Array<{ requests: number; errors: number; latency: Summary }> {
    return this.windows.map((w) => ({ requests: w.latencies.length, errors: w.errors, latency: summarize(w.latencies) }));
  }
}
