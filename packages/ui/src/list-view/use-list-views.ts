import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordFilter, RecordSort, SavedView } from '../api/types';
import type { ViewChoice } from '../views/view-choice';
import { type LinkProblem, readLinkedFilters, showFiltersInAddress } from './list-link';
import {
  type ListViewOption,
  type ListViewScope,
  type ListViewState,
  presetViews,
  readRememberedView,
  rememberView,
  sameFilters,
  sameState,
  savedViewInput,
  savedViewOptions,
} from './view-state';

type SavedStatus = 'loading' | 'ready' | 'failed';

/**
 * The list's current view: the app designer's views and the user's own saved ones, which one
 * is chosen (remembered per object in this browser), and the changes made on top of it
 * (filters, sort, columns and their widths, the quick search, the board's card order) until they are saved or discarded. The filters shown are kept in the
 * page's address (`?f=`): a link — a publish review's rule breaks, a dashboard's drill-down, one
 * a colleague copied — opens the list with them, and a reload keeps them.
 */
export function useListViews(appId: string, object: ObjectDefinition, scope: ListViewScope, onLayout?: (layout: ViewChoice) => void) {
  const [saved, setSaved] = useState<SavedView[]>([]);
  const [status, setStatus] = useState<SavedStatus>('loading');
  // A link's filters, if the address carries any: shown on the chosen view, as unsaved changes.
  const [linked] = useState(() => readLinkedFilters(window.location.search, new Set(scope.filterable.map((f) => f.id))));
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(linked.problem);
  const [chosenKey, setChosenKey] = useState<string | null>(() => readRememberedView(appId, object.id));
  /** Changes on top of the chosen view; null while it shows as saved. */
  const [edits, setEdits] = useState<ListViewState | null>(null);
  /** The link's filters until the chosen view is known: they apply on top of it, unless it already has them (a reload). */
  const [pendingLink, setPendingLink] = useState<RecordFilter[] | null>(linked.filters);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.listViews(appId, object.id, controller.signal).then(
      (views) => {
        setSaved(views);
        setStatus('ready');
      },
      (error: unknown) => {
        if (!isAbort(error)) setStatus('failed');
      },
    );
    return () => controller.abort();
  }, [appId, object.id, attempt]);

  const presets = useMemo(() => presetViews(object, scope), [object, scope]);
  const mine = useMemo(() => savedViewOptions(saved, scope), [saved, scope]);
  const options = useMemo(() => [...presets, ...mine], [presets, mine]);

  // A remembered view of the user's own is only known once their views have loaded; until
  // then the list waits rather than flashing the default view's records first.
  const waiting = status === 'loading' && chosenKey !== null && chosenKey.startsWith('mine:');
  const current: ListViewOption = options.find((o) => o.key === chosenKey) ?? presets[0]!;
  const state = edits ?? current.state;

  useEffect(() => {
    if (waiting || pendingLink === null) return;
    if (!sameFilters(pendingLink, current.state.filters)) setEdits({ ...current.state, filters: pendingLink });
    setPendingLink(null);
  }, [waiting, pendingLink, current.state]);

  useEffect(() => {
    if (!waiting && pendingLink === null) showFiltersInAddress(state.filters, current.state.filters);
  }, [waiting, pendingLink, state.filters, current.state.filters]);

  /** The server refused the link's conditions (a value that no longer fits): back to the view, saying why. */
  const refuseLink = useCallback(() => {
    if (linked.filters === null || edits?.filters !== linked.filters) return;
    setEdits(null);
    setLinkProblem({ kind: 'refused' });
  }, [linked.filters, edits]);

  const choose = useCallback(
    (key: string) => {
      setChosenKey(key);
      setEdits(null);
      rememberView(appId, object.id, key);
      // A designer's view opens as it was designed: its board or calendar, by its field.
      const chosen = presets.find((p) => p.key === key);
      if (chosen?.kind === 'preset' && chosen.layout) onLayout?.(chosen.layout);
    },
    [appId, object.id, presets, onLayout],
  );

  const change = useCallback(
    (patch: Partial<ListViewState>) => {
      setEdits((before) => ({ ...(before ?? current.state), ...patch }));
    },
    [current.state],
  );

  const reloadSaved = useCallback(async () => {
    setSaved(await api.listViews(appId, object.id));
    setStatus('ready');
  }, [appId, object.id]);

  /** Saves what the list shows under a new name (the same name replaces that view) and switches to it. */
  const saveAs = useCallback(
    async (name: string) => {
      const { id } = await api.createView(appId, object.id, savedViewInput(name, state));
      await reloadSaved();
      choose(`mine:${id}`);
    },
    [appId, object.id, state, reloadSaved, choose],
  );

  /** Stores the changes into the chosen view of the user's own. */
  const save = useCallback(async () => {
    if (current.kind !== 'mine') return;
    await api.updateView(appId, object.id, current.savedId, savedViewInput(current.name, state));
    await reloadSaved();
    setEdits(null);
  }, [appId, object.id, current, state, reloadSaved]);

  const rename = useCallback(
    async (name: string) => {
      if (current.kind !== 'mine') return;
      await api.updateView(appId, object.id, current.savedId, savedViewInput(name, current.state));
      await reloadSaved();
    },
    [appId, object.id, current, reloadSaved],
  );

  const remove = useCallback(async () => {
    if (current.kind !== 'mine') return;
    await api.deleteView(appId, object.id, current.savedId);
    await reloadSaved();
    choose(presets[0]!.key);
  }, [appId, object.id, current, presets, reloadSaved, choose]);

  return {
    presets,
    mine,
    current,
    state,
    /** The list may be queried: the chosen view is known. */
    ready: !waiting && pendingLink === null,
    /** Why the address's filters are not shown, until the user closes the message. */
    linkProblem,
    dismissLinkProblem: useCallback(() => setLinkProblem(null), []),
    refuseLink,
    savedStatus: status,
    retrySaved: useCallback(() => {
      setStatus('loading');
      setAttempt((n) => n + 1);
    }, []),
    modified: edits !== null && !sameState(edits, current.state),
    choose,
    setFilters: useCallback((filters: RecordFilter[]) => change({ filters }), [change]),
    setSort: useCallback((sort: RecordSort[]) => change({ sort }), [change]),
    setColumns: useCallback((columns: string[]) => change({ columns }), [change]),
    setSearch: useCallback((search: string) => change({ search }), [change]),
    setCardOrder: useCallback((cardOrder: RecordSort | null) => change({ cardOrder }), [change]),
    setColumnWidth: useCallback(
      (fieldId: string, width: number) => change({ columnWidths: { ...(edits ?? current.state).columnWidths, [fieldId]: width } }),
      [change, edits, current.state],
    ),
    discard: useCallback(() => setEdits(null), []),
    save,
    saveAs,
    rename,
    remove,
  };
}
