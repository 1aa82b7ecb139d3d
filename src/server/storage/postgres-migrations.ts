/**
 * The PostgreSQL schema as numbered migrations, applied at start under an advisory lock: several processes
 * starting together wait for each other, and each migration runs once, in its own transaction.
 */
import type { Client } from 'pg';
import { newerSchemaLine } from './migrated-line';
import type { NewerMigration } from './migrated-line';

interface Migration {
  version: number;
  name: string;
  sql: string;
  /** The change only adds or loosens: a build from before it may go on serving (recorded from schema 17 on). */
  olderBuildsServe?: true;
}

// Same tables and columns as the SQLite schema, so the repositories map rows the same way. Times are ISO
// strings as there (they sort as text); ids that only grow are identity columns.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tickets, events, attachments, idempotency, counters',
    sql: `
      CREATE TABLE tickets (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        number TEXT NOT NULL UNIQUE,
        owner TEXT NOT NULL,
        access_key_hash TEXT UNIQUE,
        category TEXT NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        draft_json TEXT NOT NULL,
        reporter_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        review_due_at TEXT NOT NULL,
        resolve_due_at TEXT NOT NULL,
        deadlines_provisional INTEGER NOT NULL CHECK (deadlines_provisional IN (0, 1)),
        one_problem_parts INTEGER,
        one_problem_markers TEXT,
        split_group TEXT
      );
      CREATE INDEX tickets_by_owner ON tickets (owner, seq);
      CREATE INDEX tickets_by_status ON tickets (status, seq);
      CREATE INDEX tickets_by_split_group ON tickets (owner, split_group, seq) WHERE split_group IS NOT NULL;

      CREATE TABLE ticket_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);

      CREATE TABLE events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        type TEXT NOT NULL CHECK (type IN ('status', 'message')),
        status TEXT NOT NULL,
        previous_status TEXT,
        actor TEXT NOT NULL,
        text TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX events_by_ticket ON events (ticket_id, id);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        ticket_id TEXT REFERENCES tickets (id),
        event_id BIGINT REFERENCES events (id),
        position INTEGER,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        storage_name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX attachments_pending_by_owner ON attachments (owner) WHERE ticket_id IS NULL;
      CREATE INDEX attachments_by_ticket ON attachments (ticket_id, event_id, position);

      CREATE TABLE idempotency_keys (
        owner TEXT NOT NULL,
        key TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        status INTEGER NOT NULL,
        response_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (owner, key)
      );

      CREATE TABLE rate_counters (
        key TEXT PRIMARY KEY,
        window_start BIGINT NOT NULL,
        count BIGINT NOT NULL
      );
      CREATE INDEX rate_counters_by_start ON rate_counters (window_start);
    `,
  },
  {
    version: 2,
    name: "the reporter's rating of the help",
    sql: `
      ALTER TABLE tickets ADD COLUMN rating_score INTEGER CHECK (rating_score BETWEEN 1 AND 5);
      ALTER TABLE tickets ADD COLUMN rating_comment TEXT;
      ALTER TABLE tickets ADD COLUMN rated_at TEXT;
      ALTER TABLE tickets ADD COLUMN rating_updated_at TEXT;
      CREATE INDEX tickets_by_rating_update ON tickets (rating_updated_at) WHERE rating_score IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'outbox of e-mails and webhooks, notification preferences',
    sql: `
      CREATE TABLE outbox (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
        target TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        event_id BIGINT NOT NULL REFERENCES events (id),
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX outbox_by_status ON outbox (status, id);

      CREATE TABLE notification_prefs (
        owner TEXT PRIMARY KEY,
        email BOOLEAN NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'follow-up tickets',
    sql: `
      ALTER TABLE tickets ADD COLUMN follow_up_of TEXT REFERENCES tickets (id);
      CREATE INDEX tickets_by_follow_up_of ON tickets (follow_up_of, seq) WHERE follow_up_of IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'when a guest consented to the processing of personal data',
    sql: `ALTER TABLE tickets ADD COLUMN consent_at TEXT;`,
  },
  {
    version: 6,
    name: 'a given-up delivery sent again',
    sql: `ALTER TABLE outbox ADD COLUMN requeued_at TEXT;`,
  },
  {
    version: 7,
    name: 'the specialist who made an event',
    sql: `ALTER TABLE events ADD COLUMN agent_name TEXT;`,
  },
  {
    version: 8,
    name: 'the queue: tickets by resolve deadline',
    sql: `CREATE INDEX tickets_by_due ON tickets (resolve_due_at, seq);`,
  },
  {
    version: 9,
    name: 'the language of the reporter\'s e-mails',
    sql: `ALTER TABLE tickets ADD COLUMN locale TEXT;`,
  },
  {
    version: 10,
    name: 'the database\'s identity, which its attachments folder keeps',
    sql: `
      CREATE TABLE database_identity (id TEXT PRIMARY KEY);
      INSERT INTO database_identity (id) VALUES (replace(gen_random_uuid()::text, '-', ''));
    `,
  },
  {
    version: 11,
    name: 'the specialist a ticket is assigned to, and who took, handed over or released it',
    sql: `
      ALTER TABLE tickets ADD COLUMN assignee TEXT;
      CREATE INDEX tickets_by_assignee ON tickets (assignee, seq);
      CREATE TABLE assignments (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        assignee TEXT,
        previous TEXT,
        by_agent TEXT,
        cause TEXT NOT NULL CHECK (cause IN ('assign', 'status')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX assignments_by_ticket ON assignments (ticket_id, id);
    `,
  },
  {
    version: 12,
    name: 'when the database first served outside dev mode',
    sql: `ALTER TABLE database_identity ADD COLUMN served_outside_dev_at TEXT;`,
  },
  {
    version: 13,
    name: 'who made a ticket\'s newest change (the queue takes back an answer the user wrote after)',
    sql: `
      ALTER TABLE tickets ADD COLUMN last_actor TEXT;
      UPDATE tickets SET last_actor = (SELECT actor FROM events WHERE events.ticket_id = tickets.id ORDER BY events.id DESC LIMIT 1);
      CREATE INDEX tickets_by_status_actor ON tickets (status, last_actor);
    `,
  },
  {
    version: 14,
    name: 'who made a ticket\'s newest change, kept by the database (a build from before 13 still serving writes events)',
    sql: `
      CREATE FUNCTION events_set_last_actor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets SET last_actor = NEW.actor WHERE id = NEW.ticket_id;
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER events_set_last_actor AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_set_last_actor();
      UPDATE tickets SET last_actor = (SELECT actor FROM events WHERE events.ticket_id = tickets.id ORDER BY events.id DESC LIMIT 1);
    `,
  },
  {
    version: 15,
    name: 'idempotency records by age, which the periodic cleanup deletes',
    sql: `CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);`,
  },
  {
    version: 16,
    // A rating, an assignment or an erasure is announced to the desks under an id of the events' sequence with no
    // event row (events.reserveId): the outbox's event_id no longer references events.
    name: 'deliveries of notices that are not events (a rating, an assignment, an erasure)',
    sql: `ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_fkey;`,
  },
  {
    version: 17,
    // A build refuses a database a newer one migrated, unless each newer migration says it only added or loosened:
    // then a process of the previous build that stops during a rolling restart starts again and serves.
    name: 'which migrations keep older builds serving',
    sql: `
      ALTER TABLE schema_migrations ADD COLUMN older_builds_serve INTEGER NOT NULL DEFAULT 0;
      UPDATE schema_migrations SET older_builds_serve = 1 WHERE version = 16;
    `,
    olderBuildsServe: true,
  },
];

/** The newest schema version this build knows. */
export const LATEST_POSTGRES_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

// Any constant both sides agree on: the key of the session advisory lock that serializes migrations.
const MIGRATION_LOCK = 4_172_015_001;

/** Applies every newer migration, one process at a time; refuses a database from a newer build. */
export async function migratePostgres(client: Client, now: Date, warn: (line: string) => void = () => undefined): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    // Created only when missing: even IF NOT EXISTS asks for CREATE on the schema, which a role may lose once the
    // database is migrated (least privilege between upgrades).
    const { rows: found } = await client.query<{ table: string | null }>(`SELECT to_regclass('schema_migrations')::text AS table`);
    if (found[0]?.table === null || found[0] === undefined) {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    }
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > LATEST_POSTGRES_VERSION) {
      // A newer build's database has the column (schema 17 added it).
      const { rows: newer } = await client.query<NewerMigration>('SELECT version, older_builds_serve FROM schema_migrations WHERE version > $1', [LATEST_POSTGRES_VERSION]);
      warn(newerSchemaLine(current, LATEST_POSTGRES_VERSION, newer));
      return [];
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          now.toISOString(),
        ]);
        if (migration.olderBuildsServe === true) await client.query('UPDATE schema_migrations SET older_builds_serve = 1 WHERE version = $1', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
