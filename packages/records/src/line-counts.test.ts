import { compilePolicy, fullAccess, type Principal } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { RecordError } from './record-error';
import { createRecordService, type RecordService } from './record-service';
import { usePublishedApp } from './test-app';

const ALICE: Principal = { userId: '00000000-0000-4000-8000-00000000000a', departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false };
const BOB: Principal = { ...ALICE, userId: '00000000-0000-4000-8000-00000000000b' };
const admin = fullAccess({ userId: null, departmentId: null });

/** Quotes with two child tables; a rep sees only their own quotes, an auditor every quote but not its lines. */
const app: AppDocument = {
  id: 'counts',
  label: { en: 'Counts' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'quote_line' },
        { id: 'terms', type: 'child_table', label: { en: 'Terms' }, target: 'quote_term' },
      ],
    },
    { id: 'quote_line', label: { en: 'Line' }, parent: 'quote', fields: [{ id: 'product', type: 'text', label: { en: 'Product' }, required: true }] },
    { id: 'quote_term', label: { en: 'Term' }, parent: 'quote', fields: [{ id: 'text', type: 'text', label: { en: 'Text' } }] },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'auditor', label: { en: 'Auditor' }, permissions: [{ object: 'quote', actions: ['read'], rows: 'all', hiddenFields: ['lines'] }] },
  ],
};

/** Every statement the record service sends, compiled to its SQL text. */
class StatementLog implements KyselyPlugin {
  private sent: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.sent.push({ node, queryId });
    return node;
  }
  clear(): void {
    this.sent = [];
  }
  statements(db: Kysely<unknown>): string[] {
    return this.sent.map(({ node, queryId }) => db.getExecutor().compileQuery(node, queryId).sql);
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ product: `P${i}` }));

describe('line counts in record lists', () => {
  const published = usePublishedApp(app);
  const log = new StatementLog();
  let records: RecordService;
  const counts = async (access = admin) => {
    const list = await records.list('counts', 'quote', access, { sort: [{ field: 'title' }], limit: 500 });
    return Object.fromEntries(list.items.map((item) => [item.title, item._lineCounts]));
  };

  beforeAll(async () => {
    records = createRecordService(published.database.db.withPlugin(log), createLiveAppCache(published.database.db));
    const rep = (p: Principal) => fullAccess(p);
    await records.create('counts', 'quote', rep(ALICE), { values: { title: 'A big', lines: lines(1000), terms: [{ text: 'Net 30' }] } });
    await records.create('counts', 'quote', rep(ALICE), { values: { title: 'B empty' } });
    await records.create('counts', 'quote', rep(BOB), { values: { title: 'C one', lines: lines(1) } });
    await records.create('counts', 'quote', rep(BOB), { values: { title: 'D terms only', lines: [], terms: [{ text: 'a' }, { text: 'b' }] } });
  });

  it('gives every listed quote the number of lines of each child table, zero included, without the lines', async () => {
    log.clear();
    const list = await records.list('counts', 'quote', admin, { sort: [{ field: 'title' }] });
    expect(list.items.map((item) => [item.title, item._lineCounts])).toEqual([
      ['A big', { lines: 1000, terms: 1 }],
      ['B empty', { lines: 0, terms: 0 }],
      ['C one', { lines: 1, terms: 0 }],
      ['D terms only', { lines: 0, terms: 2 }],
    ]);
    // No child rows travel with a list, and no alias column leaks into a record.
    for (const item of list.items) {
      expect(item).not.toHaveProperty('lines');
      expect(Object.keys(item).filter((key) => key.startsWith('_'))).toEqual(['_display', '_lineCounts']);
    }
    // The counts come with the page itself: only the page query names the child tables.
    const naming = log.statements(published.database.db as Kysely<unknown>).filter((text) => text.includes('quote_line') || text.includes('quote_term'));
    expect(naming).toHaveLength(1);
    expect(naming[0]).toMatch(/count\(\*\)[\s\S]*quote_line[\s\S]*count\(\*\)[\s\S]*quote_term[\s\S]*order by/);
  });

  it('follows the lines as they are written, and keeps counts through keyset paging', async () => {
    const c = (await records.list('counts', 'quote', admin, { filters: [{ field: 'title', op: 'eq', value: 'C one' }] })).items[0]!;
    await records.update('counts', 'quote', admin, String(c.id), { version: Number(c.version), values: { lines: lines(3) } });
    const first = await records.list('counts', 'quote', admin, { sort: [{ field: 'title' }], limit: 2 });
    const second = await records.list('counts', 'quote', admin, { sort: [{ field: 'title' }], limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((item) => item._lineCounts)).toEqual([
      { lines: 1000, terms: 1 },
      { lines: 0, terms: 0 },
      { lines: 3, terms: 0 },
      { lines: 0, terms: 2 },
    ]);
  });

  it('counts only within the rows and fields the actor may see', async () => {
    expect(await counts(compilePolicy(app, ALICE))).toEqual({ 'A big': { lines: 1000, terms: 1 }, 'B empty': { lines: 0, terms: 0 } });
    expect(await counts(compilePolicy(app, BOB))).toEqual({ 'C one': { lines: 3, terms: 0 }, 'D terms only': { lines: 0, terms: 2 } });
    // A hidden child table is not counted either: its size would tell what is hidden.
    const auditor = compilePolicy(app, { ...ALICE, roles: ['auditor'] });
    expect(await counts(auditor)).toEqual({ 'A big': { terms: 1 }, 'B empty': { terms: 0 }, 'C one': { terms: 0 }, 'D terms only': { terms: 2 } });
  });

  it('neither filters nor sorts by a child table', async () => {
    for (const query of [{ filters: [{ field: 'lines', op: 'gt' as const, value: 1 }] }, { sort: [{ field: 'lines' }] }]) {
      const error = await records.list('counts', 'quote', admin, query).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RecordError);
      expect((error as RecordError).issues.map((i) => i.code)).toEqual(['query.unknown_field']);
    }
  });
});
