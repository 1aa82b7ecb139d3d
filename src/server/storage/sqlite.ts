/**
 * The SQLite engine (better-sqlite3), the default: one file, WAL, one writer at a time. better-sqlite3 is
 * synchronous, so the asynchronous interface is met by serializing: while a transaction is open (between its
 * awaits), every other call of this process waits for it, so nothing interleaves on the one connection.
 * Other processes on the same file are kept apart by SQLite's own write lock (BEGIN IMMEDIATE).
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../context';
import { assignmentsRepo } from '../db/assignments-repo';
import { attachmentsRepo } from '../db/attachments-repo';
import { eventsRepo } from '../db/events-repo';
import { idempotencyRepo } from '../db/idempotency-repo';
import { outboxRepo } from '../db/outbox-repo';
import { erasureRepo } from '../db/erasure-repo';
import { retentionRepo } from '../db/retention-repo';
import { ticketsRepo } from '../db/tickets-repo';
import { isStorageUnavailable, unavailable } from '../errors';
import { currentWindow } from './counter-window';
import type { CounterState, Storage, Transaction } from './types';
import { errorLine } from '../error-line';

/** Options of the SQLite storage. */
export interface SqliteOptions {
  /** How often the events table is polled for events other processes committed (only while streams are open). */
  eventsPollMs: number;
}

/** Builds the storage over an open, migrated database. */
export function createSqliteStorage(db: Database, logger: Logger, options: SqliteOptions): Storage {
  const tickets = ticketsRepo(db);
  const events = eventsRepo(db);
  const attachments = attachmentsRepo(db);
  const assignments = assignmentsRepo(db);
  const idempotency = idempotencyRepo(db);
  const outbox = outboxRepo(db);
  const erasure = erasureRepo(db);
  const retention = retentionRepo(db);
  // The window rule of counter-window.ts, in one upsert: a time a little before the window's start (a request that
  // read the clock before another one counted first) counts in it.
  const addCounter = db.prepare<{ key: string; now: number; amount: number; window: number }, CounterState>(`INSERT INTO rate_counters
    (key, window_start, count) VALUES (@key, @now, @amount) ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN @now - window_start >= @window OR window_start - @now > @window THEN @now ELSE window_start END,
      count = CASE WHEN @now - window_start >= @window OR window_start - @now > @window THEN @amount ELSE count + @amount END
    RETURNING window_start AS start, count`);
  const peekCounter = db.prepare<[string], CounterState>('SELECT window_start AS start, count FROM rate_counters WHERE key = ?');
  const sweepCounters = db.prepare<[number, number, string, number]>(
    'DELETE FROM rate_counters WHERE rowid IN (SELECT rowid FROM rate_counters WHERE window_start < ? AND substr(key, 1, ?) = ? LIMIT ?)',
  );
  const newEvents = db.prepare<[number], { ticket_id: string; id: number }>(
    'SELECT ticket_id, MAX(id) AS id FROM events WHERE id > ? GROUP BY ticket_id',
  );
  const maxEvent = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM events');

  // The open transaction of this process, if any: every other call waits for it to end.
  let open: Promise<void> | null = null;
  const idle = async () => {
    while (open !== null) await open;
  };
  const read = async <T>(work: () => T): Promise<T> => {
    await idle();
    return work();
  };

  const tx: Transaction = {
    erasure: {
      tickets: async (person) => erasure.tickets(person),
      ticket: async (id, values) => erasure.ticket(id, values),
      reporterTexts: async (ticketId, text) => erasure.reporterTexts(ticketId, text),
      attachments: async (ticketIds, uploaders) => erasure.attachments(ticketIds, uploaders),
      records: async (ticketIds, subscribers) => erasure.records(ticketIds, subscribers),
    },
    tickets: {
      get: async (id) => tickets.get(id),
      getForUpdate: async (id) => tickets.get(id),
      listSplitGroup: async (owner, group) => tickets.listSplitGroup(owner, group),
      getByNumber: async (number) => tickets.getByNumber(number),
      listFollowUps: async (id) => tickets.listFollowUps(id),
      page: async (query, owner) => tickets.page(query, owner),
      count: async () => tickets.count(),
      insert: async (ticket) => tickets.insert(ticket),
      setStatus: async (id, status, at) => tickets.setStatus(id, status, at),
      setAssignee: async (id, assignee) => tickets.setAssignee(id, assignee),
      setRating: async (id, rating) => tickets.setRating(id, rating),
      ratingCounts: async (since, positiveMin) => tickets.ratingCounts(since, positiveMin),
      lowRatings: async (since, below, limit) => tickets.lowRatings(since, below, limit),
      nextNumber: async (year) => tickets.nextNumber(year),
    },
    events: {
      listAfter: async (ticketId, after) => events.listAfter(ticketId, after),
      lastId: async (ticketId) => events.lastId(ticketId),
      count: async (ticketId, actor) => events.count(ticketId, actor),
      insert: async (event) => events.insert(event),
      reserveId: async () => events.reserveId(),
    },
    assignments: {
      listOf: async (ticketId) => assignments.listOf(ticketId),
      insert: async (row) => assignments.insert(row),
    },
    attachments: {
      get: async (id) => attachments.get(id),
      countPending: async (owner, since) => attachments.countPending(owner, since),
      storageNames: async () => attachments.storageNames(),
      listOfCreate: async (ticketId) => attachments.listOfCreate(ticketId),
      listOfEvents: async (ticketId) => attachments.listOfEvents(ticketId),
      insert: async (row) => attachments.insert(row),
      removeUnclaimed: async (id, owner) => attachments.removeUnclaimed(id, owner),
      removeUnclaimedBefore: async (before) => attachments.removeUnclaimedBefore(before),
      countForTicket: async (ticketId) => attachments.countForTicket(ticketId),
      claim: async (id, owner, ticketId, eventId, position) => attachments.claim(id, owner, ticketId, eventId, position),
    },
    idempotency: {
      get: async (owner, key) => idempotency.get(owner, key),
      insert: async (row) => idempotency.insert(row),
    },
    outbox: { enqueue: async (rows) => outbox.enqueue(rows) },
    prefs: { emailEnabled: async (owner) => outbox.emailEnabled(owner) },
    // BEGIN IMMEDIATE holds the database's one write lock for the whole transaction.
    lock: async () => undefined,
  };

  const refuse = (error: unknown): never => {
    if (isStorageUnavailable(error)) {
      logger.warn(`[support] write refused, storage unavailable: ${errorLine(error)}`);
      throw unavailable();
    }
    throw error;
  };

  return {
    engine: 'sqlite',
    tickets: {
      get: (id) => read(() => tickets.get(id)),
      listSplitGroup: (owner, group) => read(() => tickets.listSplitGroup(owner, group)),
      getByNumber: (number) => read(() => tickets.getByNumber(number)),
      listFollowUps: (id) => read(() => tickets.listFollowUps(id)),
      page: (query, owner) => read(() => tickets.page(query, owner)),
      count: () => read(() => tickets.count()),
      ratingCounts: (since, positiveMin) => read(() => tickets.ratingCounts(since, positiveMin)),
      lowRatings: (since, below, limit) => read(() => tickets.lowRatings(since, below, limit)),
    },
    events: {
      listAfter: (ticketId, after) => read(() => events.listAfter(ticketId, after)),
      lastId: (ticketId) => read(() => events.lastId(ticketId)),
      count: (ticketId, actor) => read(() => events.count(ticketId, actor)),
    },
    assignments: { listOf: (ticketId) => read(() => assignments.listOf(ticketId)) },
    attachments: {
      get: (id) => read(() => attachments.get(id)),
      countPending: (owner, since) => read(() => attachments.countPending(owner, since)),
      storageNames: () => read(() => attachments.storageNames()),
      listOfCreate: (ticketId) => read(() => attachments.listOfCreate(ticketId)),
      listOfEvents: (ticketId) => read(() => attachments.listOfEvents(ticketId)),
    },
    idempotency: { get: (owner, key) => read(() => idempotency.get(owner, key)) },
    outbox: {
      claim: (now, lease, limit) => read(() => outbox.claim(now, lease, limit)),
      markSent: (id, at) => read(() => outbox.markSent(id, at)),
      markFailed: (id, error, nextAt) => read(() => outbox.markFailed(id, error, nextAt)),
      list: (filter, limit) => read(() => outbox.list(filter, limit)),
      get: (id) => read(() => outbox.get(id)),
      requeue: (id, now) => read(() => outbox.requeue(id, now)),
      requeueFailed: (filter, now) => read(() => outbox.requeueFailed(filter, now)),
      stats: () => read(() => outbox.stats()),
    },
    prefs: {
      emailEnabled: (owner) => read(() => outbox.emailEnabled(owner)),
      setEmail: (owner, enabled, at) => read(() => outbox.setEmail(owner, enabled, at)),
    },
    retention: {
      removeFinishedDeliveries: (before, afterId, limit) => read(() => retention.removeFinishedDeliveries(before, afterId, limit)),
      removeIdempotencyKeys: (before, limit) => read(() => retention.removeIdempotencyKeys(before, limit)),
    },
    counters: {
      add: (key, amount, windowMs, nowMs) =>
        read(() => {
          const state = addCounter.get({ key, now: nowMs, amount, window: windowMs });
          if (state === undefined) throw new Error('counter upsert returned nothing');
          return state;
        }),
      peek: (key, windowMs, nowMs) =>
        read(() => currentWindow(peekCounter.get(key), nowMs, windowMs)),
      sweep: (beforeMs, limit, prefix = '') => read(() => sweepCounters.run(beforeMs, prefix.length, prefix, limit).changes),
    },
    async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      await idle();
      let done = () => undefined as void;
      open = new Promise<void>((resolve) => (done = resolve));
      try {
        try {
          db.exec('BEGIN IMMEDIATE');
        } catch (error) {
          return refuse(error);
        }
        try {
          const result = await work(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          return refuse(error);
        }
      } finally {
        open = null;
        done();
      }
    },
    watchEvents(wake, _wakeAll, active) {
      let seen = maxEvent.get()?.id ?? 0;
      const timer = setInterval(() => {
        if (open !== null) return;
        try {
          if (!active()) {
            seen = maxEvent.get()?.id ?? seen;
            return;
          }
          for (const row of newEvents.all(seen)) {
            seen = Math.max(seen, row.id);
            wake(row.ticket_id);
          }
        } catch (error) {
          // Busy or briefly unreadable: the next tick tries again from the same point.
          if (!isStorageUnavailable(error)) logger.error('[support] polling events failed:', error);
        }
      }, options.eventsPollMs);
      timer.unref();
      return async () => clearInterval(timer);
    },
    ping: () => read(() => void db.prepare('SELECT 1').get()),
    identity: () => read(() => (db.prepare('SELECT id FROM database_identity').get() as { id: string }).id),
    servedOutsideDev: () => read(() => (db.prepare('SELECT served_outside_dev_at AS at FROM database_identity').get() as { at: string | null }).at),
    markServedOutsideDev: (at) => read(() => void db.prepare('UPDATE database_identity SET served_outside_dev_at = COALESCE(served_outside_dev_at, ?)').run(at)),
    location: async () => ({ place: `sqlite ${existsSync(db.name) ? realpathSync(db.name) : resolve(db.name)}` }),
    // TRUNCATE empties the log once every page is in the file; readers holding an old snapshot leave it for the
    // next checkpoint, which SQLite runs by itself.
    scrub: () => read(() => void db.pragma('wal_checkpoint(TRUNCATE)')),
    close: async () => {
      await idle();
      db.close();
    },
  };
}
