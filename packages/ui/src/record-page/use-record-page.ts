import { chosenForm } from '@tessera/forms/form-choice';
import type { ObjectDefinition } from '@tessera/schemas';
import { App, Grid } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { useMyRoleIds } from '../stores/auth-store';
import { useAppDocument } from '../stores/document-source';
import { useRouteStore } from '../stores/route-store';
import { buildLayout } from './form-layout';
import { pickKeyFacts } from './key-facts';
import { relatedLists } from './related-lists';

type LoadState =
  | { status: 'loading'; record: null; error: null }
  | { status: 'ready'; record: RecordData; error: null }
  | { status: 'failed'; record: null; error: unknown };

/**
 * Which drawer is open over the page: editing this record (as an approver of `approval`, with
 * their step's field permissions, when given), or a new record of a related list.
 */
export type PageDrawer = { kind: 'edit'; approval?: string } | { kind: 'related'; listId: string } | null;

/**
 * Everything the record page shows and does: the record (re-read after a related record is added,
 * because rollups such as a visit count are computed by the server on read), what the live form
 * and document say to show, the drawers, and delete.
 */
export function useRecordPage(appId: string, object: ObjectDefinition, recordId: string) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useRouteStore((s) => s.navigate);
  const document = useAppDocument();
  const isPhone = Grid.useBreakpoint().md === false;
  const [state, setState] = useState<LoadState>({ status: 'loading', record: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [drawer, setDrawer] = useState<PageDrawer>(null);
  /** Bumped when a related record is added, so that list re-reads its first page. */
  const [relatedRevision, setRelatedRevision] = useState(0);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    // A refresh keeps the record on screen; only the first load (or a retry) shows the skeleton.
    setState((s) => (s.status === 'ready' && s.record.id === recordId ? s : { status: 'loading', record: null, error: null }));
    api.getRecord(appId, object.id, recordId, controller.signal).then(
      (record) => setState({ status: 'ready', record, error: null }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', record: null, error });
      },
    );
    return () => controller.abort();
  }, [appId, object.id, recordId, attempt]);

  const roleIds = useMyRoleIds(appId);
  const layout = useMemo(() => buildLayout(object, document ? chosenForm(document, object.id, roleIds) : null), [object, document, roleIds]);
  const facts = useMemo(() => pickKeyFacts(object), [object]);
  const lists = useMemo(() => relatedLists(object, document?.objects ?? []), [object, document]);
  const backToList = useCallback(() => navigate({ name: 'app', appId, objectId: object.id }), [navigate, appId, object.id]);

  const remove = useCallback(async () => {
    setDeleting(true);
    try {
      await api.deleteRecord(appId, object.id, recordId);
      void message.success(t('record.deleted'));
      navigate({ name: 'app', appId, objectId: object.id }, { replace: true });
    } catch (error) {
      void message.error(errorMessage(error, t));
      setDeleting(false);
    }
  }, [appId, object.id, recordId, message, t, navigate]);

  return {
    ...state,
    layout,
    facts,
    lists,
    isPhone,
    drawer,
    deleting,
    relatedRevision,
    openEdit: useCallback(() => setDrawer({ kind: 'edit' }), []),
    openApprovalFill: useCallback((instanceId: string) => setDrawer({ kind: 'edit', approval: instanceId }), []),
    openRelatedCreate: useCallback((listId: string) => setDrawer({ kind: 'related', listId }), []),
    closeDrawer: useCallback(() => setDrawer(null), []),
    /** The drawer saved this record: show the server's answer at once (new version → new history). */
    saved: useCallback((record: RecordData) => setState({ status: 'ready', record, error: null }), []),
    /** A related record was added: that list and this record's rollups change. */
    relatedAdded: useCallback(() => {
      setRelatedRevision((n) => n + 1);
      setAttempt((n) => n + 1);
    }, []),
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    remove,
    backToList,
    openRecord: useCallback((objectId: string, id: string) => navigate({ name: 'record', appId, objectId, recordId: id }), [navigate, appId]),
  };
}
