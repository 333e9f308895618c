import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, type MetadataStore } from './metadata-store';
import { mapField, salesApp } from './test-fixtures';

let database: TestDatabase;
let store: MetadataStore;
beforeAll(async () => {
  database = await createTestDatabase();
  store = createMetadataStore(database.db);
});
afterAll(async () => database?.drop());

async function saveDraft(document: ReturnType<typeof salesApp>) {
  const { draftRevision } = await store.getApp('preview');
  await store.saveDraft('preview', document, draftRevision);
}

const foundedAs = (type: 'number' | 'date') => mapField(salesApp('preview'), 'customer', 'founded', (f) => ({ ...f, type }));

async function foundedCounts() {
  const { rows } = await sql<{ filled: string; blank: string }>`select count(founded) as filled, count(*) - count(founded) as blank
    from app_preview.customer`.execute(database.db);
  return { filled: Number(rows[0]?.filled), blank: Number(rows[0]?.blank) };
}

describe('type change preview on PostgreSQL', () => {
  it('counts exactly what publishing the change does to the rows', async () => {
    await store.createApp(salesApp('preview'));
    await store.publish('preview', { actor: null });
    await sql`insert into app_preview.customer (name, founded) values
      ('A', '1999'), ('B', 'N/A'), ('C', ' 2001 '), ('D', '   '), ('E', null), ('F', '12 pcs'), ('G', 'N/A'), ('H', '7')`.execute(database.db);
    // One in the recycle bin: `alter column … using` converts it too, so it counts.
    await sql`update app_preview.customer set deleted_at = now() where name = 'H'`.execute(database.db);

    const panel = await store.previewFieldType('preview', 'customer', { id: 'founded', type: 'number' });
    expect(panel).toMatchObject({
      kind: 'convert',
      from: 'text',
      to: 'number',
      conversion: 'checked',
      rows: 8,
      converted: 3,
      blanked: 1,
      empty: 1,
      failing: 3,
    });
    expect(panel.kind === 'convert' && panel.examples.failing).toEqual(['N/A', '12 pcs']);
    expect(panel.kind === 'convert' && panel.examples.blanked).toEqual(['   ']);
    expect(panel.kind === 'convert' && panel.examples.converted).toContainEqual({ before: ' 2001 ', after: '2001' });

    await saveDraft(foundedAs('number'));
    const review = await store.diffDraft('preview');
    const { kind: _, ...counted } = panel;
    expect(review.typeChanges).toEqual([counted]);

    // Publish refuses for exactly the failing rows the preview counted…
    await expect(store.publish('preview', { actor: null })).rejects.toMatchObject({ code: 'meta.unsafe_type_change', params: { rows: 3 } });
    // …and once they are cleared, converts exactly as counted.
    await sql`update app_preview.customer set founded = null where name in ('B', 'F', 'G')`.execute(database.db);
    const cleared = (await store.diffDraft('preview')).typeChanges[0];
    expect(cleared).toMatchObject({ rows: 8, converted: 3, blanked: 1, empty: 4, failing: 0 });
    await store.publish('preview', { actor: null });
    expect(await foundedCounts()).toEqual({ filled: cleared?.converted, blank: (cleared?.blanked ?? 0) + (cleared?.empty ?? 0) });
  });

  it('says when nothing converts, and when a change cannot be made', async () => {
    expect(await store.previewFieldType('preview', 'customer', { id: 'founded', type: 'currency' })).toEqual({ kind: 'same' });
    expect(await store.previewFieldType('preview', 'customer', { id: 'founded', type: 'checkbox' })).toEqual({
      kind: 'unsupported',
      from: 'number',
      to: 'checkbox',
    });
    expect(await store.previewFieldType('preview', 'customer', { id: 'not_yet', type: 'number' })).toEqual({ kind: 'none' });
    const toText = await store.previewFieldType('preview', 'customer', { id: 'founded', type: 'text' });
    expect(toText).toMatchObject({ kind: 'convert', conversion: 'safe', converted: 3, failing: 0 });
  });
});
