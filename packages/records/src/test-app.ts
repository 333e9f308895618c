import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { afterAll, beforeAll } from 'vitest';
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

/** The built-in administrator's policy: sees and does everything. */
export const fullAdmin = fullAccess({ userId: null, departmentId: null });

/**
 * Test-only: registers the hooks of a test file that works on one published app — created before
 * the first test, dropped after the last. The returned object is filled in by `beforeAll`.
 */
export function usePublishedApp(document: AppDocument): { database: TestDatabase; records: RecordService } {
  const published = {} as { database: TestDatabase; records: RecordService };
  beforeAll(async () => {
    Object.assign(published, await publishTestApp(document));
  });
  afterAll(async () => published.database?.drop());
  return published;
}
