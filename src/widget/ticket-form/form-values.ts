/** The ticket form's own value shape: flat and always complete, so hidden category fields keep their text. */
import { CATEGORIES, CATEGORY_FIELD_NAMES, categoryFieldNames, CONTACT_FIELD_NAMES, IMPACTS, isFieldRequired, TICKET_FIELD_NAMES } from '../../core';
import type { Category, CONTACT_FIELDS, ContactFieldName, Impact, LmsRole, TicketFieldName } from '../../core';

/** What a guest types about themselves (the policy's "full data" for an e-mail), one value per contact row of the table. */
export type ContactValues = { [N in ContactFieldName]: (typeof CONTACT_FIELDS)[N]['kind'] extends 'role' ? LmsRole | '' : string };

/** Every value of the form; empty strings mean "not chosen" so radios and selects start unselected. The text fields come from the field table. */
export interface TicketFormValues extends Record<TicketFieldName, string> {
  category: Category | '';
  impact: Impact | '';
  contact: ContactValues;
  /** Page errors are attached only when the user ticks the box. */
  attachPageErrors: boolean;
  /** The description the user confirmed to be one problem ('' while not confirmed). */
  confirmedOneProblem: string;
  /**
   * A guest's consent to the processing of personal data. Optional and never stored with the draft: it is
   * given for each ticket sent, so a restored draft or the next ticket asks again.
   */
  consent?: boolean;
}

/** A field that only some categories ask for. */
export type CategoryFieldName = TicketFieldName;

/** A field path a message or the error summary can point at. */
export type FormFieldPath = `contact.${ContactFieldName}` | 'category' | TicketFieldName | 'impact' | 'consent';

/** Each category's own fields, in the order they are shown (from the field table). */
export const CATEGORY_FIELDS: Readonly<Record<Category, readonly TicketFieldName[]>> = CATEGORIES.reduce(
  (all, category) => ({ ...all, [category]: categoryFieldNames(category) }),
  {} as Record<Category, readonly TicketFieldName[]>,
);

/** Every field in the order the form shows them, so the error summary reads top to bottom. */
export const FIELD_ORDER: readonly FormFieldPath[] = [
  'category',
  ...TICKET_FIELD_NAMES,
  ...CONTACT_FIELD_NAMES.map((name) => `contact.${name}` as const),
  'impact',
  'consent',
];

/** Whether a field is on screen (and so sent) for this category and mode. */
export function isFieldActive(path: FormFieldPath, category: Category | '', guest: boolean): boolean {
  if (path.startsWith('contact.') || path === 'consent') return guest;
  if ((CATEGORY_FIELD_NAMES as readonly string[]).includes(path)) {
    return category !== '' && (CATEGORY_FIELDS[category] as readonly string[]).includes(path);
  }
  return true;
}

/** The category fields hidden for `category` (their errors are cleared when the category changes). */
export function inactiveCategoryFields(category: Category | ''): TicketFieldName[] {
  const active: readonly TicketFieldName[] = category === '' ? [] : CATEGORY_FIELDS[category];
  return CATEGORY_FIELD_NAMES.filter((name) => !active.includes(name));
}

/** An untouched form. */
export function emptyValues(): TicketFormValues {
  const texts = Object.fromEntries(TICKET_FIELD_NAMES.map((name) => [name, ''])) as Record<TicketFieldName, string>;
  return {
    ...texts,
    category: '',
    impact: '',
    contact: Object.fromEntries(CONTACT_FIELD_NAMES.map((name) => [name, ''])) as ContactValues,
    attachPageErrors: false,
    confirmedOneProblem: '',
  };
}

const TOP_KEYS = Object.keys(emptyValues()).filter((key) => key !== 'contact') as Array<Exclude<keyof TicketFormValues, 'contact'>>;

/** Whether two value sets are the same, key by key (object key order differs after a restore). */
export function sameValues(a: TicketFormValues, b: TicketFormValues): boolean {
  return TOP_KEYS.every((key) => a[key] === b[key]) && CONTACT_FIELD_NAMES.every((key) => a.contact[key] === b.contact[key]);
}

/**
 * Where the user types first once `category` is chosen: the description (the subject is proposed from it, so
 * writing what happened comes first), or, when it is already written, the first empty field the category
 * requires, in the form's order.
 */
export function firstFieldToType(category: Category, values: TicketFormValues): TicketFieldName {
  if (values.description.trim() === '') return 'description';
  return TICKET_FIELD_NAMES.find((name) => isFieldRequired(name, category) && values[name].trim() === '') ?? 'description';
}

/**
 * The impact chosen, or '' for none: a radio group with nothing checked can read back from the page as null
 * rather than the default '', and that must not reach the priority or the draft.
 */
export function chosenImpact(value: Impact | '' | null | undefined): Impact | '' {
  return IMPACTS.find((impact) => impact === value) ?? '';
}
