import { formatTable, printKeys } from '../shared/report';
import { percentile } from '../shared/stats';
import { GOALS, p99Goal } from './goals';
import type { LoadResult } from './harness';
import type { MemorySample } from './memory-sampler';

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function inWindow(samples: MemorySample[], index: number, windowSeconds: number): MemorySample[] {
  return samples.filter((s) => Math.floor(s.atSecond / windowSeconds) === index);
}

/** RSS and heap growth: the median of the last window's samples less that of the second window's. */
export function memoryGrowth(result: LoadResult): { rssMb: number; heapMb: number; baselineRssMb: number } {
  const { windowSeconds } = result.options;
  const last = Math.max(...result.memory.map((s) => Math.floor(s.atSecond / windowSeconds)));
  // A sample taken after the deadline (the final one) belongs to the last window.
  const lastIndex = Math.min(last, result.windows.length - 1);
  const second = inWindow(result.memory, 1, windowSeconds);
  const final = result.memory.filter((s) => Math.floor(s.atSecond / windowSeconds) >= lastIndex);
  const heap = (list: MemorySample[]) => median(list.map((s) => s.heapMb ?? Number.NaN).filter(Number.isFinite));
  const baselineRssMb = median(second.map((s) => s.rssMb));
  return { rssMb: median(final.map((s) => s.rssMb)) - baselineRssMb, heapMb: heap(final) - heap(second), baselineRssMb };
}

export function totals(result: LoadResult): { requests: number; errors: number; expected: number } {
  return result.kinds.reduce((sum, k) => ({ requests: sum.requests + k.latency.n, errors: sum.errors + k.errors, expected: sum.expected + k.expected }), {
    requests: 0,
    errors: 0,
    expected: 0,
  });
}

/** The tables (per kind, per window) and the `L1.*` keys, in the style of the other benches. */
export function printLoadReport(result: LoadResult): void {
  const { windowSeconds } = result.options;
  console.log(
    `\nL1 load and soak: ${result.options.users} users (${Object.entries(result.personas)
      .map(([p, n]) => `${n} ${p}`)
      .join(', ')}), ${Math.round(result.seconds)} s, think time ~${result.options.thinkMs} ms, ${result.options.customers.toLocaleString('en')} customers`,
  );
  console.log(`load average ${result.loadAverage.start.toFixed(1)} at the start, ${result.loadAverage.end.toFixed(1)} at the end\n`);
  console.log(
    formatTable([
      ['kind', 'requests', 'errors', 'expected 4xx', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p99 goal'],
      ...result.kinds.map((k) => [k.kind, k.latency.n, k.errors, k.expected, k.latency.p50, k.latency.p95, k.latency.p99, k.latency.max, p99Goal(k.kind)]),
    ]),
  );
  console.log('');
  console.log(
    formatTable([
      [`window (${windowSeconds} s)`, 'requests', 'req/s', 'errors', 'p50 ms', 'p99 ms', 'RSS MB', 'RSS max MB', 'heap MB'],
      ...result.windows.map((w, i) => {
        const samples = inWindow(result.memory, i, windowSeconds);
        const heaps = samples.map((s) => s.heapMb ?? Number.NaN).filter(Number.isFinite);
        return [
          String(i + 1),
          w.requests,
          w.requests / windowSeconds,
          w.errors,
          w.latency.p50,
          w.latency.p99,
          samples.length ? median(samples.map((s) => s.rssMb)) : '-',
          samples.length ? Math.max(...samples.map((s) => s.rssMb)) : '-',
          heaps.length ? median(heaps) : '-',
        ];
      }),
    ]),
  );
  if (Object.keys(result.tallies).length)
    console.log(
      `\n${Object.entries(result.tallies)
        .map(([name, n]) => `${name}: ${n}`)
        .join('; ')}`,
    );
  const warnings = Object.entries(result.serverWarnings).sort((a, b) => b[1] - a[1]);
  for (const [message, n] of warnings.slice(0, 25)) console.log(`server warning ×${n}: ${message}`);
  for (const error of result.errorSamples) console.log(`error ${error.kind} at ${error.atSecond.toFixed(0)} s: ${error.status ?? 'network'} ${error.detail}`);
  if (result.serverExitCode !== 0) console.log(`the server exited with ${result.serverExitCode}:\n${result.serverOutput}`);

  const { requests, errors, expected } = totals(result);
  const growth = memoryGrowth(result);
  const worst = result.kinds.reduce((max, k) => Math.max(max, k.latency.p99 / p99Goal(k.kind)), 0);
  console.log('');
  printKeys({
    'L1.users': result.options.users,
    'L1.seconds': result.seconds,
    'L1.requests': requests,
    'L1.throughput_rps': requests / result.seconds,
    'L1.errors': errors,
    'L1.expected_4xx': expected,
    'L1.error_rate': errors / Math.max(requests, 1),
    ...Object.fromEntries(result.kinds.map((k) => [`L1.p99_ms.${k.kind}`, k.latency.p99])),
    'L1.p99.ratio': worst,
    'L1.rss_second_window_mb': growth.baselineRssMb,
    'L1.rss_growth_mb': growth.rssMb,
    'L1.heap_growth_mb': growth.heapMb,
    'L1.rss_growth.ratio': growth.rssMb / (GOALS.rssGrowthShare * growth.baselineRssMb),
    'L1.load_average_start': result.loadAverage.start,
    'L1.load_average_end': result.loadAverage.end,
  });
}
