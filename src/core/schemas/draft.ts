/** The ticket a user sends: one schema per category (DESIGN §3), one discriminated union on `category`. */
import * as z from 'zod/mini';
import { IMPACTS } from '../categories';
import { attachmentIdSchema } from './attachment';
import { browserInfoSchema } from './browser';
import { contactSchema } from './context';
import { fieldError, httpUrlSchema, requiredText } from './fields';

// Printable ASCII without spaces, like an idempotency key: a UUID fits.
const SPLIT_GROUP = /^[\x21-\x7e]{8,128}$/;

/** Field length limits, shared by the form's counters and the server. */
export const DRAFT_LIMITS = {
  subject: 200,
  description: 5000,
  steps: 3000,
  courseTitle: 300,
  testQuestion: 2000,
  attachments: 10,
  pageErrors: 20,
} as const;

/** A page error the user agreed to attach (recorded by the embed from `error` / `unhandledrejection`). */
export const pageErrorSchema = z.object({
  message: z.string().check(z.maxLength(1000)),
  source: z.optional(z.string().check(z.maxLength(1000))),
  at: z.string().check(z.maxLength(40)),
});
/** One page error. */
export type PageError = z.infer<typeof pageErrorSchema>;

/** The course a course or test ticket is about. */
export const courseRefSchema = z.object(
  {
    title: requiredText(DRAFT_LIMITS.courseTitle),
    url: httpUrlSchema,
  },
  fieldError('invalid'),
);

const common = {
  subject: requiredText(DRAFT_LIMITS.subject),
  description: requiredText(DRAFT_LIMITS.description),
  impact: z.enum(IMPACTS, { error: 'required' }),
  attachmentIds: z._default(z.array(attachmentIdSchema).check(z.maxLength(DRAFT_LIMITS.attachments, 'too_many')), []),
  browser: browserInfoSchema,
  pageUrl: z.optional(z.string().check(z.maxLength(2000))),
  pageErrors: z.optional(z.array(pageErrorSchema).check(z.maxLength(DRAFT_LIMITS.pageErrors, 'too_many'))),
  oneProblemConfirmed: z.optional(z.boolean()),
  /** The same token on every ticket made by splitting one description: the server links them. */
  splitGroup: z.optional(z.string().check(z.regex(SPLIT_GROUP, 'invalid'))),
  contact: z.optional(contactSchema),
};

/** Course or learning material: its full title and link are required. */
export const courseDraftSchema = z.object({ category: z.literal('course'), ...common, course: courseRefSchema });
/** Test: the course it belongs to and the text of the question. */
export const testDraftSchema = z.object({
  category: z.literal('test'),
  ...common,
  course: courseRefSchema,
  testQuestion: requiredText(DRAFT_LIMITS.testQuestion),
});
/** Order (заявка на обучение): its link. */
export const orderDraftSchema = z.object({ category: z.literal('order'), ...common, orderUrl: httpUrlSchema });
/** A wrongly generated document: the order it is made in and the document's link. */
export const documentDraftSchema = z.object({
  category: z.literal('document'),
  ...common,
  orderUrl: httpUrlSchema,
  documentUrl: httpUrlSchema,
});
/** A technical error: the steps that cause it. */
export const technicalDraftSchema = z.object({
  category: z.literal('technical'),
  ...common,
  steps: requiredText(DRAFT_LIMITS.steps),
});
/** A suggestion for the LMS or courses. */
export const suggestionDraftSchema = z.object({ category: z.literal('suggestion'), ...common });
/** Anything else. */
export const otherDraftSchema = z.object({ category: z.literal('other'), ...common });

/** A ticket draft, valid for its category. */
export const ticketDraftSchema = z.discriminatedUnion('category', [
  courseDraftSchema,
  testDraftSchema,
  orderDraftSchema,
  documentDraftSchema,
  technicalDraftSchema,
  suggestionDraftSchema,
  otherDraftSchema,
]);
/** A valid ticket draft (after parsing). */
export type TicketDraft = z.infer<typeof ticketDraftSchema>;
/** A ticket draft as the client sends it (defaults not yet applied). */
export type TicketDraftInput = z.input<typeof ticketDraftSchema>;
