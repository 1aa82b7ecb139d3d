/** Row shapes as SQLite returns them (snake_case, JSON as text); only the repositories see these. */

/** A `tickets` row. */
export interface TicketRow {
  seq: number;
  id: string;
  number: string;
  owner: string;
  access_key_hash: string | null;
  category: string;
  subject: string;
  status: string;
  priority: string;
  draft_json: string;
  reporter_json: string;
  created_at: string;
  updated_at: string;
  review_due_at: string;
  resolve_due_at: string;
  deadlines_provisional: number;
  /** Problems the one-problem check found, stored when the user confirmed one problem. */
  one_problem_parts: number | null;
  /** The check's markers as a JSON array of strings, with `one_problem_parts`. */
  one_problem_markers: string | null;
  /** The client's token shared by tickets split from one description. */
  split_group: string | null;
  /** The reporter's rating 1–5, once given. */
  rating_score: number | null;
  rating_comment: string | null;
  /** When the rating was first given, and last changed (ISO). */
  rated_at: string | null;
  rating_updated_at: string | null;
  /** The id of the earlier, final ticket of the same reporter this one continues. */
  follow_up_of: string | null;
  /** When a guest consented to the processing of personal data (ISO); null for signed-in users. */
  consent_at: string | null;
  /** The language of the reporter's e-mails ('ru', 'en'), as their browser preferred when the ticket was sent; null: Russian. */
  locale: string | null;
  /** The named specialist (SUPPORT_AGENTS) handling the ticket; null while nobody is. Support's only. */
  assignee: string | null;
  /**
   * Who made the ticket's newest event (`system` for its creation, `reporter`, `support`): kept by a trigger on
   * `events` (migrations), never written by the server; null only for an instant before the creation's event.
   */
  last_actor: string | null;
}

/** The rating columns of a ticket; a new ticket has none. */
export type RatingColumns = 'rating_score' | 'rating_comment' | 'rated_at' | 'rating_updated_at';

/** A rating as the service stores it. */
export interface RatingWrite {
  score: number;
  comment: string | null;
  ratedAt: string;
  updatedAt: string;
}

/** A rating under the positive ones, as support's stats list it. */
export interface LowRatingRow {
  id: string;
  number: string;
  subject: string;
  rating_score: number;
  rating_comment: string | null;
  rating_updated_at: string;
}

/** Ratings given or changed since a moment. */
export interface RatingCounts {
  count: number;
  positive: number;
}

/** An `events` row. */
export interface EventRow {
  id: number;
  ticket_id: string;
  type: string;
  status: string;
  previous_status: string | null;
  actor: string;
  /** The named specialist who made a support event (SUPPORT_AGENTS); null for any other, and the shared token's. */
  agent_name: string | null;
  text: string | null;
  created_at: string;
}

/**
 * An `assignments` row: one change of a ticket's assignee, support's own history (never an event: the reporter
 * reads the events, and never who is handling the ticket).
 */
export interface AssignmentRow {
  id: number;
  ticket_id: string;
  /** The assignee after the change; null: released. */
  assignee: string | null;
  /** The assignee before it; null: nobody. */
  previous: string | null;
  /** The specialist who made the change; null: the shared token (support by no name). */
  by_agent: string | null;
  /** `assign`: the assignee endpoint; `status`: taken by moving an unassigned ticket to work. */
  cause: 'assign' | 'status';
  created_at: string;
}

/** An `attachments` row. */
export interface AttachmentRow {
  id: string;
  owner: string;
  ticket_id: string | null;
  event_id: number | null;
  position: number | null;
  name: string;
  content_type: string;
  size: number;
  width: number | null;
  height: number | null;
  storage_name: string;
  created_at: string;
}

/** An `idempotency_keys` row. */
export interface IdempotencyRow {
  owner: string;
  key: string;
  body_hash: string;
  ticket_id: string;
  status: number;
  response_json: string;
  created_at: string;
}

/** An `outbox` row: one e-mail or webhook delivery, written with the event it announces. */
export interface OutboxRow {
  id: number;
  kind: 'email' | 'webhook';
  /** The e-mail address or the webhook URL. */
  target: string;
  /** Unique: the same change never queues the same delivery twice. */
  dedupe_key: string;
  event_id: number;
  ticket_id: string;
  /** JSON: the rendered e-mail, or the webhook body exactly as it is sent. */
  payload: string;
  attempts: number;
  /** ISO; a claimed row's lease ends here. */
  next_attempt_at: string;
  last_error: string | null;
  status: 'pending' | 'sent' | 'failed';
  created_at: string;
  /** ISO; when a specialist sent a given-up row again (its day of retries counts from here). */
  requeued_at: string | null;
  sent_at: string | null;
}
