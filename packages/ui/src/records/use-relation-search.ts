import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordData } from '../api/types';
import { searchField } from '../objects/list-columns';

const LIMIT = 20;
const SEARCH_DELAY_MS = 250;

export interface RelationOption {
  value: string;
  label: string;
}

function labelOf(record: RecordData, displayField: string | null): string {
  const value = displayField ? record[displayField] : undefined;
  return typeof value === 'string' && value !== '' ? value : record.id;
}

/**
 * Options for a relation picker, searched on the server (`contains` on the target's display
 * field, 20 at a time): a customer table can hold a million rows, so it is never loaded whole.
 * The caller's `named` record (the loaded record's `_display`) joins the results on every render,
 * not once at mount: the form store gets its values after the select's first render, and a
 * child table's names arrive after its lines, so either may come first. (antd's Select keeps the
 * label of an option once shown, so a pick keeps its name after a later search.)
 */
export function useRelationSearch(appId: string, target: ObjectDefinition | null, named: RelationOption | null) {
  const [found, setFound] = useState<RelationOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const request = useRef<AbortController | null>(null);
  const displayField = target ? searchField(target)?.id ?? null : null;

  useEffect(() => {
    if (!target || text === null) return;
    const timer = window.setTimeout(() => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setLoading(true);
      const query = text.trim();
      api
        .queryRecords(appId, target.id, {
          filters: displayField && query ? [{ field: displayField, op: 'contains', value: query }] : [],
          sort: displayField ? [{ field: displayField, direction: 'asc' }] : [],
          limit: LIMIT,
        }, controller.signal)
        .then(
          (page) => {
            setFound(page.items.map((r) => ({ value: r.id, label: labelOf(r, displayField) })));
            setLoading(false);
          },
          (error: unknown) => {
            if (!isAbort(error)) setLoading(false);
          },
        );
    }, text === '' ? 0 : SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [appId, target, displayField, text]);

  useEffect(() => () => request.current?.abort(), []);

  const namedValue = named?.value;
  const namedLabel = named?.label;
  const options = useMemo(
    () => (namedValue && namedLabel && !found.some((o) => o.value === namedValue)
      ? [{ value: namedValue, label: namedLabel }, ...found]
      : found),
    [found, namedValue, namedLabel],
  );

  return {
    options,
    loading,
    search: setText,
    /** The first open shows the first 20 records without typing. */
    onOpen: useCallback((open: boolean) => {
      if (open) setText((t) => t ?? '');
    }, []),
  };
}
