import { type AccessPolicy, fullAccess } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { appSchemaName, SYSTEM_COLUMNS } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { APP_ID, customerApp, OBJECT_ID } from './customer-app';

/** One page request of the workload: whose pipeline, which stage, what the user typed. */
export interface PageCase {
  owner: string;
  stage: string;
  fragment: string;
}

export type PathName = 'admin' | 'rep' | 'baseline';
export type PagePath = (page: PageCase) => Promise<string[]>;

export const PAGE_SIZE = 50;

/** A sales rep's policy: everything on customers, own rows only (as in the records 'access seam' test). */
export function repPolicy(repId: string): AccessPolicy {
  return {
    actor: { userId: repId, departmentId: null },
    can: () => true,
    rowScope: (_object, table, eb) => eb(eb.ref(`${table}.owner_id`), '=', repId),
    hiddenFields: () => new Set(),
    readOnlyFields: () => new Set(),
  };
}

const admin = fullAccess({ userId: null, departmentId: null });
const sort = [{ field: 'created_at', direction: 'desc' as const }];

/** The same page through the record service: as an admin filtering on owner, and as the owner. */
export function servicePaths(records: RecordService, count = false): Record<'admin' | 'rep' | 'no_search', PagePath> {
  return {
    /** Growth reference: the same page without the name search, a pure walk of the view's index. */
    no_search: async (page) => {
      const filters = [
        { field: 'owner_id', op: 'eq' as const, value: page.owner },
        { field: 'stage', op: 'eq' as const, value: page.stage },
      ];
      const list = await records.list(APP_ID, OBJECT_ID, admin, { filters, sort, limit: PAGE_SIZE, count });
      return list.items.map((r) => String(r.id));
    },
    admin: async (page) => {
      const filters = [
        { field: 'owner_id', op: 'eq' as const, value: page.owner },
        { field: 'stage', op: 'eq' as const, value: page.stage },
        { field: 'name', op: 'contains' as const, value: page.fragment },
      ];
      const list = await records.list(APP_ID, OBJECT_ID, admin, { filters, sort, limit: PAGE_SIZE, count });
      return list.items.map((r) => String(r.id));
    },
    rep: async (page) => {
      const filters = [
        { field: 'stage', op: 'eq' as const, value: page.stage },
        { field: 'name', op: 'contains' as const, value: page.fragment },
      ];
      const list = await records.list(APP_ID, OBJECT_ID, repPolicy(page.owner), { filters, sort, limit: PAGE_SIZE, count });
      return list.items.map((r) => String(r.id));
    },
  };
}

/** The columns the record service selects: system columns, then every field with a column. */
export function pageColumns(): string[] {
  const object = customerApp().objects[0]!;
  return [...SYSTEM_COLUMNS, ...object.fields.map((f) => f.id)];
}

/** The hand-written page: the simplest SQL for it, through `pg` directly. */
export function baselineText(): string {
  return `select ${pageColumns().join(', ')} from ${appSchemaName(APP_ID)}.${OBJECT_ID}
    where deleted_at is null and owner_id = $1 and stage = $2 and name ilike $3
    order by created_at desc, id desc limit ${PAGE_SIZE + 1}`;
}

/** `%fragment%` with LIKE's wildcards escaped, as the record service does it. */
export const likePattern = (fragment: string) => `%${fragment.replace(/[\\%_]/g, '\\$&')}%`;

export function baselinePath(pool: pg.Pool): PagePath {
  const text = baselineText();
  return async (page) => {
    const { rows } = await pool.query<{ id: string }>(text, [page.owner, page.stage, likePattern(page.fragment)]);
    return rows.slice(0, PAGE_SIZE).map((r) => r.id);
  };
}

export function newRecordService(db: Kysely<SystemTables>): RecordService {
  return createRecordService(db, createLiveAppCache(db));
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement with its parameters, as text. */
export async function explainAnalyze(pool: pg.Pool, text: string, parameters: readonly unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, [...parameters]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
