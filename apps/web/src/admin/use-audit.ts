import { type AuditFilter, type AuditLine, useRemote } from '@tessera/ui';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { adminApi } from '../api/admin-client';

/** How many lines one query shows; narrowing the filters is the way to older ones. */
export const AUDIT_LIMIT = 200;

export interface AuditFilterValues {
  actorId?: string | undefined;
  appId?: string | undefined;
  objectId?: string | undefined;
  action?: string | undefined;
  range?: [Dayjs | null, Dayjs | null] | null | undefined;
}

export function toAuditFilter(values: AuditFilterValues): AuditFilter {
  const [from, to] = values.range ?? [null, null];
  const text = (value: string | undefined) => value?.trim() || undefined;
  const filter: AuditFilter = { limit: AUDIT_LIMIT };
  if (values.actorId) filter.actorId = values.actorId;
  if (values.appId) filter.appId = values.appId;
  const objectId = text(values.objectId);
  if (objectId) filter.objectId = objectId;
  const action = text(values.action);
  if (action) filter.action = action;
  if (from) filter.from = from.toISOString();
  if (to) filter.to = to.toISOString();
  return filter;
}

/** The audit query: applied filters are the request key, so a new search cancels the last one. */
export function useAudit() {
  const [filter, setFilter] = useState<AuditFilter>({ limit: AUDIT_LIMIT });
  const lines = useRemote<AuditLine[]>(JSON.stringify(filter), async (signal) => {
    const found = await adminApi.audit(filter, signal);
    // Newest first whatever order the server chose.
    return [...found].sort((a, b) => b.at.localeCompare(a.at));
  });
  return { lines, apply: (values: AuditFilterValues) => setFilter(toAuditFilter(values)) };
}
