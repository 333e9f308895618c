import { readFile } from 'node:fs/promises';
import { request } from 'undici';

export interface MemorySample {
  atSecond: number;
  rssMb: number;
  /** V8's used heap, from the server's own /metrics (prom-client's process metrics). */
  heapMb: number | null;
}

/** VmRSS of a process, from /proc: what the operating system has given it, whatever V8 thinks. */
async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

async function heapUsedMb(base: string, token: string): Promise<number | null> {
  const response = await request(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.body.text();
  const bytes = /^tessera_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1];
  return bytes ? Number(bytes) / 1024 / 1024 : null;
}

/** Samples the server's memory every `everyMs` until stopped; the samples are in order. */
export function sampleMemory(server: { pid: number; base: string; metricsToken: string }, clock: () => number, everyMs: number) {
  const samples: MemorySample[] = [];
  const take = async () => {
    const [rssMb, heapMb] = await Promise.all([residentMb(server.pid), heapUsedMb(server.base, server.metricsToken).catch(() => null)]);
    samples.push({ atSecond: clock(), rssMb, heapMb });
  };
  let pending = take();
  const timer = setInterval(() => {
    pending = pending.then(take, take);
  }, everyMs);
  return {
    samples,
    stop: async () => {
      clearInterval(timer);
      await pending.catch(() => undefined);
      await take();
      return samples;
    },
  };
}
