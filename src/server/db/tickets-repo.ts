/** Reads and writes of the `tickets` table and the per-year number counter. */
import { userOwner } from '../auth/identity';
import { searchPattern } from '../storage/search';
import type { Database } from 'better-sqlite3';
import { AWAITS_SUPPORT_SQL } from '../tickets/paging';
import type { PageQuery } from '../tickets/paging';
import type { LowRatingRow, RatingColumns, RatingCounts, RatingWrite, TicketRow } from './rows';

interface PageParams {
  owner: string | null;
  keyHash: string | null;
  status: string | null;
  category: string | null;
  priority: string | null;
  text: string | null;
  /** The search as an LMS user's owner (`user:<sub>`): their tickets by their id. */
  textOwner: string | null;
  /** 0: any assignee; 1: none; 2: `assignee`. */
  assigneeMode: number;
  assignee: string | null;
  updatedSince: string | null;
  before: number;
  afterDue: string;
  afterSeq: number;
  take: number;
}

/** A new ticket, as the create service hands it over. */
export type NewTicket = Omit<TicketRow, 'seq' | RatingColumns | 'assignee' | 'last_actor'>;

/** Prepared statements over `tickets`. */
export function ticketsRepo(db: Database) {
  const byId = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const byReporter = db.prepare<[string, string], TicketRow>(
    'SELECT * FROM tickets WHERE owner = ? OR access_key_hash = ? ORDER BY seq DESC',
  );
  // Filters are bound as null when unused; `seq < before` pages by position (newest first).
  const filters = `(@owner IS NULL OR owner = @owner OR access_key_hash = @keyHash)
      AND (@status IS NULL OR status = @status) AND (@category IS NULL OR category = @category)
      AND (@priority IS NULL OR priority = @priority)
      AND (@text IS NULL OR fold(number) LIKE @text ESCAPE '\\' OR fold(subject) LIKE @text ESCAPE '\\'
        OR fold(json_extract(draft_json, '$.description')) LIKE @text ESCAPE '\\'
        OR fold(json_extract(reporter_json, '$.fullName')) LIKE @text ESCAPE '\\'
        OR fold(json_extract(reporter_json, '$.email')) LIKE @text ESCAPE '\\'
        OR fold(json_extract(reporter_json, '$.organization')) LIKE @text ESCAPE '\\' OR owner = @textOwner)
      AND (@assigneeMode = 0 OR (@assigneeMode = 1 AND assignee IS NULL) OR (@assigneeMode = 2 AND assignee = @assignee))
      AND (@updatedSince IS NULL OR updated_at >= @updatedSince)`;
  const page = db.prepare<PageParams, TicketRow>(`SELECT * FROM tickets WHERE ${filters} AND seq < @before
    ORDER BY seq DESC LIMIT @take`);
  // The queue: what waits for support, the soonest resolve deadline first, paged by (deadline, position).
  const queuePage = db.prepare<PageParams, TicketRow>(`SELECT * FROM tickets
    WHERE ${AWAITS_SUPPORT_SQL} AND ${filters}
      AND (resolve_due_at > @afterDue OR (resolve_due_at = @afterDue AND seq > @afterSeq))
    ORDER BY resolve_due_at, seq LIMIT @take`);
  const insert = db.prepare<NewTicket>(`INSERT INTO tickets (id, number, owner, access_key_hash, category, subject,
    status, priority, draft_json, reporter_json, created_at, updated_at, review_due_at, resolve_due_at,
    deadlines_provisional, one_problem_parts, one_problem_markers, split_group, follow_up_of, consent_at, locale) VALUES (@id,
    @number, @owner, @access_key_hash, @category, @subject, @status, @priority, @draft_json, @reporter_json, @created_at,
    @updated_at, @review_due_at, @resolve_due_at, @deadlines_provisional, @one_problem_parts, @one_problem_markers,
    @split_group, @follow_up_of, @consent_at, @locale)`);
  const byNumber = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE number = ?');
  const followUps = db.prepare<[string], Pick<TicketRow, 'id' | 'number'>>(
    'SELECT id, number FROM tickets WHERE follow_up_of = ? ORDER BY seq',
  );
  const bySplitGroup = db.prepare<[string, string], Pick<TicketRow, 'id' | 'number'>>(
    'SELECT id, number FROM tickets WHERE owner = ? AND split_group = ? ORDER BY seq',
  );
  const setStatus = db.prepare<[string, string, string]>('UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?');
  const setAssignee = db.prepare<[string | null, string]>('UPDATE tickets SET assignee = ? WHERE id = ?');
  const bumpCounter = db.prepare<[number], { last: number }>(`INSERT INTO ticket_counters (year, last) VALUES (?, 1)
    ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tickets');
  const setRating = db.prepare<[number, string | null, string, string, string]>(
    'UPDATE tickets SET rating_score = ?, rating_comment = ?, rated_at = ?, rating_updated_at = ? WHERE id = ?',
  );
  const ratingCounts = db.prepare<[number, string], RatingCounts>(`SELECT COUNT(*) AS count,
    COALESCE(SUM(CASE WHEN rating_score >= ? THEN 1 ELSE 0 END), 0) AS positive
    FROM tickets WHERE rating_score IS NOT NULL AND rating_updated_at >= ?`);
  const lowRatings = db.prepare<[number, string, number], LowRatingRow>(`SELECT id, number, subject, rating_score, rating_comment,
    rating_updated_at FROM tickets WHERE rating_score < ? AND rating_updated_at >= ? ORDER BY rating_updated_at DESC, seq DESC LIMIT ?`);

  return {
    /** One ticket by id, or undefined. */
    get: (id: string) => byId.get(id),
    /** The tickets a reporter owns (or reaches with an access key), newest first. */
    listForReporter: (owner: string, keyHash: string) => byReporter.all(owner, keyHash),
    /** One ticket by its number, or undefined. */
    getByNumber: (number: string) => byNumber.get(number),
    /** The tickets that continue `id`, oldest first. */
    listFollowUps: (id: string) => followUps.all(id),
    /** The tickets of one owner split from one description, oldest first. */
    listSplitGroup: (owner: string, group: string) => bySplitGroup.all(owner, group),
    /** One page of tickets, newest first or the queue, one row more than asked (so the caller knows if more follow). */
    page: (query: PageQuery, owner: { owner: string; keyHash: string } | null) =>
      (query.order === 'due' ? queuePage : page).all({
        owner: owner?.owner ?? null,
        keyHash: owner?.keyHash ?? null,
        status: query.status,
        category: query.category,
        priority: query.priority,
        text: query.text === null ? null : searchPattern(query.text),
        textOwner: query.text === null ? null : userOwner(query.text),
        assigneeMode: query.assignee === null ? 0 : query.assignee.is === null ? 1 : 2,
        assignee: query.assignee?.is ?? null,
        updatedSince: query.updatedSince,
        before: query.before ?? Number.MAX_SAFE_INTEGER,
        afterDue: query.after?.due ?? '',
        afterSeq: query.after?.seq ?? -1,
        take: query.limit + 1,
      }),
    /** Inserts a ticket (inside the caller's transaction). */
    insert: (ticket: NewTicket) => void insert.run(ticket),
    /** Sets the status and the update time (who made the change, `last_actor`, the database keeps from the events). */
    setStatus: (id: string, status: string, at: string) => void setStatus.run(status, at, id),
    /** Sets the specialist handling the ticket (null: nobody); its update time stays, as the reporter sees it. */
    setAssignee: (id: string, assignee: string | null) => void setAssignee.run(assignee, id),
    /** The next number of `year` (1, 2, …): call only inside the transaction that uses it. */
    nextNumber: (year: number) => bumpCounter.get(year)?.last ?? 1,
    /** How many tickets exist (diagnostics and tests). */
    count: () => count.get()?.n ?? 0,
    /** Stores the reporter's rating. */
    setRating: (id: string, r: RatingWrite) => void setRating.run(r.score, r.comment, r.ratedAt, r.updatedAt, id),
    /** Ratings given or changed since `since` (ISO), and how many of them are at least `positiveMin`. */
    ratingCounts: (since: string, positiveMin: number) => ratingCounts.get(positiveMin, since) ?? { count: 0, positive: 0 },
    /** The newest `limit` ratings under `below` given or changed since `since`, newest first. */
    lowRatings: (since: string, below: number, limit: number) => lowRatings.all(below, since, limit),
  };
}
