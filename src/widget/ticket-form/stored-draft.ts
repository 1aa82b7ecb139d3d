/**
 * Drafts in the text store (localStorage): `{ version, savedAt, values, idempotencyKey, split? }`.
 * What comes back is parsed defensively: another version, another app's data or a hand-edited value is
 * dropped field by field, never trusted.
 */
import * as z from 'zod/mini';
import { CATEGORIES, CONTACT_FIELD_NAMES, contactFieldSpec, DRAFT_LIMITS, fieldSpec, IMPACTS, LMS_ROLES, TICKET_FIELD_NAMES } from '../../core';
import type { Category, Impact, TicketFieldName } from '../../core';
import { emptyValues } from './form-values';
import type { ContactValues, TicketFormValues } from './form-values';

/** Bumped when the stored shape changes; older drafts are ignored rather than misread. */
export const DRAFT_VERSION = 1;

/** One part of a split description, waiting to be sent as its own ticket. */
export interface SplitItem {
  subject: string;
  description: string;
  idempotencyKey: string;
  /** The part's own category, when it is about something else than the form's; its fields are then its own. */
  category?: Category | undefined;
  /** The part's values of its own category's fields (the form's values fill the rest). */
  fields?: { [name in TicketFieldName]?: string | undefined } | undefined;
  /** How much this part hurts, when the user answered it apart from the form (a wish beside a blocking fault). */
  impact?: Impact | undefined;
}

/**
 * The token that links the tickets of one split on the server: the first part's idempotency key, which is
 * stored with the draft, stays the same across reloads and retries, and is unique to this split.
 */
export function splitGroupOf(items: readonly SplitItem[]): string | undefined {
  return items[0]?.idempotencyKey;
}

/** A draft as stored. */
export interface StoredDraft {
  version: typeof DRAFT_VERSION;
  savedAt: string;
  values: TicketFormValues;
  idempotencyKey: string;
  split?: SplitItem[];
}

/** The text store key of a user's draft. */
export function draftStorageKey(userKey: string): string {
  return `uchi-support:ticket-draft:${userKey}`;
}

const text = (max: number) => z.catch(z.string().check(z.maxLength(max)), '');
const choice = <T extends readonly [string, ...string[]]>(codes: T) => z.catch(z.union([z.enum(codes), z.literal('')]), '');
const keySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,200}$/));
const empty = emptyValues();

/** Each contact row as stored: a choice of its codes for the role, else text up to the row's limit. */
function buildContactSchema() {
  return z.object(
    Object.fromEntries(
      CONTACT_FIELD_NAMES.map((name) => {
        const spec = contactFieldSpec(name);
        return [name, spec.kind === 'role' ? choice(LMS_ROLES) : text(spec.maxLength)];
      }),
    ),
  ) as unknown as z.ZodMiniType<ContactValues, unknown>;
}

let contactSchema: ReturnType<typeof buildContactSchema> | undefined;
/** The schema of a stored contact (a draft's, a remembered one), built at its first use. */
export function storedContactSchema(): ReturnType<typeof buildContactSchema> {
  return (contactSchema ??= buildContactSchema());
}

/**
 * The stored draft's schema, built the first time a stored draft is read (zod/mini schemas are objects and
 * closures: opening the form with nothing stored builds none of it).
 */
function buildStoredDraftSchema() {
  const contactSchema = storedContactSchema();

  const textFields = Object.fromEntries(TICKET_FIELD_NAMES.map((name) => [name, text(fieldSpec(name).maxLength)])) as Record<
    TicketFieldName,
    ReturnType<typeof text>
  >;

  const valuesSchema = z.object({
    ...textFields,
    category: choice(CATEGORIES),
    impact: choice(IMPACTS),
    contact: z.catch(contactSchema, empty.contact),
    attachPageErrors: z.catch(z.boolean(), false),
    confirmedOneProblem: text(DRAFT_LIMITS.description),
  });

  const splitItemSchema = z.object({
    subject: text(DRAFT_LIMITS.subject),
    description: text(DRAFT_LIMITS.description),
    idempotencyKey: keySchema,
    category: z.catch(z.optional(z.enum(CATEGORIES)), undefined),
    fields: z.catch(z.optional(z.object(Object.fromEntries(TICKET_FIELD_NAMES.map((name) => [name, z.optional(textFields[name])])))), undefined),
    impact: z.catch(z.optional(z.enum(IMPACTS)), undefined),
  });

  return z.object({
    version: z.literal(DRAFT_VERSION),
    savedAt: z.iso.datetime({ offset: true }),
    values: valuesSchema,
    idempotencyKey: keySchema,
    split: z.optional(z.catch(z.nullable(z.array(splitItemSchema).check(z.minLength(2), z.maxLength(20))), null)),
  });
}

let storedDraftSchema: ReturnType<typeof buildStoredDraftSchema> | undefined;

/** The stored draft in `raw`, or null when there is none or it cannot be trusted. */
export function parseStoredDraft(raw: string | null): StoredDraft | null {
  if (raw === null || raw === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = (storedDraftSchema ??= buildStoredDraftSchema()).safeParse(json);
  if (!parsed.success) return null;
  const { split, ...rest } = parsed.data;
  return split === null || split === undefined ? rest : { ...rest, split };
}

/** The JSON stored for a draft. */
export function serializeDraft(draft: Omit<StoredDraft, 'version' | 'savedAt'>, savedAt: Date): string {
  const stored: StoredDraft = { version: DRAFT_VERSION, savedAt: savedAt.toISOString(), ...draft };
  return JSON.stringify(stored);
}
