import type { EvalRecord } from '@tessera/expr';
import type { FieldDefinition } from '@tessera/schemas';
import { api, useAuthStore, useRemote } from '@tessera/ui';
import { useMemo, useState } from 'react';

/**
 * The playground's state: the chosen app and object, its fields for the editor, and a sample
 * record read one at a time through the records API (cursor paging, so "previous" is a stack).
 */
export function useFormulaPlayground() {
  const me = useAuthStore((s) => s.me);
  const [appId, setAppId] = useState<string | null>(null);
  const [objectId, setObjectId] = useState<string | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [formula, setFormula] = useState('');

  const apps = useRemote('apps', (signal) => api.listApps(signal));
  const live = useRemote(appId, (signal) => api.liveApp(appId ?? '', signal));
  const objects = live.data?.document.objects ?? [];
  const object = objects.find((candidate) => candidate.id === objectId) ?? null;

  const cursor = cursors[cursors.length - 1] ?? null;
  const sampleKey = appId && object ? `${appId}/${object.id}/${cursor ?? ''}` : null;
  const sample = useRemote(sampleKey, (signal) => api.queryRecords(appId ?? '', object?.id ?? '', { limit: 1, ...(cursor ? { cursor } : {}) }, signal));

  const fields: readonly FieldDefinition[] = useMemo(() => object?.fields ?? [], [object]);
  // Relations and child tables point at other objects of the same app.
  const relatedFields = useMemo(() => Object.fromEntries(objects.map((candidate) => [candidate.id, candidate.fields])), [objects]);
  const sampleRecord: EvalRecord | null = sample.data?.items[0] ?? null;
  const context = useMemo(() => ({ currentUser: me?.userId ?? null }), [me?.userId]);

  return {
    apps,
    live,
    objects,
    object,
    fields,
    relatedFields,
    formula,
    setFormula,
    context,
    appId,
    selectApp: (id: string) => {
      setAppId(id);
      setObjectId(null);
      setCursors([null]);
    },
    selectObject: (id: string) => {
      setObjectId(id);
      setCursors([null]);
    },
    sample,
    sampleRecord,
    sampleIndex: cursors.length,
    hasNext: Boolean(sample.data?.nextCursor),
    hasPrevious: cursors.length > 1,
    next: () => {
      const nextCursor = sample.data?.nextCursor;
      if (nextCursor) setCursors((stack) => [...stack, nextCursor]);
    },
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
  };
}
