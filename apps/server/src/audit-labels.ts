import type { AuditLine } from '@tessera/identity';
import type { LiveAppCache, RecordService } from '@tessera/records';
import type { LocalizedText } from '@tessera/schemas';
import type { FastifyRequest } from 'fastify';
import { policyFor } from './authentication';

export interface LabelledAuditLine extends AuditLine {
  /** The object's label from the app's live document; null when the app or object is gone. */
  objectLabel: LocalizedText | null;
  /** The record's title (display field) as the reader may read it; null when gone or not readable. */
  recordTitle: string | null;
}

/** Lines that name records of one object of one app. */
function byObject(lines: readonly AuditLine[]): Map<string, { appId: string; objectId: string; ids: Set<string> }> {
  const groups = new Map<string, { appId: string; objectId: string; ids: Set<string> }>();
  for (const line of lines) {
    if (!line.appId || !line.objectId) continue;
    const key = `${line.appId}/${line.objectId}`;
    const group = groups.get(key) ?? { appId: line.appId, objectId: line.objectId, ids: new Set<string>() };
    if (line.recordId) group.ids.add(line.recordId);
    groups.set(key, group);
  }
  return groups;
}

/**
 * What an audit line names, in words: the object's label and the record's title, read through
 * the records service with the reader's own access (a title the reader may not read stays
 * null), one query per object. An app deleted since leaves the ids as they are.
 */
export async function labelAuditLines(
  lines: readonly AuditLine[],
  request: FastifyRequest,
  records: RecordService,
  liveApps: LiveAppCache,
): Promise<LabelledAuditLine[]> {
  const labels = new Map<string, LocalizedText>();
  const titles = new Map<string, string>();
  for (const [key, group] of byObject(lines)) {
    const app = await liveApps.get(group.appId).catch(() => null);
    const object = app?.objects.get(group.objectId);
    if (!object) continue;
    labels.set(key, object.label);
    const display = object.displayField;
    if (!display || group.ids.size === 0) continue;
    const ids = [...group.ids].slice(0, 500);
    const found = await records
      .list(group.appId, group.objectId, policyFor(request, group.appId), { filters: [{ field: 'id', op: 'in', value: ids }], limit: ids.length, count: false })
      .catch(() => null);
    for (const item of found?.items ?? []) {
      const title = item[display];
      if (typeof title === 'string' && title !== '') titles.set(String(item.id), title);
    }
  }
  return lines.map((line) => {
    const key = `${line.appId}/${line.objectId}`;
    return { ...line, objectLabel: labels.get(key) ?? null, recordTitle: line.recordId ? (titles.get(line.recordId) ?? null) : null };
  });
}
