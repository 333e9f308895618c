import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import { searchField } from '../objects/list-columns';
import { type RelationOption, relationLabel, useRelationName } from './use-relation-name';

export type { RelationOption } from './use-relation-name';

const LIMIT = 20;
const SEARCH_DELAY_MS = 250;

interface RelationSearchOptions {
  /** The value the select holds now. */
  value: string | null;
  /**
   * The related record whose name the caller knows (the loaded record's `_display`, a child-table
   * line named by the grid). It joins the results on every render, not once at mount: the form store
   * gets its values after the select's first render, and a grid's names arrive after its lines.
   */
  named: RelationOption | null;
  /** Whether to fetch the name of a value nobody named (false where the caller names every value itself). */
  fetchName: boolean;
  /** The text for a value whose record the user may not see. */
  unavailableLabel: string;
}

/**
 * Options for a relation picker, searched on the server (`contains` on the target's display
 * field, 20 at a time): a customer table can hold a million rows, so it is never loaded whole.
 * The current value always has its option, so the select never shows a bare uuid: named by the
 * caller, remembered from an earlier search, or fetched (useRelationName).
 */
export function useRelationSearch(appId: string, target: ObjectDefinition | null, { value, named, fetchName, unavailableLabel }: RelationSearchOptions) {
  const [found, setFound] = useState<RelationOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const request = useRef<AbortController | null>(null);
  // Every name a search has shown: a pick keeps its name after a later search that does not find it.
  const seen = useRef(new Map<string, string>());
  const displayField = target ? (searchField(target)?.id ?? null) : null;

  useEffect(() => {
    if (!target || text === null) return;
    const timer = window.setTimeout(
      () => {
        request.current?.abort();
        const controller = new AbortController();
        request.current = controller;
        setLoading(true);
        const query = text.trim();
        api
          .queryRecords(
            appId,
            target.id,
            {
              filters: displayField && query ? [{ field: displayField, op: 'contains', value: query }] : [],
              sort: displayField ? [{ field: displayField, direction: 'asc' }] : [],
              limit: LIMIT,
            },
            controller.signal,
          )
          .then(
            (page) => {
              const options = page.items.map((r) => ({ value: r.id, label: relationLabel(r, displayField) }));
              for (const option of options) seen.current.set(option.value, option.label);
              setFound(options);
              setLoading(false);
            },
            (error: unknown) => {
              if (!isAbort(error)) setLoading(false);
            },
          );
      },
      text === '' ? 0 : SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [appId, target, displayField, text]);

  useEffect(() => () => request.current?.abort(), []);

  const namedLabel = named && named.value === value ? named.label : undefined;
  const seenLabel = value ? seen.current.get(value) : undefined;
  const fetched = useRelationName(appId, target, displayField, value, !fetchName || namedLabel !== undefined || seenLabel !== undefined);
  const fetchedLabel = fetched && fetched.value === value ? (fetched.label ?? unavailableLabel) : undefined;
  const currentLabel = namedLabel ?? seenLabel ?? fetchedLabel;

  const options = useMemo(
    () => (value && currentLabel !== undefined && !found.some((o) => o.value === value) ? [{ value, label: currentLabel }, ...found] : found),
    [found, value, currentLabel],
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
