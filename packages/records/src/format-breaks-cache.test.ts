import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersionsSubscriber } from './data-versions';
import { fullAdmin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'fmtcache',
  label: { en: 'Format cache' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'code', type: 'text', label: { en: 'Credit code' } },
      ],
    },
  ],
};

const published = usePublishedApp(app);
let dispatcher: EventDispatcher;

/** The names the list gives for "credit code breaks the USCC format", as any viewer's list asks. */
const breaking = async () => {
  const page = await published.records.list('fmtcache', 'customer', fullAdmin, {
    filters: [{ field: 'code', op: 'breaks_format', value: 'cn-uscc' }],
    sort: [{ field: 'name' }],
  });
  return page.items.map((r) => r.name);
};
/** A value of its own (`n/a A`), written past the write path as a row from before the rule: no record event counts it. */
const spoil = (name: string) => sql`update app_fmtcache.customer set code = ${`n/a ${name}`} where name = ${name}`.execute(published.database.db);

beforeAll(async () => {
  // Drained only when the test says so: a change stays "not yet counted" until then.
  dispatcher = createEventDispatcher(published.database, { pollMs: 60_000 });
  await dispatcher.subscribe(dataVersionsSubscriber);
  await dispatcher.start();
  for (const [name, code] of [
    ['A good', '91350100M000100Y43'],
    ['B bad', '91350100M000100Y44'],
    ['C good', '91110000600037341L'],
  ])
    await published.records.create('fmtcache', 'customer', fullAdmin, { values: { name, code } });
  await dispatcher.drain();
});
afterAll(async () => dispatcher?.stop());

describe('breaks_format values, read once per data version', () => {
  it('serves the next pages from what it read, and reads again once a counted change moves the data version', async () => {
    expect(await breaking()).toEqual(['B bad']);
    await spoil('C good');
    // Nothing counted has changed: the values found for the first page still stand (no new scan).
    expect(await breaking()).toEqual(['B bad']);

    // A write through the records service, not yet counted: the list does not trust what it kept.
    await published.records.create('fmtcache', 'customer', fullAdmin, { values: { name: 'D new', code: '91350100M000100Y43' } });
    expect(await breaking()).toEqual(['B bad', 'C good']);

    // Counted: a new data version, a new scan, kept again.
    await dispatcher.drain();
    expect(await breaking()).toEqual(['B bad', 'C good']);
    await spoil('A good');
    expect(await breaking()).toEqual(['B bad', 'C good']);
    await published.records.create('fmtcache', 'customer', fullAdmin, { values: { name: 'E new' } });
    await dispatcher.drain();
    expect(await breaking()).toEqual(['A good', 'B bad', 'C good']);
  });
});
