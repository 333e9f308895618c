import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullAccess } from '@tessera/access';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatch, saveOutcome } from './import-batches';
import type { ImportPlan } from './import-plan';
import { ROWS_PER_CHUNK, runImport } from './run-import';
import { fileSource, type ImportFixture, publishImportApp } from './testing/crm-fixture';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-0000000000aa', departmentId: null });

/** Fails the `nth` statement that notes what a chunk wrote (after its rows, history and events), as a lost connection or a killed server would. */
class FailAt implements KyselyPlugin {
  seen = 0;
  constructor(private readonly nth: number) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'RawNode' && node.sqlFragments.join('?').includes('insert into import_batch_records')) {
      this.seen += 1;
      if (this.seen === this.nth) throw new Error('connection lost');
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

let fx: ImportFixture;
let path: string;
const rows = ROWS_PER_CHUNK * 2 + 10;
const plan: ImportPlan = {
  sheet: 1,
  headerRow: 1,
  columns: [
    { column: 0, field: 'name' },
    { column: 1, field: 'uscc' },
  ],
  dedup: { field: 'uscc', mode: 'update' },
  atomicity: 'valid',
};
const count = async () => Number((await sql<{ n: string }>`select count(*) as n from app_imp.customer`.execute(fx.db)).rows[0]!.n);

beforeAll(async () => {
  fx = await publishImportApp();
  path = join(await mkdtemp(join(tmpdir(), 'tessera-crash-')), 'big.csv');
  const lines = ['客户名称,统一社会信用代码'];
  for (let i = 0; i < rows; i += 1) lines.push(`公司${i},CODE${String(i).padStart(8, '0')}`);
  await writeFile(path, lines.join('\n'));
});
afterAll(async () => fx?.database.drop());

describe('an import cut off half-way', () => {
  it('leaves nothing behind, and run again imports every row exactly once', async () => {
    const batchId = await createBatch(fx.db, {
      appId: 'imp',
      objectId: 'customer',
      fileId: crypto.randomUUID(),
      fileName: 'big.csv',
      kind: 'csv',
      createdBy: null,
    });
    // The second chunk fails after its rows, history and events — and the whole first chunk — went in.
    const failing = fx.db.withPlugin(new FailAt(2));
    const broken = createRecordService(failing, createLiveAppCache(failing));
    await expect(
      runImport(
        { db: failing, records: broken, liveApps: fx.liveApps },
        { appId: 'imp', objectId: 'customer', access: admin },
        { source: fileSource(path), kind: 'csv' },
        plan,
        {
          dryRun: false,
          batchId,
          onCommit: (outcome, tx) => saveOutcome(tx, batchId, plan, outcome, false),
        },
      ),
    ).rejects.toThrow('connection lost');
    expect(await count()).toBe(0);
    const history = await sql<{ n: string }>`select count(*) as n from record_history where app_id = 'imp'`.execute(fx.db);
    expect(Number(history.rows[0]!.n)).toBe(0);
    expect((await fx.db.selectFrom('import_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow()).status).toBe('uploaded');

    // The job runs again (its lease ran out): every row once, and the batch done in the same commit.
    const outcome = await runImport(fx, { appId: 'imp', objectId: 'customer', access: admin }, { source: fileSource(path), kind: 'csv' }, plan, {
      dryRun: false,
      batchId,
      onCommit: (done, tx) => saveOutcome(tx, batchId, plan, done, false),
    });
    expect(outcome.counts).toMatchObject({ rows, created: rows, refused: 0 });
    expect(await count()).toBe(rows);
    const records = await fx.db
      .selectFrom('import_batch_records')
      .select(sql<string>`count(*)`.as('n'))
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();
    expect(Number(records.n)).toBe(rows);
    expect((await fx.db.selectFrom('import_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow()).status).toBe('done');
  });
});
