import type { ObjectDefinition } from '@tessera/schemas';
import { api } from '../api/client';
import { useRemote } from '../api/use-remote';
import { searchField } from '../objects/list-columns';

/** Labels already read, so a chip shown again (another view, a re-render) asks no second time. */
const known = new Map<string, string>();

/**
 * The display text of a related record named in a filter ("Customer is Acme Ltd"): a saved
 * filter holds only the id, so it is read once through the records API, with the user's access.
 */
export function useRelationLabel(appId: string, target: ObjectDefinition | null, id: string | null): string | null {
  const cacheKey = target && id ? `${appId}/${target.id}/${id}` : null;
  const cached = cacheKey ? known.get(cacheKey) : undefined;
  const remote = useRemote(cacheKey && cached === undefined ? cacheKey : null, async (signal) => {
    if (!target || !id) return '';
    const record = await api.getRecord(appId, target.id, id, signal);
    const display = searchField(target);
    const value = display ? record[display.id] : null;
    const label = typeof value === 'string' && value !== '' ? value : id;
    known.set(`${appId}/${target.id}/${id}`, label);
    return label;
  });
  return cached ?? (remote.status === 'ready' ? remote.data : null);
}
