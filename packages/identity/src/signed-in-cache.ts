import type { Database } from '@tessera/db';
import { loadCredential, type SignedInUser } from './principal';

/** Triggers on the directory's tables NOTIFY this channel when a commit changes who may do what (migration 0009). */
export const IDENTITY_CHANNEL = 'tessera_identity';

export interface SignedInUserCache {
  /** The user behind a session or token digest (null: none, expired, or deactivated). */
  get(source: 'session' | 'token', digest: string): Promise<SignedInUser | null>;
  /** Forget everything: what this process just changed must show on its very next request. */
  clear(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  user: SignedInUser;
  loadedAt: number;
  /** A session's end; null for a token. */
  expiresAt: number | null;
}

/**
 * Signed-in users by credential, so a request does not read the directory again each time.
 *
 * A deactivation, a role change, a revoked token or a sign-out still counts on the next request:
 * the directory's tables carry statement triggers that NOTIFY every server process on commit,
 * and each process drops its whole cache when told (directory changes are rare, requests are
 * not). The process that made the change also clears its own at once, before it answers. The
 * cache is only used while the notification connection is up — after a gap, during which a
 * change could have gone unheard, it starts empty — and an entry lives at most `ttlMs` anyway.
 */
export function createSignedInUserCache(
  database: Pick<Database, 'db' | 'notifications'>,
  options: { ttlMs?: number; maxEntries?: number } = {},
): SignedInUserCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  let listening = false;
  let unlisten: (() => Promise<void>) | null = null;

  const clear = () => {
    generation += 1;
    entries.clear();
  };

  const fresh = (entry: Entry, now: number) => now - entry.loadedAt < ttlMs && (entry.expiresAt === null || entry.expiresAt > now);

  return {
    async get(source, digest) {
      if (!listening || !database.notifications.healthy()) return (await loadCredential(database.db, source, digest))?.user ?? null;
      const key = `${source}:${digest}`;
      const now = Date.now();
      const cached = entries.get(key);
      if (cached && fresh(cached, now)) return cached.user;
      const seen = generation;
      const loaded = await loadCredential(database.db, source, digest);
      // A change heard while this read was under way may not be in it: do not keep it.
      if (loaded && seen === generation) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { user: loaded.user, loadedAt: now, expiresAt: loaded.expiresAt?.getTime() ?? null });
      } else entries.delete(key);
      return loaded?.user ?? null;
    },
    clear,
    async start() {
      database.notifications.onResync(clear);
      unlisten = await database.notifications.listen(IDENTITY_CHANNEL, clear);
      clear();
      listening = true;
    },
    async stop() {
      listening = false;
      clear();
      await unlisten?.();
    },
  };
}
