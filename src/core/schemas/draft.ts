/** The ticket a user sends: one schema per category , one discriminated union on `category`. */
import * as z from 'zod/mini';
import { IMPACTS } from '../categories';
import type { Category } from '../categories';
import { categoryWireShape } from '../fields';
import { attachmentIdSchema } from './attachment';
import { browserInfoSchema } from './browser';
import { contactSchema } from './context';
import { requiredText } from './fields';
import { DRAFT_LIMITS } from './constants';

export { DRAFT_LIMITS };

// Printable ASCII without spaces, like an idempotency key: a UUID fits.
const SPLIT_GROUP = /^[\x21-\x7e]{8,128}$/;

/** A page error the user agreed to attach (recorded by the embed from `error` / `unhandledrejection`). */
export const pageErrorSchema = z.object({
  message: z.string().check(z.maxLength(1000)),
  source: z.optional(z.string().check(z.maxLength(1000))),
  at: z.string().check(z.maxLength(40)),
});
/** One page error. */
export type PageError = z.infer<typeof pageErrorSchema>;

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
  /**
   * A guest's consent to the processing of personal data (152-ФЗ): only `true` is one. The server requires it
   * of a guest, stores when it was given and keeps it out of the stored draft; a signed-in user's is ignored.
   */
  consent: z.optional(z.literal(true, 'required')),
};

/** The draft of one category: the common fields plus the category's own, from the field table. */
function categoryDraftSchema<C extends Category>(category: C) {
  return z.object({ category: z.literal(category), ...common, ...categoryWireShape(category) });
}

/** Course or learning material: its full title and link are required. */
export const courseDraftSchema = categoryDraftSchema('course');
/** Test: the course it belongs to and the text of the question. */
export const testDraftSchema = categoryDraftSchema('test');
/** Order (заявка на обучение): its link. */
export const orderDraftSchema = categoryDraftSchema('order');
/** A wrongly generated document: the order it is made in and the document's link. */
export const documentDraftSchema = categoryDraftSchema('document');
/** A technical error: the steps that cause it. */
export const technicalDraftSchema = categoryDraftSchema('technical');
/** A suggestion for the LMS or courses. */
export const suggestionDraftSchema = categoryDraftSchema('suggestion');
/** Anything else. */
export const otherDraftSchema = categoryDraftSchema('other');

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
