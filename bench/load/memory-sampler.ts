import { readFileSync } from 'node:fs';
import { request } from 'undici';

export interface MemorySample {
  atSecond: number;
  rssMb: number;
  /** V8's used heap, from the server's own /metrics (prom-client's process metrics); null when that answer did not come in time. */
  heapMb: number | null;
}

/** VmRSS of a process, from /proc: what the operating system has given it, whatever V8 thinks. */
function residentMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

async function heapUsedMb(base: string, token: string): Promise<number | null> {
  const response = await request(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.body.text();
  const bytes = /^tessera_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1];
  return bytes ? Number(bytes) / 1024 / 1024 : null;
}

/**
 * Samples the server's memory every `everyMs` until stopped. RSS is read from /proc at the tick
 * itself; the heap comes from the server, which a saturated server answers late, so a tick whose
 * previous heap request is still out records no heap rather than queueing behind it (a queue of
 * late samples would put old figures in later minutes).
 */
export function sampleMemory(server: { pid: number; base: string; metricsToken: string }, clock: () => number, everyMs: number) {
  const samples: MemorySample[] = [];
  let asking: Promise<void> | null = null;
  const take = () => {
    const sample: MemorySample = { atSecond: clock(), rssMb: residentMb(server.pid), heapMb: null };
    samples.push(sample);
    if (asking !== null) return;
    asking = heapUsedMb(server.base, server.metricsToken)
      .then((mb) => {
        sample.heapMb = mb;
      })
      .catch(() => undefined)
      .finally(() => {
        asking = null;
      });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop: async () => {
      clearInterval(timer);
      await asking;
      return samples;
    },
  };
}
