import type { ObjectDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import type { RecordFilter } from '../api/types';
import { queryFilters } from '../list-view/filter-condition';
import { useListScope } from '../list-view/use-list-scope';
import { useListViews } from '../list-view/use-list-views';
import { useSearchQuery } from '../list-view/use-search-text';
import type { ViewChoice } from './view-choice';

/**
 * The conditions a board or calendar shows its records by, chosen as on the list: the list view
 * (a designer's view opens with its own filters), its filters and its quick search. `filters` is
 * null until the view is known, so nothing is fetched unfiltered first.
 */
export function useViewFilters(appId: string, object: ObjectDefinition, onLayout?: (layout: ViewChoice) => void) {
  const scope = useListScope(object);
  const views = useListViews(appId, object, scope, onLayout);
  // The view's search, as on the list: a saved view keeps it, and the page opens with it.
  const searchText = views.state.search;
  const search = { searchText, setSearchText: views.setSearch, search: useSearchQuery(searchText) };
  const applied = views.state.filters;
  const filters = useMemo(
    (): RecordFilter[] | null => (views.ready ? queryFilters(applied, scope.searchField?.id ?? null, search.search) : null),
    [views.ready, applied, scope.searchField, search.search],
  );
  return { scope, views, search, filters };
}
