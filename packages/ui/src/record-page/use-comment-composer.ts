import type { KeyboardEvent } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { useUserSearch } from '../widgets/use-user-search';
import { useUserNamesStore } from '../widgets/user-names';
import { userLabel } from '../widgets/user-options';
import { commentHtml } from './comment-format';

/**
 * The comment being written: plain text (sent as escaped HTML), the people to mention found by
 * the directory's server-side search, and Send — also Ctrl+Enter / ⌘+Enter from the text.
 */
export function useCommentComposer(post: (body: string, mentions: readonly string[]) => Promise<boolean>) {
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const search = useUserSearch(null);
  const users = useUserNamesStore((s) => s.users);

  // Picked people stay among the options while the next search runs, so their tags keep a name.
  const options = useMemo(() => {
    const found = new Set(search.options.map((o) => o.value));
    const picked = mentions.flatMap((id) => {
      const user = users[id];
      return user && !found.has(id) ? [{ value: id, label: userLabel(user) }] : [];
    });
    return [...picked, ...search.options];
  }, [search.options, mentions, users]);

  const canSend = text.trim() !== '' && !sending;

  const send = useCallback(async () => {
    if (text.trim() === '' || sending) return;
    setSending(true);
    const sent = await post(commentHtml(text), mentions);
    setSending(false);
    if (sent) {
      setText('');
      setMentions([]);
    }
  }, [text, mentions, sending, post]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void send();
      }
    },
    [send],
  );

  return {
    text,
    setText,
    mentions,
    setMentions,
    options,
    searching: search.loading,
    typed: search.typed,
    searchPeople: search.search,
    sending,
    canSend,
    send,
    onKeyDown,
  };
}
