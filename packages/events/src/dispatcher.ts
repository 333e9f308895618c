import type { Database } from '@tessera/db';
import { sql } from 'kysely';
import { sequenceEvents } from './sequencer';
import { deliverBatch, type EventSubscriber, pruneDelivered, recordFailure, registerSubscriber } from './subscription';

/** The channel processes wake each other on; a notification carries nothing but "look". */
export const EVENTS_CHANNEL = 'tessera_record_events';

export interface DispatcherOptions {
  /** Look for work this often even without a wake-up (a missed notification, another process's commit). Default 1 s. */
  pollMs?: number | undefined;
  /** Events per batch, for the sequencer and for each subscriber. Default 500. */
  batchSize?: number | undefined;
  /** Prune delivered outbox rows at most this often. Default 10 s. */
  pruneEveryMs?: number | undefined;
  log?: ((message: string, error?: unknown) => void) | undefined;
}

export interface EventDispatcher {
  /** Adds a subscriber; its progress row is created when the dispatcher starts (or now, if started). */
  subscribe(subscriber: EventSubscriber): Promise<void>;
  start(): Promise<void>;
  /** Something was committed: deliver soon here, and tell the other processes. */
  wake(): void;
  /** Runs until nothing is left to sequence or deliver (what is committed when it is called). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox to in-process subscribers, at least once each, in commit order, with
 * several server processes on one database: the sequencer and each subscriber are claimed with
 * `FOR UPDATE SKIP LOCKED`, so whichever process gets there first does that part and the others
 * move on. Processes wake each other with NOTIFY, sent after a commit (outside the writing
 * transaction, which would otherwise serialize every commit on the notify queue), and poll as a
 * fallback, so a lost notification costs a poll interval, never an event.
 */
export function createEventDispatcher(database: Pick<Database, 'db' | 'notifications'>, options: DispatcherOptions = {}): EventDispatcher {
  const { db } = database;
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 500;
  const pruneEveryMs = options.pruneEveryMs ?? 10_000;
  const log = options.log ?? (() => {});
  const subscribers = new Map<string, EventSubscriber>();
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let notifyTimer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let lastPrune = 0;

  async function sequenceAll(): Promise<void> {
    for (;;) {
      const numbered = await sequenceEvents(db, batchSize);
      if (numbered === null || numbered < batchSize) return;
    }
  }

  async function deliverAll(subscriber: EventSubscriber): Promise<void> {
    try {
      for (;;) {
        const delivered = stopped ? 0 : await deliverBatch(db, subscriber, batchSize);
        if (delivered > 0) subscriber.afterCommit?.();
        if (delivered < batchSize) break;
      }
    } catch (error) {
      log(`event subscriber "${subscriber.name}" failed; its batch will be retried`, error);
      await recordFailure(db, subscriber.name, error).catch(() => {});
    }
  }

  async function cycle(): Promise<void> {
    await sequenceAll();
    for (const subscriber of subscribers.values()) await deliverAll(subscriber);
    if (Date.now() - lastPrune >= pruneEveryMs) {
      lastPrune = Date.now();
      while (!stopped && (await pruneDelivered(db, 10_000)) === 10_000);
    }
  }

  /** One cycle at a time; a wake-up during a cycle runs one more after it. */
  function run(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await cycle();
        } catch (error) {
          if (!stopped) log('event dispatch failed; retrying at the next poll', error);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function schedulePoll(): void {
    if (stopped) return;
    pollTimer = setTimeout(() => {
      void run().finally(schedulePoll);
    }, pollMs);
    pollTimer.unref();
  }

  /** At most one NOTIFY per 50 ms: a burst of writes wakes the others once. */
  function notifyOthers(): void {
    if (notifyTimer || stopped) return;
    notifyTimer = setTimeout(() => {
      notifyTimer = null;
      sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db).catch((error: unknown) => log('could not notify other processes', error));
    }, 50);
    notifyTimer.unref();
  }

  return {
    async subscribe(subscriber) {
      if (subscribers.has(subscriber.name)) throw new Error(`event subscriber "${subscriber.name}" is already registered`);
      subscribers.set(subscriber.name, subscriber);
      if (started) await registerSubscriber(db, subscriber);
    },
    async start() {
      if (started) return;
      started = true;
      // Number what is committed first, so a subscriber seen for the first time starts after it.
      await sequenceAll();
      for (const subscriber of subscribers.values()) await registerSubscriber(db, subscriber);
      unlisten = await database.notifications.listen(EVENTS_CHANNEL, () => void run());
      // Back after a gap in listening: what was announced meanwhile is looked at now.
      database.notifications.onResync(() => void run());
      schedulePoll();
      void run();
    },
    wake() {
      if (stopped) return;
      // A process that delivers no events itself (TESSERA_PROCESS=web) still tells the workers.
      if (started) void run();
      notifyOthers();
    },
    async drain() {
      // A cycle already under way may have read past what was just committed: run() then queues one more.
      await run();
    },
    async stop() {
      stopped = true;
      if (pollTimer) clearTimeout(pollTimer);
      if (notifyTimer) clearTimeout(notifyTimer);
      await unlisten?.();
      await running;
    },
  };
}
