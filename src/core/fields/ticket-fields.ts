/**
 * The ticket's text fields in one table: where each goes on the wire, which categories require or offer it,
 * what kind of input it is, its length limit and its message codes. The form's values, defaults, draft
 * building, category fields, checklist and e-mail body, the stored-draft schema, the wire schema's category
 * parts and the server's field messages are all derived from it, so a new field is a new row (and its texts).
 */
import { CATEGORIES } from '../categories';
import type { Category } from '../categories';
import { MAX_URL_LENGTH } from '../schemas/fields';
import type { FieldError } from '../schemas/fields';

/** What kind of input a field is: it decides the control, its keyboard, autocomplete and the wire check. */
export const FIELD_KINDS = ['text', 'multiline', 'courseUrl', 'orderUrl', 'documentUrl', 'date'] as const;
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
  subject: { wire: 'subject', required: ALL, offered: [], kind: 'text', maxLength: 200, codes: ['required', 'too_long'], checklist: true },
  description: { wire: 'description', required: ALL, offered: [], kind: 'multiline', maxLength: 5000, codes: ['required', 'too_long'], checklist: true },
  courseTitle: { wire: 'course.title', required: ['course', 'test'], offered: [], kind: 'text', maxLength: 300, codes: ['required', 'too_long'], checklist: true },
  courseUrl: { wire: 'course.url', required: ['course', 'test'], offered: [], kind: 'courseUrl', maxLength: MAX_URL_LENGTH, codes: ['required', 'url'], checklist: true },
  testQuestion: { wire: 'testQuestion', required: ['test'], offered: [], kind: 'multiline', maxLength: 2000, codes: ['required', 'too_long'], checklist: true },
  testAttemptDate: { wire: 'testAttemptDate', required: [], offered: ['test'], kind: 'date', maxLength: 10, codes: ['invalid'], checklist: true },
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
  return kind === 'courseUrl' || kind === 'orderUrl' || kind === 'documentUrl';
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
