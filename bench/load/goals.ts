/**
 * L1's goals (issue 17, "Load and soak"; docs/benchmarks.md): no 5xx and no unexpected answer at
 * all; every kind of request answered within a p99 a person does not notice as waiting (longer
 * for the downloads and the dashboard, which show a spinner); and memory that does not grow
 * between the second window of the run and the last (the first is warm-up: code compiled,
 * caches filled).
 */
export const GOALS = {
  errorRate: 0,
  p99Ms: 500,
  /** Kinds that compute over many rows and show progress while they do. */
  slowP99Ms: 2000,
  slowKinds: ['export.csv', 'dashboard.data', 'report.query'] as readonly string[],
  /** Growth of the server's resident memory, second window to last, as a share of the second's. */
  rssGrowthShare: 0.05,
};

export function p99Goal(kind: string): number {
  return GOALS.slowKinds.includes(kind) ? GOALS.slowP99Ms : GOALS.p99Ms;
}
