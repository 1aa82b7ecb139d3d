/** The ticket a user sends: one schema per category , one discriminated union on `category`. */
import * as z from 'zod/mini';
import { IMPACTS } from '../categories';
import type { Category } from '../categories';
import { categoryWireShape } from '../fields';
import { attachmentIdSchema } from './attachment';
import { browserInfoSchema } from './browser';
import { contactSchema } from './context';
import { fieldError, isoDateTimeSchema, requiredText } from './fields';
import { DRAFT_LIMITS } from './constants';

export { DRAFT_LIMITS };

// Printable ASCII without spaces, like an idempotency key: a UUID fits.
const SPLIT_GROUP = /^[\x21-\x7e]{8,128}$/;

/** A page error the user agreed to attach (recorded by the embed from `error` / `unhandledrejection`). */
export const pageErrorSchema = z.lazy(() => z.object({
  message: z.string().check(z.maxLength(1000)),
  source: z.optional(z.string().check(z.maxLength(1000))),
  at: isoDateTimeSchema,
}));
/** One page error. */
export type PageError = z.infer<typeof pageErrorSchema>;

/** The fields every category has; built once, at the first draft schema built. */
let commonShape: ReturnType<typeof buildCommonShape> | undefined;
function buildCommonShape() {
  return {
    subject: requiredText(DRAFT_LIMITS.subject),
    description: requiredText(DRAFT_LIMITS.description),
    impact: z.enum(IMPACTS, fieldError('invalid')),
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
}

/** The draft of one category: the common fields plus the category's own, from the field table. */
function buildDraftSchema<C extends Category>(category: C, latestDate?: string) {
  commonShape ??= buildCommonShape();
  return z.object({ category: z.literal(category), ...commonShape, ...categoryWireShape(category, latestDate) });
}
/** The draft schema of one category. */
export type CategoryDraftSchema<C extends Category> = ReturnType<typeof buildDraftSchema<C>>;

const built = new Map<Category, unknown>();
/** The bounded schemas of one date (a new day starts a new set; the old one is let go). */
let bounded: { latestDate: string; schemas: Map<Category, unknown>; union?: ReturnType<typeof draftUnion> } | undefined;

/**
 * The draft schema of one category, built the first time it is asked for. Schemas are objects and closures in
 * zod/mini, and the first open of the widget loads the draft's module without validating a draft yet; the form
 * validates one category at a time, so it builds only the category it validates.
 *
 * A new ticket passes `latestDate` (YYYY-MM-DD): a date field after it is refused with `future` (an attempt
 * that has not happened). Without it, any date passes: a ticket read back keeps what it was stored with.
 */
export function draftSchemaFor<C extends Category>(category: C, latestDate?: string): CategoryDraftSchema<C> {
  if (latestDate !== undefined && bounded?.latestDate !== latestDate) bounded = { latestDate, schemas: new Map() };
  const cache = latestDate === undefined ? built : (bounded as NonNullable<typeof bounded>).schemas;
  let schema = cache.get(category) as CategoryDraftSchema<C> | undefined;
  if (schema === undefined) cache.set(category, (schema = buildDraftSchema(category, latestDate)));
  return schema;
}

/** Course or learning material: its full title and link are required. */
export const courseDraftSchema = z.lazy(() => draftSchemaFor('course'));
/** Test: the course it belongs to and the text of the question. */
export const testDraftSchema = z.lazy(() => draftSchemaFor('test'));
/** Order (заявка на обучение): its link. */
export const orderDraftSchema = z.lazy(() => draftSchemaFor('order'));
/** A wrongly generated document: the order it is made in and the document's link. */
export const documentDraftSchema = z.lazy(() => draftSchemaFor('document'));
/** A technical error: the steps that cause it. */
export const technicalDraftSchema = z.lazy(() => draftSchemaFor('technical'));
/** A suggestion for the LMS or courses. */
export const suggestionDraftSchema = z.lazy(() => draftSchemaFor('suggestion'));
/** Anything else. */
export const otherDraftSchema = z.lazy(() => draftSchemaFor('other'));

/** The drafts of every category as one union on `category`; dates bounded by `latestDate` when given. */
function draftUnion(latestDate?: string) {
  return z.discriminatedUnion('category', [
    draftSchemaFor('course', latestDate),
    draftSchemaFor('test', latestDate),
    draftSchemaFor('order', latestDate),
    draftSchemaFor('document', latestDate),
    draftSchemaFor('technical', latestDate),
    draftSchemaFor('suggestion', latestDate),
    draftSchemaFor('other', latestDate),
  ]);
}

/** A ticket draft, valid for its category (any date: a stored ticket is read back as it was stored). */
export const ticketDraftSchema = z.lazy(() => draftUnion());

/**
 * A new ticket's draft: as {@link ticketDraftSchema}, with its dates no later than `latestDate` (the server
 * passes `latestAcceptedDate(now)`). Built once per date.
 */
export function newTicketDraftSchema(latestDate: string): ReturnType<typeof draftUnion> {
  if (bounded?.latestDate !== latestDate) bounded = { latestDate, schemas: new Map() };
  return (bounded.union ??= draftUnion(latestDate));
}
/** A valid ticket draft (after parsing). */
export type TicketDraft = z.infer<typeof ticketDraftSchema>;
/** A ticket draft as the client sends it (defaults not yet applied). */
export type TicketDraftInput = z.input<typeof ticketDraftSchema>;
