import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import { ApiError } from '../api/problem';
import { useT } from '../i18n/use-t';
import { useAuthStore } from '../stores/auth-store';
import { useSessionStore } from '../stores/session-store';
import { requestUserNames, useUserNamesStore } from '../widgets/user-names';
import { relativeTime } from './comment-format';
import { commentsApi, type RecordComment } from './comments-api';

/** Relative times are re-worded once a minute; finer would only re-render for "now". */
const CLOCK_TICK_MS = 60_000;

type ListState =
  | { status: 'loading'; comments: RecordComment[]; error: null }
  | { status: 'ready'; comments: RecordComment[]; error: null }
  | { status: 'failed'; comments: RecordComment[]; error: unknown };

/** A comment with what the panel shows around its body: names, times, what I may do with it. */
export interface CommentView extends RecordComment {
  authorName: string;
  when: string;
  /** The full date and time written, and of the last edit, for their tooltips. */
  writtenAt: string;
  editedAtText: string | null;
  mentionNames: { id: string; name: string }[];
  /** Only the author rewrites a comment (the server refuses anyone else). */
  editable: boolean;
  /** The author or an administrator removes it. */
  removable: boolean;
}

/** How an edit ended: saved; refused because the comment changed meanwhile (with its latest version); or another failure, already shown. */
export type EditOutcome = { kind: 'saved' } | { kind: 'conflict'; message: string; latest: RecordComment | null } | { kind: 'failed' };

/**
 * A record's comments, oldest first as the server lists them, with author and mention names from
 * the shared directory lookup (one batched `?ids=` call for the whole list), posting, editing and deleting.
 * After a post the list is read again: the server sanitizes the body, and only its version is shown.
 */
export function useRecordComments(appId: string, objectId: string, recordId: string) {
  const t = useT();
  const { message } = App.useApp();
  const locale = useSessionStore((s) => s.locale);
  const myId = useAuthStore((s) => s.me?.userId ?? null);
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const users = useUserNamesStore((s) => s.users);
  const [state, setState] = useState<ListState>({ status: 'loading', comments: [], error: null });
  const [attempt, setAttempt] = useState(0);
  const [removing, setRemoving] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const controller = new AbortController();
    // A re-read after a post keeps the list on screen; only the first load shows the skeleton.
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', comments: [], error: null }));
    commentsApi.list(appId, objectId, recordId, controller.signal).then(
      (comments) => {
        setState({ status: 'ready', comments, error: null });
        setNow(Date.now());
      },
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', comments: [], error });
      },
    );
    return () => controller.abort();
  }, [appId, objectId, recordId, attempt]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    requestUserNames(state.comments.flatMap((c) => [...(c.authorId ? [c.authorId] : []), ...c.mentions]));
  }, [state.comments]);

  const comments = useMemo<CommentView[]>(() => {
    const name = (id: string | null) => (id ? (users[id]?.name ?? t('recordPage.user', { id: id.slice(0, 8) })) : '?');
    const fullTime = (at: string) => new Date(at).toLocaleString(locale);
    return state.comments.map((c) => {
      const mine = c.authorId !== null && c.authorId === myId;
      return {
        ...c,
        authorName: name(c.authorId),
        when: relativeTime(c.createdAt, now, locale),
        writtenAt: fullTime(c.createdAt),
        editedAtText: c.editedAt ? fullTime(c.editedAt) : null,
        mentionNames: c.mentions.map((id) => ({ id, name: name(id) })),
        editable: mine && !c.deleted,
        removable: (mine || isAdmin) && !c.deleted,
      };
    });
  }, [state.comments, users, now, locale, myId, isAdmin, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** Posts and re-reads; resolves false (the error already shown) so the composer keeps the text. */
  const add = useCallback(
    async (body: string, mentions: readonly string[]): Promise<boolean> => {
      try {
        await commentsApi.add(appId, objectId, recordId, body, mentions);
        reload();
        return true;
      } catch (error) {
        void message.error(errorMessage(error, t));
        return false;
      }
    },
    [appId, objectId, recordId, reload, message, t],
  );

  /**
   * Saves an edit from the version the author started at. The new text shows at once and the
   * list is then re-read for the server's sanitized copy; a conflict re-reads the list too and
   * answers the latest version, so the editor can show it beside the author's unsaved text.
   */
  const save = useCallback(
    async (commentId: string, body: string, mentions: readonly string[], version: number): Promise<EditOutcome> => {
      try {
        const saved = await commentsApi.edit(appId, objectId, recordId, commentId, { body, mentions, version });
        const editedAt = new Date().toISOString();
        setState((s) => ({
          ...s,
          comments: s.comments.map((c) => (c.id === commentId ? { ...c, body, mentions: [...mentions], version: saved.version, editedAt } : c)),
        }));
        reload();
        return { kind: 'saved' };
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) {
          void message.error(errorMessage(error, t));
          return { kind: 'failed' };
        }
        const latest = await commentsApi.list(appId, objectId, recordId).catch(() => null);
        if (latest) setState({ status: 'ready', comments: latest, error: null });
        return { kind: 'conflict', message: errorMessage(error, t), latest: latest?.find((c) => c.id === commentId) ?? null };
      }
    },
    [appId, objectId, recordId, reload, message, t],
  );

  const remove = useCallback(
    async (commentId: string) => {
      setRemoving(commentId);
      try {
        await commentsApi.remove(appId, objectId, recordId, commentId);
        // Stays in the thread as a placeholder, as the server lists it from now on.
        setState((s) => ({ ...s, comments: s.comments.map((c) => (c.id === commentId ? { ...c, body: '', mentions: [], deleted: true } : c)) }));
      } catch (error) {
        void message.error(errorMessage(error, t));
      } finally {
        setRemoving(null);
      }
    },
    [appId, objectId, recordId, message, t],
  );

  return { status: state.status, error: state.error, comments, removing, reload, add, save, remove };
}
