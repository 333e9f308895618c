import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import type { RecordData } from '../api/types';
import { useCurrentAppStore } from '../stores/current-app-store';
import { fileRefs } from './file-values';
import type { FileSource } from './use-file-upload';

/**
 * The object a field belongs to. Fields are handed around as the document's own objects, so
 * identity finds it; an id match is the fallback only when it is unambiguous.
 */
export function objectOfField(objects: readonly ObjectDefinition[], field: FieldDefinition): string | null {
  const own = objects.find((o) => o.fields.includes(field));
  if (own) return own.id;
  const byId = objects.filter((o) => o.fields.some((f) => f.id === field.id && f.type === field.type));
  return byId.length === 1 ? byId[0]!.id : null;
}

/** Where a record's files of this field are downloaded from (see recordFileUrl). */
export function fileSource(appId: string, objects: readonly ObjectDefinition[], field: FieldDefinition, record: RecordData | null): FileSource {
  return {
    appId,
    objectId: objectOfField(objects, field),
    recordId: record?.id ?? null,
    savedIds: new Set(fileRefs(record?.[field.id]).map((f) => f.id)),
  };
}

/** The same for a cell, which knows only its record: the app comes from the current app store. */
export function useCellFileSource(field: FieldDefinition, record: RecordData): FileSource | null {
  const appId = useCurrentAppStore((s) => s.appId);
  const objects = useCurrentAppStore((s) => s.document?.objects);
  return useMemo(() => (appId && objects ? fileSource(appId, objects, field, record) : null), [appId, objects, field, record]);
}
