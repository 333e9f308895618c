import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * A quick search box's text as typed, and the text to query with once typing pauses: one query
 * after a pause, not one per key stroke. The list and the kanban board search the same way.
 */
export function useSearchText() {
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);
  return { searchText, setSearchText, search };
}
