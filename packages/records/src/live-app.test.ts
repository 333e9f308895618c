import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'live',
  label: { en: 'Live' },
  objects: [{ id: 'note', label: { en: 'Note' }, fields: [{ id: 'title', type: 'text', label: { en: 'Title' } }] }],
};
const published = usePublishedApp(app);

describe('live app cache', () => {
  it('compiles a version once for a burst of requests, and picks up a publish from another process', async () => {
    const cache = createLiveAppCache(published.database.db, 0);
    const burst = await Promise.all(Array.from({ length: 20 }, () => cache.get('live')));
    expect(new Set(burst).size).toBe(1);
    expect((await cache.get('live')).validator).toBe(burst[0]!.validator);
    // Another process publishes: this cache has no invalidate call, only its recheck.
    const store = createMetadataStore(published.database.db);
    const { draftRevision } = await store.getApp('live');
    await store.saveDraft('live', { ...app, label: { en: 'Live 2' } }, draftRevision);
    await store.publish('live', { actor: null });
    expect((await cache.get('live')).version).toBe(2);
  });
});
