import type { RecordFilter } from '../api/types';

/**
 * Filters another page hands to an object's list — a dashboard's drill-down opening "the list
 * with the same filters" — taken once by the list when it opens, as unsaved changes on top of
 * its first view. Kept in memory only: a reload shows the list as the user left it.
 */
const handed = new Map<string, RecordFilter[]>();
const keyOf = (appId: string, objectId: string) => `${appId}\u0000${objectId}`;

export function handOffFilters(appId: string, objectId: string, filters: RecordFilter[]): void {
  handed.set(keyOf(appId, objectId), filters);
}

/** What was handed to this list, if anything; read while the list's state starts (pure, as React may start it twice). */
export function handedFilters(appId: string, objectId: string): RecordFilter[] | null {
  return handed.get(keyOf(appId, objectId)) ?? null;
}

/** Forgets the handed filters once the list has shown them: going back to the list later shows it as the user left it. */
export function clearHandedFilters(appId: string, objectId: string): void {
  handed.delete(keyOf(appId, objectId));
}
