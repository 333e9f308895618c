import { useEffect, useMemo, useRef, useState } from 'react';
import { isAbort } from '../api/http';
import { useUserName } from './use-user-name';
import { useUserNamesStore } from './user-names';
import { userOptions } from './user-options';
import { type DirectoryUser, widgetApi } from './widget-api';

const SEARCH_DELAY_MS = 250;

/**
 * Server-side search of the address book for a user picker: only what was typed is asked for,
 * 20 at a time, so a company of 50,000 people is never loaded into the browser. The current
 * value's label comes from the shared `?ids=` lookup.
 */
export function useUserSearch(value: string | null) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<DirectoryUser[]>([]);
  const [loading, setLoading] = useState(false);
  const pending = useRef<AbortController | null>(null);
  const selected = useUserName(value);

  useEffect(() => {
    const query = text.trim();
    if (query === '') return;
    const timer = window.setTimeout(() => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      setLoading(true);
      widgetApi.searchUsers(query, controller.signal).then(
        (users) => {
          // What was found is known by id from now on: a pick needs no second lookup.
          useUserNamesStore.getState().remember(users, []);
          setFound(users);
          setLoading(false);
        },
        (error: unknown) => {
          if (!isAbort(error)) setLoading(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => () => pending.current?.abort(), []);

  const options = useMemo(() => userOptions(text.trim() === '' ? [] : found, selected), [found, selected, text]);
  return { options, loading, search: setText, typed: text.trim() !== '' };
}
