import type { KeyboardEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useUserSearch } from '../widgets/use-user-search';
import { useUserNamesStore } from '../widgets/user-names';
import { userLabel } from '../widgets/user-options';
import { commentHtml } from './comment-format';

/** What the box starts with: empty for a new comment, the comment's own text and mentions for an edit. */
export interface ComposerStart {
  text: string;
  mentions: readonly string[];
}

const EMPTY: ComposerStart = { text: '', mentions: [] };

/**
 * The comment being written or rewritten: plain text (sent as escaped HTML), the people to
 * mention found by the directory's server-side search — from the picker, or typing `@` in the
 * text — and Send, also Ctrl+Enter / ⌘+Enter from the text.
 */
export function useCommentComposer(
  post: (body: string, mentions: readonly string[]) => Promise<boolean>,
  start: ComposerStart = EMPTY,
  /** Esc leaves the box (an edit's Cancel); the first Esc with the `@` list open only closes the list. */
  onEscape?: () => void,
) {
  const [text, setText] = useState(start.text);
  const [mentions, setMentions] = useState<string[]>(() => [...start.mentions]);
  const [sending, setSending] = useState(false);
  const search = useUserSearch(null);
  // Typing `@` searches the directory on its own, so the picker's list is not disturbed.
  const inline = useUserSearch(null);
  const users = useUserNamesStore((s) => s.users);
  // Whether the `@` list is open: the Mentions box closes it on Esc itself, after telling us the key.
  const picking = useRef(false);
  const searchInline = useCallback(
    (query: string) => {
      picking.current = true;
      inline.search(query);
    },
    [inline.search],
  );

  // Picked people stay among the options while the next search runs, so their tags keep a name.
  const options = useMemo(() => {
    const found = new Set(search.options.map((o) => o.value));
    const picked = mentions.flatMap((id) => {
      const user = users[id];
      return user && !found.has(id) ? [{ value: id, label: userLabel(user) }] : [];
    });
    return [...picked, ...search.options];
  }, [search.options, mentions, users]);

  // What `@` offers: the name goes into the text (with the e-mail when two found share it), the id to the mentions.
  const inlineOptions = useMemo(() => {
    const people = inline.options.map((o) => ({ id: o.value, name: users[o.value]?.name ?? o.label, label: o.label }));
    const shared = (name: string) => people.filter((p) => p.name === name).length > 1;
    return people.map((p) => ({ id: p.id, value: shared(p.name) ? p.label : p.name, label: p.label }));
  }, [inline.options, users]);

  /** A person picked after `@`: mentioned as if picked in the picker, so they are notified the same way. */
  const mentionInline = useCallback(
    (value: string | undefined) => {
      picking.current = false;
      const id = inlineOptions.find((o) => o.value === value)?.id;
      if (id) setMentions((before) => (before.includes(id) ? before : [...before, id]));
    },
    [inlineOptions],
  );

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
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void send();
      } else if (event.key === 'Escape' && onEscape) {
        if (picking.current) picking.current = false;
        else onEscape();
      }
    },
    [send, onEscape],
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
    inlineOptions,
    inlineSearching: inline.loading,
    searchInline,
    mentionInline,
    sending,
    canSend,
    send,
    onKeyDown,
  };
}
