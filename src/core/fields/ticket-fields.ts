/**
 * The form's fields in one table, in two parts: the ticket's own fields (which categories require or offer
 * each) and the guest's contact (asked only when no signed-in user is known). A row says where the value goes
 * on the wire, what kind of input it is, its length limit and its message codes. The form's values, defaults,
 * draft building, inputs, checklist and e-mail body, the stored-draft schema, the wire schema and the
 * server's field messages are all derived from it, so a new field is a new row (and its texts).
 */
import { CATEGORIES } from '../categories';
import type { Category } from '../categories';
import { isHttpUrl } from '../links';
import { normalizePhone } from '../phone';
import { MAX_URL_LENGTH } from '../schemas/fields';
import type { FieldError } from '../schemas/fields';

/**
 * What kind of input a field is: it decides the control, its keyboard, autocomplete, the wire check and the
 * one stored form of the value (a phone is sent as +7XXXXXXXXXX, an e-mail with its domain lower-cased).
 */
export const FIELD_KINDS = ['text', 'multiline', 'courseUrl', 'orderUrl', 'documentUrl', 'siteUrl', 'date', 'phone', 'email', 'role'] as const;
/** One field kind. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** One row of the table. */
export interface TicketFieldSpec {
  /** Dotted path in the wire draft (`course.url`). */
  wire: string;
  /** Categories that cannot be sent without it. */
  required: readonly Category[];
  /** Categories that show it as optional. */
  offered: readonly Category[];
  kind: FieldKind;
  /** Longest value, in characters. */
  maxLength: number;
  /** The message codes its check can produce (each has a sentence in the field texts). */
  codes: readonly FieldError[];
  /** Whether the checklist «Что поможет решить быстрее» lists it (wording: `checklist.item.<name>`). */
  checklist: boolean;
}

const ALL = CATEGORIES;

/** The table, in the order the form shows the fields. */
export const TICKET_FIELDS = {
  description: { wire: 'description', required: ALL, offered: [], kind: 'multiline', maxLength: 5000, codes: ['required', 'too_long'], checklist: true },
  subject: { wire: 'subject', required: ALL, offered: [], kind: 'text', maxLength: 200, codes: ['required', 'too_long'], checklist: true },
  courseTitle: { wire: 'course.title', required: ['course', 'test'], offered: [], kind: 'text', maxLength: 300, codes: ['required', 'too_long'], checklist: true },
  courseUrl: { wire: 'course.url', required: ['course', 'test'], offered: [], kind: 'courseUrl', maxLength: MAX_URL_LENGTH, codes: ['required', 'url'], checklist: true },
  testQuestion: { wire: 'testQuestion', required: ['test'], offered: [], kind: 'multiline', maxLength: 2000, codes: ['required', 'too_long'], checklist: true },
  testAttemptDate: { wire: 'testAttemptDate', required: [], offered: ['test'], kind: 'date', maxLength: 10, codes: ['invalid', 'future'], checklist: true },
  orderUrl: { wire: 'orderUrl', required: ['order', 'document'], offered: [], kind: 'orderUrl', maxLength: MAX_URL_LENGTH, codes: ['required', 'url'], checklist: true },
  documentUrl: { wire: 'documentUrl', required: ['document'], offered: [], kind: 'documentUrl', maxLength: MAX_URL_LENGTH, codes: ['required', 'url'], checklist: true },
  steps: { wire: 'steps', required: ['technical'], offered: [], kind: 'multiline', maxLength: 3000, codes: ['required', 'too_long'], checklist: true },
} as const satisfies Record<string, TicketFieldSpec>;

/** The name of a text field of the ticket (the form's name for it). */
export type TicketFieldName = keyof typeof TICKET_FIELDS;
/** Every text field, in the order the form shows them. */
export const TICKET_FIELD_NAMES = Object.keys(TICKET_FIELDS) as TicketFieldName[];

/** The row of a field. */
export function fieldSpec(name: TicketFieldName): TicketFieldSpec {
  return TICKET_FIELDS[name];
}

/** Whether every category asks for the field (subject, description): the form shows it above the category's own. */
export function isCommonField(name: TicketFieldName): boolean {
  const spec = fieldSpec(name);
  return ALL.every((category) => spec.required.includes(category));
}

/** Whether `category` requires the field. */
export function isFieldRequired(name: TicketFieldName, category: Category): boolean {
  return fieldSpec(name).required.includes(category);
}

/** Whether `category` shows the field at all (required or optional). */
export function isFieldShown(name: TicketFieldName, category: Category): boolean {
  const spec = fieldSpec(name);
  return spec.required.includes(category) || spec.offered.includes(category);
}

/** The fields a category adds to the common ones, in table order. */
export function categoryFieldNames(category: Category): TicketFieldName[] {
  return TICKET_FIELD_NAMES.filter((name) => !isCommonField(name) && isFieldShown(name, category));
}

/** Every field some categories add (and others hide). */
export const CATEGORY_FIELD_NAMES: readonly TicketFieldName[] = TICKET_FIELD_NAMES.filter((name) => !isCommonField(name));

/** Whether the field holds a link. */
export function isUrlKind(kind: FieldKind): boolean {
  return kind === 'courseUrl' || kind === 'orderUrl' || kind === 'documentUrl' || kind === 'siteUrl';
}

/** A plausible e-mail address (the wire check is zod's; this is the quick one for the checklist). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The one form a value of `kind` is sent and stored in: trimmed, a phone as +7XXXXXXXXXX, an e-mail's domain lower-cased. */
export function normalizeFieldValue(kind: FieldKind, value: string): string {
  const trimmed = kind === 'multiline' ? value : value.trim();
  if (kind === 'phone') return normalizePhone(trimmed) ?? trimmed;
  if (kind === 'email') {
    // The domain is case-insensitive; the part before @ is the mailbox's own and is kept as typed.
    const at = trimmed.lastIndexOf('@');
    return at < 0 ? trimmed : `${trimmed.slice(0, at)}${trimmed.slice(at).toLowerCase()}`;
  }
  return trimmed;
}

/** Whether a value of `kind` is filled in well enough to tick its checklist line. */
export function isFieldValueDone(kind: FieldKind, value: string): boolean {
  if (isUrlKind(kind)) return isHttpUrl(value);
  if (kind === 'phone') return normalizePhone(value) !== null;
  if (kind === 'email') return EMAIL_SHAPE.test(value.trim());
  return value.trim() !== '';
}

/** One row of the guest's contact: asked only in guest mode, its wire path is `contact.<name>`. */
export interface ContactFieldSpec {
  /** Whether a guest cannot send without it. */
  required: boolean;
  kind: FieldKind;
  /** Longest value, in characters. */
  maxLength: number;
  /** The message codes its check can produce (each has a sentence in the field texts). */
  codes: readonly FieldError[];
  /** The browser's autofill token (`organization`, `name`, `tel`, `email`…). */
  autoComplete: string;
}

/** The guest's contact, in the order of the policy ("полные данные", as for an e-mail). */
export const CONTACT_FIELDS = {
  organization: { required: true, kind: 'text', maxLength: 300, codes: ['required', 'too_long'], autoComplete: 'organization' },
  lmsUrl: { required: true, kind: 'siteUrl', maxLength: MAX_URL_LENGTH, codes: ['required', 'url'], autoComplete: 'url' },
  fullName: { required: true, kind: 'text', maxLength: 300, codes: ['required', 'too_long'], autoComplete: 'name' },
  role: { required: true, kind: 'role', maxLength: 32, codes: ['required', 'invalid'], autoComplete: 'off' },
  phone: { required: true, kind: 'phone', maxLength: 32, codes: ['required', 'phone'], autoComplete: 'tel' },
  email: { required: false, kind: 'email', maxLength: 254, codes: ['email', 'too_long'], autoComplete: 'email' },
} as const satisfies Record<string, ContactFieldSpec>;

/** The name of a contact field (the form's `contact.<name>`). */
export type ContactFieldName = keyof typeof CONTACT_FIELDS;
/** Every contact field, in the order the form shows them. */
export const CONTACT_FIELD_NAMES = Object.keys(CONTACT_FIELDS) as ContactFieldName[];

/** The row of a contact field. */
export function contactFieldSpec(name: ContactFieldName): ContactFieldSpec {
  return CONTACT_FIELDS[name];
}

/** The field shown at a wire path (`course.url` → courseUrl), or null. */
export function fieldAtWirePath(path: string): TicketFieldName | null {
  return TICKET_FIELD_NAMES.find((name) => fieldSpec(name).wire === path) ?? null;
}

/** The value at a dotted wire path of a draft or ticket, when it is a string. */
export function readWirePath(draft: object, path: string): string | undefined {
  let value: unknown = draft;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === 'string' ? value : undefined;
}

/** Sets `value` at a dotted wire path, creating the objects on the way. */
export function writeWirePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node = target;
  for (const part of parts) {
    const next = node[part];
    node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (node[part] = {});
  }
  node[last] = value;
}
