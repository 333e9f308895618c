import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullAccess } from '@tessera/access';
import { subscriberProgress } from '@tessera/events';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });
const consumer = fileURLToPath(new URL('./testing/event-consumer.ts', import.meta.url));
const app: AppDocument = {
  id: 'crash',
  label: { en: 'Crash' },
  objects: [
    {
      id: 'item',
      label: { en: 'Item' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'n', type: 'number', label: { en: 'N' } },
      ],
    },
  ],
};

const published = usePublishedApp(app);
const folder = mkdtempSync(join(tmpdir(), 'tessera-crash-'));
const attempts = join(folder, 'attempts.log');
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Starts a consumer process and resolves once its dispatcher runs. */
function startConsumer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', consumer, published.database.url, attempts], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('error', reject);
  });
}

const attemptLines = () =>
  readFileSync(attempts, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, ids] = line.split(' ');
      return { pid: Number(pid), ids: ids!.split(',') };
    });

describe('record events across killed processes', () => {
  it('are delivered exactly once, in order per record, by two consumer processes killed with SIGKILL mid-delivery and restarted', async () => {
    await sql`create table receipts (seq bigserial primary key, event_id bigint not null, record_id uuid, version integer, operation text)`.execute(
      published.database.db,
    );
    writeFileSync(attempts, '');
    await Promise.all([startConsumer(), startConsumer()]);

    const ids: string[] = [];
    let kills = 0;
    let seen = 0;
    // Writes through the records API, while the consumers deliver; each batch a consumer starts is
    // logged before it commits, and the first few of those processes are killed right there.
    const writing = (async () => {
      // At least 240 changes, and on until the sixth kill: a kill needs a delivery under way.
      for (let i = 0; i < 240 || kills < 6; i += 1) {
        if (i % 3 === 0 || ids.length === 0) ids.push(String((await published.records.create('crash', 'item', admin, { values: { name: `i${i}`, n: i } })).id));
        else {
          const id = ids[ids.length - 1 - (i % Math.min(4, ids.length))]!;
          const current = await published.records.get('crash', 'item', admin, id);
          await published.records.update('crash', 'item', admin, id, { version: Number(current.version), values: { n: i } });
        }
      }
    })();
    const killing = (async () => {
      while (kills < 6) {
        const lines = attemptLines();
        const fresh = lines.slice(seen);
        seen = lines.length;
        const victim = [...children].find((c) => fresh.some((l) => l.pid === c.pid));
        if (victim) {
          victim.kill('SIGKILL');
          kills += 1;
          await startConsumer();
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all([writing, killing]);

    // Let the survivors catch up.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const progress = (await subscriberProgress(published.database.db)).find((p) => p.name === 'crash.receipts');
      const pending = Number(
        (await sql<{ n: string }>`select count(*) as n from record_events where position is null`.execute(published.database.db)).rows[0]!.n,
      );
      if (progress && progress.behind === 0 && pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const child of children) child.kill('SIGKILL');

    const db = published.database.db;
    const {
      rows: [counts],
    } = await sql<{ history: string; receipts: string; distinct_events: string; missing: string }>`select
        (select count(*) from record_history where app_id = 'crash') as history,
        (select count(*) from receipts) as receipts,
        (select count(distinct event_id) from receipts) as distinct_events,
        (select count(*) from record_history h where app_id = 'crash' and not exists (
          select 1 from receipts r where r.record_id = h.record_id and r.version = h.record_version)) as missing`.execute(db);
    expect(kills).toBe(6);
    expect(Number(counts!.history)).toBeGreaterThanOrEqual(240);
    expect(Number(counts!.missing)).toBe(0);
    expect(Number(counts!.receipts)).toBe(Number(counts!.history));
    expect(Number(counts!.distinct_events)).toBe(Number(counts!.history));
    const {
      rows: [order],
    } = await sql<{ n: string }>`select count(*) as n from (
        select version, lag(version) over (partition by record_id order by seq) as before from receipts) r
      where before is not null and version <= before`.execute(db);
    expect(Number(order!.n)).toBe(0);
    // Some batches were attempted and cut off before their commit, then delivered again.
    const attemptedIds = attemptLines().flatMap((l) => l.ids);
    expect(attemptedIds.length).toBeGreaterThan(new Set(attemptedIds).size);
  }, 120_000);
});
