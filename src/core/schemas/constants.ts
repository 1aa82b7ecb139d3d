/**
 * The constants of the wire schemas (limits, accepted types, error codes, rating rules), apart from the schemas
 * themselves: code that needs only these does not build a single schema when its module is evaluated (the
 * widget's first file is evaluated while the host page waits). Each is re-exported where its schema lives.
 */
import { TICKET_FIELDS } from '../fields/ticket-fields';
import type { Status } from '../statuses';

/** Limits of the draft's lists; the text fields' limits are in the field table. */
export const DRAFT_LIMITS = {
  subject: TICKET_FIELDS.subject.maxLength,
  description: TICKET_FIELDS.description.maxLength,
  attachments: 10,
  pageErrors: 20,
} as const;

/** Content types the server accepts, decided by the file's bytes, never by its name. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] as const;
/** One accepted content type. */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Default limits; the server may be configured otherwise and says so in `GET /meta`. */
export const DEFAULT_ATTACHMENT_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerTicket: 10,
  maxPixels: 40_000_000,
  acceptedTypes: [...ATTACHMENT_TYPES],
};

/** Longest message (a reply, a specialist's question or answer). */
export const MAX_MESSAGE_LENGTH = 5000;

/** Error codes of the HTTP contract. */
export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'idempotency_conflict',
  'illegal_transition',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_attachments',
  'several_problems',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
/** One error code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Statuses in which the reporter is asked "Помогли ли вам?". */
export const RATABLE_STATUSES: readonly Status[] = ['answered', 'resolved'];
/** How long after it was first given a rating may be changed. */
export const RATING_CHANGE_DAYS = 7;
/** Longest rating comment. */
export const MAX_RATING_COMMENT_LENGTH = 2000;
/** A rating from 4 up counts as "helped" in the statistics. */
export const POSITIVE_RATING_MIN = 4;
/** The window of the operator's rating statistics. */
export const RATING_STATS_DAYS = 30;

/** Whether a ticket in `status` asks for a rating. */
export function isRatableStatus(status: Status): boolean {
  return RATABLE_STATUSES.includes(status);
}
