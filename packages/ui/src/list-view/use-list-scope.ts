import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import type { ObjectAccess, RecordAction } from '../api/types';
import { cellFields, columnFields, isSortable, searchField } from '../objects/list-columns';
import { useObjectAccess, useRollupFields } from '../stores/current-app-store';
import { filterableFields } from './filter-fields';
import type { ListViewScope } from './view-state';

/** System columns a list may be ordered by. */
const SORTABLE_SYSTEM = ['created_at', 'updated_at'];

export interface ListScope extends ListViewScope {
  access: ObjectAccess;
  rollups: readonly string[];
  /** Where the quick search looks; null when there is no such field or it is hidden from the user. */
  searchField: FieldDefinition | null;
  can: (action: RecordAction) => boolean;
}

/**
 * What this user's list of this object can show and do, from the published object and their
 * access (GET …/live): the columns, filters and sort keys offered, and the actions allowed.
 */
export function useListScope(object: ObjectDefinition): ListScope {
  const access = useObjectAccess(object.id);
  const rollups = useRollupFields(object.id);
  return useMemo(() => {
    const hidden = new Set(access.hiddenFields);
    const search = searchField(object);
    const sortable = object.fields.filter((f) => !hidden.has(f.id) && isSortable(f, rollups)).map((f) => f.id);
    return {
      access,
      rollups,
      filterable: filterableFields(object, access, rollups),
      cellFields: cellFields(object, hidden),
      defaultColumns: columnFields(object, hidden).map((f) => f.id),
      sortable: new Set([...sortable, ...SORTABLE_SYSTEM]),
      searchField: search && !hidden.has(search.id) ? search : null,
      can: (action: RecordAction) => access.actions.includes(action),
    };
  }, [object, access, rollups]);
}
