/**
 * The storage interface both engines implement (SQLite by default, PostgreSQL with SUPPORT_DATABASE_URL):
 * tickets, events, attachment metadata, idempotency records, rate-limit and quota counters, and the signal
 * that tells other processes a ticket has a new event. Every call is asynchronous so either engine fits;
 * rows have the same shape in both (docs/architecture.md).
 */
import type { PageQuery } from '../tickets/paging';
import type { AssignmentRow, AttachmentRow, EventRow, IdempotencyRow, LowRatingRow, OutboxRow, RatingColumns, RatingCounts, RatingWrite, TicketRow } from '../db/rows';

/** A new ticket, as the create service hands it over. */
export type NewTicket = Omit<TicketRow, 'seq' | RatingColumns | 'assignee' | 'last_actor'>;
/** A new event; its id only ever grows, and a ticket's ids grow in commit order. */
export type NewEvent = Omit<EventRow, 'id'>;
/** A new record of a change of assignee. */
export type NewAssignment = Omit<AssignmentRow, 'id'>;
/** A freshly uploaded, not yet claimed attachment. */
export type NewAttachment = Omit<AttachmentRow, 'ticket_id' | 'event_id' | 'position'>;

/** A delivery to queue; the rest of the row starts as pending, never tried. */
export type NewOutboxRow = Pick<OutboxRow, 'kind' | 'target' | 'dedupe_key' | 'event_id' | 'ticket_id' | 'payload' | 'created_at'>;

/** Queueing deliveries, only inside the transaction of the event they announce. */
export interface OutboxWrites {
  /** Queues rows; one whose dedupe key is already queued is skipped. */
  enqueue(rows: readonly NewOutboxRow[]): Promise<void>;
}

/** The dispatcher's side of the outbox (shared by every process on the database). */
export interface OutboxRepo {
  /**
   * Claims up to `limit` pending rows due at `now` (ISO), oldest first, counting an attempt and leasing them
   * until `leaseUntil`: no other process claims them before that (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
   * SQLite: one atomic `UPDATE … RETURNING`). A process that dies mid-send loses the lease, not the row.
   */
  claim(now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]>;
  markSent(id: number, at: string): Promise<void>;
  /** Records a failed attempt: tried again at `nextAt`, or given up (`failed`) when `nextAt` is null. */
  markFailed(id: number, error: string, nextAt: string | null): Promise<void>;
  /** The delivery log, newest first, as `filter` narrows it (each null: any). */
  list(filter: DeliveryFilter, limit: number): Promise<DeliveryRow[]>;
  /** One row of the log. */
  get(id: number): Promise<DeliveryRow | undefined>;
  /** Sends every given-up row `filter` takes again, as `requeue` does one; how many. */
  requeueFailed(filter: Pick<DeliveryFilter, 'kind' | 'ticketId'>, now: string): Promise<number>;
  /**
   * Sends a given-up (`failed`) row again: pending, due `now`, attempts from zero and a new day of retries from
   * `now`. The row as it is then; undefined when it is not failed (or does not exist).
   */
  requeue(id: number, now: string): Promise<OutboxRow | undefined>;
  /** What waits and what was given up, by kind, and when the oldest row not sent yet was queued (the metrics). */
  stats(): Promise<OutboxStats>;
}

/** Which rows of the delivery log a listing takes; null: any. */
export interface DeliveryFilter {
  status: OutboxRow['status'] | null;
  kind: OutboxRow['kind'] | null;
  ticketId: string | null;
  /** Only rows older than this id: the next page. */
  before: number | null;
}

/**
 * A row of the delivery log with what its event was: its type (null: a notice, no event) and its previous status
 * (null: the ticket's creation).
 */
export type DeliveryRow = OutboxRow & { event_type: string | null; event_previous_status: string | null };

/** The outbox's figures: pending and failed rows by kind, and the oldest pending row's `created_at` by kind (kinds with none left out). */
export interface OutboxStats {
  counts: Array<{ kind: OutboxRow['kind']; status: 'pending' | 'failed'; count: number }>;
  oldestPending: Array<{ kind: OutboxRow['kind']; at: string }>;
}

/** A reporter's notification preferences. */
export interface PrefsRepo {
  /** Whether `owner` wants e-mails (true when never set). */
  emailEnabled(owner: string): Promise<boolean>;
  setEmail(owner: string, enabled: boolean, at: string): Promise<void>;
}

/** Reads and writes of tickets and the per-year number counter. */
export interface TicketsRepo {
  /** One ticket by id. */
  get(id: string): Promise<TicketRow | undefined>;
  /** One ticket by its number (UP-2026-000123). */
  getByNumber(number: string): Promise<TicketRow | undefined>;
  /** The tickets that continue ticket `id` (their `follow_up_of`), oldest first. */
  listFollowUps(id: string): Promise<Array<Pick<TicketRow, 'id' | 'number'>>>;
  /** The tickets of one owner split from one description, oldest first. */
  listSplitGroup(owner: string, group: string): Promise<Array<Pick<TicketRow, 'id' | 'number'>>>;
  /** One page of tickets, newest first, one row more than asked (so the caller knows if more follow). */
  page(query: PageQuery, owner: { owner: string; keyHash: string } | null): Promise<TicketRow[]>;
  /** How many tickets exist (diagnostics and tests). */
  count(): Promise<number>;
  /** Ratings given or changed since `since` (ISO), and how many of them are at least `positiveMin`. */
  ratingCounts(since: string, positiveMin: number): Promise<RatingCounts>;
  /** The newest `limit` ratings under `below` given or changed since `since`, newest first. */
  lowRatings(since: string, below: number, limit: number): Promise<LowRatingRow[]>;
}

/** Ticket writes, only inside a transaction. */
export interface TicketsWrites extends TicketsRepo {
  /**
   * The ticket, locked until the transaction ends (PostgreSQL: `FOR UPDATE`), so changes of one ticket are
   * serialized and its events commit in id order: a stream reading "after the last id" never skips one.
   */
  getForUpdate(id: string): Promise<TicketRow | undefined>;
  insert(ticket: NewTicket): Promise<void>;
  /** Sets the status and the update time (who made the change, `last_actor`, the database keeps from the events). */
  setStatus(id: string, status: string, at: string): Promise<void>;
  /** Sets the specialist handling the ticket (null: nobody); the update time stays (the reporter sees it). */
  setAssignee(id: string, assignee: string | null): Promise<void>;
  /** Stores the reporter's rating (first or changed). */
  setRating(id: string, rating: RatingWrite): Promise<void>;
  /** The next number of `year` (1, 2, …). */
  nextNumber(year: number): Promise<number>;
}

/** Reads of the append-only event history. */
export interface EventsRepo {
  /** A ticket's events with id > `after`, oldest first. */
  listAfter(ticketId: string, after?: number): Promise<EventRow[]>;
  /** The id of a ticket's newest event (0 when none). */
  lastId(ticketId: string): Promise<number>;
  /** How many events of `actor` (`reporter`, `support`) a ticket has. */
  count(ticketId: string, actor: string): Promise<number>;
}

/** Event writes, only inside a transaction. */
export interface EventsWrites extends EventsRepo {
  /** Appends an event and returns its id; other processes learn of it when the transaction commits. */
  insert(event: NewEvent): Promise<number>;
  /**
   * Takes the next id of the events' sequence without an event: no event gets it, and every event after it has a
   * higher one. A notice to the desks that is no ticket event (a rating, an assignment, an erasure) is sent under
   * it, so a desk orders and deduplicates notices and events by one id.
   */
  reserveId(): Promise<number>;
}

/** Reads of support's history of assignees. */
export interface AssignmentsRepo {
  /** A ticket's changes of assignee, oldest first. */
  listOf(ticketId: string): Promise<AssignmentRow[]>;
}

/** Assignment writes, only inside a transaction. */
export interface AssignmentsWrites extends AssignmentsRepo {
  /** Records a change of assignee and returns its id. */
  insert(row: NewAssignment): Promise<number>;
}

/** Reads of attachment metadata. */
export interface AttachmentsRepo {
  get(id: string): Promise<AttachmentRow | undefined>;
  /** How many uploads of `owner` since `since` (ISO) no ticket has claimed yet. */
  countPending(owner: string, since: string): Promise<number>;
  /** Every storage name a row holds. */
  storageNames(): Promise<string[]>;
  /** The attachments sent with the ticket itself. */
  listOfCreate(ticketId: string): Promise<AttachmentRow[]>;
  /** The attachments sent with the ticket's messages, by event. */
  listOfEvents(ticketId: string): Promise<AttachmentRow[]>;
}

/** Attachment writes, only inside a transaction. */
export interface AttachmentsWrites extends AttachmentsRepo {
  insert(row: NewAttachment): Promise<void>;
  /** Deletes an unclaimed upload of `owner`; false when there was none. */
  removeUnclaimed(id: string, owner: string): Promise<boolean>;
  /** Deletes unclaimed uploads created before `before` (ISO); returns their storage names. */
  removeUnclaimedBefore(before: string): Promise<string[]>;
  /** How many attachments a ticket has (create and messages). */
  countForTicket(ticketId: string): Promise<number>;
  /** Claims an unclaimed upload of `owner` (event null = the create); false when it was not claimable. */
  claim(id: string, owner: string, ticketId: string, eventId: number | null, position: number): Promise<boolean>;
}

/** The stored first answers of ticket creates. */
export interface IdempotencyRepo {
  get(owner: string, key: string): Promise<IdempotencyRow | undefined>;
}

/** Idempotency writes, only inside a transaction. */
export interface IdempotencyWrites extends IdempotencyRepo {
  insert(row: IdempotencyRow): Promise<void>;
}

/**
 * Whose tickets an erasure takes: every ticket of an owner (a signed-in user), the guests' tickets whose reporter
 * gave an address of the mailbox `guestEmail` reaches (any case, any +tag, Gmail's dots: mailbox.ts), or one ticket.
 */
export type ErasedPerson = { owner: string } | { guestEmail: string } | { ticketId: string };

/** What erasing a person's data changes, only inside a transaction (tickets/erasure.ts says what and why). */
export interface ErasureWrites {
  /** The person's tickets, locked. */
  tickets(person: ErasedPerson): Promise<TicketRow[]>;
  /** Rewrites a ticket without its reporter's data: a new owner, no access key, no rating comment. */
  ticket(id: string, values: Pick<TicketRow, 'owner' | 'subject' | 'draft_json' | 'reporter_json'>): Promise<void>;
  /** Replaces the texts the reporter wrote in a ticket's events. */
  reporterTexts(ticketId: string, text: string): Promise<void>;
  /**
   * Deletes the reporter's files of the tickets (a specialist's stay) and the unsent uploads of `uploaders`; returns
   * their storage names.
   */
  attachments(ticketIds: readonly string[], uploaders: readonly string[]): Promise<string[]>;
  /** Deletes the tickets' deliveries and stored first answers, and the e-mail preferences of `subscribers`. */
  records(ticketIds: readonly string[], subscribers: readonly string[]): Promise<void>;
}

/** What a transaction can do. */
export interface Transaction {
  erasure: ErasureWrites;
  tickets: TicketsWrites;
  events: EventsWrites;
  assignments: AssignmentsWrites;
  attachments: AttachmentsWrites;
  idempotency: IdempotencyWrites;
  outbox: OutboxWrites;
  prefs: Pick<PrefsRepo, 'emailEnabled'>;
  /**
   * Holds a named lock until the transaction ends, so two processes deciding on the same thing (one
   * idempotency key, one owner's upload quota) decide one after the other. SQLite's write lock already does.
   */
  lock(name: string): Promise<void>;
}

/** A fixed-window counter's state: when its window started (ms) and what it holds. */
export interface CounterState {
  start: number;
  count: number;
}

/** Rate-limit and quota counters shared by every process on the database. */
export interface Counters {
  /** Adds `amount` to `key`'s window (a new one when it is older than `windowMs`); returns the state after. */
  add(key: string, amount: number, windowMs: number, nowMs: number): Promise<CounterState>;
  /** The state of `key`'s current window (count 0 when none is open). */
  peek(key: string, windowMs: number, nowMs: number): Promise<CounterState>;
  /**
   * Forgets up to `limit` windows that started before `beforeMs`, of the keys that start with `prefix` (every key
   * when empty), in one statement; returns how many. The caller repeats it while a whole batch went, as with
   * {@link Retention}, so a large table never holds the other writers for long.
   */
  sweep(beforeMs: number, limit: number, prefix?: string): Promise<number>;
}

/**
 * What the periodic cleanup deletes, a batch per call: each is one short statement (its own transaction), so a
 * large table never holds the other writers for long. Rows another process is deleting or changing at that moment
 * are skipped, not waited for (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite's write lock already serializes).
 */
export interface Retention {
  /**
   * Deletes up to `limit` deliveries with ids above `afterId`, oldest first, that were sent, or given up, before
   * `before` (ISO); returns their ids. A pending delivery is never deleted.
   */
  removeFinishedDeliveries(before: string, afterId: number, limit: number): Promise<number[]>;
  /** Deletes up to `limit` idempotency records created before `before` (ISO), oldest first; returns how many. */
  removeIdempotencyKeys(before: string, limit: number): Promise<number>;
}

/** Which engine a storage is. */
export type Engine = 'sqlite' | 'postgres';

/** The storage of the server. */
export interface Storage {
  engine: Engine;
  tickets: TicketsRepo;
  events: EventsRepo;
  assignments: AssignmentsRepo;
  attachments: AttachmentsRepo;
  idempotency: IdempotencyRepo;
  counters: Counters;
  outbox: OutboxRepo;
  prefs: PrefsRepo;
  retention: Retention;
  /**
   * Runs `work` as one transaction: any throw rolls everything back; a busy, full or unreachable database
   * is a 503. Keep `work` to storage calls (and the synchronous file rename of an upload).
   */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Starts telling `wake(ticketId)` about events other processes commit (PostgreSQL: LISTEN/NOTIFY with a
   * reconnecting listener; SQLite: a cheap poll of the events table). `wakeAll` is called when notices may
   * have been missed (the listener reconnected). Returns the stop function.
   */
  watchEvents(wake: (ticketId: string) => void, wakeAll: () => void, active: () => boolean): () => Promise<void>;
  /** A trivial query: resolves when the database answers. */
  ping(): Promise<void>;
  /** The database's own random id, made by its migrations: the attachments folder keeps it to know its database. */
  identity(): Promise<string>;
  /**
   * Where this database is (SQLite: the file's real path; PostgreSQL: the cluster's own id, the server's port and the
   * database's name): a copy has the same identity in another place. `formerly`: how an older server said the same
   * place, which a marker written by it still holds.
   */
  location(): Promise<{ place: string; formerly?: string }>;
  /**
   * PostgreSQL: how many connections the server takes from clients like this one (max_connections less those kept for
   * superusers); undefined on SQLite.
   */
  connectionLimit?(): Promise<{ max: number; reserved: number }>;
  /** When a server first opened this database outside dev mode (null: never), and recording it (kept once set). */
  servedOutsideDev(): Promise<string | null>;
  markServedOutsideDev(at: string): Promise<void>;
  /**
   * After an erasure: SQLite writes the log back into the file and empties it, so no old copy of a page stays in
   * it (a checkpoint other readers hold up is left for later); PostgreSQL has none.
   */
  scrub?(): Promise<void>;
  /** Closes every connection. */
  close(): Promise<void>;
}
