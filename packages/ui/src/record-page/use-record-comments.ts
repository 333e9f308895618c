import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
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

/** A comment with what the panel shows around its body: names, a relative time, whether it is mine. */
export interface CommentView extends RecordComment {
  authorName: string;
  when: string;
  mentionNames: { id: string; name: string }[];
  mine: boolean;
}

/**
 * A record's comments, oldest first as the server lists them, with author and mention names from
 * the shared directory lookup (one batched `?ids=` call for the whole list), posting and deleting.
 * After a post the list is read again: the server sanitizes the body, and only its version is shown.
 */
export function useRecordComments(appId: string, objectId: string, recordId: string) {
  const t = useT();
  const { message } = App.useApp();
  const locale = useSessionStore((s) => s.locale);
  const myId = useAuthStore((s) => s.me?.userId ?? null);
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
    requestUserNames(state.comments.flatMap((c) => [c.authorId, ...c.mentions]));
  }, [state.comments]);

  const comments = useMemo<CommentView[]>(() => {
    const name = (id: string) => users[id]?.name ?? t('recordPage.user', { id: id.slice(0, 8) });
    return state.comments.map((c) => ({
      ...c,
      authorName: name(c.authorId),
      when: relativeTime(c.createdAt, now, locale),
      mentionNames: c.mentions.map((id) => ({ id, name: name(id) })),
      mine: c.authorId === myId,
    }));
  }, [state.comments, users, now, locale, myId, t]);

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

  const remove = useCallback(
    async (commentId: string) => {
      setRemoving(commentId);
      try {
        await commentsApi.remove(appId, objectId, recordId, commentId);
        setState((s) => ({ ...s, comments: s.comments.filter((c) => c.id !== commentId) }));
      } catch (error) {
        void message.error(errorMessage(error, t));
      } finally {
        setRemoving(null);
      }
    },
    [appId, objectId, recordId, message, t],
  );

  return { status: state.status, error: state.error, comments, removing, reload, add, remove };
}
