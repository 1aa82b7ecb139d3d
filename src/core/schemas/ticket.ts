/** A registered ticket, its events and its list summary, as the server returns them. */
import * as z from 'zod/mini';
import { CATEGORIES, PRIORITIES } from '../categories';
import { ACTORS, STATUSES } from '../statuses';
import { attachmentSchema } from './attachment';
import { REPORTER_ROLES } from './context';
import { ticketDraftSchema } from './draft';
import { isoDateTimeSchema } from './fields';
import { ticketRatingSchema } from './rating';

/** A status code. */
export const statusSchema = z.enum(STATUSES);

/** Something that happened to a ticket; ids grow monotonically across the whole server. */
export const ticketEventSchema = z.lazy(() => z.object({
  id: z.int().check(z.positive()),
  ticketId: z.string(),
  type: z.enum(['status', 'message']),
  /** The ticket's status after this event. */
  status: statusSchema,
  /** The status before it (null on create; equal to `status` for a message that changed nothing). */
  previousStatus: z.nullable(statusSchema),
  actor: z.enum(ACTORS),
  text: z.optional(z.string()),
  attachments: z.array(attachmentSchema),
  createdAt: isoDateTimeSchema,
}));
/** One ticket event. */
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** The reporter as the ticket records them: from the verified token, or a guest's contact fields. */
export const reporterSchema = z.lazy(() => z.object({
  fullName: z.string(),
  role: z.enum(REPORTER_ROLES),
  organization: z.string(),
  lmsUrl: z.string(),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  guest: z.boolean(),
}));
/** The reporter of a ticket. */
export type Reporter = z.infer<typeof reporterSchema>;

/** What the one-problem check found on a ticket the user confirmed as one problem. */
export const oneProblemCheckRecordSchema = z.lazy(() => z.object({
  /** How many problems the check found (1 when it agreed with the user). */
  parts: z.int().check(z.positive()),
  /** The words that caused each split («Кроме того», «2)»). */
  markers: z.array(z.string()),
}));
/** A stored one-problem check. */
export type OneProblemCheckRecord = z.infer<typeof oneProblemCheckRecordSchema>;

/** Another ticket created together with this one (by splitting one description). */
export const linkedTicketSchema = z.lazy(() => z.object({ id: z.string(), number: z.string() }));
/** A linked ticket. */
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

/** What the server adds to a draft when it registers it. */
export const ticketRecordSchema = z.lazy(() => z.object({
  id: z.string(),
  number: z.string(),
  status: statusSchema,
  priority: z.enum(PRIORITIES),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  reviewDueAt: isoDateTimeSchema,
  resolveDueAt: isoDateTimeSchema,
  /** True when a deadline was computed for a year without a production calendar ("ориентировочно"). */
  deadlinesProvisional: z.boolean(),
  reporter: reporterSchema,
  attachments: z.array(attachmentSchema),
  events: z.array(ticketEventSchema),
  /** Present when the user confirmed one problem: what the server's check found in the description. */
  oneProblemCheck: z.optional(oneProblemCheckRecordSchema),
  /** The other tickets split from the same description, in order of creation. */
  createdWith: z.optional(z.array(linkedTicketSchema)),
  /** The reporter's rating of the help, once given. */
  rating: z.optional(ticketRatingSchema),
  /** The earlier (final) ticket this one continues. */
  followUpOf: z.optional(linkedTicketSchema),
  /** The later tickets that continue this one, oldest first. */
  followUps: z.optional(z.array(linkedTicketSchema)),
  /** When a guest consented to the processing of their personal data (absent for signed-in users). */
  consentAt: z.optional(isoDateTimeSchema),
}));

/** A ticket: its draft fields (per category) plus what the server recorded. */
export const ticketSchema = z.lazy(() => z.intersection(ticketDraftSchema, ticketRecordSchema));
/** A ticket. */
export type Ticket = z.infer<typeof ticketSchema>;

/** The answer to create: the ticket, plus the access key a guest needs to read it back (in the create's answer and its replay only, never on a read). */
export const createTicketResponseSchema = z.lazy(() => z.object({
  ticket: ticketSchema,
  accessKey: z.optional(z.string()),
}));
/** The answer to create. */
export type CreateTicketResponse = z.infer<typeof createTicketResponseSchema>;

/** The fields of a line of "my tickets" (a change's answer carries them too). */
const summaryShape = () => ({
  id: z.string(),
  number: z.string(),
  category: z.enum(CATEGORIES),
  subject: z.string(),
  status: statusSchema,
  priority: z.enum(PRIORITIES),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  lastEventId: z.int(),
  courseUrl: z.optional(z.string()),
  orderUrl: z.optional(z.string()),
});

/** A line of "my tickets". */
export const ticketSummarySchema = z.lazy(() => z.object(summaryShape()));
/** A ticket summary. */
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

/**
 * The answer to a message or a status change: the ticket's new summary and the one event the change added, so
 * a client updates what it shows without reading the whole ticket (whose events may number in the thousands).
 */
export const ticketChangeSchema = z.lazy(() => z.object({ ...summaryShape(), event: ticketEventSchema }));
/** The answer to a message or a status change. */
export type TicketChange = z.infer<typeof ticketChangeSchema>;

/** The reporter's ticket list: one page, newest first; `nextCursor` asks for the next page (null on the last). */
export const ticketListSchema = z.lazy(() => z.object({
  tickets: z.array(ticketSummarySchema),
  // Optional so an answer of a server without paging still parses (it is one complete page).
  nextCursor: z.optional(z.nullable(z.string())),
}));
