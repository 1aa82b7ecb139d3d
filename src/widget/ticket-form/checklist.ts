/**
 * "Что поможет решить быстрее": what support needs for a category (DESIGN §3), ticked from the form values.
 * The policy says finding out the facts takes 70% of the time spent on a problem, so the list shows the
 * recommended items as well as the required ones.
 */
import { isHttpUrl, normalizeRuPhone } from '../../core';
import type { Category } from '../../core';
import { CATEGORY_FIELDS } from './form-values';
import type { TicketFormValues } from './form-values';

/** One thing support needs. */
export type ChecklistKey =
  | 'contact'
  | 'subject'
  | 'description'
  | 'courseTitle'
  | 'courseUrl'
  | 'testQuestion'
  | 'orderUrl'
  | 'documentUrl'
  | 'steps'
  | 'screenshot'
  | 'browser';

/** A line of the checklist: required blocks sending, recommended only helps. */
export interface ChecklistItem {
  key: ChecklistKey;
  required: boolean;
  done: boolean;
}

/** Facts from outside the form values. */
export interface ChecklistFacts {
  /** The attachments include an image (the attachments slot's `hasImage`). */
  hasImage: boolean;
  /** Guest mode: the contact details are the user's to give. */
  guest: boolean;
}

const SCREENSHOT_HELPS: readonly Category[] = ['course', 'test', 'document', 'technical'];

const filled = (value: string): boolean => value.trim() !== '';

function contactDone(c: TicketFormValues['contact']): boolean {
  return filled(c.organization) && isHttpUrl(c.lmsUrl) && filled(c.fullName) && c.role !== '' && normalizeRuPhone(c.phone) !== null;
}

function isDone(key: ChecklistKey, v: TicketFormValues, facts: ChecklistFacts): boolean {
  switch (key) {
    case 'contact':
      return contactDone(v.contact);
    case 'courseUrl':
    case 'orderUrl':
    case 'documentUrl':
      return isHttpUrl(v[key]);
    case 'subject':
    case 'description':
    case 'courseTitle':
    case 'testQuestion':
    case 'steps':
      return filled(v[key]);
    case 'screenshot':
      return facts.hasImage;
    case 'browser':
      return true; // collected automatically and always attached
    default:
      return key satisfies never;
  }
}

/** The checklist of `category` with each item ticked from the current values. */
export function checklistItems(category: Category, values: TicketFormValues, facts: ChecklistFacts): ChecklistItem[] {
  const required: ChecklistKey[] = [...(facts.guest ? (['contact'] as const) : []), 'subject', 'description', ...CATEGORY_FIELDS[category]];
  const recommended: ChecklistKey[] = [...(SCREENSHOT_HELPS.includes(category) ? (['screenshot'] as const) : []), ...(category === 'suggestion' ? [] : (['browser'] as const))];
  return [
    ...required.map((key) => ({ key, required: true, done: isDone(key, values, facts) })),
    ...recommended.map((key) => ({ key, required: false, done: isDone(key, values, facts) })),
  ];
}
