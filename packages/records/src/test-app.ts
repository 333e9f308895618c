import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { createLiveAppCache } from './live-app';
import { createRecordService, type RecordService } from './record-service';

/** Test-only: a database of its own with `document` created and published, and a record service over it. */
export async function publishTestApp(document: AppDocument): Promise<{ database: TestDatabase; records: RecordService }> {
  const database = await createTestDatabase();
  const store = createMetadataStore(database.db);
  await store.createApp(document);
  await store.publish(document.id, { actor: null });
  return { database, records: createRecordService(database.db, createLiveAppCache(database.db)) };
}
