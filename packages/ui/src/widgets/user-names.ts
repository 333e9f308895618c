import { create } from 'zustand';
import { type DirectoryUser, widgetApi } from './widget-api';

/** Ids per `?ids=` call: the route's own cap. */
const IDS_PER_CALL = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserNamesState {
  /** Known people by id; `null` when the directory does not know the id (deleted, or not a user). */
  users: Record<string, DirectoryUser | null>;
  remember: (users: readonly DirectoryUser[], asked: readonly string[]) => void;
}

/**
 * People already seen in this session, so a table page, the drawer and the picker share one
 * lookup: names rarely change, and a stale one corrects itself on the next sign-in.
 */
export const useUserNamesStore = create<UserNamesState>()((set, get) => ({
  users: {},
  remember: (users, asked) => {
    const next = { ...get().users };
    for (const id of asked) if (!(id in next)) next[id] = null;
    for (const user of users) next[user.id] = user;
    set({ users: next });
  },
}));

const queued = new Set<string>();
const inFlight = new Set<string>();
let scheduled = false;

async function flush(): Promise<void> {
  scheduled = false;
  const ids = [...queued];
  queued.clear();
  ids.forEach((id) => inFlight.add(id));
  for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
    const chunk = ids.slice(i, i + IDS_PER_CALL);
    try {
      useUserNamesStore.getState().remember(await widgetApi.usersByIds(chunk), chunk);
    } catch {
      // Names are decoration: a failed lookup leaves the cells empty and is retried on the next page.
    } finally {
      chunk.forEach((id) => inFlight.delete(id));
    }
  }
}

/**
 * Asks for the names of ids not yet known. Every cell of a table page calls this while
 * rendering; the calls of one render pass are gathered into one `?ids=` request.
 */
export function requestUserNames(ids: readonly string[]): void {
  const known = useUserNamesStore.getState().users;
  for (const id of ids) {
    if (UUID.test(id) && !(id in known) && !inFlight.has(id)) queued.add(id);
  }
  if (queued.size === 0 || scheduled) return;
  scheduled = true;
  // A macrotask, not a microtask: React renders a page's cells across several microtasks.
  setTimeout(() => void flush(), 0);
}
