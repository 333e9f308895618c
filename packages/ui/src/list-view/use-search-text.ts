import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * The text to query with for a quick search box holding `searchText` (the view's, so a saved view
 * keeps it): at once for the text a view opens with, after a pause while typing — one query per
 * pause, not one per key stroke. The list and the kanban board search the same way.
 */
export function useSearchQuery(searchText: string): string {
  const [search, setSearch] = useState(() => searchText.trim());
  useEffect(() => {
    if (searchText.trim() === search) return;
    const timer = window.setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText, search]);
  return search;
}
