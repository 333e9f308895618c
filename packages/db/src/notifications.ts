import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type NotificationHandler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY as the processes on one database use it: to wake each other (events
 * to deliver) and to drop what they cached (a deactivated user). A notification is only a hint
 * that something changed; whoever listens must also cope with a missed one, so a listener is
 * told when its connection comes back (`onResync`), after a gap in which notifications may have
 * been lost.
 */
export interface Notifications {
  /** Calls `handler` for each notification on `channel`; returns the way to stop. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** Called each time the listening connection is (re)established: everything cached may be stale. */
  onResync(handler: () => void): void;
  /** True while the listening connection is up, so nothing sent on it can have been missed. */
  healthy(): boolean;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  // Channel names are identifiers in LISTEN; only our own fixed names are ever used.
  if (!CHANNEL.test(channel)) throw new Error(`invalid notification channel "${channel}"`);
}

/**
 * One dedicated connection (not from the pool: a pooled connection would lose its LISTENs when
 * returned) that reconnects with backoff after the server drops it (restart, failover).
 */
export function postgresNotifications(url: string, log: (message: string) => void = () => {}): Notifications {
  const handlers = new Map<string, Set<NotificationHandler>>();
  const resync = new Set<() => void>();
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retryMs = 100;
  let connecting: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    connected = false;
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  const connect = (): Promise<void> => {
    if (closed) return Promise.resolve();
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      next.on('error', (error) => {
        log(`notification connection lost: ${error.message}`);
        if (client === next) scheduleReconnect();
      });
      next.on('end', () => {
        if (client === next) scheduleReconnect();
      });
      try {
        await next.connect();
        for (const channel of handlers.keys()) await next.query(`listen ${channel}`);
        client = next;
        connected = true;
        retryMs = 100;
        for (const handler of resync) handler();
      } catch (error) {
        log(`notification connection failed: ${(error as Error).message}`);
        next.end().catch(() => {});
        scheduleReconnect();
      }
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async listen(channel, handler) {
      checkChannel(channel);
      const set = handlers.get(channel) ?? new Set();
      const isNew = !handlers.has(channel);
      set.add(handler);
      handlers.set(channel, set);
      if (!client && !connecting) await connect();
      else if (connecting !== null) await connecting;
      // A connection made before this channel was known does not listen on it yet (LISTEN twice is harmless).
      if (isNew && connected) await client?.query(`listen ${channel}`).catch(() => scheduleReconnect());
      return async () => {
        set.delete(handler);
        if (set.size > 0) return;
        handlers.delete(channel);
        if (connected) await client?.query(`unlisten ${channel}`).catch(() => {});
      };
    },
    onResync(handler) {
      resync.add(handler);
    },
    healthy: () => connected,
    async close() {
      closed = true;
      connected = false;
      if (retryTimer) clearTimeout(retryTimer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}

/** The embedded database is one process: its notifications never get lost. */
export function pgliteNotifications(pglite: PGlite): Notifications {
  return {
    async listen(channel, handler) {
      checkChannel(channel);
      return pglite.listen(channel, handler);
    },
    onResync() {},
    healthy: () => true,
    async close() {},
  };
}
