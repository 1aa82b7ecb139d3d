/**
 * The PostgreSQL engine (SUPPORT_DATABASE_URL=postgres://…): a connection pool, the migrations under an
 * advisory lock, READ COMMITTED transactions with row and advisory locks where two processes could decide the
 * same thing, and LISTEN/NOTIFY carrying "ticket X has event N" between processes (the streams read the
 * events themselves from the table, so a lost notice loses nothing).
 */
import { userOwner } from '../auth/identity';
import pg from 'pg';
import type { ClientBase, Pool, PoolClient } from 'pg';
import type { Logger } from '../context';
import type { AssignmentRow, AttachmentRow, EventRow, IdempotencyRow, LowRatingRow, OutboxRow, RatingCounts, TicketRow } from '../db/rows';
import { errorLine } from '../error-line';
import { isStorageSilent, isStorageUnavailable, unavailable } from '../errors';
import { mailboxDomainPatterns, rowsOfMailbox } from '../mailbox';
import { REPEAT_LOG_MS } from '../repeated-failure';
import { currentWindow } from './counter-window';
import { migratedLine } from './migrated-line';
import { migratePostgres } from './postgres-migrations';
import { retentionOf } from './postgres-retention';
import { searchPattern } from './search';
import { AWAITS_SUPPORT_SQL } from '../tickets/paging';
import type { AssignmentsWrites, AttachmentsWrites, CounterState, DeliveryRow, ErasureWrites, EventsWrites, IdempotencyWrites, OutboxRepo, OutboxWrites, PrefsRepo, Storage, TicketsWrites, Transaction } from './types';
import { DELIVERY_SELECT, deliveryConditions } from './delivery-query';

/** The channel of event notices; the payload is `<ticket id>:<event id>`. */
export const EVENTS_CHANNEL = 'support_events';

/** Options of the PostgreSQL storage. */
export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** How long a statement may wait for a lock or a connection before the request is a 503. */
  busyTimeoutMs: number;
  /** How long a statement may go unanswered before the request is a 503 and its connection is closed. */
  timeoutMs: number;
}

const INT8 = 20;
// COUNT(*), MAX(id) and identity columns are BIGINT: every value we store fits a double exactly.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;
type Queryable = Pick<ClientBase, 'query'> | Pool;

async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, params);
  return result.rows as T[];
}

async function first<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

/**
 * A column as support's search compares it: lowercased as Unicode says (ICU's root collation where the server
 * has ICU, whatever the database's locale: `lower()` under the C locale leaves «Матрица» as it is), ё as е.
 */
function folded(column: string, icu: boolean): string {
  return `translate(lower(${column}${icu ? ' COLLATE "und-x-icu"' : ''}), 'ё', 'е')`;
}

/**
 * A transaction's connection taking one statement at a time. The repositories' callers ask for several at once
 * (`Promise.all` over a ticket's events, files and links), which the pool spreads over connections but one
 * connection only queues: pg 8 does that with a deprecation warning, and pg 9 will refuse.
 */
function oneAtATime(client: PoolClient): Pick<ClientBase, 'query'> {
  let last: Promise<unknown> = Promise.resolve();
  const query = (sql: string, params?: unknown[]) => {
    const result = last.then(() => client.query(sql, params));
    last = result.catch(() => undefined);
    return result;
  };
  return { query: query as ClientBase['query'] };
}

/** The repositories over one connection (a transaction's) or the pool (reads); `icu`: see {@link folded}. */
function repositories(db: Queryable, icu: boolean): Omit<Transaction, 'lock'> {
  const tickets: TicketsWrites = {
    get: (id) => first<TicketRow>(db, 'SELECT * FROM tickets WHERE id = $1', [id]),
    getForUpdate: (id) => first<TicketRow>(db, 'SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [id]),
    getByNumber: (number) => first<TicketRow>(db, 'SELECT * FROM tickets WHERE number = $1', [number]),
    listFollowUps: (id) => rows(db, 'SELECT id, number FROM tickets WHERE follow_up_of = $1 ORDER BY seq', [id]),
    listSplitGroup: (owner, group) =>
      rows(db, 'SELECT id, number FROM tickets WHERE owner = $1 AND split_group = $2 ORDER BY seq', [owner, group]),
    page: (query, owner) => {
      const filters = `($1::text IS NULL OR owner = $1 OR access_key_hash = $2::text)
            AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR category = $4)
            AND ($5::text IS NULL OR priority = $5)
            AND ($6::text IS NULL OR ${folded('number', icu)} LIKE $6 ESCAPE '\\' OR ${folded('subject', icu)} LIKE $6 ESCAPE '\\'
              OR ${folded("(draft_json::jsonb ->> 'description')", icu)} LIKE $6 ESCAPE '\\'
              OR ${folded("(reporter_json::jsonb ->> 'fullName')", icu)} LIKE $6 ESCAPE '\\'
              OR ${folded("(reporter_json::jsonb ->> 'email')", icu)} LIKE $6 ESCAPE '\\'
              OR ${folded("(reporter_json::jsonb ->> 'organization')", icu)} LIKE $6 ESCAPE '\\' OR owner = $10::text)
            AND ($7::int = 0 OR ($7 = 1 AND assignee IS NULL) OR ($7 = 2 AND assignee = $8::text))
            AND ($9::text IS NULL OR updated_at >= $9)`;
      const params = [
        owner?.owner ?? null,
        owner?.keyHash ?? null,
        query.status,
        query.category,
        query.priority,
        query.text === null ? null : searchPattern(query.text),
        // 0: any assignee; 1: none; 2: the one named.
        query.assignee === null ? 0 : query.assignee.is === null ? 1 : 2,
        query.assignee?.is ?? null,
        query.updatedSince,
        // The search as an LMS user's id: their tickets.
        query.text === null ? null : userOwner(query.text),
      ];
      if (query.order === 'due') {
        // The queue: what waits for support, the soonest resolve deadline first, paged by (deadline, position).
        return rows<TicketRow>(
          db,
          `SELECT * FROM tickets WHERE ${AWAITS_SUPPORT_SQL} AND ${filters}
            AND (resolve_due_at > $11 OR (resolve_due_at = $11 AND seq > $12))
          ORDER BY resolve_due_at, seq LIMIT $13`,
          [...params, query.after?.due ?? '', query.after?.seq ?? -1, query.limit + 1],
        );
      }
      return rows<TicketRow>(db, `SELECT * FROM tickets WHERE ${filters} AND seq < $11 ORDER BY seq DESC LIMIT $12`, [
        ...params,
        query.before ?? Number.MAX_SAFE_INTEGER,
        query.limit + 1,
      ]);
    },
    count: async () => (await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM tickets'))?.n ?? 0,
    insert: async (t) => {
      await db.query(
        `INSERT INTO tickets (id, number, owner, access_key_hash, category, subject, status, priority, draft_json,
          reporter_json, created_at, updated_at, review_due_at, resolve_due_at, deadlines_provisional, one_problem_parts,
          one_problem_markers, split_group, follow_up_of, consent_at, locale)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
        [t.id, t.number, t.owner, t.access_key_hash, t.category, t.subject, t.status, t.priority, t.draft_json, t.reporter_json,
          t.created_at, t.updated_at, t.review_due_at, t.resolve_due_at, t.deadlines_provisional, t.one_problem_parts,
          t.one_problem_markers, t.split_group, t.follow_up_of, t.consent_at, t.locale],
      );
    },
    setStatus: async (id, status, at) => {
      await db.query('UPDATE tickets SET status = $1, updated_at = $2 WHERE id = $3', [status, at, id]);
    },
    setAssignee: async (id, assignee) => {
      await db.query('UPDATE tickets SET assignee = $1 WHERE id = $2', [assignee, id]);
    },
    setRating: async (id, r) => {
      await db.query('UPDATE tickets SET rating_score = $1, rating_comment = $2, rated_at = $3, rating_updated_at = $4 WHERE id = $5', [
        r.score,
        r.comment,
        r.ratedAt,
        r.updatedAt,
        id,
      ]);
    },
    ratingCounts: async (since, positiveMin) =>
      (await first<RatingCounts>(
        db,
        `SELECT COUNT(*)::int AS count, COALESCE(SUM(CASE WHEN rating_score >= $1 THEN 1 ELSE 0 END), 0)::int AS positive
          FROM tickets WHERE rating_score IS NOT NULL AND rating_updated_at >= $2`,
        [positiveMin, since],
      )) ?? { count: 0, positive: 0 },
    lowRatings: (since, below, limit) =>
      rows<LowRatingRow>(
        db,
        `SELECT id, number, subject, rating_score, rating_comment, rating_updated_at FROM tickets
          WHERE rating_score < $1 AND rating_updated_at >= $2 ORDER BY rating_updated_at DESC, seq DESC LIMIT $3`,
        [below, since, limit],
      ),
    nextNumber: async (year) =>
      (await first<{ last: number }>(db, `INSERT INTO ticket_counters (year, last) VALUES ($1, 1)
        ON CONFLICT (year) DO UPDATE SET last = ticket_counters.last + 1 RETURNING last`, [year]))?.last ?? 1,
  };
  const events: EventsWrites = {
    listAfter: (ticketId, after = 0) => rows<EventRow>(db, 'SELECT * FROM events WHERE ticket_id = $1 AND id > $2 ORDER BY id', [ticketId, after]),
    lastId: async (ticketId) => (await first<{ id: number | null }>(db, 'SELECT MAX(id) AS id FROM events WHERE ticket_id = $1', [ticketId]))?.id ?? 0,
    count: async (ticketId, actor) => Number((await first<{ n: string | number }>(db, 'SELECT COUNT(*) AS n FROM events WHERE ticket_id = $1 AND actor = $2', [ticketId, actor]))?.n ?? 0),
    // The notice is sent by the same statement, so it is delivered exactly when (and only if) the event commits.
    insert: async (e) => {
      const row = await first<{ id: number }>(
        db,
        `WITH inserted AS (INSERT INTO events (ticket_id, type, status, previous_status, actor, agent_name, text, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, ticket_id)
         SELECT id, pg_notify($9, ticket_id || ':' || id) FROM inserted`,
        [e.ticket_id, e.type, e.status, e.previous_status, e.actor, e.agent_name, e.text, e.created_at, EVENTS_CHANNEL],
      );
      if (row === undefined) throw new Error('inserted event has no id');
      return row.id;
    },
    reserveId: async () => {
      const row = await first<{ id: number }>(db, `SELECT nextval(pg_get_serial_sequence('events', 'id')) AS id`);
      if (row === undefined) throw new Error('the events sequence gave no id');
      return Number(row.id);
    },
  };
  const assignments: AssignmentsWrites = {
    listOf: (ticketId) => rows<AssignmentRow>(db, 'SELECT * FROM assignments WHERE ticket_id = $1 ORDER BY id', [ticketId]),
    insert: async (r) => {
      const row = await first<{ id: number }>(
        db,
        `INSERT INTO assignments (ticket_id, assignee, previous, by_agent, cause, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [r.ticket_id, r.assignee, r.previous, r.by_agent, r.cause, r.created_at],
      );
      if (row === undefined) throw new Error('inserted assignment has no id');
      return row.id;
    },
  };
  const attachments: AttachmentsWrites = {
    get: (id) => first<AttachmentRow>(db, 'SELECT * FROM attachments WHERE id = $1', [id]),
    countPending: async (owner, since) =>
      (await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM attachments WHERE owner = $1 AND ticket_id IS NULL AND created_at >= $2', [owner, since]))?.n ?? 0,
    storageNames: async () => (await rows<{ storage_name: string }>(db, 'SELECT storage_name FROM attachments')).map((r) => r.storage_name),
    listOfCreate: (ticketId) => rows<AttachmentRow>(db, 'SELECT * FROM attachments WHERE ticket_id = $1 AND event_id IS NULL ORDER BY position', [ticketId]),
    listOfEvents: (ticketId) =>
      rows<AttachmentRow>(db, 'SELECT * FROM attachments WHERE ticket_id = $1 AND event_id IS NOT NULL ORDER BY event_id, position', [ticketId]),
    insert: async (r) => {
      await db.query(
        `INSERT INTO attachments (id, owner, name, content_type, size, width, height, storage_name, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [r.id, r.owner, r.name, r.content_type, r.size, r.width, r.height, r.storage_name, r.created_at],
      );
    },
    removeUnclaimed: async (id, owner) =>
      ((await db.query('DELETE FROM attachments WHERE id = $1 AND owner = $2 AND ticket_id IS NULL', [id, owner])).rowCount ?? 0) === 1,
    removeUnclaimedBefore: async (before) =>
      (await rows<{ storage_name: string }>(db, 'DELETE FROM attachments WHERE ticket_id IS NULL AND created_at < $1 RETURNING storage_name', [before])).map(
        (r) => r.storage_name,
      ),
    countForTicket: async (ticketId) => (await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM attachments WHERE ticket_id = $1', [ticketId]))?.n ?? 0,
    claim: async (id, owner, ticketId, eventId, position) =>
      ((await db.query('UPDATE attachments SET ticket_id = $1, event_id = $2, position = $3 WHERE id = $4 AND owner = $5 AND ticket_id IS NULL', [
        ticketId,
        eventId,
        position,
        id,
        owner,
      ])).rowCount ?? 0) === 1,
  };
  const idempotency: IdempotencyWrites = {
    get: (owner, key) => first<IdempotencyRow>(db, 'SELECT * FROM idempotency_keys WHERE owner = $1 AND key = $2', [owner, key]),
    insert: async (r) => {
      await db.query(
        `INSERT INTO idempotency_keys (owner, key, body_hash, ticket_id, status, response_json, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.owner, r.key, r.body_hash, r.ticket_id, r.status, r.response_json, r.created_at],
      );
    },
  };
  const outbox: OutboxWrites = {
    enqueue: async (list) => {
      for (const r of list) {
        await db.query(
          `INSERT INTO outbox (kind, target, dedupe_key, event_id, ticket_id, payload, next_attempt_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
          [r.kind, r.target, r.dedupe_key, r.event_id, r.ticket_id, r.payload, r.created_at],
        );
      }
    },
  };
  return { tickets, events, assignments, attachments, idempotency, outbox, prefs: prefsOf(db), erasure: erasureOf(db) };
}

/** Erasing a person's data (see ErasureWrites in types.ts), inside the write transaction. */
function erasureOf(db: Queryable): ErasureWrites {
  return {
    tickets: (person) =>
      'owner' in person
        ? rows<TicketRow>(db, 'SELECT * FROM tickets WHERE owner = $1 ORDER BY seq FOR UPDATE', [person.owner])
        : 'guestEmail' in person
          ? // Narrowed to the address's domain by the query, then to its mailbox (a +tag, Gmail's dots: mailbox.ts).
            rows<TicketRow>(
              db,
              `SELECT * FROM tickets WHERE owner LIKE 'guest:%' AND lower((reporter_json::jsonb) ->> 'email') LIKE ANY($1) ORDER BY seq FOR UPDATE`,
              [mailboxDomainPatterns(person.guestEmail)],
            ).then((found) => rowsOfMailbox(found, person.guestEmail))
          : rows<TicketRow>(db, 'SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [person.ticketId]),
    ticket: async (id, values) => {
      await db.query(
        `UPDATE tickets SET owner = $2, access_key_hash = NULL, subject = $3, draft_json = $4, reporter_json = $5, rating_comment = NULL
          WHERE id = $1`,
        [id, values.owner, values.subject, values.draft_json, values.reporter_json],
      );
    },
    reporterTexts: async (ticketId, text) => {
      await db.query(`UPDATE events SET text = $2 WHERE ticket_id = $1 AND actor = 'reporter' AND text IS NOT NULL`, [ticketId, text]);
    },
    attachments: async (ticketIds, uploaders) =>
      (
        await rows<{ storage_name: string }>(
          db,
          `DELETE FROM attachments WHERE (ticket_id = ANY($1::text[]) AND owner NOT LIKE 'support:%') OR (ticket_id IS NULL AND owner = ANY($2::text[]))
            RETURNING storage_name`,
          [ticketIds, uploaders],
        )
      ).map((r) => r.storage_name),
    records: async (ticketIds, subscribers) => {
      await db.query('DELETE FROM outbox WHERE ticket_id = ANY($1::text[])', [ticketIds]);
      await db.query('DELETE FROM idempotency_keys WHERE ticket_id = ANY($1::text[])', [ticketIds]);
      await db.query('DELETE FROM notification_prefs WHERE owner = ANY($1::text[])', [subscribers]);
    },
  };
}

/** Notification preferences (true when never set). */
function prefsOf(db: Queryable): PrefsRepo {
  return {
    emailEnabled: async (owner) => (await first<{ email: boolean }>(db, 'SELECT email FROM notification_prefs WHERE owner = $1', [owner]))?.email ?? true,
    setEmail: async (owner, enabled, at) => {
      await db.query(
        `INSERT INTO notification_prefs (owner, email, updated_at) VALUES ($1, $2, $3)
          ON CONFLICT (owner) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
        [owner, enabled, at],
      );
    },
  };
}

/** The dispatcher's queries; rows another process holds locked are skipped, not waited for. */
function outboxOf(db: Queryable): OutboxRepo {
  return {
    claim: (now, lease, limit) =>
      rows<OutboxRow>(
        db,
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2
          WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1
                       ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        [now, lease, limit],
      ).then((list) => list.sort((a, b) => a.id - b.id)),
    markSent: async (id, at) => {
      await db.query(`UPDATE outbox SET status = 'sent', sent_at = $1, last_error = NULL WHERE id = $2`, [at, id]);
    },
    markFailed: async (id, error, nextAt) => {
      if (nextAt === null) await db.query(`UPDATE outbox SET status = 'failed', last_error = $1 WHERE id = $2 AND status = 'pending'`, [error, id]);
      else await db.query(`UPDATE outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3 AND status = 'pending'`, [error, nextAt, id]);
    },
    list: (filter, limit) => {
      const { where, values } = deliveryConditions(filter, (n) => `$${n}`);
      return rows<DeliveryRow>(db, `${DELIVERY_SELECT}${where} ORDER BY outbox.id DESC LIMIT $${values.length + 1}`, [...values, limit]);
    },
    get: (id) => first<DeliveryRow>(db, `${DELIVERY_SELECT} WHERE outbox.id = $1`, [id]),
    requeueFailed: async (filter, now) => {
      const { where, values } = deliveryConditions({ ...filter, status: 'failed', before: null }, (n) => `$${n + 1}`);
      const result = await db.query(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, requeued_at = $1${where}`, [now, ...values]);
      return result.rowCount ?? 0;
    },
    requeue: (id, now) =>
      first<OutboxRow>(
        db,
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, requeued_at = $2
          WHERE id = $1 AND status = 'failed' RETURNING *`,
        [id, now],
      ),
    stats: async () => {
      // Sent rows are left out: they are kept for days (SUPPORT_OUTBOX_RETENTION_DAYS), and the index on status skips them.
      const [counts, oldest] = await Promise.all([
        rows<{ kind: OutboxRow['kind']; status: 'pending' | 'failed'; count: number }>(
          db,
          `SELECT kind, status, count(*)::int AS count FROM outbox WHERE status IN ('pending', 'failed') GROUP BY kind, status`,
        ),
        rows<{ kind: OutboxRow['kind']; at: string }>(db, `SELECT kind, min(created_at) AS at FROM outbox WHERE status = 'pending' GROUP BY kind`),
      ]);
      return { counts, oldestPending: oldest };
    },
  };
}

/** Connects the pool, migrates (once across processes) and builds the storage. */
export async function openPostgresStorage(options: PostgresOptions, logger: Logger, now: Date): Promise<Storage> {
  const connection = {
    connectionString: options.url,
    types,
    connectionTimeoutMillis: Math.max(1_000, options.busyTimeoutMs),
    // A statement stuck behind a lock longer than this fails (a 503) instead of holding the request forever.
    lock_timeout: Math.max(1_000, options.busyTimeoutMs),
    application_name: 'support-api',
  };
  // A server that stops answering (stopped, or behind a network that drops packets) never says so: a statement of a
  // request is given up after this, and its connection closed. Not the migrations': they may rightly take longer.
  const session = { ...connection, query_timeout: options.timeoutMs };
  const migrator = new pg.Client(connection);
  await migrator.connect();
  try {
    const line = migratedLine(await migratePostgres(migrator, now, (warning) => logger.warn(warning)));
    if (line !== null) logger.info(line);
  } finally {
    await migrator.end();
  }
  // A timed-out statement still waits on its connection, ahead of anything sent after it: the pool closes a
  // connection given back with an error (pool.query does so itself) rather than lend it again.
  const pool = new pg.Pool({ ...session, max: options.poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection the server dropped: the pool replaces it; say so, never crash on it.
  pool.on('error', (error) => logger.warn(`[support] idle database connection failed: ${errorLine(error)}`));

  const icu = (await first<{ found: number }>(pool, `SELECT 1 AS found FROM pg_collation WHERE collname = 'und-x-icu'`)) !== undefined;
  const reads = repositories(pool, icu);
  const refuse = (error: unknown): never => {
    if (isStorageUnavailable(error)) {
      logger.warn(`[support] write refused, storage unavailable: ${errorLine(error)}`);
      throw unavailable();
    }
    throw error;
  };
  // The window rule of counter-window.ts, in one upsert: a time a little before the window's start (a request that
  // read the clock before another one counted first, in another process or waiting for a connection) counts in it.
  const counterSql = `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN $2 - rate_counters.window_start >= $4 OR rate_counters.window_start - $2 > $4 THEN $2 ELSE rate_counters.window_start END,
      count = CASE WHEN $2 - rate_counters.window_start >= $4 OR rate_counters.window_start - $2 > $4 THEN $3 ELSE rate_counters.count + $3 END
    RETURNING window_start AS start, count`;

  return {
    engine: 'postgres',
    tickets: reads.tickets,
    events: reads.events,
    assignments: reads.assignments,
    attachments: reads.attachments,
    idempotency: reads.idempotency,
    outbox: outboxOf(pool),
    prefs: prefsOf(pool),
    retention: retentionOf(pool),
    counters: {
      add: async (key, amount, windowMs, nowMs) => {
        const state = await first<CounterState>(pool, counterSql, [key, nowMs, amount, windowMs]);
        if (state === undefined) throw new Error('counter upsert returned nothing');
        return state;
      },
      peek: async (key, windowMs, nowMs) => {
        const state = await first<CounterState>(pool, 'SELECT window_start AS start, count FROM rate_counters WHERE key = $1', [key]);
        return currentWindow(state, nowMs, windowMs);
      },
      sweep: async (beforeMs, limit, prefix = '') => {
        const sql = `DELETE FROM rate_counters WHERE key IN (SELECT key FROM rate_counters
          WHERE window_start < $1 AND left(key, $2) = $3 LIMIT $4 FOR UPDATE SKIP LOCKED)`;
        return (await pool.query(sql, [beforeMs, prefix.length, prefix, limit])).rowCount ?? 0;
      },
    },
    async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return refuse(error);
      }
      let discard: Error | boolean = false;
      const db = oneAtATime(client);
      try {
        await client.query('BEGIN');
        const tx: Transaction = {
          ...repositories(db, icu),
          lock: async (name) => {
            await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
          },
        };
        const result = await work(tx);
        await db.query('COMMIT');
        return result;
      } catch (error) {
        // A ROLLBACK would queue behind the statement that went unanswered and wait as long again; closing the
        // connection ends the transaction on the server as surely, once it hears of it. Otherwise it waits for the
        // statements still chained (one of several asked at once failed), so none runs after it, or after release.
        if (isStorageSilent(error)) discard = error as Error;
        else await db.query('ROLLBACK').catch(() => (discard = true));
        return refuse(error);
      } finally {
        client.release(discard);
      }
    },
    watchEvents(wake, wakeAll, active) {
      let stopped = false;
      let listener: pg.Client | null = null;
      let pinger: NodeJS.Timeout | null = null;
      const stopPinging = () => {
        if (pinger !== null) clearInterval(pinger);
        pinger = null;
      };
      let delay = RECONNECT_MIN_MS;
      let retry: NodeJS.Timeout | null = null;
      // While the database is away the log says so once, then every 10 minutes, and once more when it is back.
      let failedSince: number | null = null;
      let attempts = 0;
      let toldAt = 0;
      const connect = async () => {
        retry = null;
        const client = new pg.Client(session);
        let lost = false;
        const onLost = (error?: unknown) => {
          if (lost) return;
          lost = true;
          if (listener === client) {
            listener = null;
            stopPinging();
          }
          void client.end().catch(() => undefined);
          if (stopped) return;
          const now = Date.now();
          attempts++;
          if (failedSince === null) {
            failedSince = now;
            toldAt = now;
            logger.warn(`[support] event listener lost its connection; reconnecting${error === undefined ? '' : `: ${errorLine(error)}`}`);
          } else if (now - toldAt >= REPEAT_LOG_MS) {
            toldAt = now;
            logger.warn(`[support] event listener still reconnecting (${attempts} attempts in ${Math.round((now - failedSince) / 1000)} s)${error === undefined ? '' : `: ${errorLine(error)}`}`);
          }
          retry = setTimeout(() => void connect(), delay);
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        };
        client.on('error', onLost);
        client.on('end', () => onLost());
        client.on('notification', (message) => {
          const payload = message.payload ?? '';
          const split = payload.lastIndexOf(':');
          if (split > 0) wake(payload.slice(0, split));
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        } catch (error) {
          onLost(error);
          return;
        }
        if (stopped) {
          await client.end().catch(() => undefined);
          return;
        }
        listener = client;
        // An idle connection to a server that stopped answering, or across a network that now drops its packets,
        // looks alive for ever and hears no notice: while streams wait for events, a statement now and then
        // (given up like any other) shows it still answers, and one that does not is replaced.
        let pinging = false;
        pinger = setInterval(() => {
          if (pinging || !active()) return;
          pinging = true;
          client.query('SELECT 1').then(() => (pinging = false), onLost);
        }, Math.max(1_000, options.timeoutMs));
        pinger.unref();
        delay = RECONNECT_MIN_MS;
        if (failedSince !== null) {
          logger.info(`[support] event listener reconnected after ${Math.round((Date.now() - failedSince) / 1000)} s`);
          failedSince = null;
          attempts = 0;
        }
        // Notices sent while nobody listened are gone: every open stream reads the table once more.
        wakeAll();
      };
      const started = connect();
      return async () => {
        stopped = true;
        stopPinging();
        if (retry !== null) clearTimeout(retry);
        await started;
        await listener?.end().catch(() => undefined);
      };
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    identity: async () => (await first<{ id: string }>(pool, 'SELECT id FROM database_identity'))?.id ?? '',
    servedOutsideDev: async () => (await first<{ at: string | null }>(pool, 'SELECT served_outside_dev_at AS at FROM database_identity'))?.at ?? null,
    markServedOutsideDev: async (at) => {
      await pool.query('UPDATE database_identity SET served_outside_dev_at = COALESCE(served_outside_dev_at, $1)', [at]);
    },
    connectionLimit: async () => {
      const row = await first<{ max: string; reserved: string }>(
        pool,
        "SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved",
      );
      return { max: Number(row?.max ?? 0), reserved: Number(row?.reserved ?? 0) };
    },
    location: async () => {
      const at = await first<{ port: number | null; name: string }>(pool, 'SELECT inet_server_port() AS port, current_database() AS name');
      // The cluster's own id, made by initdb: a dump restored on another server has another, though its port and
      // name may be the same. A server that does not show it to this role is told apart by port and name alone.
      const cluster = await first<{ id: string }>(pool, 'SELECT system_identifier::text AS id FROM pg_control_system()').catch(() => undefined);
      const formerly = `postgres :${at?.port ?? 'socket'}/${at?.name ?? ''}`;
      return { place: `postgres ${cluster?.id ?? ''}:${at?.port ?? 'socket'}/${at?.name ?? ''}`, formerly };
    },
    close: () => pool.end(),
  };
}
